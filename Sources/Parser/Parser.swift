import CampaignLang
import Lexer

/// A hand-written recursive-descent parser, one method per grammar rule (see grammar.md).
///
/// Recovery is panic mode, per statement: the first error in a statement is reported,
/// later ones are suppressed until the parser re-synchronizes at the next line or
/// declaration, so one mistake gives one message. Every loop consumes input, and
/// nesting deeper than `maxDepth` is reported once and skipped without recursion.
public struct Parser {
  let file: SourceFile
  let tokens: [Token]
  let literals: [Literal]
  /// Identifiers' text, indexed by `Token.valueIndex` (see `Spellings`).
  let names: [String]
  var position = 0
  var diagnostics = DiagnosticBag()
  /// Set after an error; cleared when the parser reaches the end of a statement.
  var panicking = false
  /// Block nesting and expression nesting are limited separately.
  var depth = 0
  var expressionDepth = 0
  /// `(` opened by the expression being parsed and not yet closed: a `)` when there is
  /// none closes nothing (an extra `)`).
  var openParens = 0
  /// Binary operators in the current statement; bounded so trees stay shallow enough
  /// for every later pass to recurse over them.
  var operatorCount = 0
  var lastMissingBrace: Int? = nil
  /// Set when blocks nest too deeply: the rest of the top-level declaration has been
  /// skipped, and every enclosing block returns at once, checking nothing (its braces
  /// and indentation were skipped with it). Cleared at the next declaration.
  var abandoned = false
  /// The first token of the block item being parsed: a nested block's indentation is
  /// that of the line its statement starts on, not of the line its `{` is on (an `if`
  /// whose condition goes on over `and` lines).
  var itemStart: Int? = nil
  public static let maxDepth = 64
  /// Where the lexer reported a problem: a token there (an en dash, a curly quote) was
  /// already explained, so the parser does not report it again.
  var lexerReported: Set<Int> = []
  public static let maxOperators = 256

  /// Parses one file. The lexer's diagnostics come first in the returned list.
  public static func parse(_ file: SourceFile) -> (FileSyntax, [Diagnostic]) {
    let stream = Lexer.tokenize(file)
    var parser = Parser(file: file, tokens: stream.tokens, literals: stream.literals, names: stream.names)
    parser.diagnostics.add(contentsOf: stream.diagnostics)
    parser.lexerReported = Set(stream.diagnostics.map(\.range.start))
    guard !stream.isBinary else {
      return (FileSyntax(file: file.id, declarations: [], comments: []), parser.diagnostics.diagnostics)
    }
    let declarations = parser.parseFile()
    return (
      FileSyntax(file: file.id, declarations: declarations, comments: stream.comments),
      parser.diagnostics.diagnostics
    )
  }

  init(file: SourceFile, tokens: [Token], literals: [Literal], names: [String]) {
    self.file = file
    self.tokens = tokens
    self.literals = literals
    self.names = names
  }

  /// The decoded value of a literal token (nil when malformed: the lexer reported it).
  func value(of token: Token) -> Literal? {
    token.kind != .identifier && token.valueIndex >= 0 ? literals[Int(token.valueIndex)] : nil
  }

  // MARK: - Token access

  var current: Token { tokens[position] }

  func peek(_ offset: Int = 1) -> Token {
    tokens[min(position + offset, tokens.count - 1)]
  }

  var atEnd: Bool { current.kind == .endOfFile }

  /// The token's text; an identifier's comes from the lexer's one String per spelling.
  func text(_ token: Token) -> String {
    token.kind == .identifier && token.valueIndex >= 0 ? names[Int(token.valueIndex)] : file.text(token.range)
  }

  /// Whether the current token is the word `word` (compared as bytes: no String is made).
  /// Keywords are written as literals, which pick this overload over `at(text:)`.
  @inline(__always)
  func at(_ word: StaticString) -> Bool { isWord(current, word) }

  /// `at` for a word held in a String: slower (it reaches the String's bytes first), so
  /// it has its own label and a literal never lands here.
  func at(text word: String) -> Bool {
    guard current.kind == .identifier else { return false }
    var word = word
    return word.withUTF8 { expected in
      guard expected.count == current.range.length else { return false }
      let start = current.range.start
      for offset in 0..<expected.count where file.bytes[start + offset] != expected[offset] { return false }
      return true
    }
  }

  /// Always inlined: the word is a literal, so its length is known where it is called
  /// and most tests end at that comparison, without a call.
  @inline(__always)
  func isWord(_ token: Token, _ word: StaticString) -> Bool {
    guard token.kind == .identifier, token.range.length == word.utf8CodeUnitCount else { return false }
    return word.withUTF8Buffer { expected in
      var offset = 0
      while offset < expected.count {
        if file.bytes[token.range.start + offset] != expected[offset] { return false }
        offset += 1
      }
      return true
    }
  }

  func at(_ kind: TokenKind) -> Bool { current.kind == kind }

  @discardableResult
  mutating func advance() -> Token {
    let token = current
    if token.kind != .endOfFile { position += 1 }
    return token
  }

  /// The range of the previous token (for "missing X after here" errors).
  var previousRange: SourceRange {
    var index = position - 1
    while index > 0 && tokens[index].kind == .newline { index -= 1 }
    return index >= 0 ? tokens[index].range : current.range
  }

  mutating func skipNewlines() {
    while current.kind == .newline { position += 1 }
  }

  /// Whether the current token ends a statement: a line break, `}` or the end.
  var atStatementEnd: Bool {
    switch current.kind {
    case .newline, .rightBrace, .endOfFile: true
    default: false
    }
  }

  // MARK: - Reporting

  /// Reports an error unless the statement already has one.
  mutating func report(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
    notes: [Note] = [], help: String? = nil
  ) {
    guard !panicking else { return }
    panicking = true
    if lexerReported.contains(range.start) {
      // An en dash the lexer told to retype as `-`: where a `-` cannot stand either, the
      // parser's help is the one to follow (`quiet hours 21:00 – 08:00`: `to`).
      if let help, let dash = dashName(at: range) {
        diagnostics.amend(.dash, at: range, message: "\(dash) cannot stand here", help: help)
      }
      return
    }
    diagnostics.error(code, message, at: range, label: label, notes: notes, help: help)
  }

  /// "an en dash", "an em dash" or "a minus sign" when `range` holds one of them alone.
  func dashName(at range: SourceRange) -> String? {
    switch file.text(range) {
    case "\u{2013}": "an en dash"
    case "\u{2014}": "an em dash"
    case "\u{2212}": "a minus sign"
    default: nil
    }
  }

  /// A description of the current token for "expected X, found Y" messages.
  var foundDescription: String {
    switch current.kind {
    case .newline: return "the end of the line"
    case .endOfFile: return "the end of the file"
    case .string: return "a string"
    case .invalid: return "an unreadable character"
    default:
      let shown = text(current)
      return shown.count > 30 ? "`\(shown.prefix(30))…`" : "`\(shown)`"
    }
  }

  mutating func expected(_ what: @autoclosure () -> String, help: String? = nil) {
    if current.kind == .invalid {
      panicking = true  // the lexer already reported it
      return
    }
    report(.unexpectedToken, "expected \(what()), found \(foundDescription)", at: current.range, help: help)
  }

  // MARK: - Expecting

  /// Consumes the word `word` or reports that it is missing.
  @discardableResult
  mutating func expect(_ word: StaticString, context: String? = nil) -> Bool {
    if at(word) {
      advance()
      return true
    }
    expected("`\(word)`" + (context.map { " \($0)" } ?? ""))
    return false
  }

  @discardableResult
  mutating func expect(_ kind: TokenKind, _ what: @autoclosure () -> String) -> Token? {
    if current.kind == kind { return advance() }
    expected(what())
    return nil
  }

  /// A name (an identifier), or nil after reporting.
  mutating func expectName(_ what: @autoclosure () -> String) -> Name? {
    guard current.kind == .identifier else {
      expected(what())
      return nil
    }
    let token = advance()
    return Name(text(token), token.range)
  }

  mutating func expectString(_ what: @autoclosure () -> String) -> StringLiteral? {
    guard current.kind == .string else {
      expected(what())
      return nil
    }
    let token = advance()
    if case .string(let value) = value(of: token) { return StringLiteral(value, token.range) }
    return StringLiteral("", token.range)
  }

  // MARK: - Synchronizing

  /// Ends a statement: a line break, `}` or the end must follow. Anything else is
  /// reported (once) and skipped to the end of the line. Clears panic mode.
  mutating func endStatement() {
    // A declaration keyword at column 1 also ends it: a block whose `}` is missing
    // stops before the next declaration, which must not be skipped as the rest of a line.
    if !atStatementEnd && !startsTopLevelAtColumnOne {
      if current.kind == .rightParen {
        extraCloseParen()
      } else if !panicking && current.kind != .invalid {
        report(
          .unexpectedToken, "unexpected \(foundDescription) after the end of the statement",
          at: current.range, help: "put each statement on its own line")
      }
      skipRestOfLine()
    }
    panicking = false
    operatorCount = 0
  }

  /// Skips to the end of the current line, over any balanced `{ }` blocks it opens, but
  /// not past a `}` that closes the enclosing block. Iterative: nesting cannot overflow.
  mutating func skipRestOfLine() {
    var braces = 0
    while !atEnd {
      switch current.kind {
      case .newline where braces == 0: return
      case .leftBrace: braces += 1
      case .rightBrace:
        if braces == 0 { return }
        braces -= 1
      default:
        if braces > 0 && current.startsLine && startsTopLevelAtColumnOne { return }
      }
      advance()
    }
  }

  /// Skips to the next line that starts with a declaration keyword, over whole blocks.
  mutating func synchronizeTopLevel() {
    var braces = 0
    while !atEnd {
      if current.startsLine && isDeclarationKeyword(current) && (braces == 0 || startsTopLevelAtColumnOne) {
        break
      }
      switch current.kind {
      case .leftBrace: braces += 1
      case .rightBrace: braces = max(0, braces - 1)
      default: break
      }
      advance()
    }
    panicking = false
  }

  /// Whether the current token is a declaration keyword written at column 1: inside a
  /// block this means the block's `}` is missing.
  var startsTopLevelAtColumnOne: Bool {
    guard current.startsLine, current.kind == .identifier else { return false }
    let start = current.range.start
    let atColumnOne =
      start == 0 || file.bytes[start - 1] == UInt8(ascii: "\n") || file.bytes[start - 1] == UInt8(ascii: "\r")
      || (start == 3 && file.bytes.starts(with: [0xEF, 0xBB, 0xBF]))
    return atColumnOne && isDeclarationKeyword(current)
  }
}
