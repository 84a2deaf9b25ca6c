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
