import CampaignLang
import Checker
import Foundation
import Lexer
import Parser
import Testing

@testable import Formatter

/// `campaignc fmt`: golden output on a deliberately messy file, and the formatter's
/// properties on every example, every fixture that parses, the grammar's snippets and
/// generated variations of them: formatting is idempotent, keeps the program (the same
/// tree apart from positions, and the same checked program) and keeps every comment.
@Suite struct FormatterTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var text: String
    var testDescription: String { name }
  }

  /// Every campaign in examples/ (fixtures that do not parse left out), and the
  /// grammar's snippets.
  static let corpus: [Case] = {
    var cases: [Case] = []
    for folder in ["examples", "examples/bench", "examples/invalid", "examples/invalid/lib"] {
      for name in repositoryFileNames(in: folder, suffix: ".campaign") {
        let path = repositoryRoot.appendingPathComponent(folder + "/" + name).path
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        cases.append(Case(name: folder + "/" + name, text: String(decoding: data, as: UTF8.self)))
      }
    }
    for snippet in GrammarSnippetTests.snippets {
      cases.append(Case(name: "grammar.md line \(snippet.line)", text: snippet.text))
    }
    return cases.filter { parses($0.text) }
  }()

  static func parses(_ text: String) -> Bool {
    let (_, diagnostics) = Parser.parse(SourceFile(id: FileID(0), path: "t.campaign", text: text))
    return !diagnostics.contains { $0.severity == .error }
  }

  static func format(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
    switch CampaignFormatter.format(SourceFile(id: FileID(0), path: "t.campaign", text: text)) {
    case .formatted(let result): return result
    case .doesNotParse(let diagnostics):
      Issue.record("does not parse: \(diagnostics.map(\.message))", sourceLocation: sourceLocation)
    case .refused(let reason):
      Issue.record("refused: \(reason)", sourceLocation: sourceLocation)
    }
    return nil
  }

  static func syntax(_ text: String) -> FileSyntax {
    Parser.parse(SourceFile(id: FileID(0), path: "t.campaign", text: text)).0
  }

  /// The tree as `SyntaxPrinter` shows it, without comments (they carry offsets).
  static func tree(_ text: String) -> String {
    let parsed = syntax(text)
    return SyntaxPrinter.print(FileSyntax(file: parsed.file, declarations: parsed.declarations, comments: []))
  }

  static func commentTexts(_ text: String) -> [String] {
    syntax(text).comments.map { String($0.text.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
  }

  /// The three properties, for one input.
  static func expectProperties(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let once = format(text, sourceLocation: sourceLocation) else { return }
    #expect(
      format(once, sourceLocation: sourceLocation) == once, "\(name): not idempotent", sourceLocation: sourceLocation)
    #expect(tree(once) == tree(text), "\(name): the tree changed", sourceLocation: sourceLocation)
    #expect(commentTexts(once) == commentTexts(text), "\(name): comments changed", sourceLocation: sourceLocation)
  }

  @Test func theCorpusIsLarge() {
    #expect(Self.corpus.count >= 40)
  }

  @Test(arguments: corpus)
  func formattingKeepsTheProgramAndIsIdempotent(_ input: Case) {
    Self.expectProperties(input.text, input.name)
  }

  /// The checked program of every example that checks is the same after formatting.
  @Test func examplesCheckToTheSameProgram() throws {
    let files = repositoryFiles(under: "examples")
    let examples =
      repositoryFileNames(in: "examples", suffix: ".campaign").map { "examples/" + $0 }
      + repositoryFileNames(in: "examples/bench", suffix: ".campaign").map { "examples/bench/" + $0 }
    #expect(examples.count >= 6)
    for path in examples {
      let bytes = try #require(files.read(path))
      let folder = String(path[..<path.lastIndex(of: "/")!])
      let load: Compiler.Loader = { files.read(folder + "/" + $0) }
      let before = Compiler.compile(entryPath: path, bytes: bytes, load: load)
      let formatted = try #require(Self.format(String(decoding: bytes, as: UTF8.self)))
      let after = Compiler.compile(entryPath: path, bytes: Array(formatted.utf8), load: load)
      let program = try #require(before.program, "\(path) checks")
      let reformatted = try #require(after.program, "\(path) still checks after formatting")
      #expect(CheckedPrinter.print(program) == CheckedPrinter.print(reformatted), "\(path)")
    }
  }

  /// Every example is already formatted (CI runs `campaignc fmt --check` too).
  @Test func examplesAreFormatted() throws {
    let files = repositoryFiles(under: "examples")
    for path in files.files(under: "examples", suffix: ".campaign") where !path.hasPrefix("examples/invalid/") {
      let text = String(decoding: try #require(files.read(path)), as: UTF8.self)
      #expect(Self.format(text) == text, "\(path) is not formatted; run campaignc fmt --write \(path)")
    }
  }

  // MARK: - Generated programs

  /// The corpus with its spaces changed at random (runs of spaces and tabs between
  /// tokens, indentation): the layout does not depend on them, so each formats to what
  /// the original formats to.
  @Test(arguments: 0..<3)
  func spacingDoesNotChangeTheLayout(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for input in Self.corpus {
      let respaced = ProgramScrambler.respace(input.text, &random)
      guard let expected = Self.format(input.text), let actual = Self.format(respaced) else { continue }
      #expect(actual == expected, "\(input.name), seed \(seed):\n\(respaced)")
    }
  }

  /// The corpus with comments added at the ends of lines and on lines of their own:
  /// every comment is kept, in order, and formatting stays idempotent.
  @Test(arguments: 0..<3)
  func addedCommentsAreKept(seed: UInt64) {
    var random = SplitMix(seed: seed)
    for input in Self.corpus {
      let commented = ProgramScrambler.addComments(input.text, &random)
      guard Self.parses(commented) else {
        Issue.record("\(input.name), seed \(seed): adding comments broke the file:\n\(commented)")
        continue
      }
      Self.expectProperties(commented, "\(input.name), seed \(seed)")
    }
  }

  /// The check made before writing: a different tree, a lost comment or text that does
  /// not parse is refused; parentheses that change nothing are not a difference.
  @Test func budgetsArePrintedLikeLimits() {
    let formatted = Self.format("budget   email 3  per 7d  # at most\nlimit email 2 per 7d\n")
    #expect(formatted == "budget email 3 per 7d  # at most\nlimit email 2 per 7d\n")
  }

  @Test func verificationRefusesAnotherProgramOrALostComment() {
    let original = Self.syntax("segment a = x  # why\n")
    #expect(Verification.difference(original: original, formatted: "segment a = y  # why\n", path: "t") != nil)
    #expect(Verification.difference(original: original, formatted: "segment a = x\n", path: "t") != nil)
    #expect(Verification.difference(original: original, formatted: "segment a =\n", path: "t") != nil)
    #expect(Verification.difference(original: original, formatted: "segment a = (x)  # why\n", path: "t") == nil)
  }

  // MARK: - Goldens

  static let messyPath = "Tests/CampaignTests/Goldens/fmt/messy.campaign"

  @Test func messyInputFormatsToItsGolden() throws {
    let files = repositoryFiles(under: "Tests/CampaignTests/Goldens/fmt")
    let text = String(decoding: try #require(files.read(Self.messyPath)), as: UTF8.self)
    let formatted = try #require(Self.format(text))
    assertGolden(formatted, path: "Tests/CampaignTests/Goldens/fmt/messy.formatted.campaign")
    Self.expectProperties(text, "messy.campaign")
  }

  @Test func checkDiffOutputMatchesItsGolden() {
    let files = repositoryFiles(under: "Tests/CampaignTests/Goldens/fmt")
    let (status, output, errors) = runDriver(["fmt", "--check", "--diff", Self.messyPath], files: files)
    #expect(status == 1)
    #expect(errors == "")
    assertGolden(output, path: "Tests/CampaignTests/Goldens/fmt/messy.check-diff.txt")
  }
}

/// A small deterministic random number generator (SplitMix64) for generated inputs.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
  mutating func next() -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Variations of a campaign that parse to the same program.
enum ProgramScrambler {
  /// The gaps between tokens and comments: their byte ranges.
  static func gaps(_ text: String) -> [Range<Int>] {
    let file = SourceFile(id: FileID(0), path: "t.campaign", text: text)
    let stream = Lexer.tokenize(file)
    let spans =
      (stream.tokens.filter { $0.kind != .newline && $0.kind != .endOfFile }.map(\.range)
      + stream.comments.map(\.range)).sorted()
    var result: [Range<Int>] = []
    var end = 0
    for span in spans {
      if span.start > end { result.append(end..<span.start) }
      end = max(end, span.end)
    }
    if file.bytes.count > end { result.append(end..<file.bytes.count) }
    return result
  }

  /// Every run of spaces between two tokens on a line becomes 1 to 3 spaces or tabs;
  /// spaces at the ends of lines go. Line breaks and indentation stay as they are.
  static func respace(_ text: String, _ random: inout SplitMix) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var position = 0
    for gap in gaps(text) {
      out += bytes[position..<gap.lowerBound]
      let lines = bytes[gap].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
      for (index, line) in lines.enumerated() {
        if index > 0 { out.append(UInt8(ascii: "\n")) }
        guard index == lines.count - 1 && gap.upperBound < bytes.count else { continue }
        if index > 0 || gap.lowerBound == 0 {
          // Indentation stays: the parser reads it to find a missing `}`.
          out += line
        } else {
          for _ in 0...random.below(3) { out.append(random.below(4) == 0 ? UInt8(ascii: "\t") : UInt8(ascii: " ")) }
        }
      }
      position = gap.upperBound
    }
    out += bytes[position...]
    return String(decoding: out, as: UTF8.self)
  }

  /// Adds `# note N` at the end of some lines and `# line N` on lines of their own
  /// (`# ` and `label(N)` when a label is given).
  static func addComments(_ text: String, _ random: inout SplitMix, label: ((Int) -> String)? = nil) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var position = 0
    var number = 0
    for gap in gaps(text) {
      for index in gap where bytes[index] == UInt8(ascii: "\n") {
        out += bytes[position..<index]
        position = index
        // Not after a comment: the new one would become part of its text.
        let afterComment = isInComment(bytes, before: index)
        if !afterComment && index > 0 && bytes[index - 1] != UInt8(ascii: "\n") && random.below(3) == 0 {
          number += 1
          out += Array(" # \(label?(number) ?? "note \(number)")".utf8)
        }
        if random.below(4) == 0 {
          number += 1
          out += Array("\n# \(label?(number) ?? "line \(number)")".utf8)
        }
      }
    }
    out += bytes[position...]
    return String(decoding: out, as: UTF8.self)
  }

  /// Whether the line that ends at `index` has a comment.
  static func isInComment(_ bytes: [UInt8], before index: Int) -> Bool {
    var inString = false
    var start = index
    while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
    var escaped = false
    for byte in bytes[start..<index] {
      if inString && escaped {
        escaped = false
      } else if inString && byte == UInt8(ascii: "\\") {
        escaped = true
      } else if byte == UInt8(ascii: "\"") {
        inString.toggle()
      } else if byte == UInt8(ascii: "#") && !inString {
        return true
      }
    }
    return false
  }
}
