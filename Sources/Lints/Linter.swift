import CampaignLang
import Checker

/// The lint pass: what is legal but almost certainly wrong or wasteful (W codes), the
/// worst-case message budget and the declared budgets (E0602), and the suppression
/// comments (`# campaignc: allow W0101 -- reason`).
///
/// It runs only on a campaign that checked clean: every rule reads the checked program
/// (names resolved, types known), and a campaign with errors has none. Lints never
/// change what the checker decided; they add diagnostics.
public enum Linter {
  /// What one lint run found.
  public struct Result: Sendable {
    /// Warnings left after the inline suppressions, the suppressions' own problems
    /// (E0601, W0501) and budget errors (E0602), in no particular order.
    public var diagnostics: [Diagnostic]
    /// The worst case per channel, for `check --budget`: worked out when asked for, as
    /// nothing else needs it (the declared budgets are checked by `lint`).
    public var budget: BudgetReport { BudgetAnalysis(program: context.program, context: context).report() }
    let context: LintContext
    /// The files imported for nothing (W0105): their own "unused" warnings are left out,
    /// as the import's warning says them.
    public var unusedLibraries: Set<FileID>
  }

  /// Lints a compilation; nil when it has errors (and so no checked program).
  public static func lint(_ compilation: Compilation) -> Result? {
    guard let program = compilation.program else { return nil }
    let context = LintContext(compilation: compilation, program: program)
    var lints = LintBag()
    context.unusedDeclarations(&lints)
    let unusedLibraries = context.unusedImports(&lints)
    context.ambiguousDecimals(&lints)
    context.stateGraph(&lints)
    context.flowSteps(&lints)
    context.segmentLogic(&lints)
    context.timing(&lints)
    context.channels(&lints)
    var diagnostics = Suppressions(compilation: compilation).apply(to: lints.diagnostics, sources: compilation.sources)
    // One unused import is one warning: what the file declares is unused because the
    // import is. (Left out after the suppressions, so one that allows them still counts.)
    diagnostics.removeAll { unusedLibraries.contains($0.range.file) && Self.unusedCodes.contains($0.code) }
    if !program.budgets.isEmpty {
      diagnostics += BudgetAnalysis(program: program, context: context).violations()
    }
    return Result(diagnostics: diagnostics, context: context, unusedLibraries: unusedLibraries)
  }

  /// The warnings that an unused import of the file they are in already says.
  static let unusedCodes: Set<DiagnosticCode> = [
    .unusedSegment, .unusedScore, .unusedVariant, .unusedCounter, .unusedImport,
  ]
}

/// Collects warnings during the lint pass.
struct LintBag {
  var diagnostics: [Diagnostic] = []

  mutating func warn(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
    notes: [Note] = [], help: String? = nil
  ) {
    diagnostics.append(Diagnostic(code, message, at: range, label: label, notes: notes, help: help))
  }
}
