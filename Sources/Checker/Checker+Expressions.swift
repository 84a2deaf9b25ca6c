import CampaignLang

/// How a place in the campaign is named in messages: "segment `vip`". Built from parts
/// and turned into text only when a message needs it.
enum Purpose: CustomStringConvertible {
  /// "segment `vip`": a kind and a name.
  case named(String, String)
  case plain(String)
  /// "the `where` of `email_click` in score `engagement`". The place around it is kept
  /// as its parts (a `plain` place has no name): a nested `Purpose` would be boxed, one
  /// allocation for every event pattern checked. Made with `whereOf(_:in:)`.
  case whereOf(String, inKind: String?, name: String?)

  /// The `where` of `event` inside `outer`, a `named` or `plain` place (or none).
  static func whereOf(_ event: String, in outer: Purpose?) -> Purpose {
    switch outer {
    case .named(let kind, let name)?: .whereOf(event, inKind: kind, name: name)
    case .plain(let text)?: .whereOf(event, inKind: text, name: nil)
    case .whereOf?, nil: .whereOf(event, inKind: nil, name: nil)
    }
  }

  var description: String {
    switch self {
    case .named(let kind, let name): "\(kind) `\(name)`"
    case .plain(let text): text
    case .whereOf(let event, let kind?, let name?): "the `where` of `\(event)` in \(kind) `\(name)`"
    case .whereOf(let event, let kind?, nil): "the `where` of `\(event)` in \(kind)"
    case .whereOf(let event, nil, _): "the `where` of `\(event)`"
    }
  }
}

/// Where an expression stands, which decides what it may name.
struct ExpressionContext {
  /// How the place is named in messages.
  var purpose: Purpose
  /// Picking an audience: restricted attributes are not allowed.
  var targeting: Bool
  /// Inside `where` on an event: that event's fields are visible by name.
  var event: Int? = nil
  /// Inside a flow: `engaged` is available.
  var inFlow = false
  /// Optional attributes proven present by an enclosing `exists(...) and`.
  var guarded: Set<Int> = []
}

/// A checked expression and its type.
struct Typed {
  var expr: CheckedExpr
  var type: ValueType
  static let error = Typed(expr: .constant(.bool(false)), type: .error)
}

extension Checker {
  /// Checks a condition: the expression must be true or false.
  mutating func checkCondition(_ expr: Expr, _ context: inout ExpressionContext) -> CheckedExpr {
    let typed = check(expr, &context)
    if !typed.type.isBool && !typed.type.isError {
      var help = "write a comparison, like `ltv >= 500`"
      if case .name(let name) = expr { help = "compare it with something, like `\(name.text) >= 1`" }
      if typed.type.isOptional { help = "check that it is present with `exists(...)`" }
      error(
        .notACondition, "the condition of \(context.purpose) must be true or false, but this is \(typed.type)",
        at: expr.range, help: help)
    }
    return typed.expr
  }

  mutating func check(_ expr: Expr, _ context: inout ExpressionContext, hint: ValueType? = nil) -> Typed {
    switch expr {
    case .invalid:
      return .error
    case .parenthesized(let inner, _):
      return check(inner, &context, hint: hint)
    case .literal(let literal, let range):
      return checkLiteral(literal, range)
    case .name(let name):
      return checkName(name, &context, hint: hint)
    case .unary(let op, let operand, let range):
      let typed = check(operand, &context)
      if typed.type.isError { return .error }
      switch op {
      case .not:
        guard typed.type.isBool else {
          mismatch("`not` applies to a condition, not to \(typed.type)", range)
          return .error
        }
        return Typed(expr: .not(typed.expr), type: .bool)
      case .negate:
        guard typed.type.isNumeric || typed.type == .duration else {
          mismatch("`-` applies to numbers, not to \(typed.type)", range)
          return .error
        }
        return Typed(expr: .negate(typed.expr), type: typed.type)
      }
    case .binary(let op, let lhs, let rhs, let operatorRange):
      if op.isComparison, case .unary(.not, let operand, let range) = lhs {
        // `not ltv >= 500` reads `(not ltv) >= 500`: show where the parentheses go.
        let typed = check(operand, &context)
        if typed.type.isError { return .error }
        if !typed.type.isBool {
          var meant = SyntaxPrinter.expression(.binary(op, operand, rhs, operatorRange: operatorRange))
          if meant.hasPrefix("(") && meant.hasSuffix(")") { meant = String(meant.dropFirst().dropLast()) }
          mismatch(
            "`not` applies to a condition, not to \(typed.type)", range,
            help: "`not` applies before the comparison; write `not (\(meant))`")
          return .error
        }
      }
      return checkBinary(op, lhs, rhs, operatorRange, &context)
    case .call(let name, let arguments, let range):
      return checkCall(name, arguments, range, &context)
    case .aggregate(let aggregate):
      return checkAggregate(aggregate, &context)
    case .membership(let lhs, let values, let negated, _):
      let left = check(lhs, &context)
      if left.type.isError { return .error }
      if left.type.isOptional {
        unguarded(lhs, left.type)
        return .error
      }
      var checked: [CheckedExpr] = []
      for value in values {
        let typed = check(value, &context, hint: left.type)
        if typed.type.isError { return .error }
        if !compatible(left.type, typed.type) {
          mismatch("this list holds \(typed.type), but `\(describe(lhs))` is \(left.type)", value.range)
          return .error
        }
        checked.append(typed.expr)
      }
      return Typed(expr: .membership(left.expr, checked, negated: negated), type: .bool)
    }
  }

  mutating func mismatch(_ message: String, _ range: SourceRange, help: String? = nil) {
    error(.typeMismatch, message, at: range, help: help)
  }

  /// The source text of a small expression, for messages: as written (on one line, up
  /// to 40 characters), or else "this".
  func describe(_ expr: Expr) -> String {
    switch expr {
    case .name(let name): return name.text
    case .aggregate(let aggregate): return "\(aggregate.kind.rawValue)(\(aggregate.event.text)...)"
    case .parenthesized(let inner, _): return describe(inner)
    default:
      guard let sources, expr.range.file.rawValue < sources.files.count else { return "this" }
      let text = sources[expr.range.file].text(expr.range)
      return text.count <= 40 && !text.contains("\n") && !text.contains("`") ? text : "this"
    }
  }

  mutating func checkLiteral(_ literal: Literal, _ range: SourceRange) -> Typed {
    switch literal {
    case .int(let value): return Typed(expr: .constant(.int(value)), type: .int)
    case .decimal(let value): return Typed(expr: .constant(.decimal(value)), type: .decimal)
    case .percent(let value):
      return Typed(expr: .constant(.percent(value)), type: .percent)
    case .duration(let value):
      if value.amount <= 0 { nonPositive(value, range) }
      return Typed(expr: .constant(.duration(value)), type: .duration)
    case .date(let value): return Typed(expr: .constant(.date(value)), type: .date)
    case .timestamp(let value): return Typed(expr: .constant(.timestamp(value)), type: .timestamp)
    case .string(let value): return Typed(expr: .constant(.string(value)), type: .string)
    case .bool(let value): return Typed(expr: .constant(.bool(value)), type: .bool)
    case .timeOfDay:
      mismatch(
        "a time of day can only be used in `quiet hours`", range,
        help: "compare timestamps instead, like `now >= 2026-01-01T09:00`")
      return .error
    }
  }

  mutating func nonPositive(_ value: Duration, _ range: SourceRange) {
    error(
      .nonPositiveDuration, "a duration of `\(value)` is not allowed here: it must be longer than zero",
      at: range, help: "use at least `1\(value.unit.rawValue)`")
  }

  // MARK: - Names

  mutating func checkName(_ name: Name, _ context: inout ExpressionContext, hint: ValueType?) -> Typed {
    if let event = context.event, let field = symbols.eventFieldIndex[event].position(of: name.text) {
      return Typed(expr: .eventField(field), type: symbols.eventFieldTypes[event][field])
    }
    if let (symbol, declared) = symbols.expressionNames[name.text] {
      if nameClash(name, symbol, declared, hint: hint) { return .error }
      switch symbol {
      case .attribute(let index):
        let declaration = symbols.attributes[index].declaration
        if context.targeting && declaration.has(.restricted) {
          error(
            .restrictedTargeting,
            "`\(name.text)` is restricted: it may be stored but not used to choose who gets a message",
            at: name.range, notes: [Note("marked `restricted` here", at: declaration.range)],
            help: "remove `\(name.text)` from \(context.purpose); targeting on it is not allowed")
          return .error
        }
        let type = symbols.attributeTypes[index]
        if type.isOptional && context.guarded.contains(index) {
          return Typed(expr: .attribute(index), type: type.base)
        }
        return Typed(expr: .attribute(index), type: type)
      case .score(let index): return Typed(expr: .score(index), type: .decimal)
      case .segment(let index): return Typed(expr: .segment(index), type: .bool)
      case .counter(let index): return Typed(expr: .counter(index), type: .int)
      }
    }
    switch name.text {
    case "today": return Typed(expr: .today, type: .date)
    case "now": return Typed(expr: .now, type: .timestamp)
    case "state": return Typed(expr: .currentState, type: .state)
    case "engaged" where context.inFlow:
      requireEngagement(at: name.range, "`engaged`")
      return Typed(expr: .engaged, type: .bool)
    default: break
    }
    if case .enumeration(let type)? = hint?.base, let index = type.cases.firstIndex(of: name.text) {
      return Typed(expr: .constant(.enumCase(index)), type: hint!.base)
    }
    if hint?.base == .state, let index = symbols.states.lookup(name.text) {
      return Typed(expr: .constant(.state(index)), type: .state)
    }
    unknownName(name, context: context, hint: hint)
    return .error
  }

  /// `tier == gold` when a segment (attribute, score or counter) is also called `gold`:
  /// the name means both the declaration and the value the comparison needs. Reported
  /// as the clash it is, with the declaration, rather than read as the segment (which
  /// would then be "true or false compared with a tier").
  mutating func nameClash(_ name: Name, _ symbol: ExpressionSymbol, _ declared: SourceRange?, hint: ValueType?) -> Bool
  {
    let value: String
    let meaning: String
    if case .enumeration(let type)? = hint?.base, type.cases.contains(name.text) {
      (value, meaning) = ("one of the values of `\(type.owner)`", "the value")
    } else if hint?.base == .state, symbols.states.lookup(name.text) != nil {
      (value, meaning) = ("a state", "the state")
    } else {
      return false
    }
    guard reportedClashes.insert(name.text).inserted else { return true }
    let kind = symbol.kindWord
    error(
      .duplicate, "`\(name.text)` is both \(symbol.kindName) and \(value)", at: name.range,
      notes: declared.map { [Note("\(kind) `\(name.text)` is declared here", at: $0)] } ?? [],
      help:
        "give the \(kind) another name, like `\(name.text)_\(kind)`, so that `\(name.text)` here means \(meaning)")
    return true
  }

  mutating func unknownName(_ name: Name, context: ExpressionContext, hint: ValueType?) {
    if case .enumeration(let type)? = hint?.base {
      error(
        .unknownEnumCase, "`\(name.text)` is not one of the values of `\(type.owner)`", at: name.range,
        help: suggestion(name.text, type.cases)
          ?? "the values are " + type.cases.map { "`\($0)`" }.joined(separator: ", "))
      return
    }
    if hint?.base == .state {
      error(
        .unknownState, "there is no state called `\(name.text)`", at: name.range,
        help: suggestion(name.text, symbols.states.names)
          ?? "declare it in the states block, like `state \(name.text)`")
      return
    }
    var help = suggestion(name.text, expressionCandidates(context))
    if help == nil && symbols.states.lookup(name.text) != nil {
      help = "`\(name.text)` is a state; to test the current state write `state == \(name.text)`"
    } else if help == nil && name.text == "engaged" {
      help = "`engaged` can only be used inside a flow"
    } else if help == nil, symbols.events.lookup(name.text) != nil {
      help = "`\(name.text)` is an event; count it with `count(\(name.text) within 30d)`"
    }
    let what =
      context.event.map {
        "`\(symbols.events[$0].name)` has no field and the campaign has no attribute, score, segment or counter called"
      }
      ?? "the campaign has no attribute, score, segment or counter called"
    error(.unknownName, "\(what) `\(name.text)`", at: name.range, help: help)
  }

  /// The names an expression in `context` can use, for "did you mean".
  func expressionCandidates(_ context: ExpressionContext) -> [String] {
    var candidates = symbols.expressionNames.names + ["today", "now", "state"]
    if let event = context.event { candidates = symbols.events[event].declaration.fields.map(\.name.text) + candidates }
    if context.inFlow { candidates.append("engaged") }
    return candidates
  }

  /// Reports an optional value used as if it were always present.
  mutating func unguarded(_ expr: Expr, _ type: ValueType) {
    let name = describe(expr)
    let fallback: String
    switch type.base {
    case .int, .decimal: fallback = "0"
    case .bool: fallback = "false"
    case .string: fallback = "\"\""
    case .date: fallback = "today"
    case .timestamp: fallback = "now"
    case .duration: fallback = "0d"
    case .percent: fallback = "0%"
    default: fallback = "..."
    }
    let help: String
    if case .aggregate = expr {
      help = "give a value for contacts without such events: `\(name) ?? \(fallback)`"
    } else {
      help = "check it first, `exists(\(name)) and ...`, or give a default: `\(name) ?? \(fallback)`"
    }
    error(
      .unguardedOptional, "`\(name)` may be missing, so it cannot be used as if it were always there",
      at: expr.range, help: help)
  }
}
