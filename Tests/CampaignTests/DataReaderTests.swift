import CampaignLang
import DataReader
import Foundation
import Testing

/// The CSV reader: RFC 4180 details, errors with their lines, and agreement with
/// Python's csv module on seeded awkward files.
@Suite struct DataReaderTests {
  func rows(_ text: String) throws -> [[String]] {
    try rows(bytes: Array(text.utf8))
  }

  func rows(bytes: [UInt8]) throws -> [[String]] {
    var reader = CSVReader(bytes: bytes)
    var record = CSVRecord()
    var rows: [[String]] = []
    while try reader.next(into: &record) {
      rows.append((0..<record.count).map { reader.string(record[$0]) ?? "<invalid UTF-8>" })
    }
    return rows
  }

  @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
    #expect(
      try rows("a,b\n\"x,1\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\n") == [
        ["a", "b"], ["x,1", "say \"hi\""], ["two\r\nlines", ""],
      ])
  }

  @Test func lineEndsBOMAndBlankLines() throws {
    #expect(try rows(bytes: [0xEF, 0xBB, 0xBF] + Array("id\r\nc1\r\n\r\nc2".utf8)) == [["id"], ["c1"], ["c2"]])
    #expect(try rows("") == [])
    #expect(try rows("\n\n") == [])
    #expect(try rows("a,,\n") == [["a", "", ""]])
  }

  @Test func recordsKnowTheLineTheyStartOn() throws {
    var reader = CSVReader(bytes: Array("h\n\"a\nb\"\n\nc\n".utf8))
    var record = CSVRecord()
    var lines: [Int] = []
    while try reader.next(into: &record) { lines.append(record.line) }
    #expect(lines == [1, 2, 5])
  }

  @Test(arguments: [
    ("a,b\n\"open,c\n", CSVError(line: 2, field: 1, reason: .unterminatedQuote)),
    ("a,b\nx,y\"z\n", CSVError(line: 2, field: 2, reason: .quoteInUnquotedField)),
    ("a,b\n\"x\"y,z\n", CSVError(line: 2, field: 1, reason: .textAfterClosingQuote)),
  ])
  func badRecordsAreErrorsWithTheirLine(text: String, expected: CSVError) {
    var reader = CSVReader(bytes: Array(text.utf8))
    var record = CSVRecord()
    #expect(throws: expected) {
      while try reader.next(into: &record) {}
    }
  }

  @Test func readingGoesOnAfterABadRecord() throws {
    var reader = CSVReader(bytes: Array("a\nx\"y\nb\n".utf8))
    var record = CSVRecord()
    #expect(try reader.next(into: &record))
    #expect(throws: CSVError.self) { try reader.next(into: &record) }
    #expect(try reader.next(into: &record))
    #expect(reader.string(record[0]) == "b")
    #expect(try !reader.next(into: &record))
  }

  /// 300 seeded files from scripts/csv-oracle.py, read by Python's csv module and by
  /// this reader: the rows must be identical.
  @Test func agreesWithPythonsCSVModule() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("csv-oracle-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = repositoryRoot.appendingPathComponent("scripts/csv-oracle.py").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script, "--seed", "7", "--count", "300", "--out", directory.path]
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 scripts/csv-oracle.py failed")
    for index in 0..<300 {
      let csv = try Data(contentsOf: directory.appendingPathComponent("case-\(index).csv"))
      let json = try Data(contentsOf: directory.appendingPathComponent("case-\(index).json"))
      let expected = try JSONDecoder().decode([[String]].self, from: json)
      #expect(try rows(bytes: Array(csv)) == expected, "case \(index)")
    }
  }
}

/// Typed values from bytes, checked against Foundation's calendar arithmetic.
@Suite struct ValueParserTests {
  func bytes(_ text: String) -> ArraySlice<UInt8> { Array(text.utf8)[...] }

  @Test func timestampsWithZonesAreEpochSeconds() throws {
    #expect(try ValueParser.timestamp(bytes("1970-01-01T00:00:00Z")).get() == 0)
    #expect(try ValueParser.timestamp(bytes("2026-06-30T00:00:00Z")).get() == 1_782_777_600)
    #expect(try ValueParser.timestamp(bytes("2026-06-30T07:00:00+07:00")).get() == 1_782_777_600)
    #expect(try ValueParser.timestamp(bytes("2026-06-29 16:00:00-0800")).get() == 1_782_777_600)
    #expect(try ValueParser.timestamp(bytes("2026-06-30T05:30+05:30")).get() == 1_782_777_600)
    #expect(try ValueParser.timestamp(bytes("2026-06-30T00:00:00.999Z")).get() == 1_782_777_600)
    #expect(try ValueParser.timestamp(bytes("1969-12-31T23:59:59Z")).get() == -1)
  }

  @Test func datesAgreeWithFoundationOverFourCenturies() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    var components = DateComponents(year: 1900, month: 1, day: 1)
    var date = calendar.date(from: components)!
    // Every 7th day from 1900 to 2300 (leap years, century rules, 2000).
    while components.year! < 2300 {
      components = calendar.dateComponents([.year, .month, .day], from: date)
      let text = String(format: "%04d-%02d-%02d", components.year!, components.month!, components.day!)
      #expect(try ValueParser.date(bytes(text)).get() == Int64(date.timeIntervalSince1970 / 86_400), "\(text)")
      date = calendar.date(byAdding: .day, value: 7, to: date)!
    }
  }

  @Test(arguments: [
    ("2026-02-30", "\"2026-02-30\" is not a date (February 2026 has 28 days)"),
    ("2026-13-01", "\"2026-13-01\" has no month 13"),
    ("30/06/2026", "\"30/06/2026\" is not a date like 2026-06-30"),
  ])
  func badDatesSayWhy(text: String, message: String) {
    #expect(throws: ValueError.self) { try ValueParser.date(bytes(text)).get() }
    if case .failure(let error) = ValueParser.date(bytes(text)) { #expect(error.description == message) }
  }

  @Test func timestampsNeedAZone() {
    guard case .failure(let error) = ValueParser.timestamp(bytes("2026-06-30T09:30:00")) else {
      Issue.record("a timestamp with no zone was accepted")
      return
    }
    #expect(error.problem.contains("needs a time zone"))
    #expect(throws: ValueError.self) { try ValueParser.timestamp(bytes("2026-06-30T24:00:00Z")).get() }
    #expect(throws: ValueError.self) { try ValueParser.timestamp(bytes("2026-06-30T09:30:00Zjunk")).get() }
  }

  @Test func decimalsAreExact() throws {
    #expect(try ValueParser.decimal(bytes("1234.50")).get() == ExactDecimal(units: 123_450, scale: 2))
    #expect(try ValueParser.decimal(bytes("-0.01")).get() == ExactDecimal(units: -1, scale: 2))
    #expect(try ValueParser.decimal(bytes("7")).get() == ExactDecimal(7))
    for bad in ["1e5", "12,50", "", "-", "1.2.3", "99999999999999999999"] {
      #expect(throws: ValueError.self, "\(bad)") { try ValueParser.decimal(bytes(bad)).get() }
    }
    if case .failure(let error) = ValueParser.decimal(bytes("12,50")) { #expect(error.problem.contains("use a dot")) }
  }

  @Test func intsAndBools() throws {
    #expect(try ValueParser.int(bytes("-42")).get() == -42)
    #expect(throws: ValueError.self) { try ValueParser.int(bytes("4.2")).get() }
    #expect(throws: ValueError.self) { try ValueParser.int(bytes("9223372036854775808")).get() }
    #expect(try ValueParser.bool(bytes("TRUE")).get() == true)
    #expect(try ValueParser.bool(bytes("false")).get() == false)
    #expect(try ValueParser.bool(bytes("0")).get() == false)
    #expect(throws: ValueError.self) { try ValueParser.bool(bytes("yes")).get() }
  }
}
