import CampaignLang

/// Mistakes in numbers and durations that are reported with one message each.
extension Lexer {
  /// Words after a number that mean calendar months or years (`M` is months: `m` is minutes).
  static let calendarDays: [String: Int64] = [
    "mo": 30, "mon": 30, "month": 30, "months": 30, "y": 365, "yr": 365, "yrs": 365, "year": 365, "years": 365,
  ]

  /// A duration longer than `Duration.maxSeconds` is reported (E0108) and emitted without
  /// a value, so no later pass computes with a saturated length.
  mutating func durationTooLong(_ start: Int, _ duration: Duration) -> Bool {
    let (seconds, overflow) = duration.amount.multipliedReportingOverflow(by: duration.unit.seconds)
    guard overflow || seconds > Duration.maxSeconds else { return false }
    diagnostics.error(
      .numberTooLarge, "this duration is too long", at: range(start, index),
      help: "durations are at most \(Duration.maxDays)d (about 10,000 years)")
    emit(.duration, from: start)
    return true
  }

  /// `1_000_`, `1__000` or `1e5`: a number written in a form campaigns do not read.
  mutating func notANumber(start: Int, unitStart: Int, word: String) -> Bool {
    let first = bytes[unitStart]
    let exponent =
      (first == UInt8(ascii: "e") || first == UInt8(ascii: "E")) && word.count > 1
      && word.utf8.dropFirst().allSatisfy { isDigit($0) }
    guard first == UInt8(ascii: "_") || exponent else { return false }
    let written = file.text(range(start, index))
    diagnostics.error(
      .malformedLiteral, "`\(written)` is not a number", at: range(start, index),
      help: exponent
        ? "write the number out in digits, without an exponent, like `100000` or `100_000`"
        : "`_` may only stand between two digits, like `1_000`")
    emit(.integer, from: start)
    return true
  }

  /// `1M`, `3mo`, `2years`: there are no calendar months or years, so say what to write.
  mutating func noCalendarUnits(start: Int, word: String, value: ExactDecimal?, isWhole: Bool) -> Bool {
    guard let days = word == "M" ? 30 : Lexer.calendarDays[word.lowercased()] else { return false }
    let amount = value.flatMap { value in isWhole ? value.units : nil }
    let (total, overflow) = (amount ?? 1).multipliedReportingOverflow(by: days)
    let example = amount != nil && !overflow ? "`\(total)d` for \(amount!) x \(days) days" : "days, like `\(days)d`"
    diagnostics.error(
      .durationInWords, "durations have no \(days == 30 ? "months" : "years"); write the days you mean",
      at: range(start, index),
      help: "a \(days == 30 ? "month" : "year") has no fixed length: write \(example) (`m` is minutes)")
    emit(.duration, from: start)
    return true
  }

  /// `9pm`, `8am`: reported with the 24-hour time meant, and read as that time of day so
  /// the rest of the line is still checked.
  mutating func twelveHourClock(start: Int, word: String, value: ExactDecimal?, isWhole: Bool) -> Bool {
    let lowered = word.lowercased()
    guard lowered == "am" || lowered == "pm", let value, isWhole, (1...12).contains(value.units) else { return false }
    let hour = Int(value.units) % 12 + (lowered == "pm" ? 12 : 0)
    let meant = (hour < 10 ? "0" : "") + "\(hour):00"
    diagnostics.error(
      .malformedLiteral, "write `\(file.text(range(start, index)))` as `\(meant)`", at: range(start, index),
      help: "times of day are on the 24-hour clock, from `00:00` to `23:59`")
    emit(.timeOfDay, from: start, literal: .timeOfDay(hour * 60))
    return true
  }
}
