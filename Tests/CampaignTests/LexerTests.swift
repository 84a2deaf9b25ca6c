import CampaignLang
import Lexer
import Testing

@Suite struct LexerTests {
  func lex(_ text: String) -> TokenStream {
    Lexer.tokenize(SourceFile(id: FileID(0), path: "t", text: text))
  }

  func kinds(_ text: String) -> [TokenKind] { lex(text).tokens.map(\.kind) }

  @Test func literalsAreRecognisedWithTheirValues() {
    let stream = lex("30d 10% 0.5% 2026-12-31 2025-01-01T10:00Z 21:30 12.50 \"a\\\"b\"")
    let values: [Literal] = stream.literals
    let jan1 = CivilDate(year: 2025, month: 1, day: 1)!
    let expected: [Literal] = [
      .duration(Duration(amount: 30, unit: .days)),
      .percent(ExactDecimal(10)),
      .percent(ExactDecimal(units: 5, scale: 1)),
      .date(CivilDate(year: 2026, month: 12, day: 31)!),
      .timestamp(Timestamp(date: jan1, secondOfDay: 36_000, utcOffset: 0, hasSeconds: false)),
      .timeOfDay(21 * 60 + 30),
      .decimal(ExactDecimal(units: 1250, scale: 2)),
      .string("a\"b"),
    ]
    #expect(values == expected)
    #expect(stream.diagnostics.isEmpty)
  }

  @Test func numbersWithSeparatorsOffsetsAndPlainStrings() {
    let stream = lex("1_000 1_234.5_0 2026-03-01T09:30:15+07:00 2w \"plain ascii\" \"caf\u{E9} \\t\"")
    let march1 = CivilDate(year: 2026, month: 3, day: 1)!
    let expected: [Literal] = [
      .int(1000),
      .decimal(ExactDecimal(units: 123_450, scale: 2)),
      .timestamp(Timestamp(date: march1, secondOfDay: 34_215, utcOffset: 25_200, hasSeconds: true)),
      .duration(Duration(amount: 2, unit: .weeks)),
      .string("plain ascii"),
      .string("caf\u{E9} \t"),
    ]
    #expect(stream.literals == expected)
    #expect(stream.diagnostics.isEmpty)
    // A separator is not a digit of a time of day, and a unit word is not a unit letter.
    #expect(kinds("1_2:30") == [.integer, .colon, .integer, .endOfFile])
    #expect(lex("7 days").diagnostics.isEmpty)
    #expect(lex("7days").diagnostics.map(\.code.rawValue) == ["E0205"])
  }

  @Test func pastedCharactersGetSpecificCodes() {
    let cases: [(String, String)] = [
      ("a “b” c", "E0103"), ("a\u{00A0}b", "E0104"), ("A –> B", "E0105"), ("x ≥ 3", "E0110"),
      ("a && b", "E0110"), ("\"open", "E0106"), ("99999999999999999999999", "E0108"),
      ("2026-13-45", "E0109"), ("7days", "E0205"), ("$", "E0101"),
    ]
    for (text, code) in cases {
      #expect(lex(text).diagnostics.map(\.code.rawValue) == [code], "\(text)")
    }
  }

  @Test func curlyQuotedTextIsStillReadAsAString() {
    let stream = lex("“hello”")
    #expect(stream.tokens.first.flatMap { stream.literal(of: $0) } == .string("hello"))
  }

  @Test func bomAndCRLFAreAccepted() {
    let stream = lex("\u{FEFF}segment a = b\r\nsegment c = d\r\n")
    #expect(stream.diagnostics.isEmpty)
    #expect(stream.tokens.filter { $0.kind == .newline }.count == 2)
  }

  @Test func invalidUTF8IsOneDiagnosticPerRun() {
    var bytes = Array("a ".utf8)
    bytes += [0xFF, 0xFE, 0xC3]
    bytes += Array(" b".utf8)
    let stream = Lexer.tokenize(SourceFile(id: FileID(0), path: "t", bytes: bytes))
    #expect(stream.diagnostics.map(\.code.rawValue) == ["E0102"])
  }

  @Test func aNulByteMarksTheFileAsBinary() {
    let stream = Lexer.tokenize(SourceFile(id: FileID(0), path: "t", bytes: [0x41, 0, 0x42]))
    #expect(stream.isBinary)
    #expect(stream.diagnostics.count == 1)
  }
}
