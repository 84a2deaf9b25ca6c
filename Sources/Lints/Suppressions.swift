import CampaignLang
import Checker
import Lexer

/// Suppression comments: `# campaignc: allow W0103 -- the reason`, at the end of the
/// line a warning is on, or on a line of its own before it (blank lines and other
/// comments between are skipped). Several codes are separated by commas. The reason
/// after `--` is required (E0601 without one, reported when the file is read: see
/// `SuppressionComment`; the warning is still suppressed, so the one mistake gives one
/// message). A suppression that suppresses nothing is W0501.
struct Suppressions {
  struct Suppression {
    var codes: [DiagnosticCode]
    var file: FileID
    /// The line (0-based) whose warnings it silences.
    var line: Int
    var comment: SourceRange
  }

  var suppressions: [Suppression] = []
  var problems: [Diagnostic] = []

  init(compilation: Compilation) {
    for syntax in compilation.syntax {
      let file = compilation.sources[syntax.file]
      let candidates = syntax.comments.filter { SuppressionComment.read($0) != nil }
      guard !candidates.isEmpty else { continue }
      let lines = LineTable(file)
      let tokenLines = Lexer.tokenize(file).tokens.filter { $0.kind != .newline && $0.kind != .endOfFile }
        .map { (line: lines.lineIndex(of: $0.range.start), start: $0.range.start) }
      for comment in candidates {
        let commentLine = lines.lineIndex(of: comment.range.start)
        let trailing = tokenLines.contains { $0.line == commentLine && $0.start < comment.range.start }
        let target = trailing ? commentLine : tokenLines.first { $0.line > commentLine }?.line
        read(comment, file: syntax.file, line: target)
      }
    }
  }

  /// Its own problems (E0601) were reported when the file was read (`SuppressionComment`);
  /// here it only silences, and W0501 is for one that has nothing to silence.
  private mutating func read(_ comment: Comment, file: FileID, line: Int?) {
    guard let suppression = SuppressionComment.read(comment), !suppression.codes.isEmpty else { return }
    guard let line else {
      problems.append(
        Diagnostic(
          .unusedSuppression, "this suppression has no line after it to apply to", at: comment.range,
          help: "put it at the end of the line it is about, or on the line before"))
      return
    }
    suppressions.append(Suppression(codes: suppression.codes, file: file, line: line, comment: comment.range))
  }

  /// The warnings that no suppression silences, then the suppressions' own problems.
  func apply(to warnings: [Diagnostic], sources: SourceMap) -> [Diagnostic] {
    // Without suppressions there is nothing to match (and no line table to build).
    guard !suppressions.isEmpty else { return warnings + problems }
    var used = Array(repeating: Set<DiagnosticCode>(), count: suppressions.count)
    var tables: [FileID: LineTable] = [:]
    var kept: [Diagnostic] = []
    for warning in warnings {
      let file = warning.range.file
      let table = tables[file] ?? LineTable(sources[file])
      tables[file] = table
      let line = table.lineIndex(of: warning.range.start)
      // Every suppression of the warning's line counts as used (two may cover one line,
      // as when `fmt` joins the lines of a statement): W0501 is for one whose line has
      // none of its warnings.
      let matches = suppressions.indices.filter {
        suppressions[$0].file == file && suppressions[$0].line == line && suppressions[$0].codes.contains(warning.code)
      }
      for match in matches { used[match].insert(warning.code) }
      if matches.isEmpty { kept.append(warning) }
    }
    var problems = problems
    for (index, suppression) in suppressions.enumerated() {
      let unused = suppression.codes.filter { !used[index].contains($0) }
      guard !unused.isEmpty else { continue }
      let list = unused.map { "`\($0.rawValue)`" }.joined(separator: ", ")
      problems.append(
        Diagnostic(
          .unusedSuppression, "this suppression of \(list) suppresses nothing", at: suppression.comment,
          help: "delete it (or the codes that no longer apply)"))
    }
    return kept + problems
  }
}
