import CampaignLang

/// Expressions: one space around binary operators, none inside parentheses, `, `
/// between arguments and list values. Parentheses are printed exactly where the source
/// wrote them (the tree keeps them), so the program reads back the same; none are added,
/// since a tree that came from the parser never needs more.
extension Printer {
  /// A condition at the top of a statement. Where the source started a line with `and`
  /// or `or` (outside parentheses), the line break is kept: the line goes on as a
  /// continuation line, indented one level more than the statement.
  mutating func condition(_ expr: Expr) {
    guard case .binary(let op, let lhs, let rhs, let operatorRange) = expr, op == .and || op == .or else {
      write(inline(expr))
      return
    }
    condition(lhs)
    if startsLine(operatorRange.start) {
      continuation(at: operatorRange.start)
      write(op.rawValue + " ")
    } else {
      write(" \(op.rawValue) ")
    }
    condition(rhs)
  }

  /// Ends the current line and starts a continuation line for the token at `offset`;
  /// comments before it go at the end of the line or on their own lines before it.
  mutating func continuation(at offset: Int) {
    let depth = indent
    appendCurrentLine(sourceEnd: endOfToken(before: offset))
    current = nil
    indent = depth + 1
    flushComments(before: offset)
    indent = depth
    current = ""
    currentIndent = depth + 1
    lastEnd = max(lastEnd, offset)
  }

  /// An expression on one line.
  func inline(_ expr: Expr) -> String {
    switch expr {
    case .name(let name): name.text
    case .literal(.timeOfDay(let minutes), _): Printer.clock(minutes)
    case .literal(_, let range): source(range)
    case .unary(.not, let operand, _): "not " + inline(operand)
    case .unary(.negate, let operand, _): "-" + inline(operand)
    case .binary(let op, let lhs, let rhs, _): "\(inline(lhs)) \(op.rawValue) \(inline(rhs))"
    case .call(let name, let arguments, _): "\(name.text)(" + arguments.map(inline).joined(separator: ", ") + ")"
    case .aggregate(let aggregate): self.aggregate(aggregate)
    case .membership(let lhs, let values, let negated, _):
      inline(lhs) + (negated ? " not in (" : " in (") + values.map(inline).joined(separator: ", ") + ")"
    case .parenthesized(let inner, _): "(" + inline(inner) + ")"
    case .invalid(let range): source(range)
    }
  }

  /// `count(email_click where cta == "book" within 30d)`, `sum(purchase.amount)`.
  func aggregate(_ aggregate: Aggregate) -> String {
    var text = aggregate.kind.rawValue + "(" + aggregate.event.text
    if let field = aggregate.field { text += "." + field.text }
    if let condition = aggregate.condition { text += " where " + inline(condition) }
    if let window = aggregate.window { text += " within " + source(window.range) }
    return text + ")"
  }

  /// `page_visit where intent == high`, breaking before `and` / `or` like a condition.
  mutating func pattern(_ pattern: EventPattern) {
    write(pattern.event.text)
    if let condition = pattern.condition {
      write(" where ")
      self.condition(condition)
    }
  }

  /// A time of day on the 24-hour clock with two-digit hours: `08:00`.
  static func clock(_ minutes: Int) -> String {
    let hours = minutes / 60
    let rest = minutes % 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
  }

  /// A number as written, without a sign (`1_000`, `12.50`): the sign of score points
  /// is printed from the value.
  func unsigned(_ number: NumberLiteral) -> String {
    var text = Substring(source(number.range))
    while let first = text.first, first == "+" || first == "-" || first == " " || first == "\t" {
      text = text.dropFirst()
    }
    return String(text)
  }
}
