import CampaignLang

/// Where comments go. Comments are placed in source order, each before the first thing
/// printed after it in the source:
/// - a comment alone on its line is printed on its own line, at the indentation of what
///   follows it (the next statement, or the block's `}`, inside the block);
/// - a comment that ends a line of code stays at the end of the line printed last (the
///   statement it ended);
/// - a comment inside a statement whose lines are joined into one goes on a line of its
///   own before that line (`appendCurrentLine`), except a lone comment that ended one of
///   the joined lines, which ends the joined line.
///
/// INVARIANT: a comment that came before a line of code, or ended one, comes right before
/// (only comments and blank lines between) or ends the line that holds that code after
/// formatting. A suppression (`# campaignc: allow ...`, grammar.md §10) applies to the line
/// it ends or to the next line with code, so formatting never changes what it suppresses.
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

  /// Appends the line being built, whose code ends at `sourceEnd` in the source. The
  /// comments not yet printed that start before `sourceEnd` were inside it: they go on
  /// lines of their own before it, at its indentation. A single one that ended a source
  /// line ends this line instead, unless a comment after its last token will.
  mutating func appendCurrentLine(sourceEnd: Int) {
    var inside: [Int] = []
    while nextComment < comments.count && comments[nextComment].range.start < sourceEnd {
      inside.append(nextComment)
      nextComment += 1
    }
    var trailing: String? = nil
    if inside.count == 1, !ownLine[inside[0]], !commentEndsLine(after: sourceEnd) {
      trailing = Printer.trimmed(comments[inside[0]].text)
    } else {
      for index in inside {
        lines.append(.comment(indent: currentIndent, text: Printer.trimmed(comments[index].text)))
      }
    }
    if let last = inside.last { lastEnd = max(lastEnd, comments[last].range.end) }
    lines.append(.code(indent: currentIndent, text: current ?? "", comment: trailing))
  }

  /// Whether the next comment not yet printed is on the line of the source offset `end`.
  func commentEndsLine(after end: Int) -> Bool {
    guard nextComment < comments.count, !ownLine[nextComment] else { return false }
    let start = comments[nextComment].range.start
    return start >= end && !file.bytes[end..<start].contains(UInt8(ascii: "\n"))
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
