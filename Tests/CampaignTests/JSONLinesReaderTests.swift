import DataReader
import Testing

@Suite struct JSONLinesReaderTests {
  struct Pair: Equatable, CustomStringConvertible {
    var key: String
    var value: JSONValue
    init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
    var description: String { "\(key)=\(value)" }
  }

  func objects(_ text: String) throws -> [[Pair]] {
    try JSONLinesReader.readAll(Array(text.utf8)).map { $0.map { Pair($0.key, $0.value) } }
  }

  /// Each line's object, or its error, reading on after errors.
  func outcomes(_ bytes: [UInt8]) -> [Result<[Pair], JSONLinesError>] {
    var reader = JSONLinesReader(bytes: bytes)
    var record = JSONRecord()
    var results: [Result<[Pair], JSONLinesError>] = []
    while true {
      do {
        guard try reader.next(into: &record) else { break }
        results.append(.success(record.fields.map { Pair(reader.key($0), reader.value($0)) }))
      } catch {
        results.append(.failure(error))
      }
    }
    return results
  }

  func error(_ text: String) -> JSONLinesError? {
    outcomes(Array(text.utf8)).lazy.compactMap { if case .failure(let error) = $0 { error } else { nil } }.first
  }

  @Test func flatObjectsWithEveryKindOfValue() throws {
    let text =
      "{\"id\": \"c1\", \"amount\": 12.50, \"n\": -3, \"big\": 1e400, \"ok\": true, \"no\": false, \"gone\": null}\n"
    #expect(
      try objects(text) == [
        [
          Pair("id", .string("c1")), Pair("amount", .number("12.50")), Pair("n", .number("-3")),
          Pair("big", .number("1e400")), Pair("ok", .bool(true)), Pair("no", .bool(false)), Pair("gone", .null),
        ]
      ])
    #expect(try objects("{}") == [[]])
    #expect(try objects(" { \"a\" :\t\"b\" } \r\n") == [[Pair("a", .string("b"))]])
  }

  @Test func blankLinesBOMAndCRLFAreTolerated() throws {
    let text = "\u{FEFF}{\"a\":1}\r\n\r\n   \n{\"a\":2}\n\n"
    #expect(try objects(text) == [[Pair("a", .number("1"))], [Pair("a", .number("2"))]])
    #expect(try objects("") == [])
    #expect(try objects("\n\n") == [])
    var reader = JSONLinesReader(bytes: Array(text.utf8))
    var record = JSONRecord()
    var lines: [Int] = []
    while try reader.next(into: &record) { lines.append(record.line) }
    #expect(lines == [1, 4])
  }

  @Test func stringEscapesIncludingSurrogatePairs() throws {
    let line =
      #"{"s": "q\" b\\ s\/ \b\f\n\r\t \u00e9 \u20AC \ud83d\ude00 \u0000", "k\u00e9y": "caf\#u{E9} \#u{1F600}"}"#
    #expect(
      try objects(line) == [
        [
          Pair("s", .string("q\" b\\ s/ \u{8}\u{C}\n\r\t \u{E9} \u{20AC} \u{1F600} \u{0}")),
          Pair("k\u{E9}y", .string("caf\u{E9} \u{1F600}")),
        ]
      ])
  }

  @Test func fieldsAreRangesAndValueBytesFeedTheValueParser() throws {
    let bytes = Array(#"{"ts": "2025-07-01T12:34:56Z", "amount": 12.50, "e\u0078": "a\u0062c"}"#.utf8)
    var reader = JSONLinesReader(bytes: bytes)
    var record = JSONRecord()
    #expect(try reader.next(into: &record))
    let ts = try #require(reader.field(named: "ts", in: record))
    #expect(ts.kind == .string)
    #expect(!ts.valueHasEscapes)
    #expect(reader.field(named: "ex", in: record)?.kind == .string)
    #expect(reader.field(named: "missing", in: record) == nil)
    try bytes.withUnsafeBufferPointer { buffer in
      let seconds = try ts.withValueBytes(in: buffer) { (value) throws(ValueError) in try ValueParser.timestamp(value) }
      #expect(seconds == 1_751_373_296)
      let amount = try #require(reader.field(named: "amount", in: record))
      let decimal = try amount.withValueBytes(in: buffer) { (value) throws(ValueError) in try ValueParser.decimal(value)
      }
      #expect(decimal?.units == 1250)
      let escaped = try #require(reader.field(named: "ex", in: record))
      #expect(escaped.withValueBytes(in: buffer) { String(decoding: $0, as: UTF8.self) } == "abc")
    }
  }

  @Test func eachSyntaxProblemWithItsColumn() {
    let cases: [(String, JSONLinesError.SyntaxProblem, Int)] = [
      (#"{"a" 1}"#, .expectedColon, 6),
      (#"{"a": }"#, .expectedValue, 7),
      (#"{"a": 1,}"#, .expectedKey, 9),
      (#"{a: 1}"#, .expectedKey, 2),
      (#"{'a': 1}"#, .expectedKey, 2),
      (#"{"a": 1 "b": 2}"#, .expectedCommaOrEnd, 9),
      (#"{"a": "open}"#, .unterminatedString, 7),
      (#"{"a": "\x"}"#, .invalidEscape, 8),
      (#"{"a": "\u12G4"}"#, .invalidEscape, 8),
      (#"{"a": "\ud83d"}"#, .unpairedSurrogate, 8),
      (#"{"a": "\ude00"}"#, .unpairedSurrogate, 8),
      (#"{"a": "\ud83d\u0041"}"#, .unpairedSurrogate, 8),
      ("{\"a\": \"tab\there\"}", .controlCharacter, 11),
      (#"{"a": 01}"#, .invalidNumber, 7),
      (#"{"a": 1.}"#, .invalidNumber, 7),
      (#"{"a": .5}"#, .invalidNumber, 7),
      (#"{"a": +1}"#, .invalidNumber, 7),
      (#"{"a": -}"#, .invalidNumber, 7),
      (#"{"a": 1e}"#, .invalidNumber, 7),
      (#"{"a": NaN}"#, .expectedValue, 7),
      (#"{"a": tru}"#, .expectedValue, 7),
      (#"{"a": 1} x"#, .textAfterObject, 10),
      (#"{"a": 1}{"b": 2}"#, .textAfterObject, 9),
      ("{\"\u{E9}\u{E9}\": x}", .expectedValue, 8),
      (#"{"a": 1"#, .expectedCommaOrEnd, 8),
    ]
    for (text, problem, column) in cases {
      #expect(
        error(text) == JSONLinesError(line: 1, reason: .invalidJSON(column: column, problem)), "\(text)")
    }
  }

  @Test func otherErrorsWithTheirLines() {
    #expect(error("{\"a\":1}\n[1, 2]\n") == JSONLinesError(line: 2, reason: .notAnObject))
    #expect(error("\"text\"") == JSONLinesError(line: 1, reason: .notAnObject))
    #expect(error("\n\n{\"a\": 1, \"a\": 2}") == JSONLinesError(line: 3, reason: .duplicateKey("a")))
    #expect(error(#"{"a": 1, "\u0061": 2}"#) == JSONLinesError(line: 1, reason: .duplicateKey("a")))
    #expect(error(#"{"a": {"b": 1}}"#) == JSONLinesError(line: 1, reason: .nestedValue(key: "a")))
    #expect(error(#"{"list": [1]}"#) == JSONLinesError(line: 1, reason: .nestedValue(key: "list")))
    let bytes = Array("{\"a\": \"ok\"}\n{\"a\": \"caf".utf8) + [0xE9] + Array("\"}\n".utf8)
    #expect(
      outcomes(bytes).last.flatMap { if case .failure(let error) = $0 { error } else { nil } }
        == JSONLinesError(line: 2, reason: .invalidUTF8(column: 11)))
  }

  @Test func readingGoesOnAfterABrokenLine() {
    let results = outcomes(Array("{\"a\": 1}\n{\"a\": \n{\"a\": \"x\ny\"}\n{\"a\": 4}".utf8))
    let summary = results.map { result -> String in
      switch result {
      case .success(let pairs): pairs.map(\.description).joined(separator: ",")
      case .failure(let error): "line \(error.line)"
      }
    }
    #expect(summary == ["a=number(\"1\")", "line 2", "line 3", "line 4", "a=number(\"4\")"])
  }

  @Test func messagesNameTheLineAndTheFix() {
    #expect(
      JSONLinesError(line: 4, reason: .invalidJSON(column: 9, .expectedColon)).description
        == "line 4: invalid JSON at column 9: expected a colon (:) after the key")
    #expect(
      JSONLinesError(line: 2, reason: .nestedValue(key: "tags")).description
        == "line 2: the value of \"tags\" is an object or a list; values must be text, numbers, true, false or null")
  }
}
