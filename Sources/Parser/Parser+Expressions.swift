import CampaignLang
import Lexer

extension Parser {
  /// An expression, by precedence climbing (see `BinaryOperator.precedence`).
  mutating func parseExpression() -> Expr {
    parseBinary(minimumPrecedence: 1)
  }

  /// The binary operator at the current token, reporting the usual slips (`=` for `==`,
  /// `AND` for `and`) and reading them as meant.
  mutating func binaryOperator() -> BinaryOperator? {
    switch current.kind {
    case .equalEqual: return .equal
    case .bangEqual: return .notEqual
    case .less:
      if let swapped = swappedOperator(peek().kind == .greater ? ("<>", "!=", .notEqual) : nil) { return swapped }
      return .less
    case .lessEqual: return .lessEqual
    case .greater: return .greater
    case .greaterEqual: return .greaterEqual
    case .plus: return .add
    case .minus: return .subtract
    case .star: return .multiply
    case .slash: return .divide
    case .questionQuestion: return .orDefault
    case .andSymbol: return .and
    case .orSymbol: return .or
    case .equal:
      if let swapped = swappedOperator(
        peek().kind == .greater ? ("=>", ">=", .greaterEqual) : peek().kind == .less ? ("=<", "<=", .lessEqual) : nil)
      {
        return swapped
      }
      report(
        .assignInsteadOfEquals, "use `==` to compare", at: current.range,
        help: "a single `=` only defines a segment; comparisons are written `==`")
      panicking = false
      return .equal
    case .identifier:
      if at("and") { return .and }
      if at("or") { return .or }
      guard current.range.length <= 3 else { return nil }
      switch text(current) {
      case "is":
        // `orders is 5`: read as `==`, or `is not` as `!=`.
        let negated = isWord(peek(), "not")
        report(
          .assignInsteadOfEquals, "use `\(negated ? "!=" : "==")` to compare, not `is\(negated ? " not" : "")`",
          at: negated ? current.range.to(peek().range) : current.range,
          help: "comparisons are written `==` and `!=`")
        panicking = false
        if negated { advance() }
        return negated ? .notEqual : .equal
      case let word where ["AND", "And", "OR", "Or"].contains(word):
        report(
          .uppercaseKeyword, "write `\(word.lowercased())` in lowercase", at: current.range,
          help: "the words `and`, `or` and `not` are written in lowercase")
        panicking = false
        return word.lowercased() == "and" ? .and : .or
      default: return nil
      }
    default: return nil
    }
  }

  mutating func parseBinary(minimumPrecedence: Int) -> Expr {
    var lhs = parseUnary()
    while true {
      // `x in (...)` and `x not in (...)` bind like comparisons.
      if minimumPrecedence <= 3, let membership = parseMembership(lhs) {
        lhs = membership
        continue
      }
      // A line that starts with `and` or `or` continues the condition above it.
      if current.kind == .newline {
        var ahead = position
        while tokens[ahead].kind == .newline { ahead += 1 }
        guard isWord(tokens[ahead], "and") || isWord(tokens[ahead], "or") else { return lhs }
        position = ahead
      }
      let save = position
      let savedPanic = panicking
      let savedCount = diagnostics.diagnostics.count
      // `(ltv > 5))`: the extra `)` is reported and skipped; the condition goes on.
      if minimumPrecedence == 1 && current.kind == .rightParen && openParens == 0 {
        extraCloseParen()
        advance()
        continue
      }
      guard let op = binaryOperator(), op.precedence >= minimumPrecedence else {
        // Not an operator here after all: undo any report made while looking.
        position = save
        panicking = savedPanic
        if diagnostics.diagnostics.count > savedCount { diagnostics = trimmed(to: savedCount) }
        return lhs
      }
      operatorCount += 1
      if operatorCount > Parser.maxOperators {
        report(
          .nestingTooDeep, "this condition has more than \(Parser.maxOperators) operators", at: current.range,
          help: "split it into several segments and combine those")
        return tooDeep()
      }
      let operatorToken = advance()
      let operatorRange = operatorToken.range
      if danglingOperator(operatorToken) { return lhs }
      skipNewlines()
      let rhs = parseBinary(minimumPrecedence: op.precedence + 1)
      lhs = .binary(op, lhs, rhs, operatorRange: operatorRange)
    }
  }

  /// An operator that ends a line, when what follows cannot continue the expression: the
  /// end of the file, a `}`, or a declaration keyword no deeper than the operator's line.
  /// Reported at the operator, and the expression ends before it, so the next
  /// declaration is read as written.
  mutating func danglingOperator(_ op: Token) -> Bool {
    guard current.kind == .newline || atEnd else { return false }
    var ahead = position
    while tokens[ahead].kind == .newline { ahead += 1 }
    let next = tokens[ahead]
    if next.kind != .endOfFile && next.kind != .rightBrace {
      guard isDeclarationKeyword(next),
        indentation(ofLineAt: next.range.start).count <= indentation(ofLineAt: op.range.start).count
      else { return false }
    }
    let written = text(op)
    report(
      .unexpectedToken, "the condition ends with `\(written)`", at: op.range,
      help: "add what should follow `\(written)` on this line, or remove `\(written)`")
    return true
  }

  func trimmed(to count: Int) -> DiagnosticBag {
    var bag = DiagnosticBag()
    bag.add(contentsOf: Array(diagnostics.diagnostics.prefix(count)))
    return bag
  }

  /// `in (a, b)` or `not in (a, b)` after `lhs`; nil (nothing consumed) otherwise.
  mutating func parseMembership(_ lhs: Expr) -> Expr? {
    var negated = false
    if at("not") && text(peek()) == "in" && peek().kind == .identifier {
      negated = true
      advance()
    } else if !at("in") {
      return nil
    }
    advance()
    guard let open = expect(.leftParen, "`(` and a list of values, like `tier in (gold, platinum)`") else {
      return .invalid(lhs.range.to(previousRange))
    }
    openParens += 1
    defer { openParens -= 1 }
    var values: [Expr] = []
    skipNewlines()
    while current.kind != .rightParen && !atEnd {
      let before = position
      values.append(parseUnary())
      skipNewlines()
      if current.kind == .comma {
        advance()
        skipNewlines()
      } else if current.kind != .rightParen {
        // At a line's end the `)` is missing: reported below, at the list's end.
        if !(atStatementEnd || current.startsLine) { expected("`,` or `)` in the list") }
        break
      }
      if position == before { break }
    }
    guard current.kind == .rightParen else {
      missingCloseParen(opened: open.range, what: "the list of values")
      return .invalid(lhs.range.to(open.range))
    }
    advance()
    return .membership(lhs, values, negated: negated, lhs.range.to(previousRange))
  }

  mutating func parseUnary() -> Expr {
    expressionDepth += 1
    defer { expressionDepth -= 1 }
    if expressionDepth > Parser.maxDepth { return tooDeep() }
    let start = current.range
    if at("NOT") {
      // Read as meant, `NOT ltv >= 500` as `not (ltv >= 500)`: one message, with the
      // parentheses `not` then needs.
      advance()
      let operand = parseBinary(minimumPrecedence: 3)
      var help = "the words `and`, `or` and `not` are written in lowercase"
      if case .binary(let op, _, _, _) = operand, op.isComparison {
        help += "; write `not (\(file.text(operand.range)))`, as `not` applies before a comparison"
      }
      report(.uppercaseKeyword, "write `not` in lowercase", at: start, help: help)
      panicking = false
      return .unary(.not, operand, start.to(operand.range))
    }
    if at("not") || current.kind == .notSymbol {
      advance()
      let operand = parseUnary()
      return .unary(.not, operand, start.to(operand.range))
    }
    if current.kind == .minus {
      advance()
      let operand = parseUnary()
      return .unary(.negate, operand, start.to(operand.range))
    }
    return parsePrimary()
  }

  /// Reports excessive nesting once and skips the rest of the line without recursion.
  mutating func tooDeep() -> Expr {
    let start = current.range
    report(
      .nestingTooDeep, "this expression is nested too deeply", at: start,
      help: "nest at most \(Parser.maxDepth) levels of parentheses")
    var parens = 0
    while !atEnd && !(current.kind == .newline && parens <= 0) && current.kind != .rightBrace {
      if current.kind == .leftParen { parens += 1 }
      if current.kind == .rightParen { parens -= 1 }
      advance()
    }
    return .invalid(start.to(previousRange))
  }

  mutating func parsePrimary() -> Expr {
    let token = current
    if let ago = durationAgo() { return ago }
    switch token.kind {
    case .integer:
      if let duration = durationInWords(allowsMinuteM: false) {
        return .literal(.duration(duration.value), duration.range)
      }
      return literal(token)
    case .decimal, .percent, .duration, .date, .timestamp, .timeOfDay, .string:
      return literal(token)
    case .leftParen:
      advance()
      openParens += 1
      skipNewlines()
      let inner = parseExpression()
      skipNewlines()
      openParens -= 1
      guard current.kind == .rightParen else {
        missingCloseParen(opened: token.range, what: "the `(`")
        return .invalid(token.range.to(previousRange))
      }
      let close = advance()
      return .parenthesized(inner, token.range.to(close.range))
    case .identifier:
      if isWord(token, "true") || isWord(token, "false") {
        advance()
        return .literal(.bool(isWord(token, "true")), token.range)
      }
      advance()
      let word = text(token)
      let name = Name(word, token.range)
      if current.kind == .leftParen {
        if let kind = AggregateKind(rawValue: word) { return parseAggregate(kind, name) }
        return parseCall(name)
      }
      return .name(name)
    case .invalid:
      advance()
      panicking = true
      return .invalid(token.range)
    default:
      expected("a value or a condition")
      return .invalid(token.range)
    }
  }

  /// `30d ago` or `30 days ago`: one message with the form to write, `today - 30d`.
  /// The expression is left invalid, so nothing is reported about it again.
  mutating func durationAgo() -> Expr? {
    let token = current
    var words = 1
    var length: Duration
    switch token.kind {
    case .duration:
      guard case .duration(let duration) = value(of: token) else { return nil }
      length = duration
    case .integer:
      let next = peek()
      guard next.kind == .identifier, !next.startsLine, let unit = Parser.unitWords[text(next).lowercased()],
        case .int(let amount) = value(of: token)
      else { return nil }
      length = Duration(amount: amount, unit: unit)
      words = 2
    default: return nil
    }
    let ago = tokens[position + words]
    guard isWord(ago, "ago"), !ago.startsLine else { return nil }
    for _ in 0...words { advance() }
    report(
      .durationInWords, "write `today - \(length)` instead of `\(file.text(token.range.to(ago.range)))`",
      at: token.range.to(ago.range),
      help: "`today - \(length)` is the date \(length) before today; for a time, write `now - \(length)`")
    panicking = false
    return .invalid(token.range.to(ago.range))
  }

  mutating func literal(_ token: Token) -> Expr {
    advance()
    guard let value = value(of: token) else {
      panicking = true  // malformed: already reported by the lexer
      return .invalid(token.range)
    }
    return .literal(value, token.range)
  }

  /// `name(arg, ...)`
  mutating func parseCall(_ name: Name) -> Expr {
    let open = advance()
    openParens += 1
    defer { openParens -= 1 }
    var arguments: [Expr] = []
    skipNewlines()
    while current.kind != .rightParen && !atEnd {
      let before = position
      arguments.append(parseExpression())
      skipNewlines()
      guard current.kind == .comma else { break }
      advance()
      skipNewlines()
      if position == before { break }
    }
    guard current.kind == .rightParen else {
      missingCloseParen(opened: open.range, what: "`\(name.text)(`")
      return .invalid(name.range.to(open.range))
    }
    let close = advance()
    return .call(name, arguments, name.range.to(close.range))
  }

  /// `count(event [where EXPR] [within DURATION])`, `sum(event.field ...)`.
  mutating func parseAggregate(_ kind: AggregateKind, _ name: Name) -> Expr {
    let open = advance()
    openParens += 1
    defer { openParens -= 1 }
    skipNewlines()
    guard let event = expectName("an event name, like `\(kind.rawValue)(email_click within 30d)`") else {
      return .invalid(name.range.to(previousRange))
    }
    var field: Name? = nil
    if current.kind == .dot {
      advance()
      guard let fieldName = expectName("a field of `\(event.text)`") else {
        return .invalid(name.range.to(previousRange))
      }
      field = fieldName
    }
    // Inside the parentheses line breaks are ignored (grammar.md §1), between the parts
    // too; a line that does not go on with the next part leaves the `)` missing there.
    skipNewlines(continuingWith: [], words: ["where", "within"])
    var condition: Expr? = nil
    if at("where") {
      advance()
      skipNewlines()
      condition = parseExpression()
      skipNewlines(continuingWith: [], words: ["within"])
    }
    var window: DurationLiteral? = nil
    if at("within") {
      advance()
      skipNewlines()
      guard let duration = parseDuration("the window") else { return .invalid(name.range.to(previousRange)) }
      window = duration
    }
    skipNewlines()
    guard current.kind == .rightParen else {
      missingCloseParen(
        opened: open.range, what: "`\(kind.rawValue)(`",
        help: "write `\(kind.rawValue)(event where condition within 30d)`")
      return .invalid(name.range.to(previousRange))
    }
    let close = advance()
    return .aggregate(
      Aggregate(
        kind: kind, kindRange: name.range, event: event, field: field, condition: condition,
        window: window, range: name.range.to(close.range)))
  }

  /// `=>`, `=<` or `<>` (two adjacent tokens): reported once and read as the operator
  /// meant. Leaves the second token current, for the caller to consume as the operator.
  mutating func swappedOperator(_ candidate: (written: String, meant: String, op: BinaryOperator)?) -> BinaryOperator? {
    guard let candidate, peek().range.start == current.range.end else { return nil }
    report(
      .unexpectedToken, "`\(candidate.written)` is not an operator; write `\(candidate.meant)`",
      at: current.range.to(peek().range), help: "comparisons are `==`, `!=`, `<`, `<=`, `>` and `>=`")
    panicking = false
    advance()
    return candidate.op
  }

  // MARK: - Parentheses

  /// A `(` whose `)` is missing. When the expression stops at the end of its line (or at
  /// a `{`), the `)` belongs right after its last token: reported there, as an empty
  /// range, with a note at the `(`. Anything else found instead is reported where it is.
  mutating func missingCloseParen(opened: SourceRange, what: String, help: String? = nil) {
    guard !panicking else { return }
    if current.kind == .invalid {
      panicking = true  // the lexer already reported it
      return
    }
    let note = Note("the `(` opens here", at: opened)
    let stopped = atStatementEnd || current.startsLine || current.kind == .leftBrace
    guard stopped else {
      report(
        .unexpectedToken, "expected `)` to close \(what), found \(foundDescription)", at: current.range,
        notes: [note], help: help)
      return
    }
    let last = previousRange
    let end = SourceRange(file: last.file, start: last.end, end: last.end)
    report(
      .unexpectedToken, "missing `)` to close \(what)", at: end, notes: [note],
      help: current.kind == .leftBrace ? "add `)` before the `{`" : "add `)` at the end of the line")
  }

  /// Skips line breaks when the token after them is `)`, or one of `kinds` or `words`:
  /// inside parentheses, where a line break is ignored only when the next line goes on
  /// with what is open.
  mutating func skipNewlines(continuingWith kinds: [TokenKind] = [], words: [String] = []) {
    guard current.kind == .newline else { return }
    var ahead = position
    while tokens[ahead].kind == .newline { ahead += 1 }
    let next = tokens[ahead]
    if next.kind == .rightParen || kinds.contains(next.kind) || (next.kind == .identifier && words.contains(text(next)))
    {
      skipNewlines()
    }
  }

  /// A `)` that closes no `(`: one message, and the `)` is skipped.
  mutating func extraCloseParen() {
    report(
      .unexpectedToken, "this `)` has no `(` to close", at: current.range,
      help: "remove this `)`, or add the `(` it should close")
  }
}
