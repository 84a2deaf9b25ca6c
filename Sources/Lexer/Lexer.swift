import CampaignLang

/// Turns a file's bytes into tokens. Never fails: what it cannot read becomes an
/// `invalid` token and a diagnostic, and lexing goes on.
///
/// Marketers paste text from documents, so the characters that slip in that way
/// (curly quotes, non-breaking spaces, en dashes, `≥`) each get a specific message and
/// are then read as what was meant, so one mistake gives one message.
public struct Lexer {
  let file: SourceFile
  let bytes: [UInt8]
  var index = 0
  var tokens: [Token] = []
  var literals: [Literal] = []
  var spellings = Spellings()
  var comments: [Comment] = []
  var diagnostics = DiagnosticBag()
  var atLineStart = true
  /// Set at the first byte that is not UTF-8: the file is reported once and not read further.
  var isNotText = false
  /// The closing backtick of a pair already reported at its opening one.
  var pairedBacktick: Int? = nil

  public static func tokenize(_ file: SourceFile) -> TokenStream {
    var lexer = Lexer(file: file)
    return lexer.run()
  }

  init(file: SourceFile) {
    self.file = file
    self.bytes = file.bytes
  }

  // MARK: - Driver

  mutating func run() -> TokenStream {
    if let nul = bytes.prefix(8192).firstIndex(of: 0) {
      diagnostics.error(
        .invalidCharacter, "this file is binary, not a campaign",
        at: range(nul, nul + 1), label: "NUL byte",
        help: "campaign files are plain UTF-8 text; check that the right file was given")
      return TokenStream(
        tokens: [Token(kind: .endOfFile, range: range(bytes.count, bytes.count), startsLine: true)],
        literals: [], names: [], comments: [], diagnostics: diagnostics.diagnostics, isBinary: true)
    }
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    HugePages.adviseHeap(growingBy: bytes.count * HugePages.heapBytesPerSourceByte)
    // Generous: pages of a reservation that are never written cost nothing, while
    // growing a large array copies it onto fresh pages.
    tokens.reserveCapacity(bytes.count / 4)
    HugePages.advise(&tokens)
    literals.reserveCapacity(bytes.count / 16)
    HugePages.advise(&literals)
    while index < bytes.count {
      lexOne()
    }
    emit(.endOfFile, from: bytes.count)
    return TokenStream(
      tokens: tokens, literals: literals, names: spellings.names, comments: comments,
      diagnostics: diagnostics.diagnostics, isBinary: isNotText)
  }

  /// Always inlined: one call per token otherwise, for a few instructions of work.
  @inline(__always)
  func range(_ start: Int, _ end: Int) -> SourceRange {
    SourceRange(file: file.id, start: start, end: end)
  }

  func peek(_ offset: Int = 0) -> UInt8 {
    let at = index + offset
    return at < bytes.count ? bytes[at] : 0
  }

  mutating func emit(_ kind: TokenKind, from start: Int, literal: Literal? = nil, valueIndex: Int32 = -1) {
    let isLineStart = atLineStart
    atLineStart = kind == .newline
    var valueIndex = valueIndex
    if let literal {
      valueIndex = Int32(literals.count)
      literals.append(literal)
    }
    tokens.append(Token(kind: kind, range: range(start, index), valueIndex: valueIndex, startsLine: isLineStart))
  }

  /// A line break is an empty range where it starts, so an error "at the end of the
  /// line" points just after the line's text and ends on the same line.
  mutating func emitLineBreak(from start: Int) {
    let isLineStart = atLineStart
    atLineStart = true
    tokens.append(Token(kind: .newline, range: range(start, start), startsLine: isLineStart))
  }

  /// Whether `byte` ends a line (`\n`, or `\r` alone or before `\n`).
  func isLineBreak(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") }

  mutating func lexOne() {
    let start = index
    let byte = bytes[index]
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: "\t"):
      index += 1
    case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
      // `\n`, `\r\n` and a lone `\r` (old Mac files) each end a line.
      index += byte == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") ? 2 : 1
      if tokens.last?.kind != .newline && !tokens.isEmpty {
        emitLineBreak(from: start)
      } else {
        atLineStart = true
      }
    case UInt8(ascii: "#"):
      lexComment()
    case UInt8(ascii: "\""):
      lexString(closing: [UInt8(ascii: "\"")])
    case UInt8(ascii: "0")...UInt8(ascii: "9"):
      lexNumber()
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "_"):
      lexIdentifier()
    case 0x80...0xFF:
      lexNonASCII()
    default:
      lexPunctuation()
    }
  }

  /// A word: scanned and hashed in one pass, then found among the file's spellings.
  mutating func lexIdentifier() {
    let start = index
    var hash = spellings.seed
    let spelling = bytes.withUnsafeBufferPointer { bytes in
      // Raw reads: the loop stops at the end of the buffer itself.
      while index < bytes.count && isIdentifierByte(bytes[index]) {
        hash = Spellings.mix(hash, bytes[index])
        index += 1
      }
      return spellings.index(of: bytes, start, index, hash: hash)
    }
    // Only a word followed by one of these can be the start of an email address.
    if index < bytes.count, Lexer.mayContinueEmail(bytes[index]), let end = emailEnd(from: start) {
      return unquotedEmail(from: start, to: end)
    }
    emit(.identifier, from: start, valueIndex: spelling)
  }

  /// Whether `byte` is one of `.-+@`, which may follow the first word of an email
  /// address. Compared directly: asked after every word, and a search of the String
  /// `".-+@"` is a call through its UTF-8 view each time.
  @inline(__always)
  static func mayContinueEmail(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "@")
  }

  /// The end of an email address written from `start` (`name.last+tag@example.co.id`),
  /// or nil: a local part, `@`, and a domain of at least two dot-separated labels.
  func emailEnd(from start: Int) -> Int? {
    func isLocal(_ byte: UInt8) -> Bool { isIdentifierByte(byte) || ".-+%".utf8.contains(byte) }
    func isLabel(_ byte: UInt8) -> Bool { isIdentifierByte(byte) || byte == UInt8(ascii: "-") }
    var at = start
    while at < bytes.count && isLocal(bytes[at]) { at += 1 }
    guard at < bytes.count, bytes[at] == UInt8(ascii: "@") else { return nil }
    at += 1
    var labels = 0
    while true {
      let labelStart = at
      while at < bytes.count && isLabel(bytes[at]) { at += 1 }
      guard at > labelStart else { return nil }
      labels += 1
      guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "."), isLabel(bytes[at + 1]) else { break }
      at += 1
    }
    return labels >= 2 ? at : nil
  }

  /// `owner crm@example.com`: an email address without quotes. One message; the token
  /// is `invalid` (already reported), so nothing that reads it is reported again.
  mutating func unquotedEmail(from start: Int, to end: Int) {
    index = end
    let address = file.text(range(start, end))
    diagnostics.error(
      .invalidCharacter, "the email address `\(address)` needs quotes", at: range(start, end),
      help: "write text in double quotes: `\"\(address)\"`")
    emit(.invalid, from: start)
  }

  /// A letter, a digit or `_`. Three unsigned comparisons (a letter with its case bit
  /// set, a digit, `_`): asked for every byte of every word.
  @inline(__always)
  func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
  }

  mutating func lexComment() {
    let start = index
    guard skipToLineBreak() else { return }
    let text = String(decoding: bytes[(start + 1)..<index], as: UTF8.self)
    comments.append(Comment(text: text, range: range(start, index)))
  }

  // MARK: - Punctuation

  mutating func lexPunctuation() {
    let start = index
    let byte = bytes[index]
    let next = peek(1)
    index += 1
    let kind: TokenKind
    switch byte {
    case UInt8(ascii: "{"): kind = .leftBrace
    case UInt8(ascii: "}"): kind = .rightBrace
    case UInt8(ascii: "("): kind = .leftParen
    case UInt8(ascii: ")"): kind = .rightParen
    case UInt8(ascii: "["): kind = .leftBracket
    case UInt8(ascii: "]"): kind = .rightBracket
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: ":"): kind = .colon
    case UInt8(ascii: "."): kind = .dot
    case UInt8(ascii: "+"): kind = .plus
    case UInt8(ascii: "*"): kind = .star
    case UInt8(ascii: "/") where next == UInt8(ascii: "/"):
      slashComment(at: start)
      return
    case UInt8(ascii: "/"): kind = .slash
    case UInt8(ascii: "-"):
      if next == UInt8(ascii: ">") {
        index += 1
        kind = .arrow
      } else {
        kind = .minus
      }
    case UInt8(ascii: "?"):
      if next == UInt8(ascii: "?") {
        index += 1
        kind = .questionQuestion
      } else {
        kind = .question
      }
    case UInt8(ascii: "="):
      if next == UInt8(ascii: "=") {
        index += 1
        kind = .equalEqual
      } else {
        kind = .equal
      }
    case UInt8(ascii: "!"):
      if next == UInt8(ascii: "=") {
        index += 1
        kind = .bangEqual
      } else {
        kind = .notSymbol
        symbolOperator(start, "!", "not")
      }
    case UInt8(ascii: "<"):
      if next == UInt8(ascii: "=") {
        index += 1
        kind = .lessEqual
      } else {
        kind = .less
      }
    case UInt8(ascii: ">"):
      if next == UInt8(ascii: "=") {
        index += 1
        kind = .greaterEqual
      } else {
        kind = .greater
      }
    case UInt8(ascii: "&") where next == UInt8(ascii: "&"):
      index += 1
      kind = .andSymbol
      symbolOperator(start, "&&", "and")
    case UInt8(ascii: "|") where next == UInt8(ascii: "|"):
      index += 1
      kind = .orSymbol
      symbolOperator(start, "||", "or")
    case UInt8(ascii: "'"):
      index = start
      lexSingleQuoted()
      return
    case UInt8(ascii: "`"):
      backtick(at: start)
      return
    case UInt8(ascii: "$") where currencySign(start: start):
      return
    default:
      invalidRun(from: start)
      return
    }
    emit(kind, from: start)
  }

  /// Moves to the end of the line; false (with the bytes reported) when it holds
  /// bytes that are not UTF-8 text.
  mutating func skipToLineBreak() -> Bool {
    while index < bytes.count && !isLineBreak(bytes[index]) {
      if bytes[index] >= 0x80 {
        guard let (_, length) = decodeScalar(at: index) else {
          notText(at: index)
          return false
        }
        index += length
      } else {
        index += 1
      }
    }
    return true
  }

  /// `cap 100 // max`: a comment written as in other languages. Reported once and
  /// skipped to the end of the line like a comment (it is not kept as one: the file
  /// has an error, so `fmt` does not print it).
  mutating func slashComment(at start: Int) {
    guard skipToLineBreak() else { return }
    var text = file.text(range(start + 2, index)).trimmingPrefix(while: { $0 == " " })
    if text.count > 30 { text = text.prefix(30) + "…" }
    diagnostics.error(
      .invalidCharacter, "`//` does not start a comment in campaigns", at: range(start, start + 2),
      help: text.isEmpty ? "comments start with `#`: write `#` instead" : "comments start with `#`: write `# \(text)`")
  }

  mutating func symbolOperator(_ start: Int, _ written: String, _ word: String) {
    diagnostics.error(
      .symbolOperator, "`\(written)` is not an operator in campaigns; write `\(word)`",
      at: range(start, index), help: "conditions use words: `and`, `or`, `not`")
  }

  /// `'text'`: single quotes are a common slip; read as a string.
  mutating func lexSingleQuoted() {
    diagnostics.error(
      .curlyQuote, "strings use double quotes", at: range(index, index + 1),
      help: "write \"text\" instead of 'text'")
    lexString(closing: [UInt8(ascii: "'")], reportedQuote: true)
  }

  /// `` `ltv` ``: names copied from a message with its backticks. Reported once per pair
  /// and read as if they were not there.
  mutating func backtick(at start: Int) {
    if pairedBacktick == start { return }
    var close = index
    while close < bytes.count && !isLineBreak(bytes[close]) && bytes[close] != UInt8(ascii: "`") { close += 1 }
    let paired = close < bytes.count && bytes[close] == UInt8(ascii: "`")
    if paired { pairedBacktick = close }
    diagnostics.error(
      .invalidCharacter, paired ? "campaigns do not use backticks" : "unexpected backtick in a campaign",
      at: range(start, paired ? close + 1 : index),
      help:
        "remove the backticks: messages show names in backticks, but a campaign writes them plain (and text in double quotes)"
    )
  }

  /// A run of bytes that start no token: control characters and stray ASCII symbols.
  mutating func invalidRun(from start: Int) {
    while index < bytes.count {
      let byte = bytes[index]
      let isStray =
        byte < 0x20 && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t")
        && byte != UInt8(ascii: "\r")
      let isSymbol = "$@~^\\;|&%".utf8.contains(byte)
      guard isStray || isSymbol || byte == 0x7F else { break }
      if byte == UInt8(ascii: "&") && peek(1) == UInt8(ascii: "&") { break }
      if byte == UInt8(ascii: "|") && peek(1) == UInt8(ascii: "|") { break }
      index += 1
    }
    if index == start { index += 1 }
    let text = file.text(range(start, index))
    let control = text.unicodeScalars.first { $0.value < 0x20 || $0.value == 0x7F }
    let shown = control.map { "control character U+" + hex4($0.value) } ?? "`\(text)`"
    var help: String? = nil
    if text == ";" { help = "campaigns need no semicolons: end the line instead" }
    if control != nil { help = "delete it: it is invisible in most editors" }
    diagnostics.error(
      .invalidCharacter, "unexpected \(shown) in a campaign", at: range(start, index), help: help)
    emit(.invalid, from: start)
  }

  /// `0007` for U+0007.
  func hex4(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
