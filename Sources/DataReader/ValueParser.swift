import CampaignLang

/// Reads typed values from the bytes of a field (a slice of the file: nothing is
/// copied). Every function returns nil for a missing value and throws a `ValueError`
/// that tells the file's author what to write instead.
///
/// Shared rules:
/// - An empty field is missing. For every kind but `string` and `enumeration`, spaces
///   and tabs around the value are ignored, so a field of only spaces is missing too.
/// - Numbers are read exactly, never through floating point.
public enum ValueParser {
  /// The most significant digits a decimal may have: with 18, `units` always fits in
  /// an `Int64`.
  public static let maximumDecimalDigits = 18

  /// Reads `bytes` as a value of `kind`; nil when the field is missing.
  public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, as kind: ColumnKind) throws(ValueError) -> FieldValue? {
    switch kind {
    case .int: return try int(bytes).map(FieldValue.int)
    case .decimal: return try decimal(bytes).map(FieldValue.decimal)
    case .bool: return try bool(bytes).map(FieldValue.bool)
    case .string: return string(bytes).map(FieldValue.string)
    case .date: return try date(bytes).map(FieldValue.date)
    case .timestamp: return try timestamp(bytes).map { FieldValue.timestamp(secondsSinceEpoch: $0) }
    case .duration: return try duration(bytes).map { FieldValue.duration(seconds: $0) }
    case .percent: return try percent(bytes).map(FieldValue.percent)
    case .enumeration(let cases): return try enumeration(bytes, cases: cases).map { .enumeration(caseIndex: $0) }
    }
  }

  /// Reads `text` as a value of `kind`; nil when it is missing. For tests and
  /// one-off values; loops over data should pass bytes.
  public static func parse(_ text: String, as kind: ColumnKind) throws(ValueError) -> FieldValue? {
    var text = text
    let result = text.withUTF8 { bytes in
      Result { () throws(ValueError) -> FieldValue? in try parse(bytes, as: kind) }
    }
    return try result.get()
  }

  /// The field as a string, exactly as written (no trimming); nil when empty. The
  /// readers have already checked that it is UTF-8.
  public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
  }

  /// A whole number: an optional `+` or `-`, then digits. Out of the `Int64` range is an
  /// error, not a wrap-around.
  public static func int(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int64? {
    let bytes = trimmed(field)
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    var index = 0
    let negative = base[0] == UInt8(ascii: "-")
    if negative || base[0] == UInt8(ascii: "+") { index = 1 }
    guard index < bytes.count else { throw ValueError(field, .notAWholeNumber(.none)) }
    // Accumulate downwards so that -9223372036854775808 fits.
    var value: Int64 = 0
    while index < bytes.count {
      let digit = base[index] &- UInt8(ascii: "0")
      guard digit < 10 else { throw ValueError(field, .notAWholeNumber(numberHint(field, wantsWhole: true))) }
      let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
      let (next, overflow2) = times10.subtractingReportingOverflow(Int64(digit))
      if overflow1 || overflow2 {
        let rest = bytes[(index + 1)...]
        if rest.allSatisfy({ $0 &- UInt8(ascii: "0") < 10 }) { throw ValueError(field, .wholeNumberOutOfRange) }
        throw ValueError(field, .notAWholeNumber(numberHint(field, wantsWhole: true)))
      }
      value = next
      index += 1
    }
    if negative { return value }
    guard value != .min else { throw ValueError(field, .wholeNumberOutOfRange) }
    return -value
  }

  /// `true` or `false`, also written `TRUE`/`FALSE`, `True`/`False`, `1`/`0`. Nothing
  /// else (not `yes`/`no`, `t`/`f`): these are ambiguous across languages and tools.
  public static func bool(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Bool? {
    let bytes = trimmed(field)
    if bytes.isEmpty { return nil }
    if bytes.count == 1 {
      if bytes[0] == UInt8(ascii: "1") { return true }
      if bytes[0] == UInt8(ascii: "0") { return false }
    } else if matches(bytes, "true") || matches(bytes, "TRUE") || matches(bytes, "True") {
      return true
    } else if matches(bytes, "false") || matches(bytes, "FALSE") || matches(bytes, "False") {
      return false
    }
    throw ValueError(field, .notTrueOrFalse)
  }

  /// The index of the case named exactly as the field (no trimming, letter case
  /// counts); nil when the field is empty.
  public static func enumeration(_ bytes: UnsafeBufferPointer<UInt8>, cases: [String]) throws(ValueError) -> Int? {
    if bytes.isEmpty { return nil }
    for (index, name) in cases.enumerated() where matches(bytes, name) { return index }
    let text = String(decoding: bytes, as: UTF8.self)
    let folded = text.trimmingSpaces().lowercased()
    let suggestion = cases.first { $0.lowercased() == folded }
    throw ValueError(text: text, reason: .notACase(cases: cases, suggestion: suggestion))
  }

  // MARK: - Helpers

  /// Whether `bytes` are the UTF-8 of `text`.
  @inline(__always)
  static func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
    let utf8 = text.utf8
    guard utf8.count == bytes.count else { return false }
    // Native strings are contiguous UTF-8: compare the bytes directly.
    let direct = utf8.withContiguousStorageIfAvailable { storage in
      for index in 0..<storage.count where storage[index] != bytes[index] { return false }
      return true
    }
    return direct ?? utf8.elementsEqual(bytes)
  }

  /// `bytes` without spaces and tabs at either end.
  @inline(__always)
  static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
    while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
    if start == 0 && end == bytes.count { return bytes }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
  }

  /// The digit at `index` (0 to 9), or a value of 10 or more if it is not a digit.
  @inline(__always)
  static func digit(_ base: UnsafePointer<UInt8>, _ index: Int) -> Int {
    Int(base[index] &- UInt8(ascii: "0"))
  }

  /// A likely reason why a field is not a number, for the error message only.
  static func numberHint(_ field: UnsafeBufferPointer<UInt8>, wantsWhole: Bool) -> ValueError.NumberHint {
    let text = String(decoding: field, as: UTF8.self).trimmingSpaces()
    let body = text.hasPrefix("-") || text.hasPrefix("+") ? String(text.dropFirst()) : text
    let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
    if wantsWhole, let dot = body.firstIndex(of: "."), !body.isEmpty,
      body[..<dot].allSatisfy(isDigit), body[body.index(after: dot)...].allSatisfy(isDigit), body.count > 1
    {
      return .hasFraction
    }
    if body.contains(",") && body.allSatisfy({ isDigit($0) || $0 == "," || $0 == "." }) {
      let commas = body.filter { $0 == "," }.count
      if commas == 1 && !body.contains("."), let comma = body.firstIndex(of: ",") {
        return body[body.index(after: comma)...].count == 3 ? .thousandsSeparator : .decimalComma
      }
      return .thousandsSeparator
    }
    if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }), e != body.startIndex,
      body[..<e].allSatisfy({ isDigit($0) || $0 == "." }),
      body[body.index(after: e)...].drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(isDigit)
    {
      return .exponent
    }
    let digitsAndDot = body.filter { isDigit($0) || $0 == "." || $0 == "," }
    let rest = body.filter { !(isDigit($0) || $0 == "." || $0 == ",") }.trimmingSpaces()
    let currency: Set<Character> = ["$", "\u{20AC}", "\u{A3}", "\u{A5}", "\u{20B9}"]
    if !digitsAndDot.isEmpty, !rest.isEmpty, rest.count <= 3,
      rest.allSatisfy({ currency.contains($0) || ($0.isASCII && $0.isLetter) }),
      body.hasPrefix(rest) || body.hasSuffix(rest)
    {
      return .currencyOrUnit
    }
    return .none
  }
}

extension String {
  /// The string without spaces and tabs at either end.
  func trimmingSpaces() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
    return String(drop(while: isSpace).reversed().drop(while: isSpace).reversed())
  }
}
