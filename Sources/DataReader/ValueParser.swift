import CampaignLang

/// Parses one field's bytes as a value of a declared type. No Foundation formatters and
/// no `String` on the fast path: dates and timestamps are read digit by digit and turned
/// into day and second counts with the days-from-civil algorithm (H. Hinnant).
///
/// Every failure is a `ValueError` whose text a person can act on, such as
/// `"2026-02-30" is not a date (February 2026 has 28 days)`.
public enum ValueParser {
  /// An optional sign and digits; too many digits for 64 bits is an error.
  public static func int(_ bytes: ArraySlice<UInt8>) -> Result<Int64, ValueError> {
    guard let value = ExactDecimalReader.read(bytes), value.scale == 0 else {
      return .failure(ValueError(bytes, "is not a whole number"))
    }
    return .success(value.units)
  }

  /// An exact decimal such as `1234.50` (never a binary float): units 123450, scale 2.
  public static func decimal(_ bytes: ArraySlice<UInt8>) -> Result<ExactDecimal, ValueError> {
    if let value = ExactDecimalReader.read(bytes) { return .success(value) }
    if bytes.contains(UInt8(ascii: ",")) && !bytes.contains(UInt8(ascii: ".")) {
      return .failure(ValueError(bytes, "is not a decimal number (use a dot for decimals)"))
    }
    return .failure(ValueError(bytes, "is not a decimal number"))
  }

  /// `true` or `false`, in any letter case, or `1` / `0`.
  public static func bool(_ bytes: ArraySlice<UInt8>) -> Result<Bool, ValueError> {
    switch bytes.count {
    case 1 where bytes.first == UInt8(ascii: "1"): return .success(true)
    case 1 where bytes.first == UInt8(ascii: "0"): return .success(false)
    case 4 where lowercased(bytes) == Array("true".utf8): return .success(true)
    case 5 where lowercased(bytes) == Array("false".utf8): return .success(false)
    default: return .failure(ValueError(bytes, "is not true or false"))
    }
  }

  /// `YYYY-MM-DD`, as days since 1970-01-01.
  public static func date(_ bytes: ArraySlice<UInt8>) -> Result<Int64, ValueError> {
    guard bytes.count == 10 else { return .failure(ValueError(bytes, "is not a date like 2026-06-30")) }
    return civilDays(bytes, at: bytes.startIndex)
  }

  /// `YYYY-MM-DDTHH:MM[:SS[.fraction]]` then `Z` or an offset (`+07:00`, `-0800`); a
  /// space may stand for the `T`. Seconds since the Unix epoch, UTC; a fraction of a
  /// second is dropped (campaigns count in whole seconds).
  public static func timestamp(_ bytes: ArraySlice<UInt8>) -> Result<Int64, ValueError> {
    let start = bytes.startIndex
    guard bytes.count >= 16, bytes[start + 10] == UInt8(ascii: "T") || bytes[start + 10] == UInt8(ascii: " ")
    else { return .failure(ValueError(bytes, "is not a timestamp like 2026-06-30T09:30:00Z")) }
    let days: Int64
    switch civilDays(bytes, at: start) {
    case .success(let value): days = value
    case .failure(let error): return .failure(error)
    }
    var position = start + 11
    guard let hour = twoDigits(bytes, position), bytes[position + 2] == UInt8(ascii: ":"),
      let minute = twoDigits(bytes, position + 3), hour < 24, minute < 60
    else { return .failure(ValueError(bytes, "has no valid time of day (HH:MM)")) }
    position += 5
    var second = 0
    if position < bytes.endIndex && bytes[position] == UInt8(ascii: ":") {
      guard position + 3 <= bytes.endIndex, let value = twoDigits(bytes, position + 1), value < 60 else {
        return .failure(ValueError(bytes, "has invalid seconds"))
      }
      second = value
      position += 3
      if position < bytes.endIndex && bytes[position] == UInt8(ascii: ".") {
        position += 1
        while position < bytes.endIndex && isDigit(bytes[position]) { position += 1 }
      }
    }
    guard position < bytes.endIndex else {
      return .failure(ValueError(bytes, "needs a time zone: end it with Z or an offset such as +07:00"))
    }
    var offset = 0
    switch bytes[position] {
    case UInt8(ascii: "Z"), UInt8(ascii: "z"):
      position += 1
    case UInt8(ascii: "+"), UInt8(ascii: "-"):
      let sign = bytes[position] == UInt8(ascii: "-") ? -1 : 1
      guard let hours = twoDigits(bytes, position + 1) else {
        return .failure(ValueError(bytes, "has an invalid offset"))
      }
      var next = position + 3
      if next < bytes.endIndex && bytes[next] == UInt8(ascii: ":") { next += 1 }
      guard let minutes = twoDigits(bytes, next), hours <= 18, minutes < 60 else {
        return .failure(ValueError(bytes, "has an invalid offset"))
      }
      offset = sign * (hours * 3600 + minutes * 60)
      position = next + 2
    default:
      return .failure(ValueError(bytes, "needs a time zone: end it with Z or an offset such as +07:00"))
    }
    guard position == bytes.endIndex else { return .failure(ValueError(bytes, "has text after the time zone")) }
    return .success(days * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset))
  }

  /// Days since 1970-01-01 of the `YYYY-MM-DD` at `start`.
  static func civilDays(_ bytes: ArraySlice<UInt8>, at start: Int) -> Result<Int64, ValueError> {
    guard let high = twoDigits(bytes, start), let low = twoDigits(bytes, start + 2),
      bytes[start + 4] == UInt8(ascii: "-"), let month = twoDigits(bytes, start + 5),
      bytes[start + 7] == UInt8(ascii: "-"), let day = twoDigits(bytes, start + 8)
    else { return .failure(ValueError(bytes, "is not a date like 2026-06-30")) }
    let year = high * 100 + low
    guard (1...12).contains(month) else { return .failure(ValueError(bytes, "has no month \(month)")) }
    let length = CivilDate.daysIn(month: month, year: year)
    guard (1...length).contains(day) else {
      return .failure(ValueError(bytes, "is not a date (\(monthNames[month - 1]) \(year) has \(length) days)"))
    }
    return .success(daysFromCivil(year: year, month: month, day: day))
  }

  /// Days since 1970-01-01 of a proleptic Gregorian date.
  public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = (y >= 0 ? y : y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return Int64(era * 146_097 + dayOfEra - 719_468)
  }

  static func twoDigits(_ bytes: ArraySlice<UInt8>, _ at: Int) -> Int? {
    guard at >= bytes.startIndex, at + 2 <= bytes.endIndex, isDigit(bytes[at]), isDigit(bytes[at + 1]) else {
      return nil
    }
    return Int(bytes[at] - 48) * 10 + Int(bytes[at + 1] - 48)
  }

  static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    bytes.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
}

/// Reads `-12.50` as an exact decimal; nil for anything else (exponents, separators).
enum ExactDecimalReader {
  static func read(_ bytes: ArraySlice<UInt8>) -> ExactDecimal? {
    var position = bytes.startIndex
    var negative = false
    if position < bytes.endIndex && (bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")) {
      negative = bytes[position] == UInt8(ascii: "-")
      position += 1
    }
    var units: Int64 = 0
    var scale = 0
    var digits = 0
    var seenPoint = false
    while position < bytes.endIndex {
      let byte = bytes[position]
      if byte == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else if ValueParser.isDigit(byte) {
        let (times, overflow) = units.multipliedReportingOverflow(by: 10)
        let (sum, overflow2) = times.addingReportingOverflow(Int64(byte - 48))
        guard !overflow, !overflow2 else { return nil }
        units = sum
        digits += 1
        if seenPoint { scale += 1 }
      } else {
        return nil
      }
      position += 1
    }
    guard digits > 0, !(seenPoint && scale == 0) else { return nil }
    return ExactDecimal(units: negative ? -units : units, scale: scale)
  }
}

/// A value that does not fit its declared type.
public struct ValueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The field as written (invalid UTF-8 repaired for display).
  public var text: String
  /// What is wrong, to follow the quoted text: "is not a date (...)".
  public var problem: String

  init(_ bytes: ArraySlice<UInt8>, _ problem: String) {
    self.text = String(decoding: bytes.prefix(80), as: UTF8.self)
    self.problem = problem
  }

  public var description: String { "\"\(text)\" \(problem)" }
}
