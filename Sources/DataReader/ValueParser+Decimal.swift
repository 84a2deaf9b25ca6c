import CampaignLang

extension ValueParser {
  /// An exact decimal: an optional sign, digits, and optionally a dot and more digits
  /// (`1234.50` is 123450 units at scale 2: trailing zeros are kept). `.5` and `5.` are
  /// read as 0.5 and 5. No exponent, no thousands separators, at most
  /// `maximumDecimalDigits` significant digits.
  public static func decimal(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> ExactDecimal? {
    let bytes = trimmed(field)
    if bytes.isEmpty { return nil }
    guard let value = exactDecimal(bytes) else {
      throw ValueError(field, .notADecimal(numberHint(field, wantsWhole: false)))
    }
    guard value.units != .max else { throw ValueError(field, .tooManyDigits) }
    return value
  }

  /// A percentage, `10%` or `10` (both the decimal 10), `0.5%` (0.5). The same rules as
  /// `decimal` apply to the number.
  public static func percent(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> ExactDecimal? {
    var bytes = trimmed(field)
    if bytes.isEmpty { return nil }
    if bytes[bytes.count - 1] == UInt8(ascii: "%") {
      bytes = trimmed(UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - 1)]))
    }
    guard let value = exactDecimal(bytes) else {
      throw ValueError(field, .notAPercent(numberHint(bytes, wantsWhole: false)))
    }
    guard value.units != .max else { throw ValueError(field, .tooManyDigits) }
    return value
  }

  /// The decimal in `bytes`, nil if malformed; `units == .max` when it has too many digits.
  static func exactDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    var index = 0
    let negative = base[0] == UInt8(ascii: "-")
    if negative || base[0] == UInt8(ascii: "+") { index = 1 }
    var units: Int64 = 0
    var significant = 0
    var digits = 0
    var scale = 0
    var seenDot = false
    while index < bytes.count {
      let byte = base[index]
      let digit = byte &- UInt8(ascii: "0")
      if digit < 10 {
        digits += 1
        if seenDot { scale += 1 }
        if significant > 0 || digit != 0 { significant += 1 }
        if significant > maximumDecimalDigits {
          units = .max
        } else {
          units = units * 10 + Int64(digit)
        }
      } else if byte == UInt8(ascii: ".") && !seenDot {
        seenDot = true
      } else {
        return nil
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    if units == .max { return ExactDecimal(units: .max, scale: 0) }
    return ExactDecimal(units: negative ? -units : units, scale: scale)
  }
}
