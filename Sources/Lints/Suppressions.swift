import CampaignLang
import Checker
import Foundation
import Lexer

/// Suppression comments: `# campaignc: allow W0103 -- the reason`, at the end of the
/// line a warning is on, or on a line of its own before it (blank lines and other
/// comments between are skipped). Several codes are separated by commas. The reason
/// after `--` is required (E0601 without one; the warning is still suppressed, so the
/// one mistake gives one message). A suppression that suppresses nothing is W0501.
struct Suppressions {
  struct Suppression {
    var codes: [DiagnosticCode]
    var file: FileID
    /// The line (0-based) whose warnings it silences.
    var line: Int
    var comment: SourceRange
  }

  static let marker = "campaignc:"

  var suppressions: [Suppression] = []
  var problems: [Diagnostic] = []

  init(compilation: Compilation) {
    for syntax in compilation.syntax {
      let file = compilation.sources[syntax.file]
      let candidates = syntax.comments.filter {
        $0.text.trimmingCharacters(in: .whitespaces).hasPrefix(Self.marker)
      }
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

  private mutating func read(_ comment: Comment, file: FileID, line: Int?) {
    let text = comment.text.trimmingCharacters(in: .whitespaces).dropFirst(Self.marker.count)
    let (directive, reason): (Substring, Substring) = {
      guard let dashes = text.range(of: "--") else { return (text, "") }
      return (text[..<dashes.lowerBound], text[dashes.upperBound...])
    }()
    let words = directive.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" })
    let example = "write `# campaignc: allow W0101 -- why this is fine`"
    guard words.first == "allow" else {
      problems.append(
        Diagnostic(.badSuppression, "a `campaignc:` comment must say `allow`", at: comment.range, help: example))
      return
    }
    var codes: [DiagnosticCode] = []
    for word in words.dropFirst() {
      let code = DiagnosticCode(String(word))
      guard code.rawValue.hasPrefix("W"), DiagnosticCatalogue.entry(for: code) != nil else {
        problems.append(
          Diagnostic(
            .badSuppression, "`\(word)` is not a warning code", at: comment.range,
            help: "only warnings (W codes) can be allowed; `campaignc explain-code --list` lists them"))
        return
      }
      codes.append(code)
    }
    guard !codes.isEmpty else {
      problems.append(
        Diagnostic(.badSuppression, "the suppression names no warning code", at: comment.range, help: example))
      return
    }
    if reason.trimmingCharacters(in: .whitespaces).isEmpty {
      let list = codes.map(\.rawValue).joined(separator: ", ")
      problems.append(
        Diagnostic(
          .badSuppression, "a suppression must give its reason", at: comment.range,
          help: "write `# campaignc: allow \(list) -- why this is fine here`"))
    }
    guard let line else {
      problems.append(
        Diagnostic(
          .unusedSuppression, "this suppression has no line after it to apply to", at: comment.range,
          help: "put it at the end of the line it is about, or on the line before"))
      return
    }
    suppressions.append(Suppression(codes: codes, file: file, line: line, comment: comment.range))
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
