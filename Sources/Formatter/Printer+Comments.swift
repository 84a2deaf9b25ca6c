import CampaignLang

/// Where comments go. Comments are placed in source order, each before the first thing
/// printed after it in the source:
/// - a comment alone on its line is printed on its own line, at the indentation of what
///   follows it (the next statement, or the block's `}`, inside the block);
/// - a comment that ends a line of code stays at the end of the line printed last (the
///   statement it ended), or goes on a line of its own when that line has one already
///   (possible only when a statement written over several lines is joined into one).
extension Printer {
  /// Prints every comment that starts before `offset` and has not been printed.
  mutating func flushComments(before offset: Int) {
    while nextComment < comments.count && comments[nextComment].range.start < offset {
      let comment = comments[nextComment]
      let text = Printer.trimmed(comment.text)
      if !ownLine[nextComment], case .code(let depth, let code, nil) = lines.last {
        lines[lines.count - 1] = .code(indent: depth, text: code, comment: text)
      } else {
        if ownLine[nextComment] { separate(upTo: comment.range.start) }
        lines.append(.comment(indent: indent, text: text))
        atBlockStart = false
      }
      lastEnd = max(lastEnd, comment.range.end)
      nextComment += 1
    }
  }

  /// Whether a comment not yet printed starts before `offset`.
  func hasComment(before offset: Int) -> Bool {
    nextComment < comments.count && comments[nextComment].range.start < offset
  }

  /// A comment's text without trailing spaces (the only change made to a comment).
  static func trimmed(_ text: String) -> String {
    var text = Substring(text)
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return String(text)
  }

  /// Whether only spaces come before `comment` on its line.
  static func isAlone(_ comment: Comment, in bytes: [UInt8]) -> Bool {
    var index = comment.range.start - 1
    while index >= 0 {
      switch bytes[index] {
      case UInt8(ascii: "\n"): return true
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index -= 1
      // A byte-order mark at the start of the file.
      case 0xEF, 0xBB, 0xBF:
        guard index < 3 else { return false }
        index -= 1
      default: return false
      }
    }
    return true
  }
}
