/// One line of formatted output, before trailing comments are aligned.
enum OutputLine: Sendable, Hashable {
  case blank
  /// Code at `indent` levels, with the comment that ends its line (without the `#`).
  case code(indent: Int, text: String, comment: String?)
  /// A comment on a line of its own (without the `#`).
  case comment(indent: Int, text: String)
}

extension [OutputLine] {
  /// The text, one `\n` after each line. Trailing comments on consecutive code lines at
  /// the same indentation start in one column, two spaces after the longest of those
  /// lines (as gofmt aligns them); a line without one ends the run.
  func rendered() -> String {
    var out = ""
    var index = 0
    while index < count {
      switch self[index] {
      case .blank:
        out += "\n"
        index += 1
      case .comment(let indent, let text):
        out += Printer.indentation(indent) + "#" + text + "\n"
        index += 1
      case .code(let indent, let text, nil):
        out += Printer.indentation(indent) + text + "\n"
        index += 1
      case .code(let indent, _, .some):
        var end = index
        var width = 0
        while end < count, case .code(indent, let text, .some) = self[end] {
          width = Swift.max(width, text.count)
          end += 1
        }
        for line in self[index..<end] {
          guard case .code(_, let text, .some(let comment)) = line else { continue }
          let padding = String(repeating: " ", count: width - text.count + 2)
          out += Printer.indentation(indent) + text + padding + "#" + comment + "\n"
        }
        index = end
      }
    }
    return out
  }
}
