import CampaignLang
import Parser

/// The check `fmt` makes before it writes: the formatted text parses to the same program
/// (the same tree, positions aside) and keeps every comment's text, in order.
enum Verification {
  /// nil when `formatted` is the same program as `original` with the same comments;
  /// otherwise what differs, for the refusal message.
  static func difference(original: FileSyntax, formatted: String, path: String) -> String? {
    let file = SourceFile(id: original.file, path: path, text: formatted)
    let (syntax, diagnostics) = Parser.parse(file)
    if let error = diagnostics.first(where: { $0.severity == .error }) {
      return "the formatted text does not parse (\(error.message))"
    }
    if let line = firstDifference(tree(original), tree(syntax)) {
      return "the formatted text reads as a different program (first difference in `\(line)`)"
    }
    let before = original.comments.map { Printer.trimmed($0.text) }
    let after = syntax.comments.map { Printer.trimmed($0.text) }
    if before != after {
      let lost = before.first { !after.contains($0) } ?? before.first { _ in true } ?? ""
      return before.count != after.count
        ? "the formatted text has \(after.count) comments, the file \(before.count) (such as `#\(lost)`)"
        : "the formatted text has its comments in another order"
    }
    return nil
  }

  /// The tree without positions or comments: `SyntaxPrinter`'s text.
  static func tree(_ syntax: FileSyntax) -> [Substring] {
    let bare = FileSyntax(file: syntax.file, declarations: syntax.declarations, comments: [])
    return SyntaxPrinter.print(bare).split(separator: "\n", omittingEmptySubsequences: false)
  }

  static func firstDifference(_ a: [Substring], _ b: [Substring]) -> String? {
    for (left, right) in zip(a, b) where left != right {
      return String(left.trimmingPrefix(while: { $0 == " " }))
    }
    guard a.count != b.count else { return nil }
    return String((a.count > b.count ? a[b.count] : b[a.count]).trimmingPrefix(while: { $0 == " " }))
  }
}

extension Substring {
  fileprivate func trimmingPrefix(while predicate: (Character) -> Bool) -> Substring {
    var text = self
    while let first = text.first, predicate(first) { text = text.dropFirst() }
    return text
  }
}
