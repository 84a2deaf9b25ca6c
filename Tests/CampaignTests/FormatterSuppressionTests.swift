import CampaignLang
import Checker
import Foundation
import Lexer
import Lints
import Testing

@testable import Formatter

/// `fmt` never changes which warnings are suppressed (grammar.md §9 and §10): a
/// suppression comment applies to the line it ends or to the next line with code, so
/// formatting must keep each comment before (or at the end of) the line that holds the
/// code it was before. Statements written over several lines are joined, which is where
/// a comment could end up after its statement, and so before the next one.
@Suite struct FormatterSuppressionTests {
  /// The lint fixtures (each gives its warning) and the examples (which give none).
  static let inputs: [FormatterTests.Case] = {
    var cases: [FormatterTests.Case] = []
    for folder in ["examples", "examples/invalid"] {
      for name in repositoryFileNames(in: folder, suffix: ".campaign") where folder == "examples" || name.hasPrefix("W")
      {
        let path = folder + "/" + name
        guard let data = FileManager.default.contents(atPath: repositoryRoot.appendingPathComponent(path).path)
        else { continue }
        cases.append(FormatterTests.Case(name: path, text: String(decoding: data, as: UTF8.self)))
      }
    }
    return cases
  }()

  /// What `campaignc check` reports, without positions: each diagnostic's code and
  /// message, and for a suppression's own diagnostics the comment's text (they name it
  /// by position only), sorted.
  static func report(_ text: String, path: String) -> [String] {
    let folder = repositoryRoot.appendingPathComponent(path).deletingLastPathComponent()
    let compilation = Compiler.compile(entryPath: path, bytes: Array(text.utf8)) { relative in
      FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path).map { Array($0) }
    }
    let diagnostics = compilation.diagnostics + (Linter.lint(compilation)?.diagnostics ?? [])
    return diagnostics.map { diagnostic in
      var line = diagnostic.code.rawValue + " " + diagnostic.message
      if diagnostic.code.rawValue == "W0501" || diagnostic.code.rawValue == "E0601" {
        line += " at " + compilation.sources[diagnostic.range.file].text(diagnostic.range)
      }
      return line
    }.sorted()
  }

  @Test func theInputsGiveWarnings() {
    #expect(Self.inputs.count >= 20)
    let warned = Self.inputs.filter { input in Self.report(input.text, path: input.name).contains { $0.hasPrefix("W") }
    }
    #expect(warned.count >= 15)
  }

  /// Each input with some expressions broken over several lines and suppressions of its
  /// own warnings added at the ends of lines and on lines of their own. Formatting never
  /// brings back a suppressed warning nor leaves a suppression with nothing to suppress;
  /// when no statement's lines are joined, `check` reports exactly the same. (Joining a
  /// statement's lines joins their suppressions: one that ended a later line of it then
  /// covers the whole statement, grammar.md §9.)
  @Test(arguments: 0..<4)
  func formattingKeepsWhatIsSuppressed(seed: UInt64) throws {
    var random = SplitMix(seed: seed)
    var broken = 0
    for input in Self.inputs {
      let codes = Set(Self.report(input.text, path: input.name).filter { $0.hasPrefix("W") }.map { $0.prefix(5) })
      let allowed = codes.isEmpty ? "W0101" : codes.sorted().joined(separator: ", ")
      let split = ProgramScrambler.breakLines(input.text, &random)
      let splitParses = FormatterTests.parses(split)
      #expect(splitParses, "\(input.name), seed \(seed): breaking lines broke the file:\n\(split)")
      if split != input.text && splitParses { broken += 1 }
      for text in [input.text, splitParses ? split : input.text] {
        let commented = ProgramScrambler.addComments(text, &random) { "campaignc: allow \(allowed) -- note \($0)" }
        guard FormatterTests.parses(commented), let formatted = FormatterTests.format(commented) else {
          Issue.record("\(input.name), seed \(seed): does not format:\n\(commented)")
          continue
        }
        let before = Self.report(commented, path: input.name)
        let after = Self.report(formatted, path: input.name)
        let context = "\(input.name), seed \(seed):\n\(commented)\n-- formatted --\n\(formatted)"
        if text == input.text && FormatterTests.format(input.text) == input.text {
          #expect(after == before, "\(context)")
        } else {
          #expect(Set(after).isSubset(of: before), "\(context)")
        }
      }
    }
    #expect(broken >= Self.inputs.count / 3, "many inputs have an expression to break")
  }

  /// The cases the property found, as a golden: comments inside a statement whose lines
  /// are joined, and comments between `}` and `else`.
  @Test func commentsInsideJoinedStatementsFormatToTheirGolden() throws {
    let path = "Tests/CampaignTests/Goldens/fmt/comments.campaign"
    let text = String(
      decoding: try #require(repositoryFiles(under: "Tests/CampaignTests/Goldens/fmt").read(path)), as: UTF8.self)
    let formatted = try #require(FormatterTests.format(text))
    assertGolden(formatted, path: "Tests/CampaignTests/Goldens/fmt/comments.formatted.campaign")
    FormatterTests.expectProperties(text, "comments.campaign")
  }

  @Test func aSuppressionOnTheLineBeforeAJoinedStatementStaysBeforeIt() {
    let text = """
      segment b = ltv >= 1 +  # campaignc: allow W0101 -- one
        2 and orders_90d > 0  # campaignc: allow W0101 -- two
      segment c = ltv > 3

      """
    #expect(
      FormatterTests.format(text) == """
        # campaignc: allow W0101 -- one
        segment b = ltv >= 1 + 2 and orders_90d > 0  # campaignc: allow W0101 -- two
        segment c = ltv > 3

        """)
  }

  @Test func aCommentBetweenTheBraceAndElseStaysThere() {
    let text = "flow f for S {\n  if engaged {\n    exit\n  }\n  # why\n  else {\n    exit\n  }\n}\n"
    #expect(FormatterTests.format(text) == text)
    let joined = "flow f for S {\n  if engaged {\n    exit\n  }\n  else {\n    exit\n  }\n}\n"
    #expect(FormatterTests.format(joined) == "flow f for S {\n  if engaged {\n    exit\n  } else {\n    exit\n  }\n}\n")
  }
}

extension ProgramScrambler {
  /// Breaks some lines after a comparison, `??`, `*` or `/`, or after `(` or `,` inside
  /// parentheses, where the expression goes on (grammar.md §1): the program stays the
  /// same and `fmt` joins the lines again.
  static func breakLines(_ text: String, _ random: inout SplitMix) -> String {
    let bytes = Array(text.utf8)
    let tokens = Lexer.tokenize(SourceFile(id: FileID(0), path: "t.campaign", text: text)).tokens
    var out: [UInt8] = []
    var position = 0
    // Whether each open parenthesis may hold line breaks (not a type's `enum(...)`).
    var open: [Bool] = []
    for (index, token) in tokens.enumerated() {
      let breaks: Bool
      switch token.kind {
      case .leftParen:
        let isEnum =
          index > 0 && tokens[index - 1].kind == .identifier && spelling(tokens[index - 1].range, bytes) == "enum"
        open.append(!isEnum)
        breaks = !isEnum
      case .rightParen:
        _ = open.popLast()
        breaks = false
      case .comma: breaks = open.last ?? false
      case .equalEqual, .bangEqual, .less, .lessEqual, .greater, .greaterEqual, .questionQuestion, .star, .slash:
        breaks = true
      default: breaks = false
      }
      guard breaks, index + 1 < tokens.count, tokens[index + 1].kind != .newline, random.below(2) == 0 else { continue }
      out += bytes[position..<token.range.end]
      out += Array("\n      ".utf8)
      position = token.range.end
      while position < bytes.count && bytes[position] == UInt8(ascii: " ") { position += 1 }
    }
    out += bytes[position...]
    return String(decoding: out, as: UTF8.self)
  }

  static func spelling(_ range: SourceRange, _ bytes: [UInt8]) -> String {
    String(decoding: bytes[range.start..<range.end], as: UTF8.self)
  }
}
