import CampaignLang
import Lexer

/// Builds the formatted lines of one file. The `Formatter+...` files print each kind of
/// node; this file holds the line being built, the indentation, blank lines and where
/// the source's braces are.
///
/// Statements are printed in source order. Before each one, `begin(at:)` places the
/// comments that come before it in the source (`Formatter+Comments.swift`) and keeps one
/// blank line where the source had one or more.
struct Printer {
  let file: SourceFile
  /// The file's tokens, for what the tree does not record: where braces are and
  /// whether an operator started a line.
  let tokens: [Token]
  let comments: [Comment]
  /// For each comment, whether it is alone on its line (else it ends a line of code).
  let ownLine: [Bool]
  var nextComment = 0

  var lines: [OutputLine] = []
  /// The line being built, if any, and its indentation.
  var current: String? = nil
  var currentIndent = 0
  var indent = 0
  /// The source offset up to which everything has been printed: blank lines are looked
  /// for between here and the next statement or comment.
  var lastEnd = 0
  /// Set at the start of the file and of each block: no blank line goes there.
  var atBlockStart = true

  /// Lists written inline (`{ a 50%, b 50% }`) must fit in this many columns.
  static let width = 100

  init(file: SourceFile, comments: [Comment]) {
    self.file = file
    self.tokens = Lexer.tokenize(file).tokens
    self.comments = comments
    self.ownLine = comments.map { Printer.isAlone($0, in: file.bytes) }
  }

  static func indentation(_ depth: Int) -> String { String(repeating: "  ", count: depth) }

  // MARK: - Lines

  /// Starts the line of a statement that starts at `offset` in the source.
  mutating func begin(at offset: Int) {
    flushComments(before: offset)
    separate(upTo: offset)
    current = ""
    currentIndent = indent
    atBlockStart = false
  }

  mutating func write(_ text: String) {
    current = (current ?? "") + text
  }

  /// Ends the line being built; the source up to `offset` counts as printed.
  mutating func endLine(at offset: Int) {
    appendCurrentLine(sourceEnd: offset)
    current = nil
    lastEnd = max(lastEnd, offset)
  }

  /// One blank line if the source has a blank line between what was printed last and
  /// `offset` (never right after a `{` or at the start of the file).
  mutating func separate(upTo offset: Int) {
    guard !atBlockStart, lastEnd < offset else { return }
    var breaks = 0
    for byte in file.bytes[lastEnd..<min(offset, file.bytes.count)] where byte == UInt8(ascii: "\n") {
      breaks += 1
    }
    if breaks >= 2, lines.last != .blank { lines.append(.blank) }
  }

  /// The columns the current line takes so far.
  var currentWidth: Int { currentIndent * 2 + (current?.count ?? 0) }

  // MARK: - Blocks

  /// ` {`, the items (printed by `body`, one a line), then `}` on a line of its own,
  /// left unfinished so the caller can go on (`} else {`) or end it. A block with no
  /// items and no comments is `{}`.
  mutating func block(after offset: Int, isEmpty: Bool, _ body: (inout Printer) -> Void) {
    let (open, close) = braces(after: offset)
    if isEmpty && !hasComment(before: close) {
      write(" {}")
      lastEnd = max(lastEnd, close + 1)
      return
    }
    write(" {")
    endLine(at: open + 1)
    indent += 1
    atBlockStart = true
    body(&self)
    flushComments(before: close)
    indent -= 1
    current = "}"
    currentIndent = indent
    atBlockStart = false
    lastEnd = max(lastEnd, close + 1)
  }

  /// A `block_commas` list: inline (`{ a string, b int }`) when the source wrote it on
  /// one line and it fits in `width` columns, else one item a line without commas.
  mutating func commaBlock<Item>(
    after offset: Int, _ items: [Item], inline: (Item) -> String, item: (inout Printer, Item) -> Void
  ) {
    let (open, close) = braces(after: offset)
    let oneLine = !file.bytes[open..<close].contains(UInt8(ascii: "\n"))
    let text = items.isEmpty ? "{}" : "{ " + items.map(inline).joined(separator: ", ") + " }"
    if oneLine && currentWidth + 1 + text.count <= Printer.width {
      write(" " + text)
      lastEnd = max(lastEnd, close + 1)
      return
    }
    block(after: offset, isEmpty: items.isEmpty) { printer in
      for element in items { item(&printer, element) }
    }
  }

  /// A list whose braces may be left out when it is empty (event fields, creatives,
  /// an arm's overrides, a test event's fields). Empty braces are dropped unless a
  /// comment is inside them.
  mutating func optionalCommaBlock<Item>(
    after offset: Int, _ items: [Item], inline: (Item) -> String, item: (inout Printer, Item) -> Void
  ) {
    guard opensBlock(after: offset) else { return }
    if items.isEmpty && !hasComment(before: braces(after: offset).close) { return }
    commaBlock(after: offset, items, inline: inline, item: item)
  }

  // MARK: - Tokens

  /// The index of the first token that starts at or after `offset`.
  func tokenIndex(atOrAfter offset: Int) -> Int {
    var low = 0
    var high = tokens.count
    while low < high {
      let middle = (low + high) / 2
      if tokens[middle].range.start < offset { low = middle + 1 } else { high = middle }
    }
    return low
  }

  /// Whether the token at `offset` is the first on its line.
  func startsLine(_ offset: Int) -> Bool {
    let index = tokenIndex(atOrAfter: offset)
    return index < tokens.count && tokens[index].startsLine
  }

  /// The first token at or after `offset` that is not a line break.
  func nextToken(after offset: Int) -> Token? {
    var index = tokenIndex(atOrAfter: offset)
    while index < tokens.count && tokens[index].kind == .newline { index += 1 }
    return index < tokens.count ? tokens[index] : nil
  }

  /// The end of the last token (not a line break) that starts before `offset`.
  func endOfToken(before offset: Int) -> Int {
    var index = tokenIndex(atOrAfter: offset) - 1
    while index >= 0 && tokens[index].kind == .newline { index -= 1 }
    return index >= 0 ? tokens[index].range.end : 0
  }

  /// Whether the token right after `offset`, on the same line, is a `{`.
  func opensBlock(after offset: Int) -> Bool {
    let index = tokenIndex(atOrAfter: offset)
    return index < tokens.count && tokens[index].kind == .leftBrace
  }

  /// The offsets of the first `{` at or after `offset` and of its matching `}`.
  func braces(after offset: Int) -> (open: Int, close: Int) {
    var index = tokenIndex(atOrAfter: offset)
    while index < tokens.count && tokens[index].kind != .leftBrace { index += 1 }
    let open = index < tokens.count ? tokens[index].range.start : file.bytes.count
    var depth = 0
    while index < tokens.count {
      switch tokens[index].kind {
      case .leftBrace: depth += 1
      case .rightBrace:
        depth -= 1
        if depth == 0 { return (open, tokens[index].range.start) }
      default: break
      }
      index += 1
    }
    return (open, file.bytes.count)
  }

  /// The source text of a node, for literals copied as written.
  func source(_ range: SourceRange) -> String { file.text(range) }
}
