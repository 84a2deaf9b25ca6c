import CampaignLang
import Testing

@testable import DataReader

@Suite struct CSVReaderTests {
  func rows(_ text: String) throws -> [[String]] {
    let (header, rows) = try CSVReader.readAll(Array(text.utf8))
    return [header] + rows
  }

  /// Every record (or the error in its place) of `bytes`, reading on after errors.
  func outcomes(_ bytes: [UInt8]) -> [Result<[String], CSVError>] {
    var reader: CSVReader
    do {
      reader = try CSVReader(bytes: bytes)
    } catch {
      return [.failure(error)]
    }
    var record = reader.makeRecord()
    var results: [Result<[String], CSVError>] = []
    while true {
      do {
        guard try reader.next(into: &record) else { break }
        results.append(.success(record.fields.map { reader.string($0) }))
      } catch {
        results.append(.failure(error))
      }
    }
    return results
  }

  func errors(_ text: String) -> [CSVError] {
    outcomes(Array(text.utf8)).compactMap { if case .failure(let error) = $0 { error } else { nil } }
  }

  @Test func plainRowsWithLFOrCRLFAndAFinalRowWithoutNewline() throws {
    let expected = [["a", "b"], ["1", "2"], ["3", "4"]]
    #expect(try rows("a,b\n1,2\n3,4\n") == expected)
    #expect(try rows("a,b\r\n1,2\r\n3,4\r\n") == expected)
    #expect(try rows("a,b\n1,2\r\n3,4") == expected)
    #expect(try rows("a,b\n1,2\n3,4\n\n\r\n\n") == expected)
    #expect(try rows("\u{FEFF}a,b\n1,2\n3,4") == expected)
    #expect(try rows("a,b\r1,2\r3,4\r\r") == expected)
    #expect(try rows("a,b") == [["a", "b"]])
    #expect(try rows("a,b\n") == [["a", "b"]])
  }

  @Test func quotedFieldsKeepCommasQuotesAndLineBreaksAsWritten() throws {
    let text = "name,note\n\"Smith, J\",\"say \"\"hi\"\"\"\n\"two\nlines\",\"cr\rcrlf\r\nend\"\n\"\",x\n"
    #expect(
      try rows(text) == [
        ["name", "note"], ["Smith, J", "say \"hi\""], ["two\nlines", "cr\rcrlf\r\nend"], ["", "x"],
      ])
  }

  @Test func emptyFieldsAndTheTrailingEmptyField() throws {
    #expect(try rows("a,b,c\n,,\n1,,\n,,3") == [["a", "b", "c"], ["", "", ""], ["1", "", ""], ["", "", "3"]])
    // With one column a blank line is a record with one empty field.
    #expect(try rows("a\n1\n\n2\n") == [["a"], ["1"], [""], ["2"]])
  }

  @Test func fieldsAreRangesIntoTheFileWithQuoteFlags() throws {
    let bytes = Array("h1,h2\nab,\"c\"\"d\"\n".utf8)
    var reader = try CSVReader(bytes: bytes)
    var record = reader.makeRecord()
    #expect(try reader.next(into: &record))
    #expect(record.line == 2)
    #expect(record.startOffset == 6)
    #expect(record[0] == CSVField(start: 6, end: 8, isQuoted: false, hasDoubledQuotes: false))
    #expect(record[1] == CSVField(start: 10, end: 14, isQuoted: true, hasDoubledQuotes: true))
    #expect(reader.valueBytes(record[1]) == Array("c\"d".utf8))
    bytes.withUnsafeBufferPointer { buffer in
      #expect(Array(record[1].rawBytes(in: buffer)) == Array("c\"\"d".utf8))
      #expect(record[1].withValueBytes(in: buffer) { String(decoding: $0, as: UTF8.self) } == "c\"d")
    }
    #expect(try !reader.next(into: &record))
    #expect(try !reader.next(into: &record))
  }

  /// The loop of `CSVReader`'s documentation, with typed values read in place.
  @Test func theDocumentedFastLoop() throws {
    let data = Array("contact_id,ts,amount\nc1,2025-07-01T12:34:56Z,12.50\n\"c\"\"2\",2025-07-01T12:34:57Z,\n".utf8)
    var reader = try CSVReader(bytes: data)
    var record = reader.makeRecord()
    let ts = try #require(reader.columnIndex(named: "ts"))
    let amount = try #require(reader.columnIndex(named: "amount"))
    var ids: [String] = []
    var seconds: [Int64?] = []
    var amounts: [ExactDecimal?] = []
    let bytes = reader.bytes
    try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
      while try reader.next(into: &record) {
        ids.append(record[0].string(in: buffer))
        seconds.append(try? ValueParser.timestamp(record[ts].rawBytes(in: buffer)))
        amounts.append(try? ValueParser.decimal(record[amount].rawBytes(in: buffer)))
      }
    }
    #expect(ids == ["c1", "c\"2"])
    #expect(seconds == [1_751_373_296, 1_751_373_297])
    #expect(amounts == [ExactDecimal(units: 1250, scale: 2), nil])
  }

  @Test func lineNumbersCountLineBreaksInsideQuotedFields() throws {
    var reader = try CSVReader(bytes: Array("a,b\n\"x\ny\r\nz\",1\r\n2,\"\r\"\n3,4\n".utf8))
    var record = reader.makeRecord()
    var lines: [Int] = []
    while try reader.next(into: &record) { lines.append(record.line) }
    #expect(lines == [2, 5, 7])
  }

  @Test func eachErrorReasonWithItsLineAndColumn() {
    let cases: [(String, CSVError)] = [
      ("a,b\n1,\"open\n2,3\n", CSVError(line: 2, column: 2, columnName: "b", reason: .unterminatedQuotedField)),
      ("a,b\n1,2\n3,x\"y\n", CSVError(line: 3, column: 2, columnName: "b", reason: .quoteInUnquotedField)),
      ("a,b\n\"x\"y,2\n", CSVError(line: 2, column: 1, columnName: "a", reason: .textAfterClosingQuote)),
      ("a,b\n1,2,3\n", CSVError(line: 2, reason: .wrongFieldCount(expected: 2, got: 3))),
      ("a,b,c\n1,2\n", CSVError(line: 2, reason: .wrongFieldCount(expected: 3, got: 2))),
      ("a,b\n1,2\n\n3,4\n", CSVError(line: 3, reason: .blankLine(expected: 2))),
      ("", CSVError(line: 1, reason: .emptyFile)),
      ("\u{FEFF}\r\n\n", CSVError(line: 1, reason: .emptyFile)),
      ("\na,b\n", CSVError(line: 1, reason: .blankHeader)),
      ("a,b,a\n", CSVError(line: 1, column: 3, columnName: "a", reason: .duplicateColumnName("a"))),
    ]
    for (text, expected) in cases {
      #expect(errors(text) == [expected], "\(text.debugDescription)")
    }
  }

  @Test func invalidUTF8IsReportedInItsColumn() throws {
    var bytes = Array("id,name\n1,caf".utf8) + [0xE9] + Array("\n2,ok\n".utf8)
    #expect(outcomes(bytes).map { try? $0.get() } == [nil, ["2", "ok"]])
    let error = outcomes(bytes).first.flatMap { if case .failure(let error) = $0 { error } else { nil } }
    #expect(error == CSVError(line: 2, column: 2, columnName: "name", reason: .invalidUTF8))
    // Overlong forms and encoded surrogates are not UTF-8 either.
    for bad: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
      bytes = Array("a\n".utf8) + bad + [0x0A]
      #expect(outcomes(bytes).count == 1)
      #expect((try? outcomes(bytes)[0].get()) == nil)
    }
    #expect(try rows("a\ncaf\u{E9} \u{1F600}\n") == [["a"], ["caf\u{E9} \u{1F600}"]])
  }

  @Test func readingGoesOnAfterABrokenRecord() {
    let results = outcomes(Array("a,b\n1,x\"y\n2,3\n4,\"p\"q,r\n5,6\n7\n8,9".utf8))
    let summary = results.map { result -> String in
      switch result {
      case .success(let fields): fields.joined(separator: "|")
      case .failure(let error): "line \(error.line)"
      }
    }
    #expect(summary == ["line 2", "2|3", "line 4", "5|6", "line 6", "8|9"])
  }

  @Test func messagesNameThePlaceAndTheFix() {
    let error = CSVError(line: 7, column: 3, columnName: "amount", reason: .wrongFieldCount(expected: 6, got: 7))
    #expect(error.description.hasPrefix("line 7, column 3 (amount): expected 6 fields"))
    #expect(
      CSVError(line: 2, reason: .quoteInUnquotedField).description
        == "line 2: a quote (\") inside a field that does not start with one; put the whole field in quotes and "
        + "double each quote inside it (\"\")")
  }

  /// The scanner looks at eight bytes at a time: put each kind of special byte at every
  /// offset of fields of every length up to 20, and compare with the fields as built.
  @Test func specialBytesAtEveryOffsetAcrossWordBoundaries() throws {
    let fillers = ["a", " ", "\u{E9}", "!", "~", "-"]
    for length in 0...20 {
      for filler in fillers {
        for offset in 0...length {
          var plain = Array(repeating: filler, count: length)
          if offset < length { plain[offset] = "x" }
          let text = plain.joined()
          for special in [",", "\"", "\n", "\r\n", "\r", "\u{1F600}"] {
            var quotedChars = Array(repeating: filler, count: length)
            quotedChars.insert(special, at: offset)
            let quotedValue = quotedChars.joined()
            let escaped = "\"" + quotedChars.map { $0 == "\"" ? "\"\"" : $0 }.joined() + "\""
            let file = "h1,h2,h3\n\(text),\(escaped),\(text)\r\n\(escaped),\(text),\(escaped)"
            let expected = [["h1", "h2", "h3"], [text, quotedValue, text], [quotedValue, text, quotedValue]]
            #expect(try rows(file) == expected, "\(file.debugDescription)")
          }
        }
      }
    }
  }

  /// `scanPlainRecord` (the fast path for records with no quotes, carriage returns or
  /// non-ASCII bytes) must find exactly what `scanRecord` finds, or decline. Seeded
  /// random files, mostly plain, with every special byte now and then; each record is
  /// scanned both ways.
  @Test func thePlainFastPathAgreesWithTheFullScanner() {
    let alphabet: [[UInt8]] = [[0x61], [0x62], [0x2C], [0x2C], [0x0A], [0x20], [0x2D], [0x22], [0x0D], [0xC3, 0xA9]]
    var random = SeededGenerator(seed: 7)
    var plainRecords = 0
    for _ in 0..<400 {
      var bytes: [UInt8] = []
      for _ in 0..<Int.random(in: 1...120, using: &random) {
        // Mostly letters, commas and line feeds: plain records.
        let pick = Int.random(in: 0..<100, using: &random)
        bytes += pick < 94 ? alphabet[pick % 6] : alphabet[6 + pick % 4]
      }
      bytes.withUnsafeBufferPointer { buffer in
        var start = 0
        var line = 1
        let empty = CSVField(start: 0, end: 0, isQuoted: false, hasDoubledQuotes: false)
        while start < buffer.count {
          var full = Array(repeating: empty, count: 4)
          var plain = full
          let expected = full.withUnsafeMutableBufferPointer {
            CSVScanner.scanRecord(buffer, from: start, line: line, into: $0)
          }
          let got = plain.withUnsafeMutableBufferPointer {
            CSVScanner.scanPlainRecord(buffer, from: start, line: line, into: $0)
          }
          if let got {
            plainRecords += 1
            #expect(got.end == expected.end && got.nextLine == expected.nextLine)
            #expect(got.fieldCount == expected.fieldCount && got.failure == expected.failure)
            #expect(!got.hasNonASCII && !expected.hasNonASCII)
            #expect(plain.prefix(got.fieldCount) == full.prefix(expected.fieldCount))
          }
          start = expected.end
          line = expected.nextLine
        }
      }
    }
    #expect(plainRecords > 1000)
  }
}
