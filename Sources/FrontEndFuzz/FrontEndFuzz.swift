import CampaignLang
import Checker
import Formatter
import Lints
import Render

/// The whole front end on one input, as the fuzz target (`campaignc-fuzz`) and the
/// regression tests run it: compile (lex, parse, check, with imports), render the
/// diagnostics in every format, lint, print the trees, and format the file with the
/// formatter's own check. A crash anywhere is a bug; so is what `problem` reports: a
/// formatter refusal or a formatting that is not idempotent or changes the checked program.
public enum FrontEndFuzz {
  /// What one input gave.
  public struct Report: Sendable {
    /// How many diagnostics the input got (errors and warnings).
    public var diagnostics: Int
    /// Whether the input checked into a program.
    public var checks: Bool
    /// Whether the formatter accepted the input (it parses without errors).
    public var formats: Bool
    /// A property that failed, if any: a bug even though nothing crashed.
    public var problem: String?
  }

  /// The file name the input is compiled as; imports resolve relative to it.
  public static let entryPath = "fuzz.campaign"

  /// Runs the front end on `bytes`. An import of a `.campaign` file in the entry's folder
  /// reads the same bytes again, so the multi-file paths (cycles, headers in imported
  /// files) are reached; deeper paths are missing, or `lib/a` importing `lib/a` would go
  /// on forever (`lib/lib/a`, ...).
  public static func run(_ bytes: [UInt8]) -> Report {
    let load: Compiler.Loader = { path in path.hasSuffix(".campaign") && !path.contains("/") ? bytes : nil }
    let compilation = Compiler.compile(entryPath: entryPath, bytes: bytes, load: load)
    render(compilation)
    _ = Linter.lint(compilation)
    if let program = compilation.program { _ = CheckedPrinter.print(program) }
    for syntax in compilation.syntax { _ = SyntaxPrinter.print(syntax) }
    var report = Report(
      diagnostics: compilation.diagnostics.count, checks: compilation.program != nil, formats: false, problem: nil)
    let file = compilation.sources.files[0]
    switch CampaignFormatter.format(file) {
    case .doesNotParse: break
    case .refused(let reason): report.problem = "the formatter refused a file that parses: \(reason)"
    case .formatted(let text):
      report.formats = true
      report.problem = formattedProblem(text, path: file.path, before: compilation, load: load)
    }
    return report
  }

  /// Formatting again changes nothing, and a program that checked checks to the same
  /// program after formatting.
  static func formattedProblem(_ text: String, path: String, before: Compilation, load: @escaping Compiler.Loader)
    -> String?
  {
    let again = CampaignFormatter.format(SourceFile(id: FileID(0), path: path, text: text))
    guard case .formatted(let twice) = again else { return "formatting the formatted text gave \(again)" }
    guard twice == text else { return "formatting is not idempotent" }
    guard let program = before.program else { return nil }
    let after = Compiler.compile(entryPath: entryPath, bytes: Array(text.utf8), load: load)
    guard let reformatted = after.program else {
      return "the formatted file no longer checks: \(after.diagnostics.first?.message ?? "")"
    }
    guard CheckedPrinter.print(program) == CheckedPrinter.print(reformatted) else {
      return "the formatted file checks to another program"
    }
    return nil
  }

  /// Every renderer over the diagnostics (their output is discarded: only crashes count).
  static func render(_ compilation: Compilation) {
    let diagnostics = compilation.diagnostics
    var tables: [FileID: LineTable] = [:]
    let renderer = TextRenderer(color: true)
    for diagnostic in diagnostics.prefix(200) {
      _ = renderer.render(diagnostic, sources: compilation.sources, tables: &tables)
    }
    let shown = Array(diagnostics.prefix(100))
    let summary = JSONRenderer.Summary(errors: shown.count, warnings: 0, truncated: diagnostics.count - shown.count)
    _ = JSONRenderer.render(shown, sources: compilation.sources, summary: summary, files: [entryPath])
    _ = GitHubRenderer.render(shown, sources: compilation.sources)
    _ = SARIFRenderer.render(shown.map { ($0, compilation.sources) }, truncated: 0, version: "0.0.0")
  }
}
