/// Literal values as written in a campaign. Numbers are exact: a decimal keeps its
/// digits and scale, never a binary floating-point approximation.
public enum Literal: Sendable, Hashable {
  case int(Int64)
  case decimal(ExactDecimal)
  /// `10%` is stored as the decimal 10.
  case percent(ExactDecimal)
  case duration(Duration)
  case date(CivilDate)
  case timestamp(Timestamp)
  /// A time of day, `21:00`, as minutes after midnight.
  case timeOfDay(Int)
  case string(String)
  case bool(Bool)
}

/// An exact decimal number: `units / 10^scale`.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var units: Int64
  public var scale: Int

  public init(units: Int64, scale: Int) {
    self.units = units
    self.scale = scale
  }

  public init(_ integer: Int64) { self.init(units: integer, scale: 0) }

  /// The value as a double, for range reasoning only (never for money arithmetic).
  public var approximate: Double {
    var value = Double(units)
    for _ in 0..<scale { value /= 10 }
    return value
  }

  public static func < (a: ExactDecimal, b: ExactDecimal) -> Bool { a.approximate < b.approximate }

  public var description: String {
    guard scale > 0 else { return String(units) }
    let negative = units < 0
    var digits = String(units.magnitude)
    while digits.count <= scale { digits = "0" + digits }
    let point = digits.index(digits.endIndex, offsetBy: -scale)
    return (negative ? "-" : "") + digits[..<point] + "." + digits[point...]
  }
}

/// An exact span of time. Units are fixed: a day is always 24 hours, a week 7 days.
public struct Duration: Sendable, Hashable, Comparable, CustomStringConvertible {
  public enum Unit: String, Sendable, Hashable, CaseIterable {
    case seconds = "s"
    case minutes = "m"
    case hours = "h"
    case days = "d"
    case weeks = "w"

    public var seconds: Int64 {
      switch self {
      case .seconds: 1
      case .minutes: 60
      case .hours: 3600
      case .days: 86_400
      case .weeks: 604_800
      }
    }
  }

  /// The longest duration a campaign may write, in days (about 10,000 years): longer
  /// ones are reported (E0108), so arithmetic on dates and timestamps cannot overflow.
  public static let maxDays: Int64 = 3_650_000
  public static let maxSeconds: Int64 = maxDays * 86_400

  /// The amount in `unit` as written (`30` in `30d`).
  public var amount: Int64
  public var unit: Unit

  public init(amount: Int64, unit: Unit) {
    self.amount = amount
    self.unit = unit
  }

  /// Total seconds; saturates rather than overflowing.
  public var seconds: Int64 {
    let (value, overflow) = amount.multipliedReportingOverflow(by: unit.seconds)
    return overflow ? Int64.max : value
  }

  public static func < (a: Duration, b: Duration) -> Bool { a.seconds < b.seconds }

  public var description: String { "\(amount)\(unit.rawValue)" }
}

/// A calendar date without a time zone (`2026-12-31`).
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  public var year: Int
  public var month: Int
  public var day: Int

  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilDate.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's algorithm.
  public var daysSinceEpoch: Int64 {
    let y = Int64(month <= 2 ? year - 1 : year)
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let m = Int64(month)
    let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + Int64(day) - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146_097 + doe - 719_468
  }

  public static func < (a: CivilDate, b: CivilDate) -> Bool {
    (a.year, a.month, a.day) < (b.year, b.month, b.day)
  }

  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}

/// A point in time as written: a date, a time of day and, optionally, a UTC offset.
/// Without an offset the time is read in the contact's or the campaign's time zone.
public struct Timestamp: Sendable, Hashable, CustomStringConvertible {
  public var date: CivilDate
  /// Seconds after midnight.
  public var secondOfDay: Int
  /// Offset from UTC in seconds (`Z` is 0); nil when the literal named no zone.
  public var utcOffset: Int?
  /// Whether seconds were written (`10:00:30`), so the literal prints back as written.
  public var hasSeconds: Bool

  public init(date: CivilDate, secondOfDay: Int, utcOffset: Int?, hasSeconds: Bool) {
    self.date = date
    self.secondOfDay = secondOfDay
    self.utcOffset = utcOffset
    self.hasSeconds = hasSeconds
  }

  public var description: String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    var text = "\(date)T\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60))"
    if hasSeconds { text += ":\(pad(secondOfDay % 60))" }
    if let offset = utcOffset {
      if offset == 0 {
        text += "Z"
      } else {
        let magnitude = abs(offset)
        text += "\(offset < 0 ? "-" : "+")\(pad(magnitude / 3600)):\(pad(magnitude / 60 % 60))"
      }
    }
    return text
  }
}
