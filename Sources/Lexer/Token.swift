import CampaignLang

/// The kinds of token. Words (keywords and names alike) are all `identifier`: keywords
/// are contextual, so an attribute may be called `state` or `count`. The parser reads a
/// word's text where it needs to tell them apart.
public enum TokenKind: Sendable, Hashable {
  case identifier
  case integer
  case decimal
  case percent
  case duration
  case date
  case timestamp
  case timeOfDay
  case string
  case newline
  case endOfFile

  case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
  case comma, colon, dot, arrow, question, questionQuestion
  case equalEqual, bangEqual, less, lessEqual, greater, greaterEqual, equal
  case plus, minus, star, slash

  /// `&&`, `||` and `!`: reported by the lexer and read as `and`, `or` and `not`.
  case andSymbol, orSymbol, notSymbol
  /// Bytes the lexer could not read (already reported).
  case invalid
}

/// A token: its kind, its byte range, and where its value is kept.
///
/// INVARIANT: a plain value with no references, so copying tokens (which the parser
/// does constantly) costs no reference counting. Literal values and identifiers' text
/// live beside the tokens in `TokenStream.literals` and `TokenStream.names`.
public struct Token: Sendable, Hashable {
  public var kind: TokenKind
  public var range: SourceRange
  /// For an identifier, its index into `TokenStream.names`; for a literal, into
  /// `TokenStream.literals`; -1 when the token has no (valid) value.
  public var valueIndex: Int32
  /// Whether a line break (or the start of the file) comes right before this token.
  public var startsLine: Bool

  @inlinable
  public init(kind: TokenKind, range: SourceRange, valueIndex: Int32 = -1, startsLine: Bool) {
    self.kind = kind
    self.range = range
    self.valueIndex = valueIndex
    self.startsLine = startsLine
  }
}

/// The lexer's output for one file.
public struct TokenStream: Sendable {
  public var tokens: [Token]
  /// Values of literal tokens, indexed by `Token.valueIndex`.
  public var literals: [Literal]
  /// The text of identifiers, each distinct spelling once, indexed by `Token.valueIndex`.
  public var names: [String]
  public var comments: [Comment]
  public var diagnostics: [Diagnostic]
  /// Set when the file is not text (a NUL byte) or not UTF-8: reported once, and the
  /// parser does not run.
  public var isBinary: Bool
}

extension TokenStream {
  /// The decoded value of a literal token; nil for other tokens and malformed literals.
  public func literal(of token: Token) -> Literal? {
    token.kind != .identifier && token.valueIndex >= 0 ? literals[Int(token.valueIndex)] : nil
  }
}
