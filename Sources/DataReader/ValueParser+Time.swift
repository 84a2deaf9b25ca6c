import CampaignLang

extension ValueParser {
  /// A calendar date, `YYYY-MM-DD` (years 0001 to 9999), checked against the calendar:
  /// `2026-02-29` is an error, `2028-02-29` is not.
  public static func date(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> CivilDate? {
    guard let (year, month, day) = try dateParts(field) else { return nil }
    return CivilDate(year: year, month: month, day: day)
  }

  /// A date as `date(_:)` reads it, given as days since 1970-01-01 (negative before),
  /// without building a `CivilDate`.
  public static func daysSinceEpoch(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int64? {
    guard let (year, month, day) = try dateParts(field) else { return nil }
    return Int64(DateMath.daysSinceEpoch(year: year, month: month, day: day))
  }

  /// A point in time, as whole seconds since 1970-01-01T00:00:00Z.
  ///
  /// The layout is ISO 8601 / RFC 3339: `YYYY-MM-DDTHH:MM:SS`, then a zone: `Z` (UTC)
  /// or an offset `+HH:MM`, `-HH:MM`, `+HHMM` or `+HH`. A space may stand for the `T`,
  /// `t` and `z` may be lower case, and the seconds may be left out (`10:30Z`).
  /// A fraction of a second (`.250`) is allowed and dropped: `12:34:56.999Z` reads as
  /// `12:34:56Z`. A timestamp without a zone is an error: the same clock time names
  /// different moments in different places.
  public static func timestamp(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int64? {
    let bytes = trimmed(field)
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    let count = bytes.count
    guard count >= 16 else {
      if count == 10, (try? dateParts(bytes)) != nil { throw ValueError(field, .notATimestamp(.dateOnly)) }
      throw ValueError(field, .notATimestamp(.layout))
    }
    let separator = base[10]
    guard
      let (year, month, day) = civilDigits(base),
      separator == UInt8(ascii: "T") || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "t"),
      base[13] == UInt8(ascii: ":")
    else { throw ValueError(field, .notATimestamp(.layout)) }
    if let problem = dateProblem(year: year, month: month, day: day) {
      throw ValueError(field, .notATimestamp(.date(problem)))
    }
    let hour = digit(base, 11) * 10 + digit(base, 12)
    let minute = digit(base, 14) * 10 + digit(base, 15)
    guard digit(base, 11) < 10, digit(base, 12) < 10, digit(base, 14) < 10, digit(base, 15) < 10 else {
      throw ValueError(field, .notATimestamp(.layout))
    }
    var index = 16
    var second = 0
    if index < count && base[index] == UInt8(ascii: ":") {
      guard index + 2 < count, digit(base, index + 1) < 10, digit(base, index + 2) < 10 else {
        throw ValueError(field, .notATimestamp(.layout))
      }
      second = digit(base, index + 1) * 10 + digit(base, index + 2)
      index += 3
      if index < count && base[index] == UInt8(ascii: ".") {
        index += 1
        let fractionStart = index
        while index < count && digit(base, index) < 10 { index += 1 }
        guard index > fractionStart else { throw ValueError(field, .notATimestamp(.layout)) }
      }
    }
    guard hour < 24 else { throw ValueError(field, .notATimestamp(.hour)) }
    guard minute < 60 else { throw ValueError(field, .notATimestamp(.minute)) }
    guard second < 60 else { throw ValueError(field, .notATimestamp(.second)) }
    guard index < count else { throw ValueError(field, .notATimestamp(.needsZone)) }
    let offset = try utcOffset(base, from: index, count: count, field: field)
    let days = DateMath.daysSinceEpoch(year: year, month: month, day: day)
    return Int64(days * 86_400 + hour * 3_600 + minute * 60 + second - offset)
  }

  /// A span of time: a whole number and a unit, `45s`, `30m`, `12h`, `7d`, `2w`, as
  /// seconds. The units are fixed (a day is 24 hours, a week 7 days). Spaces may come
  /// before the unit, and it may be spelled out as in a campaign (`7 days`, `1 hour`).
  public static func duration(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int64? {
    let bytes = trimmed(field)
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    var index = 0
    var amount: Int64 = 0
    while index < bytes.count, digit(base, index) < 10 {
      let (times10, overflow1) = amount.multipliedReportingOverflow(by: 10)
      let (next, overflow2) = times10.addingReportingOverflow(Int64(digit(base, index)))
      if overflow1 || overflow2 { throw ValueError(field, .notADuration(.tooLong)) }
      amount = next
      index += 1
    }
    guard index > 0 else { throw ValueError(field, .notADuration(.layout)) }
    let unitStart = index
    while index < bytes.count && bytes[index] == UInt8(ascii: " ") { index += 1 }
    guard index < bytes.count else { throw ValueError(field, .notADuration(.needsUnit)) }
    let unitBytes = UnsafeBufferPointer(rebasing: bytes[index...])
    let unit: CampaignLang.Duration.Unit
    if unitBytes.count == 1, let letter = unitLetters[unitBytes[0]] {
      unit = letter
    } else if let word = unitWords[String(decoding: unitBytes, as: UTF8.self)] {
      unit = word
    } else if bytes[unitStart] == UInt8(ascii: ".") || bytes[unitStart] == UInt8(ascii: ",") {
      throw ValueError(field, .notADuration(.layout))
    } else {
      throw ValueError(field, .notADuration(.unknownUnit(String(decoding: unitBytes, as: UTF8.self))))
    }
    let (seconds, overflow) = amount.multipliedReportingOverflow(by: unit.seconds)
    if overflow { throw ValueError(field, .notADuration(.tooLong)) }
    return seconds
  }

  static let unitLetters: [UInt8: CampaignLang.Duration.Unit] = [
    UInt8(ascii: "s"): .seconds, UInt8(ascii: "m"): .minutes, UInt8(ascii: "h"): .hours, UInt8(ascii: "d"): .days,
    UInt8(ascii: "w"): .weeks,
  ]

  /// The unit words a campaign accepts after a space (`7 days`).
  static let unitWords: [String: CampaignLang.Duration.Unit] = [
    "sec": .seconds, "secs": .seconds, "second": .seconds, "seconds": .seconds,
    "min": .minutes, "mins": .minutes, "minute": .minutes, "minutes": .minutes,
    "hr": .hours, "hrs": .hours, "hour": .hours, "hours": .hours,
    "day": .days, "days": .days, "week": .weeks, "weeks": .weeks,
  ]

  // MARK: - Helpers

  /// The year, month and day of a `YYYY-MM-DD` field, checked; nil when missing.
  @inline(__always)
  static func dateParts(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> (Int, Int, Int)? {
    let bytes = trimmed(field)
    guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
    guard bytes.count >= 10, let (year, month, day) = civilDigits(base) else {
      throw ValueError(field, .notADate(.layout))
    }
    if bytes.count > 10 {
      let next = base[10]
      let hasTime = next == UInt8(ascii: "T") || next == UInt8(ascii: " ") || next == UInt8(ascii: "t")
      throw ValueError(field, .notADate(hasTime ? .hasTime : .layout))
    }
    if let problem = dateProblem(year: year, month: month, day: day) { throw ValueError(field, .notADate(problem)) }
    return (year, month, day)
  }

  /// The numbers of `DDDD-DD-DD` at `base` (10 bytes must be readable), unchecked
  /// against the calendar; nil when the layout is wrong.
  @inline(__always)
  static func civilDigits(_ base: UnsafePointer<UInt8>) -> (Int, Int, Int)? {
    let y0 = digit(base, 0)
    let y1 = digit(base, 1)
    let y2 = digit(base, 2)
    let y3 = digit(base, 3)
    let m0 = digit(base, 5)
    let m1 = digit(base, 6)
    let d0 = digit(base, 8)
    let d1 = digit(base, 9)
    guard y0 < 10, y1 < 10, y2 < 10, y3 < 10, m0 < 10, m1 < 10, d0 < 10, d1 < 10,
      base[4] == UInt8(ascii: "-"), base[7] == UInt8(ascii: "-")
    else { return nil }
    return (y0 * 1000 + y1 * 100 + y2 * 10 + y3, m0 * 10 + m1, d0 * 10 + d1)
  }

  /// What makes a year, month and day not a date, or nil when it is one.
  @inline(__always)
  static func dateProblem(year: Int, month: Int, day: Int) -> ValueError.DateProblem? {
    if year < 1 { return .year }
    if month < 1 || month > 12 { return .month(month) }
    if day < 1 || day > DateMath.daysIn(month: month, year: year) { return .day(month: month, year: year) }
    return nil
  }

  /// The zone at `index` (`Z`, `+HH:MM`, `-HH:MM`, `+HHMM`, `+HH`), as seconds east of UTC;
  /// it must end the field.
  @inline(__always)
  static func utcOffset(
    _ base: UnsafePointer<UInt8>, from index: Int, count: Int, field: UnsafeBufferPointer<UInt8>
  ) throws(ValueError) -> Int {
    let sign = base[index]
    if sign == UInt8(ascii: "Z") || sign == UInt8(ascii: "z") {
      guard index + 1 == count else { throw ValueError(field, .notATimestamp(.offset)) }
      return 0
    }
    guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else {
      throw ValueError(field, .notATimestamp(.offset))
    }
    let rest = count - index - 1
    let start = index + 1
    var hours = 0
    var minutes = 0
    switch rest {
    case 2, 4, 5:
      hours = digit(base, start) * 10 + digit(base, start + 1)
      guard digit(base, start) < 10, digit(base, start + 1) < 10 else {
        throw ValueError(field, .notATimestamp(.offset))
      }
      if rest > 2 {
        let minuteStart = rest == 5 ? start + 3 : start + 2
        guard rest == 4 || base[start + 2] == UInt8(ascii: ":"), digit(base, minuteStart) < 10,
          digit(base, minuteStart + 1) < 10
        else { throw ValueError(field, .notATimestamp(.offset)) }
        minutes = digit(base, minuteStart) * 10 + digit(base, minuteStart + 1)
      }
    default:
      throw ValueError(field, .notATimestamp(.offset))
    }
    guard hours < 24, minutes < 60 else { throw ValueError(field, .notATimestamp(.offset)) }
    let seconds = hours * 3_600 + minutes * 60
    return sign == UInt8(ascii: "-") ? -seconds : seconds
  }
}
