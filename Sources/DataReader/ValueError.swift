/// Why a field's text is not a value of its column's type, worded (in `description`)
/// for the person who made the file: what was written, what is wrong, what to write.
public struct ValueError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A likely cause of a malformed number, found by looking at the text again.
  public enum NumberHint: Sendable, Hashable {
    case none
    /// `12.5` where a whole number is needed.
    case hasFraction
    /// `12,50`: a comma as the decimal separator.
    case decimalComma
    /// `1,234.50`: a thousands separator.
    case thousandsSeparator
    /// `1e5`: scientific notation.
    case exponent
    /// `$12`, `12 EUR`: a currency sign or unit next to the number.
    case currencyOrUnit
  }

  /// What is wrong with a date (also used for the date part of a timestamp).
  public enum DateProblem: Sendable, Hashable {
    /// Not `YYYY-MM-DD`.
    case layout
    /// A date and a time where only a date is wanted.
    case hasTime
    /// Year 0000.
    case year
    /// A month outside 01 to 12.
    case month(Int)
    /// A day that the month does not have.
    case day(month: Int, year: Int)
  }

  /// What is wrong with a timestamp.
  public enum TimestampProblem: Sendable, Hashable {
    /// Not `YYYY-MM-DDTHH:MM:SS` followed by a zone.
    case layout
    /// A date without a time of day.
    case dateOnly
    case date(DateProblem)
    case hour
    case minute
    case second
    /// No `Z` and no offset after the time.
    case needsZone
    /// An offset that is not `+HH:MM`, `-HH:MM`, `+HHMM` or `+HH` (at most 23:59).
    case offset
  }

  /// What is wrong with a duration.
  public enum DurationProblem: Sendable, Hashable {
    /// Not a whole number followed by a unit letter.
    case layout
    /// A number without a unit.
    case needsUnit
    /// A unit other than s, m, h, d, w.
    case unknownUnit(String)
    /// More seconds than fit in 64 bits.
    case tooLong
  }

  public enum Reason: Sendable, Hashable {
    case notAWholeNumber(NumberHint)
    /// Outside -9223372036854775808...9223372036854775807.
    case wholeNumberOutOfRange
    case notADecimal(NumberHint)
    /// More than `ValueParser.maximumDecimalDigits` significant digits.
    case tooManyDigits
    case notAPercent(NumberHint)
    case notTrueOrFalse
    case notADate(DateProblem)
    case notATimestamp(TimestampProblem)
    case notADuration(DurationProblem)
    /// Not one of `cases`; `suggestion` is a case that differs only in letter case or
    /// surrounding spaces.
    case notACase(cases: [String], suggestion: String?)
  }

  /// The field as written (invalid UTF-8 shown as U+FFFD).
  public var text: String
  public var reason: Reason

  public init(text: String, reason: Reason) {
    self.text = text
    self.reason = reason
  }

  init(_ bytes: UnsafeBufferPointer<UInt8>, _ reason: Reason) {
    self.init(text: String(decoding: bytes, as: UTF8.self), reason: reason)
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  /// The text in quotes, cut short when very long.
  var quoted: String {
    let shown = text.count > 40 ? text.prefix(37) + "..." : Substring(text)
    return "\"\(shown)\""
  }

  public var description: String {
    switch reason {
    case .notAWholeNumber(let hint):
      return "\(quoted) is not a whole number\(Self.explain(hint))"
    case .wholeNumberOutOfRange:
      return "\(quoted) is too large for a whole number (the limit is 9223372036854775807, or -9223372036854775808)"
    case .notADecimal(let hint):
      return "\(quoted) is not a decimal number\(Self.explain(hint))"
    case .tooManyDigits:
      return
        "\(quoted) has too many digits to be kept exactly (at most \(ValueParser.maximumDecimalDigits) digits)"
    case .notAPercent(let hint):
      return "\(quoted) is not a percentage\(hint == .none ? " (write it as 10% or 10)" : Self.explain(hint))"
    case .notTrueOrFalse:
      return "\(quoted) is not true or false (write true or false, or 1 or 0)"
    case .notADate(let problem):
      return "\(quoted) is not a date (\(Self.explain(problem)))"
    case .notATimestamp(.needsZone):
      return
        "\(quoted) needs Z or an offset after the time: \(text)Z is in UTC, \(text)+02:00 is two hours ahead of UTC"
    case .notATimestamp(let problem):
      return "\(quoted) is not a timestamp (\(Self.explain(problem)))"
    case .notADuration(.tooLong):
      return "\(quoted) is too long a duration"
    case .notADuration(let problem):
      return "\(quoted) is not a duration (\(Self.explain(problem)))"
    case .notACase(let cases, let suggestion):
      let shown = cases.count > 12 ? cases.prefix(12).joined(separator: ", ") + ", ..." : cases.joined(separator: ", ")
      let hint = suggestion.map { " (did you mean \"\($0)\"?)" } ?? ""
      return "\(quoted) is not one of: \(shown)\(hint)"
    }
  }

  static func explain(_ hint: NumberHint) -> String {
    switch hint {
    case .none: ""
    case .hasFraction: " (it has a fractional part)"
    case .decimalComma: " (use a dot for decimals)"
    case .thousandsSeparator: " (remove the thousands separators; use a dot for decimals)"
    case .exponent: " (write the digits out in full, without an exponent)"
    case .currencyOrUnit: " (write only the number, without a currency sign or unit)"
    }
  }

  static func explain(_ problem: DateProblem) -> String {
    switch problem {
    case .layout: "write dates as YYYY-MM-DD, e.g. 2026-01-31"
    case .hasTime: "write only the date, YYYY-MM-DD, without a time"
    case .year: "years go from 0001 to 9999"
    case .month(let month): "there is no month \(month); months go from 01 to 12"
    case .day(let month, let year):
      "\(monthNames[month - 1]) \(year) has \(DateMath.daysIn(month: month, year: year)) days"
    }
  }

  static func explain(_ problem: TimestampProblem) -> String {
    switch problem {
    case .layout: "write timestamps as YYYY-MM-DDTHH:MM:SS with Z or an offset, e.g. 2026-01-31T09:30:00Z"
    case .dateOnly: "it has no time of day; e.g. 2026-01-31T00:00:00Z"
    case .date(let problem): explain(problem)
    case .hour: "hours go from 00 to 23"
    case .minute: "minutes go from 00 to 59"
    case .second: "seconds go from 00 to 59"
    case .needsZone: "it needs Z or an offset"
    case .offset: "write the offset as Z, +HH:MM or -HH:MM, e.g. +05:30"
    }
  }

  static func explain(_ problem: DurationProblem) -> String {
    switch problem {
    case .layout: "write a whole number and a unit, e.g. 90m or 7d"
    case .needsUnit: "add a unit: s, m, h, d or w, e.g. 7d"
    case .unknownUnit(let unit): "\"\(unit)\" is not a unit; use s, m, h, d or w, e.g. 7d"
    case .tooLong: "it is too long"
    }
  }
}
