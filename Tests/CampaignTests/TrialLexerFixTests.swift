import CampaignLang
import Checker
import Testing

/// Regressions from the second user trial, in how files and numbers are read: line ends,
/// encodings and numbers written as in a document. One mistake gives one message.
@Suite struct TrialLexerFixTests {
  /// The line and column of each diagnostic, in display order.
  func places(_ compilation: Compilation) -> [String] {
    Diagnostic.sortedForDisplay(compilation.diagnostics).map { diagnostic in
      let table = LineTable(compilation.sources[diagnostic.range.file])
      let start = table.location(of: diagnostic.range.start)
      let end = table.location(of: diagnostic.range.end)
      return "\(start.line):\(start.column)-\(end.line):\(end.column)"
    }
  }

  /// "Found the end of the line" points just after the line's text, on that line, with
  /// `\n`, `\r\n` or a lone `\r` (old Mac files) as line ends.
  @Test(arguments: ["\n", "\r\n", "\r"])
  func theEndOfTheLineIsOnThatLine(lineEnd: String) {
    let text = (minimalCampaign + "cooldown Active\nsegment b = ltvv > 1\n")
      .replacingOccurrences(of: "\n", with: lineEnd)
    let result = compile(text)
    #expect(codes(result) == ["E0201", "E0301"])
    #expect(places(result) == ["30:16-30:16", "31:13-31:17"])
    #expect(result.diagnostics.first?.message.contains("found the end of the line") == true)
  }

  /// The JSON span of an error at the end of a CRLF line ends on that line.
  @Test func theJSONSpanOfALineEndStaysOnItsLine() {
    let text = (minimalCampaign + "cooldown Active\n").replacingOccurrences(of: "\n", with: "\r\n")
    let (_, json, _) = runDriver(
      ["check", "--format", "json", "a.campaign"], files: MemoryFileSystem(["a.campaign": text]))
    #expect(
      json.contains("\"line\": 30,\n        \"column\": 16,\n        \"endLine\": 30,\n        \"endColumn\": 16"),
      "\(json)")
  }

  /// A file in another encoding, or not text at all, is one message at its first byte
  /// that is not UTF-8, with the number of others, and is read no further.
  @Test func aFileThatIsNotUTF8IsOneMessage() {
    var bytes = Array((minimalCampaign + "segment v = ltv >= 5 # caf").utf8) + [0xE9, 0x0A]
    bytes += Array("segment x = ltvv > 1 ".utf8) + [0xE9, 0xFF, 0x0A]
    let result = Compiler.compile(entryPath: "a.campaign", bytes: bytes) { _ in nil }
    #expect(codes(result) == ["E0102"])
    #expect(places(result) == ["30:27-30:28"])
    #expect(result.diagnostics.first?.message == "this file is not UTF-8 text")
    #expect(result.diagnostics.first?.help?.hasSuffix("; 1 more place is not UTF-8 either") == true)
  }

  @Test func randomBytesAreOneMessage() {
    // The same bytes every run: a xorshift generator with a fixed seed, without NUL bytes.
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    let bytes = (0..<20_000).map { _ -> UInt8 in
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return UInt8(truncatingIfNeeded: state % 255 + 1)
    }
    let result = Compiler.compile(entryPath: "a.campaign", bytes: bytes) { _ in nil }
    #expect(codes(result) == ["E0102"])
  }

  /// Numbers as written in documents: one message, saying what to write, and read as meant.
  @Test(arguments: [
    ("score s2 {\n  email_open +1\n  decay 10 % every 7d\n}", "write `10%` without a space", "10 %"),
    ("segment a = ltv > 1,000", "write `1,000` without commas: `1000`", "1,000"),
    ("segment a = ltv >= 1,000,000 and orders_90d > 1", "write `1,000,000` without commas: `1000000`", "1,000,000"),
    ("segment a = ltv > 10k", "write `10k` as the full number `10000`", "10k"),
    ("segment a = ltv > 1M", "write `1M` as the full number `1000000`", "1M"),
    ("segment a = ltv > 2.5k", "write `2.5k` as the full number `2500`", "2.5k"),
    ("cooldown Active 3D", "write `3D` as `3d`", "3D"),
    ("segment a = ltv > `ltv`", "campaigns do not use backticks", "`ltv`"),
  ])
  func aNumberWrittenAsInADocumentIsOneMessage(line: String, message: String, underline: String) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(result.diagnostics.map(\.message) == [message], "\(line)")
    #expect(underlined(result) == [underline], "\(line)")
  }

  /// `wait 1M` is still months: the shorthand for a million is only read after a comparison.
  @Test func aMonthIsStillAMonthInAWait() {
    let result = compile(minimalCampaign + "flow f for Active {\n  wait 1M\n}\n")
    #expect(codes(result) == ["E0205"])
  }

  /// The message about a backtick shows the backtick once, not as three.
  @Test func aLoneBacktickIsShownOnce() {
    let result = compile(minimalCampaign + "segment a = ltv > 5 `\n")
    #expect(result.diagnostics.map(\.message) == ["unexpected backtick in a campaign"])
  }
}
