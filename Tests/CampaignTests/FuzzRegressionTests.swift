import CampaignLang
import Foundation
import FrontEndFuzz
import Parser
import Testing

/// Every input the fuzzer (scripts/fuzz.sh) or the generated-program properties found a
/// bug with, saved in FuzzRegressions/, runs through the fuzz target's own entry: no
/// crash, no failed property (a formatter refusal, formatting that is not idempotent or
/// changes the checked program), and either diagnostics or a program.
@Suite struct FuzzRegressionTests {
  static let folder = "Tests/CampaignTests/FuzzRegressions"
  static let inputs: [String] = repositoryFileNames(in: folder, suffix: "")

  @Test func thereAreRegressionInputs() {
    #expect(!Self.inputs.isEmpty)
  }

  @Test(arguments: inputs)
  func theFrontEndHandlesIt(_ name: String) throws {
    let path = repositoryRoot.appendingPathComponent(Self.folder + "/" + name).path
    let bytes = try #require(FileManager.default.contents(atPath: path))
    let report = FrontEndFuzz.run(Array(bytes))
    #expect(report.problem == nil, "\(name): \(report.problem ?? "")")
    #expect(report.diagnostics > 0 || report.checks, "\(name): neither diagnostics nor a program")
  }

  static func parse(_ text: String) -> (FileSyntax, [Diagnostic]) {
    Parser.parse(SourceFile(id: FileID(0), path: "t.campaign", text: text))
  }

  /// An `if` whose condition goes on over an `and` line indented deeper than the `if`
  /// (the canonical layout): its `}` is not taken for one left out, so the `else` is
  /// read (if-condition-on-and-lines.campaign: fmt refused the file).
  @Test func anIfConditionOverSeveralLinesKeepsItsElse() {
    let text = """
      flow f for A {
        if a
          and b {
          exit
        } else {
          exit
        }
        exit
      }

      """
    let (syntax, diagnostics) = Self.parse(text)
    #expect(diagnostics.filter { $0.severity == .error }.map(\.message) == [])
    #expect(
      SyntaxPrinter.print(syntax) == """
        flow f for A
          if (a and b)
            exit
          else
            exit
          exit

        """)
  }
}
