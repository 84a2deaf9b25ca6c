import CampaignLang
import Checker
import Formatter
import FrontEndFuzz
import Parser
import Testing

/// Properties over programs from `ProgramGenerator` (seeded, so every run sees the same
/// 300 programs): each parses; printing it with the formatter and parsing the result
/// gives the same tree (positions and comments aside) and the same comments; the
/// checker never crashes, and a strict program checks clean.
@Suite struct GeneratedProgramTests {
  static let seeds: [UInt64] = Array(0..<300)

  static func parse(_ text: String) -> (FileSyntax, [Diagnostic]) {
    Parser.parse(SourceFile(id: FileID(0), path: "generated.campaign", text: text))
  }

  static func errors(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter { $0.severity == .error }.map { "\($0.code.rawValue) \($0.message)" }
  }

  @Test(arguments: [seeds[0..<100], seeds[100..<200], seeds[200..<300]])
  func printingAndParsingGivesTheSameTree(_ batch: ArraySlice<UInt64>) {
    for seed in batch {
      let text = ProgramGenerator.program(seed: seed)
      let (syntax, diagnostics) = Self.parse(text)
      guard Self.errors(diagnostics).isEmpty else {
        Issue.record("seed \(seed) does not parse: \(Self.errors(diagnostics).prefix(3))\n\(text)")
        continue
      }
      let file = SourceFile(id: FileID(0), path: "generated.campaign", text: text)
      // The layout itself, not `format`, so a difference is reported here rather than
      // as the formatter's refusal.
      let printed = CampaignFormatter.layout(file, syntax)
      let (reparsed, again) = Self.parse(printed)
      #expect(Self.errors(again).isEmpty, "seed \(seed): the printed program does not parse\n\(printed)")
      #expect(
        Self.tree(reparsed) == Self.tree(syntax), "seed \(seed): the printed program is another tree\n\(text)")
      #expect(
        reparsed.comments.map { Self.trimmed($0.text) } == syntax.comments.map { Self.trimmed($0.text) },
        "seed \(seed): comments changed")
      #expect(
        CampaignFormatter.layout(SourceFile(id: FileID(0), path: "generated.campaign", text: printed), reparsed)
          == printed, "seed \(seed): printing is not idempotent")
    }
  }

  @Test(arguments: [seeds[0..<100], seeds[100..<200], seeds[200..<300]])
  func theCheckerNeverCrashesAndStrictProgramsCheck(_ batch: ArraySlice<UInt64>) {
    for seed in batch {
      let text = ProgramGenerator.program(seed: seed)
      // The whole front end, as the fuzz target runs it: compile, render, print, format.
      let report = FrontEndFuzz.run(Array(text.utf8))
      #expect(report.problem == nil, "seed \(seed): \(report.problem ?? "")\n\(text)")
      #expect(report.formats, "seed \(seed): the formatter does not accept it")
      if ProgramGenerator(seed: seed).strict && !report.checks {
        let diagnostics = compile(text).diagnostics
        Issue.record("seed \(seed) (strict) does not check: \(Self.errors(diagnostics).prefix(5))\n\(text)")
      }
    }
  }

  /// The generator makes what the properties need: both checking and failing programs,
  /// every kind of declaration, and mistakes of several kinds.
  @Test func theProgramsAreVaried() {
    var checking = 0
    var codes: Set<String> = []
    var keywords: Set<String> = []
    for seed in Self.seeds {
      let text = ProgramGenerator.program(seed: seed)
      let compilation = compile(text)
      if compilation.program != nil { checking += 1 }
      codes.formUnion(compilation.diagnostics.map(\.code.rawValue))
      for line in text.split(separator: "\n") {
        if let word = line.split(separator: " ").first, !line.hasPrefix(" ") { keywords.insert(String(word)) }
      }
    }
    #expect(checking >= 100, "\(checking) of \(Self.seeds.count) check")
    #expect(checking <= 250, "\(checking) of \(Self.seeds.count) check: too few mistakes")
    #expect(codes.count >= 10, "codes: \(codes.sorted())")
    let kinds = [
      "campaign", "contact", "event", "engagement", "segment", "consent", "score", "states", "counter", "cooldown",
      "hold", "limit", "quiet", "variant", "flow", "guardrail", "test",
    ]
    #expect(kinds.filter { !keywords.contains($0) } == [])
  }

  static func tree(_ syntax: FileSyntax) -> String {
    SyntaxPrinter.print(FileSyntax(file: syntax.file, declarations: syntax.declarations, comments: []))
  }

  static func trimmed(_ text: String) -> String {
    String(text.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
