import CampaignLang
import DataReader
import Testing

@Suite struct ValueParserTests {
  /// The value of `text` read as `kind`, or the error's message.
  func read(_ text: String, _ kind: ColumnKind) -> Result<FieldValue?, ValueError> {
    Result { () throws(ValueError) -> FieldValue? in try ValueParser.parse(text, as: kind) }
  }

  func message(_ text: String, _ kind: ColumnKind) -> String? {
    if case .failure(let error) = read(text, kind) { return error.description }
    return nil
  }

  func reason(_ text: String, _ kind: ColumnKind) -> ValueError.Reason? {
    if case .failure(let error) = read(text, kind) { return error.reason }
    return nil
  }

  func value(_ text: String, _ kind: ColumnKind) -> FieldValue? { try? read(text, kind).get() }

  func decimal(_ units: Int64, _ scale: Int) -> FieldValue { .decimal(ExactDecimal(units: units, scale: scale)) }

  @Test func emptyIsMissingForEveryKindAndSpacesForTypedKinds() throws {
    let kinds: [ColumnKind] = [
      .int, .decimal, .bool, .string, .date, .timestamp, .duration, .percent, .enumeration(["a"]),
    ]
    for kind in kinds {
      #expect(try read("", kind).get() == nil, "\(kind)")
    }
    for kind: ColumnKind in [.int, .decimal, .bool, .date, .timestamp, .duration, .percent] {
      #expect(try read("  \t", kind).get() == nil, "\(kind)")
    }
    #expect(value(" x ", .string) == .string(" x "))
    #expect(value(" 12\t", .int) == .int(12))
  }

  @Test func wholeNumbersUpToTheInt64Limits() {
    #expect(value("42", .int) == .int(42))
    #expect(value("-7", .int) == .int(-7))
    #expect(value("+3", .int) == .int(3))
    #expect(value("007", .int) == .int(7))
    #expect(value("9223372036854775807", .int) == .int(.max))
    #expect(value("-9223372036854775808", .int) == .int(.min))
    #expect(reason("9223372036854775808", .int) == .wholeNumberOutOfRange)
    #expect(reason("-9223372036854775809", .int) == .wholeNumberOutOfRange)
    #expect(reason("123456789012345678901234567890", .int) == .wholeNumberOutOfRange)
    #expect(reason("-", .int) == .notAWholeNumber(.none))
    #expect(reason("1 000", .int) == .notAWholeNumber(.none))
    #expect(message("12.5", .int) == "\"12.5\" is not a whole number (it has a fractional part)")
    #expect(
      message("1,234", .int)
        == "\"1,234\" is not a whole number (remove the thousands separators; use a dot for decimals)")
    #expect(message("abc", .int) == "\"abc\" is not a whole number")
    #expect(message("1e3", .int) == "\"1e3\" is not a whole number (write the digits out in full, without an exponent)")
  }

  @Test func decimalsAreExactAndKeepTheirScale() {
    #expect(value("1234.50", .decimal) == decimal(123_450, 2))
    #expect(value("-0.5", .decimal) == decimal(-5, 1))
    #expect(value("+1.25", .decimal) == decimal(125, 2))
    #expect(value(".5", .decimal) == decimal(5, 1))
    #expect(value("5.", .decimal) == decimal(5, 0))
    #expect(value("12", .decimal) == decimal(12, 0))
    #expect(value("0.1", .decimal) == decimal(1, 1))
    #expect(value("0.000000000000000001", .decimal) == decimal(1, 18))
    #expect(value("123456789012345678", .decimal) == decimal(123_456_789_012_345_678, 0))
    #expect(value("-12345678.9012345678", .decimal) == decimal(-123_456_789_012_345_678, 10))
    #expect(value("0000000000000000000001.5", .decimal) == decimal(15, 1))
    #expect(reason("1234567890123456789", .decimal) == .tooManyDigits)
    #expect(reason("1.234567890123456789", .decimal) == .tooManyDigits)
    #expect(message("12,50", .decimal) == "\"12,50\" is not a decimal number (use a dot for decimals)")
    #expect(reason("1,234.50", .decimal) == .notADecimal(.thousandsSeparator))
    #expect(reason("1.5e3", .decimal) == .notADecimal(.exponent))
    #expect(reason("$12.50", .decimal) == .notADecimal(.currencyOrUnit))
    #expect(reason("12.50 EUR", .decimal) == .notADecimal(.currencyOrUnit))
    #expect(reason("1.2.3", .decimal) == .notADecimal(.none))
    #expect(reason(".", .decimal) == .notADecimal(.none))
    #expect(reason("-", .decimal) == .notADecimal(.none))
    #expect(reason("NaN", .decimal) == .notADecimal(.none))
    #expect(
      message("1234567890123456789", .decimal)
        == "\"1234567890123456789\" has too many digits to be kept exactly (at most 18 digits)")
  }

  @Test func percentagesWithOrWithoutTheSign() {
    #expect(value("10%", .percent) == .percent(ExactDecimal(10)))
    #expect(value("10", .percent) == .percent(ExactDecimal(10)))
    #expect(value("0.5%", .percent) == .percent(ExactDecimal(units: 5, scale: 1)))
    #expect(value("12.5 %", .percent) == .percent(ExactDecimal(units: 125, scale: 1)))
    #expect(message("ten", .percent) == "\"ten\" is not a percentage (write it as 10% or 10)")
    #expect(message("12,5%", .percent) == "\"12,5%\" is not a percentage (use a dot for decimals)")
    #expect(reason("%", .percent) == .notAPercent(.none))
    #expect(reason("10%%", .percent) == .notAPercent(.none))
  }

  @Test func booleansInTheirDocumentedSpellings() {
    for text in ["true", "TRUE", "True", "1"] { #expect(value(text, .bool) == .bool(true), "\(text)") }
    for text in ["false", "FALSE", "False", "0"] { #expect(value(text, .bool) == .bool(false), "\(text)") }
    for text in ["yes", "no", "t", "f", "tRUE", "2", "01", "truee"] {
      #expect(reason(text, .bool) == .notTrueOrFalse, "\(text)")
    }
    #expect(message("yes", .bool)?.hasPrefix("\"yes\" is not true or false") == true)
  }

  @Test func datesAreCheckedAgainstTheCalendar() {
    #expect(value("2024-02-29", .date) == .date(CivilDate(year: 2024, month: 2, day: 29)!))
    #expect(value("2000-02-29", .date) == .date(CivilDate(year: 2000, month: 2, day: 29)!))
    #expect(value("0001-01-01", .date) == .date(CivilDate(year: 1, month: 1, day: 1)!))
    #expect(value("9999-12-31", .date) == .date(CivilDate(year: 9999, month: 12, day: 31)!))
    #expect(message("2026-02-30", .date) == "\"2026-02-30\" is not a date (February 2026 has 28 days)")
    #expect(reason("2023-02-29", .date) == .notADate(.day(month: 2, year: 2023)))
    #expect(reason("1900-02-29", .date) == .notADate(.day(month: 2, year: 1900)))
    #expect(reason("2026-04-31", .date) == .notADate(.day(month: 4, year: 2026)))
    #expect(reason("2026-01-00", .date) == .notADate(.day(month: 1, year: 2026)))
    #expect(
      message("2026-13-01", .date) == "\"2026-13-01\" is not a date (there is no month 13; months go from 01 to 12)")
    #expect(reason("0000-01-01", .date) == .notADate(.year))
    #expect(message("01/02/2026", .date) == "\"01/02/2026\" is not a date (write dates as YYYY-MM-DD, e.g. 2026-01-31)")
    #expect(reason("2026-1-5", .date) == .notADate(.layout))
    #expect(reason("2026-01-05x", .date) == .notADate(.layout))
    #expect(reason("2026-01-31T10:00:00Z", .date) == .notADate(.hasTime))
  }

  @Test func daysSinceEpochAgreesWithCivilDateEveryDayFor1600To2400() throws {
    func days(_ text: String) throws -> Int64? {
      var text = text
      return try text.withUTF8 { bytes in
        try Result { () throws(ValueError) -> Int64? in try ValueParser.daysSinceEpoch(bytes) }.get()
      }
    }
    #expect(try days("1970-01-01") == 0)
    #expect(try days("1969-12-31") == -1)
    #expect(try days("2000-03-01") == 11_017)
    #expect(try days("0001-01-01") == -719_162)
    #expect(try days("") == nil)
    var mismatches = 0
    for year in 1600...2400 {
      for month in 1...12 {
        for day in 1...CivilDate.daysIn(month: month, year: year) {
          let date = CivilDate(year: year, month: month, day: day)!
          if try days(date.description) != date.daysSinceEpoch { mismatches += 1 }
        }
      }
    }
    #expect(mismatches == 0)
  }

  @Test func timestampsBecomeSecondsSinceTheEpochInUTC() {
    let cases: [(String, Int64)] = [
      ("2025-07-01T12:34:56Z", 1_751_373_296),
      ("2025-07-01 12:34:56Z", 1_751_373_296),
      ("2025-07-01t12:34:56z", 1_751_373_296),
      ("2025-07-01T12:34:56.999Z", 1_751_373_296),
      ("2025-07-01T12:34:56.1+00:00", 1_751_373_296),
      ("2025-07-01T14:34:56+02:00", 1_751_373_296),
      ("2026-03-01T09:30:15+05:30", 1_772_337_615),
      ("2026-03-01T09:30:15+0530", 1_772_337_615),
      ("2026-03-01T09:30:15-08:00", 1_772_386_215),
      ("2026-03-01T09:30:15-0800", 1_772_386_215),
      ("2026-03-01T09:30:15-08", 1_772_386_215),
      ("2025-07-01T12:34Z", 1_751_373_240),
      ("1969-12-31T23:59:59Z", -1),
      ("1969-12-31T23:59:59.5Z", -1),
      ("1970-01-01T00:00:00Z", 0),
      ("0001-01-01T00:00:00Z", -62_135_596_800),
      ("9999-12-31T23:59:59Z", 253_402_300_799),
      ("2024-02-29T23:59:59-23:59", 1_709_337_539),
      (" 2025-07-01T12:34:56Z ", 1_751_373_296),
    ]
    for (text, seconds) in cases {
      #expect(value(text, .timestamp) == .timestamp(secondsSinceEpoch: seconds), "\(text)")
    }
  }

  @Test func malformedTimestampsSayWhatIsWrong() {
    #expect(
      message("2025-07-01T12:34:56", .timestamp)
        == "\"2025-07-01T12:34:56\" needs Z or an offset after the time: 2025-07-01T12:34:56Z is in UTC, "
        + "2025-07-01T12:34:56+02:00 is two hours ahead of UTC")
    let cases: [(String, ValueError.TimestampProblem)] = [
      ("2025-07-01T12:34", .needsZone),
      ("2025-07-01T12:34:56.", .layout),
      ("2025-07-01", .dateOnly),
      ("2025-07-01T12", .layout),
      ("2025/07/01T12:34:56Z", .layout),
      ("2025-07-01X12:34:56Z", .layout),
      ("2025-07-01T1:34:56Z", .layout),
      ("2025-07-01T12:34:5Z", .layout),
      ("2025-02-29T12:34:56Z", .date(.day(month: 2, year: 2025))),
      ("2025-00-10T12:34:56Z", .date(.month(0))),
      ("2025-07-01T24:00:00Z", .hour),
      ("2025-07-01T12:60:00Z", .minute),
      ("2025-07-01T12:34:60Z", .second),
      ("2025-07-01T12:34:56+24:00", .offset),
      ("2025-07-01T12:34:56+05:60", .offset),
      ("2025-07-01T12:34:56+5:30", .offset),
      ("2025-07-01T12:34:56+05-30", .offset),
      ("2025-07-01T12:34:56 UTC", .offset),
      ("2025-07-01T12:34:56ZZ", .offset),
      ("2025-07-01T12:34:56Z+01:00", .offset),
    ]
    for (text, problem) in cases {
      #expect(reason(text, .timestamp) == .notATimestamp(problem), "\(text)")
    }
    #expect(
      message("2025-07-01T12:34:56+24:00", .timestamp)
        == "\"2025-07-01T12:34:56+24:00\" is not a timestamp (write the offset as Z, +HH:MM or -HH:MM, e.g. +05:30)")
  }

  @Test func durationsInFixedUnits() {
    let cases: [(String, Int64)] = [
      ("45s", 45), ("30m", 1_800), ("12h", 43_200), ("7d", 604_800), ("2w", 1_209_600), ("0s", 0),
      ("7 days", 604_800), ("1 hour", 3_600), ("90 min", 5_400), ("7 d", 604_800), ("7days", 604_800),
    ]
    for (text, seconds) in cases {
      #expect(value(text, .duration) == .duration(seconds: seconds), "\(text)")
    }
    #expect(message("7", .duration) == "\"7\" is not a duration (add a unit: s, m, h, d or w, e.g. 7d)")
    #expect(reason("7x", .duration) == .notADuration(.unknownUnit("x")))
    #expect(reason("7 dias", .duration) == .notADuration(.unknownUnit("dias")))
    #expect(reason("7D", .duration) == .notADuration(.unknownUnit("D")))
    #expect(reason("1.5h", .duration) == .notADuration(.layout))
    #expect(reason("-5d", .duration) == .notADuration(.layout))
    #expect(reason("d", .duration) == .notADuration(.layout))
    #expect(reason("99999999999999999999s", .duration) == .notADuration(.tooLong))
    #expect(reason("9999999999999999w", .duration) == .notADuration(.tooLong))
  }

  @Test func enumerationsMatchExactlyAndSuggestTheIntendedCase() {
    let channels = ColumnKind.enumeration(["email", "sms", "push"])
    #expect(value("sms", channels) == .enumeration(caseIndex: 1))
    #expect(value("push", channels) == .enumeration(caseIndex: 2))
    #expect(message("Email", channels) == "\"Email\" is not one of: email, sms, push (did you mean \"email\"?)")
    #expect(reason(" sms", channels) == .notACase(cases: ["email", "sms", "push"], suggestion: "sms"))
    #expect(message("fax", channels) == "\"fax\" is not one of: email, sms, push")
  }

  @Test func longTextIsCutShortInMessages() {
    let long = String(repeating: "x", count: 100)
    #expect(message(long, .int) == "\"\(String(repeating: "x", count: 37))...\" is not a whole number")
  }
}
