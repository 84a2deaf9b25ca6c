import CampaignLang
import Lexer
import Parser

/// `campaignc fmt`: prints a parsed file in the one canonical layout (grammar.md,
/// "Canonical layout"), keeping every comment and blank-line group.
///
/// The layout is printed from the syntax tree, so it cannot depend on how the input was
/// spaced; literals are copied from their source text so they stay exactly as written.
public enum CampaignFormatter {
  /// What formatting one file gave.
  public enum Outcome: Sendable, Hashable {
    /// The file in the canonical layout.
    case formatted(String)
    /// The file does not parse: these are its diagnostics (errors first among them).
    case doesNotParse([Diagnostic])
    /// The formatted text would not read back as the same program or lost a comment:
    /// a bug in the formatter, never written. `reason` says what differed.
    case refused(reason: String)
  }

  /// Formats `file`, then re-parses the result and compares it with the input (same
  /// tree apart from positions, same comments in the same order) before returning it.
  public static func format(_ file: SourceFile) -> Outcome {
    let (syntax, diagnostics) = Parser.parse(file)
    guard !diagnostics.contains(where: { $0.severity == .error }) else { return .doesNotParse(diagnostics) }
    let text = layout(file, syntax)
    if let reason = Verification.difference(original: syntax, formatted: text, path: file.path) {
      return .refused(reason: reason)
    }
    return .formatted(text)
  }

  /// The canonical text of a file that parsed without errors (not verified: `format`
  /// is what callers use).
  public static func layout(_ file: SourceFile, _ syntax: FileSyntax) -> String {
    var printer = Printer(file: file, comments: syntax.comments)
    printer.file(syntax)
    return printer.lines.rendered()
  }
}
