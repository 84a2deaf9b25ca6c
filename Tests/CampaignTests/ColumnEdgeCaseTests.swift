import Testing

/// Columns and carets beyond ColumnTests: combining marks (columns count Unicode
/// scalars, not characters as Swift or a reader sees them), CRLF line breaks, a byte
/// order mark, and long lines shown as a window around the caret.
@Suite struct ColumnEdgeCaseTests {
  /// `Ü` written as `U` and a combining diaeresis (U+0308): two scalars, one character,
  /// one terminal cell.
  static let combining = MemoryFileSystem([
    "mark.campaign": minimalCampaign + "segment y = orders_90d > 1 {\n  message \"U\u{0308}mlaut\" offer zzz\n}\n"
  ])

  /// A line too long to show whole, with wide characters before the mistake.
  static let longLine = MemoryFileSystem([
    "long.campaign": minimalCampaign + "segment y = orders_90d > 1 {\n  message \""
      + String(repeating: "日本", count: 50) + "\" offer zzz\n}\n"
  ])

  static func lines(_ output: String) -> [String] {
    output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
  }

  /// Terminal cells of the text this suite uses: CJK ideographs take two, combining
  /// marks none.
  static func cells(_ text: Substring) -> Int {
    text.unicodeScalars.reduce(0) { total, scalar in
      switch scalar.value {
      case 0x4E00...0x9FFF: total + 2
      case 0x0300...0x036F: total
      default: total + 1
      }
    }
  }

  /// The source line echoed for the first diagnostic and the caret line under it, with
  /// the gutters (`31 | `, `   | `) removed.
  static func echoAndCaret(_ output: String) throws -> (String, String) {
    let lines = Self.lines(output)
    let first = try #require(lines.firstIndex { $0.contains(": error[") })
    try #require(lines.count > first + 3)
    let echo = try #require(lines[first + 2].split(separator: "|", maxSplits: 1).last)
    let caret = try #require(lines[first + 3].split(separator: "|", maxSplits: 1).last)
    return (String(echo), String(caret))
  }

  @Test func aCombiningMarkIsAColumnButNoCell() throws {
    let (status, output, _) = runDriver(["check", "--no-color", "mark.campaign"], files: Self.combining)
    #expect(status == 1)
    // `  message "` is 11 scalars, `U◌̈mlaut" ` 9 more: `offer` starts in column 21.
    #expect(output.hasPrefix("mark.campaign:31:21: error[E0201]"))
    let (echo, caret) = try Self.echoAndCaret(output)
    let before = try #require(echo.range(of: "offer")).lowerBound
    #expect(Self.cells(echo[..<before]) == Self.cells(caret[..<caret.firstIndex(of: "^")!]))
    #expect(caret.hasSuffix("^^^^^"))
  }

  @Test func machineFormatsCountTheCombiningMarkToo() {
    let (_, sarif, _) = runDriver(["check", "--format", "sarif", "mark.campaign"], files: Self.combining)
    #expect(sarif.contains("\"startColumn\": 21"))
    #expect(sarif.contains("\"endColumn\": 26"))
    let (_, json, _) = runDriver(["check", "--format", "json", "mark.campaign"], files: Self.combining)
    #expect(json.contains("\"column\": 21"))
    let (_, github, _) = runDriver(["check", "--format", "github", "mark.campaign"], files: Self.combining)
    #expect(github.contains("line=31,col=21"))
  }

  @Test func crlfLineBreaksDoNotShiftColumnsOrShowUp() {
    let text = (minimalCampaign + "segment x = ltvv > 1\n").replacingOccurrences(of: "\n", with: "\r\n")
    let files = MemoryFileSystem(["crlf.campaign": text])
    let (status, output, _) = runDriver(["check", "--no-color", "crlf.campaign"], files: files)
    #expect(status == 1)
    #expect(output.hasPrefix("crlf.campaign:30:13: error[E0301]"))
    #expect(!output.contains("\r"))
    #expect(Self.lines(output).contains("30 | segment x = ltvv > 1"))
    #expect(Self.lines(output).contains("   |             ^^^^"))
  }

  @Test func aByteOrderMarkIsNeitherAColumnNorShown() {
    let files = MemoryFileSystem(bytes: ["bom.campaign": [0xEF, 0xBB, 0xBF] + Array("campaig \"T\" {\n".utf8)])
    let (status, output, _) = runDriver(["check", "--no-color", "bom.campaign"], files: files)
    #expect(status == 1)
    #expect(output.hasPrefix("bom.campaign:1:1: error[E0208]"))
    #expect(!output.contains("\u{FEFF}"))
    #expect(Self.lines(output).contains("1 | campaig \"T\" {"))
    #expect(Self.lines(output).contains("  | ^^^^^^^"))
  }

  @Test func aLongLineIsWindowedAndTheCaretStillAligns() throws {
    let (status, output, _) = runDriver(["check", "--no-color", "long.campaign"], files: Self.longLine)
    #expect(status == 1)
    // 11 scalars, 100 ideographs, `" `: `offer` starts in column 114.
    #expect(output.hasPrefix("long.campaign:31:114: error[E0201]"))
    let (echo, caret) = try Self.echoAndCaret(output)
    #expect(echo.hasPrefix(" …"), "the start of the line is cut")
    #expect(echo.unicodeScalars.count < 100)
    let before = try #require(echo.range(of: "offer")).lowerBound
    #expect(Self.cells(echo[..<before]) == Self.cells(caret[..<caret.firstIndex(of: "^")!]))
    let (_, sarif, _) = runDriver(["check", "--format", "sarif", "long.campaign"], files: Self.longLine)
    #expect(sarif.contains("\"startColumn\": 114"))
  }
}
