import CampaignLang
import Lexer

extension Parser {
  static let unitWords: [String: Duration.Unit] = [
    "s": .seconds, "sec": .seconds, "secs": .seconds, "second": .seconds, "seconds": .seconds,
    "m": .minutes, "min": .minutes, "mins": .minutes, "minute": .minutes, "minutes": .minutes,
    "h": .hours, "hr": .hours, "hrs": .hours, "hour": .hours, "hours": .hours,
    "d": .days, "day": .days, "days": .days, "w": .weeks, "week": .weeks, "weeks": .weeks,
  ]

  static let calendarWords: [String: Int64] = [
    "month": 30, "months": 30, "mo": 30, "year": 365, "years": 365, "yr": 365, "yrs": 365,
  ]

  /// `30 days` at an integer token: reported, then read as meant (`30d`). In an
  /// expression, `5 m` is left alone (`m` may be a name) unless `allowsMinuteM`.
  mutating func durationInWords(allowsMinuteM: Bool) -> DurationLiteral? {
    let token = current
    let next = peek()
    // Months and years have no fixed length, so they are not units: say what to write.
    if next.kind == .identifier, let days = Parser.calendarWords[text(next).lowercased()],
      case .int(let amount) = value(of: token)
    {
      advance()
      advance()
      // A huge count must not overflow; the value is never used (the error stops the run).
      let (total, overflow) = amount.multipliedReportingOverflow(by: days)
      let value = Duration(amount: overflow ? 1 : total, unit: .days)
      report(
        .durationInWords, "durations have no \(days == 30 ? "months" : "years"); write the days you mean",
        at: token.range.to(next.range),
        help: overflow
          ? "a month or year has no fixed length: write the number of days, like `90d`"
          : "a month or year has no fixed length: write `\(value)` for \(amount) x \(days) days, or the exact days")
      panicking = false
      return DurationLiteral(value, token.range.to(next.range))
    }
    guard next.kind == .identifier, let unit = Parser.unitWords[text(next).lowercased()],
      allowsMinuteM || unit != .minutes || text(next) != "m",
      case .int(let amount) = value(of: token)
    else { return nil }
    advance()
    advance()
    let value = Duration(amount: amount, unit: unit)
    report(
      .durationInWords, "write the duration as `\(value)`", at: token.range.to(next.range),
      help: "durations are a number and a one-letter unit with no space: `s`, `m` (minutes), `h`, `d`, `w`")
    panicking = false
    return DurationLiteral(value, token.range.to(next.range))
  }

  /// A duration such as `30d`. Also reads `30 days` (reported, then taken as meant) and
  /// reports a bare number that lacks its unit.
  mutating func parseDuration(_ what: @autoclosure () -> String) -> DurationLiteral? {
    let token = current
    switch token.kind {
    case .duration:
      advance()
      guard case .duration(let value) = value(of: token) else {
        panicking = true  // malformed: the lexer reported it
        return nil
      }
      return DurationLiteral(value, token.range)
    case .integer:
      if let duration = durationInWords(allowsMinuteM: true) { return duration }
      guard value(of: token) != nil else {
        panicking = true  // too large or malformed: the lexer reported it
        advance()
        return nil
      }
      report(
        .missingUnit, "`\(text(token))` needs a unit of time", at: token.range,
        help: "write \(what()) like `\(text(token))d` (days), `\(text(token))h` (hours) or `\(text(token))w` (weeks)")
      advance()
      return nil
    case .identifier where Parser.unitWords[text(token).lowercased()] != nil:
      // `per week`: a unit without a number.
      let unit = Parser.unitWords[text(token).lowercased()]!
      report(
        .missingUnit, "`\(text(token))` needs a number", at: token.range,
        help: "write \(what()) like `1\(unit.rawValue)`")
      advance()
      return nil
    default:
      expected("\(what()) such as `7d` or `24h`")
      return nil
    }
  }

  /// An integer or decimal number, optionally signed.
  mutating func parseNumber(_ what: @autoclosure () -> String, allowSign: Bool = false) -> NumberLiteral? {
    var sign: Int64 = 1
    let start = current.range
    if allowSign && (current.kind == .plus || current.kind == .minus) {
      if current.kind == .minus { sign = -1 }
      advance()
    }
    let token = current
    switch token.kind {
    case .integer, .decimal:
      advance()
      switch value(of: token) {
      case .int(let value): return NumberLiteral(ExactDecimal(sign * value), start.to(token.range))
      case .decimal(let value):
        return NumberLiteral(ExactDecimal(units: sign * value.units, scale: value.scale), start.to(token.range))
      default:
        panicking = true
        return nil
      }
    default:
      expected(what())
      return nil
    }
  }

  /// A percentage such as `10%` or `0.5%` (stored as 10 and 0.5).
  mutating func parsePercent(_ what: @autoclosure () -> String) -> NumberLiteral? {
    let token = current
    guard token.kind == .percent else {
      if token.kind == .integer || token.kind == .decimal {
        guard value(of: token) != nil else {
          panicking = true  // too large or malformed: the lexer reported it
          advance()
          return nil
        }
        report(
          .missingUnit, "`\(text(token))` needs a `%` sign", at: token.range,
          help: fractionAsPercent(token).map { "write \(what()) as a percentage: `\(text(token))` of all is `\($0)`" }
            ?? "write \(what()) as a percentage, like `\(text(token))%`")
        advance()
        return nil
      }
      expected("\(what()), like `10%`")
      return nil
    }
    advance()
    guard case .percent(let value) = value(of: token) else {
      panicking = true
      return nil
    }
    return NumberLiteral(value, token.range)
  }

  /// A share written as a fraction (`0.5`) as the percentage it means (`50%`); nil for
  /// other numbers.
  func fractionAsPercent(_ token: Token) -> String? {
    guard token.kind == .decimal, case .decimal(let value) = value(of: token), value.units > 0,
      value < ExactDecimal(units: 1, scale: 0)
    else { return nil }
    let units = value.scale >= 2 ? value.units : value.units * (value.scale == 1 ? 10 : 100)
    return "\(ExactDecimal(units: units, scale: max(0, value.scale - 2)))%"
  }

  /// `9 PM`, `21.00` or `21` where a time of day belongs: reported once with the
  /// 24-hour time meant, consumed, and read as that time. Nil (nothing consumed) otherwise.
  mutating func timeWrittenAnotherWay() -> Int? {
    let token = current
    let written = text(token)
    var hour: Int
    var minute = 0
    var end = token.range
    switch token.kind {
    case .integer:
      guard let value = Int(written), value <= 24 else { return nil }
      hour = value
      let suffix = peek().kind == .identifier ? text(peek()).lowercased() : ""
      if suffix == "am" || suffix == "pm", !peek().startsLine, (1...12).contains(value) {
        hour = value % 12 + (suffix == "pm" ? 12 : 0)
        end = peek().range
      }
    case .decimal:
      let parts = written.split(separator: ".")
      guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]), h < 24, m < 60
      else { return nil }
      (hour, minute) = (h, m)
    default:
      return nil
    }
    guard hour < 24 else { return nil }
    let meant = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    report(
      .malformedLiteral, "write `\(file.text(token.range.to(end)))` as `\(meant)`", at: token.range.to(end),
      help: "times of day are written `HH:MM` on the 24-hour clock, like `quiet hours 21:00 to 08:00`")
    panicking = false
    while position < tokens.count && current.range.start < end.end { advance() }
    return hour * 60 + minute
  }
}
