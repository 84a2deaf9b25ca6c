import CampaignLang

extension Lexer {
  static let unitWords: [String: Duration.Unit] = [
    "sec": .seconds, "secs": .seconds, "second": .seconds, "seconds": .seconds,
    "min": .minutes, "mins": .minutes, "minute": .minutes, "minutes": .minutes,
    "hr": .hours, "hrs": .hours, "hour": .hours, "hours": .hours,
    "day": .days, "days": .days, "week": .weeks, "weeks": .weeks,
  ]

  /// The one-letter units, without building a string.
  static func singleLetterUnit(_ byte: UInt8) -> Duration.Unit? {
    switch byte {
    case UInt8(ascii: "s"): .seconds
    case UInt8(ascii: "m"): .minutes
    case UInt8(ascii: "h"): .hours
    case UInt8(ascii: "d"): .days
    case UInt8(ascii: "w"): .weeks
    default: nil
    }
  }

  func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

  /// A run of digits with `_` separators, as byte offsets; `count` is the number of digits.
  struct DigitRun {
    var start: Int
    var end: Int
    var count: Int
  }

  /// Reads digits (and `_` separators between them) without copying them.
  mutating func digits() -> DigitRun {
    let start = index
    var count = 0
    while index < bytes.count {
      let byte = bytes[index]
      if isDigit(byte) {
        count += 1
      } else if byte != UInt8(ascii: "_") || !isDigit(peek(1)) {
        break
      }
      index += 1
    }
    return DigitRun(start: start, end: index, count: count)
  }

  /// Numbers, percents, durations, dates, timestamps and times of day: all start with a digit.
  mutating func lexNumber() {
    let start = index
    let whole = digits()
    if whole.count == 4 && whole.end - whole.start == 4 && peek() == UInt8(ascii: "-") && isDigit(peek(1))
      && isDigit(peek(2))
      && peek(3) == UInt8(ascii: "-") && isDigit(peek(4)) && isDigit(peek(5))
    {
      lexDate(start: start)
      return
    }
    if whole.count <= 2 && whole.end - whole.start == whole.count && peek() == UInt8(ascii: ":") && isDigit(peek(1))
      && isDigit(peek(2))
    {
      index += 3
      let hour = number(at: whole.start, count: whole.end - whole.start)
      let minute = number(at: index - 2, count: 2)
      guard hour < 24, minute < 60 else {
        malformed(
          start, "`\(file.text(range(start, index)))` is not a time of day", "write times as `21:00` (00:00 to 23:59)")
        emit(.timeOfDay, from: start)
        return
      }
      emit(.timeOfDay, from: start, literal: .timeOfDay(hour * 60 + minute))
      return
    }
    if thousandsSeparators(start: start, whole: whole) || decimalComma(start: start, whole: whole) { return }
    var fraction = DigitRun(start: index, end: index, count: 0)
    if peek() == UInt8(ascii: ".") && isDigit(peek(1)) {
      index += 1
      fraction = digits()
    }
    let value = exactDecimal(whole: whole, fraction: fraction, start: start)
    if value == nil && index > fraction.end {
      // Too large (reported) and its `%` or unit already read: the token keeps its kind,
      // so the parser does not also say it "needs a unit".
      emit(bytes[index - 1] == UInt8(ascii: "%") ? .percent : .duration, from: start)
      return
    }
    if peek() == UInt8(ascii: "%") {
      index += 1
      emit(.percent, from: start, literal: value.map { .percent($0) })
      return
    }
    if isIdentifierByte(peek()) {
      lexUnit(start: start, value: value, isWhole: fraction.count == 0)
      return
    }
    if spacedPercent(start: start, value: value) { return }
    if fraction.count == 0 {
      emit(.integer, from: start, literal: value.map { .int($0.units) })
    } else {
      emit(.decimal, from: start, literal: value.map { .decimal($0) })
    }
  }

  /// The value of `count` plain digits at `offset` (dates, times: at most 4 digits).
  func number(at offset: Int, count: Int) -> Int {
    var value = 0
    for position in offset..<(offset + count) { value = value * 10 + Int(bytes[position] &- UInt8(ascii: "0")) }
    return value
  }

  /// The exact value of `whole.fraction`, or nil (reported) when it does not fit.
  mutating func exactDecimal(whole: DigitRun, fraction: DigitRun, start: Int) -> ExactDecimal? {
    var units: Int64 = 0
    for position in whole.start..<fraction.end {
      let digit = bytes[position]
      guard isDigit(digit) else { continue }  // `_` separators and the decimal point
      let (times, overflow1) = units.multipliedReportingOverflow(by: 10)
      let (plus, overflow2) = times.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
      if overflow1 || overflow2 {
        while isIdentifierByte(peek()) || peek() == UInt8(ascii: "%") { index += 1 }
        diagnostics.error(
          .numberTooLarge, "this number is too large", at: range(start, index),
          help: "numbers may have at most 18 digits")
        return nil
      }
      units = plus
    }
    return ExactDecimal(units: units, scale: fraction.count)
  }

  /// A number directly followed by letters: a duration (`30d`) or a unit mistake.
  mutating func lexUnit(start: Int, value: ExactDecimal?, isWhole: Bool) {
    let unitStart = index
    while isIdentifierByte(peek()) { index += 1 }
    if index == unitStart + 1, let unit = Lexer.singleLetterUnit(bytes[unitStart]), let value, isWhole {
      if durationTooLong(start, Duration(amount: value.units, unit: unit)) { return }
      emit(.duration, from: start, literal: .duration(Duration(amount: value.units, unit: unit)))
      return
    }
    let word = file.text(range(unitStart, index))
    if notANumber(start: start, unitStart: unitStart, word: word) { return }
    if twelveHourClock(start: start, word: word, value: value, isWhole: isWhole) { return }
    if numberSuffix(start: start, word: word, value: value) { return }
    if noCalendarUnits(start: start, word: word, value: value, isWhole: isWhole) { return }
    if uppercaseUnit(start: start, word: word, value: value, isWhole: isWhole) { return }
    let unit = Duration.Unit(rawValue: word) ?? Lexer.unitWords[word.lowercased()]
    guard let unit else {
      malformed(
        start, "`\(word)` is not a unit of time",
        "durations are written with `s`, `m` (minutes), `h`, `d` or `w`, like `30d` or `24h`; there are no months")
      emit(.duration, from: start)
      return
    }
    guard let value else {
      emit(.duration, from: start)
      return
    }
    guard isWhole else {
      malformed(
        start, "durations take whole numbers",
        "use a smaller unit instead of a fraction: `36h` rather than `1.5d`")
      emit(.duration, from: start)
      return
    }
    if durationTooLong(start, Duration(amount: value.units, unit: unit)) { return }
    if Duration.Unit(rawValue: word) == nil {
      diagnostics.error(
        .durationInWords, "write the duration as `\(value.units)\(unit.rawValue)`",
        at: range(start, index), help: "durations are a number and a one-letter unit: `s`, `m` (minutes), `h`, `d`, `w`"
      )
    }
    emit(.duration, from: start, literal: .duration(Duration(amount: value.units, unit: unit)))
  }

  mutating func malformed(_ start: Int, _ message: String, _ help: String) {
    diagnostics.error(.malformedLiteral, message, at: range(start, index), help: help)
  }

  /// `2026-12-31`, optionally followed by `T10:00[:00][Z|+07:00]`.
  mutating func lexDate(start: Int) {
    index += 6
    let year = number(at: start, count: 4)
    let month = number(at: start + 5, count: 2)
    let day = number(at: start + 8, count: 2)
    let date = CivilDate(year: year, month: month, day: day)
    if date == nil {
      malformed(
        start, "`\(file.text(range(start, index)))` is not a date",
        Lexer.impossibleDateHelp(year: year, month: month, day: day))
    }
    guard peek() == UInt8(ascii: "T") && isDigit(peek(1)) else {
      if let date, spacedTime(after: date, start: start) { return }
      while isIdentifierByte(peek()) { index += 1 }
      if index > start + 10 {
        malformed(
          start, "`\(file.text(range(start, index)))` is not a date or timestamp",
          "write `2026-12-31` or `2026-12-31T10:00`")
        emit(.date, from: start)
        return
      }
      emit(.date, from: start, literal: date.map { .date($0) })
      return
    }
    index += 1
    let time = lexClock()
    var offset: Int? = nil
    var offsetValid = true
    if peek() == UInt8(ascii: "Z") {
      index += 1
      offset = 0
    } else if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-"),
      isDigit(peek(1)), isDigit(peek(2)), peek(3) == UInt8(ascii: ":"), isDigit(peek(4)),
      isDigit(peek(5))
    {
      let sign = peek() == UInt8(ascii: "-") ? -1 : 1
      let hours = number(at: index + 1, count: 2)
      let minutes = number(at: index + 4, count: 2)
      index += 6
      offsetValid = hours <= 14 && minutes < 60
      offset = sign * (hours * 3600 + minutes * 60)
    }
    while isIdentifierByte(peek()) {
      index += 1
      offsetValid = false
    }
    guard let date, let time, offsetValid else {
      if date != nil {
        malformed(
          start, "`\(file.text(range(start, index)))` is not a timestamp",
          "write timestamps as `2026-01-31T09:30`, optionally with seconds and `Z` or `+07:00`")
      }
      emit(.timestamp, from: start)
      return
    }
    emit(
      .timestamp, from: start,
      literal: .timestamp(
        Timestamp(date: date, secondOfDay: time.seconds, utcOffset: offset, hasSeconds: time.hasSeconds)))
  }

  /// `HH:MM` or `HH:MM:SS`; nil when malformed or out of range.
  mutating func lexClock() -> (seconds: Int, hasSeconds: Bool)? {
    var parts: [Int] = []
    while parts.count < 3 && isDigit(peek()) && isDigit(peek(1)) {
      parts.append(number(at: index, count: 2))
      index += 2
      guard parts.count < 3, peek() == UInt8(ascii: ":"), isDigit(peek(1)) else { break }
      index += 1
    }
    guard parts.count >= 2, parts[0] < 24, parts[1] < 60, parts.count == 2 || parts[2] < 60 else {
      return nil
    }
    return (parts[0] * 3600 + parts[1] * 60 + (parts.count == 3 ? parts[2] : 0), parts.count == 3)
  }

  static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
  ]

  /// What is wrong with a date that does not exist, and what to write.
  static func impossibleDateHelp(year: Int, month: Int, day: Int) -> String {
    func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    if (1...12).contains(month) && day >= 1 && year >= 1 {
      let days = CivilDate.daysIn(month: month, year: year)
      return "\(monthNames[month - 1]) \(year) has \(days) days: the last is `\(year)-\(padded(month))-\(padded(days))`"
    }
    if month > 12 && (1...12).contains(day) {
      return "dates are year-month-day, with the month second: `\(year)-\(padded(day))-\(padded(month))`"
    }
    return "dates are year-month-day, like `2026-12-31`"
  }

  /// `2025-01-01 10:00`: a date, spaces and a time of day, as documents write them.
  /// Reported once and read as the timestamp `2025-01-01T10:00` meant; false (nothing
  /// consumed) when no time of day follows.
  mutating func spacedTime(after date: CivilDate, start: Int) -> Bool {
    func byte(_ at: Int) -> UInt8 { at < bytes.count ? bytes[at] : 0 }
    var at = index
    while byte(at) == UInt8(ascii: " ") { at += 1 }
    guard at > index else { return false }
    var digits = 0
    while digits < 3 && isDigit(byte(at + digits)) { digits += 1 }
    guard (1...2).contains(digits), byte(at + digits) == UInt8(ascii: ":"), isDigit(byte(at + digits + 1)),
      isDigit(byte(at + digits + 2))
    else { return false }
    // `9:30` is read as `09:30`: a timestamp's clock has two-digit hours.
    let hours = number(at: at, count: digits)
    let minutes = number(at: at + digits + 1, count: 2)
    var end = at + digits + 3
    var seconds: Int? = nil
    if byte(end) == UInt8(ascii: ":") && isDigit(byte(end + 1)) && isDigit(byte(end + 2)) {
      seconds = number(at: end + 1, count: 2)
      end += 3
    }
    guard hours < 24, minutes < 60, (seconds ?? 0) < 60, !isIdentifierByte(byte(end)), byte(end) != UInt8(ascii: ":")
    else { return false }
    func padded(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    let written =
      "\(file.text(range(start, index)))T\(padded(hours)):\(padded(minutes))" + (seconds.map { ":" + padded($0) } ?? "")
    index = end
    malformed(
      start, "a date and a time of day are joined with `T`",
      "write `\(written)`, with no space: a timestamp is the date, `T`, then the time")
    emit(
      .timestamp, from: start,
      literal: .timestamp(
        Timestamp(
          date: date, secondOfDay: hours * 3600 + minutes * 60 + (seconds ?? 0), utcOffset: nil,
          hasSeconds: seconds != nil)))
    return true
  }
}
