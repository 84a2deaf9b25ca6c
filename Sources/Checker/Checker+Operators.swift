import CampaignLang
import Foundation

extension Checker {
  /// Whether values of the two types can be compared or combined as equals.
  func compatible(_ a: ValueType, _ b: ValueType) -> Bool {
    a == b || (a.isNumeric && b.isNumeric)
  }

  /// Attributes that `expr` proves present when it is true (`exists(x) and ...`), or,
  /// with `whenFalse`, when it is false (`not exists(x) or ...`).
  func provenPresent(_ expr: Expr, whenFalse: Bool = false) -> Set<Int> {
    switch expr {
    case .parenthesized(let inner, _):
      return provenPresent(inner, whenFalse: whenFalse)
    case .call(let name, let arguments, _) where name.text == "exists" && !whenFalse:
      if arguments.count == 1, case .name(let argument) = arguments[0],
        case (.attribute(let index), _)? = symbols.expressionNames[argument.text]
      {
        return [index]
      }
      return []
    case .unary(.not, let inner, _):
      return provenPresent(inner, whenFalse: !whenFalse)
    case .binary(.and, let lhs, let rhs, _) where !whenFalse:
      return provenPresent(lhs).union(provenPresent(rhs))
    case .binary(.or, let lhs, let rhs, _) where whenFalse:
      return provenPresent(lhs, whenFalse: true).union(provenPresent(rhs, whenFalse: true))
    default:
      return []
    }
  }

  /// A bare name that resolves only with help from the other operand (an enum case or a state).
  func needsHint(_ expr: Expr, _ context: ExpressionContext) -> Bool {
    guard case .name(let name) = expr else { return false }
    if let event = context.event, symbols.eventFieldIndex[event].position(of: name.text) != nil { return false }
    switch name.text {
    case "today", "now", "state", "engaged": return false
    // A segment (or other name) spelled like an enum value or a state also waits for the
    // other side, so `gold == tier` finds the clash as `tier == gold` does.
    default: return symbols.expressionNames[name.text] == nil || symbols.valueNames.position(of: name.text) != nil
    }
  }

  mutating func checkBinary(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ operatorRange: SourceRange,
    _ context: inout ExpressionContext
  ) -> Typed {
    if op == .and || op == .or {
      let left = check(lhs, &context)
      var inner = context
      inner.guarded.formUnion(provenPresent(lhs, whenFalse: op == .or))
      let right = check(rhs, &inner)
      if left.type.isBool && right.type.isBool {
        return Typed(expr: .binary(op, left.expr, right.expr, operand: .bool), type: .bool)
      }
      for (side, typed) in [(lhs, left), (rhs, right)] where !typed.type.isBool && !typed.type.isError {
        if typed.type.isOptional {
          unguarded(side, typed.type)
        } else {
          mismatch(
            "`\(op.rawValue)` joins conditions, but `\(describe(side))` is \(typed.type)", side.range,
            help: "compare it with something, like `\(describe(side)) >= 1`")
        }
        return .error
      }
      if left.type.isError || right.type.isError { return .error }
      return Typed(expr: .binary(op, left.expr, right.expr, operand: .bool), type: .bool)
    }
    // Enum cases and states resolve from the other side: `intent == high`.
    let left: Typed
    let right: Typed
    if needsHint(lhs, context) && !needsHint(rhs, context) {
      right = check(rhs, &context)
      left = check(lhs, &context, hint: right.type)
    } else {
      left = check(lhs, &context)
      right = check(rhs, &context, hint: left.type)
    }
    if left.type.isError || right.type.isError { return .error }
    if op == .orDefault {
      let base = left.type.base
      guard compatible(base, right.type.base) else {
        mismatch("the default after `??` must be \(base), but it is \(right.type)", rhs.range)
        return .error
      }
      let type: ValueType = base == .decimal || right.type.base == .decimal ? .decimal : base
      return Typed(expr: .binary(.orDefault, left.expr, right.expr, operand: type), type: type)
    }
    if left.type.isOptional {
      unguarded(lhs, left.type)
      return .error
    }
    if right.type.isOptional {
      unguarded(rhs, right.type)
      return .error
    }
    if op.isComparison {
      return checkComparison(op, lhs, rhs, left, right, operatorRange)
    }
    return checkArithmetic(op, lhs, rhs, left, right, operatorRange)
  }

  mutating func checkComparison(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ left: Typed, _ right: Typed,
    _ operatorRange: SourceRange
  ) -> Typed {
    let a = left.type
    let b = right.type
    guard compatible(a, b) else {
      reportIncompatible(op, lhs, rhs, a, b, operatorRange)
      return .error
    }
    if op != .equal && op != .notEqual {
      guard a.isOrdered else {
        mismatch(
          "`\(op.rawValue)` cannot order \(a)", operatorRange,
          help:
            "only numbers, dates, timestamps, durations and percentages can be compared with `\(op.rawValue)`; use `==` or `!=`"
        )
        return .error
      }
    }
    let operand: ValueType = a.isDecimal || b.isDecimal ? .decimal : a
    return Typed(expr: .binary(op, left.expr, right.expr, operand: operand), type: .bool)
  }

  /// The specific message for two types that do not go together.
  mutating func reportIncompatible(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ a: ValueType, _ b: ValueType,
    _ operatorRange: SourceRange
  ) {
    let pair = Set([a, b])
    if pair.contains(.duration), let number = [(lhs, a), (rhs, b)].first(where: { $0.1.isNumeric }) {
      let written = literalText(number.0)
      error(
        .numberNeedsUnit, "`\(written)` needs a unit of time to be compared with a duration",
        at: number.0.range, help: "write `\(written)d` for days, `\(written)h` for hours or `\(written)w` for weeks")
      return
    }
    if pair.contains(.duration) && (pair.contains(.date) || pair.contains(.timestamp)) {
      let moment = a == .duration ? b : a
      let thing = a == .duration ? describe(rhs) : describe(lhs)
      let clock = moment == .date ? "today" : "now"
      error(
        .mixedUnits, "\(moment) cannot be compared with a duration", at: operatorRange,
        help: "to ask whether `\(thing)` is more than 30 days ago, write `\(thing) < \(clock) - 30d`")
      return
    }
    if pair == [.date, .timestamp] {
      error(
        .mixedUnits, "a date cannot be compared with a timestamp", at: operatorRange,
        help: "compare dates with dates (`today`) and timestamps with timestamps (`now`)")
      return
    }
    if pair.contains(.percent) && (a.isNumeric || b.isNumeric) {
      error(
        .mixedUnits, "a percentage cannot be compared with a plain number", at: operatorRange,
        help: "write both as percentages, like `10%`")
      return
    }
    if case .enumeration = a, b == .string, case .literal(.string(let text), _) = rhs {
      mismatch(
        "`\(describe(lhs))` is \(a), not text", rhs.range, help: "write the value without quotes: `\(text)`")
      return
    }
    if let quoted = quotedComparison(op, lhs, rhs, a, b) {
      mismatch(quoted.message, quoted.at, help: quoted.help)
      return
    }
    if a.isNumeric && b == .string, case .literal(.string(let text), _) = rhs {
      let unquoted = text.filter { $0 != " " }
      let isNumber = !unquoted.isEmpty && unquoted.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
      mismatch(
        "\(a) cannot be compared with \(b)", operatorRange,
        help: isNumber
          ? "write the number without quotes: `\(describe(lhs)) \(op.rawValue) \(unquoted)`"
          : "`\(describe(lhs))` is a number: compare it with a number, like `\(describe(lhs)) \(op.rawValue) 500`")
      return
    }
    mismatch("\(a) cannot be compared with \(b)", operatorRange)
  }

  /// `opted_in == "yes"`, `state == "Active"` (either way round): a yes/no value or a
  /// state compared with text in quotes. The message is at the text, and the help shows
  /// the comparison to write.
  func quotedComparison(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ a: ValueType, _ b: ValueType
  ) -> (message: String, at: SourceRange, help: String)? {
    let (value, valueType, quoted) = b == .string ? (lhs, a, rhs) : (rhs, b, lhs)
    guard case .literal(.string(let text), let textRange) = quoted else { return nil }
    let name = describe(value)
    switch valueType {
    case .bool:
      let word = text.trimmingCharacters(in: .whitespaces).lowercased()
      let yes = ["yes", "y", "true", "1", "on", "ya"].contains(word)
      let no = ["no", "n", "false", "0", "off", "tidak"].contains(word)
      let help: String
      if yes || no {
        // `x == "yes"` and `x != "no"` both mean `x`.
        let holds = yes == (op == .equal)
        help = "write `\(name) == \(holds)`, or just `\(holds ? name : "not \(name)")`"
      } else {
        help = "compare it with `true` or `false`, like `\(name) == true`"
      }
      return ("`\(name)` is true or false, not text", textRange, help)
    case .state:
      let declared = symbols.states.names
      let state = declared.first { $0 == text } ?? declared.first { $0.lowercased() == text.lowercased() }
      let shown =
        state ?? (text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !text.isEmpty ? text : "Active")
      return (
        name == "state" ? "`state` holds a state's name, not text" : "`\(name)` is a state, not text", textRange,
        "write the state's name without quotes: `\(name) \(op.rawValue) \(shown)`"
      )
    default:
      return nil
    }
  }

  func literalText(_ expr: Expr) -> String {
    switch expr {
    case .literal(.int(let value), _): String(value)
    case .literal(.decimal(let value), _): value.description
    default: describe(expr)
    }
  }

  mutating func checkArithmetic(
    _ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ left: Typed, _ right: Typed,
    _ operatorRange: SourceRange
  ) -> Typed {
    let a = left.type
    let b = right.type
    let result: ValueType?
    switch op {
    case .add, .subtract:
      switch (a, b) {
      case _ where a.isNumeric && b.isNumeric: result = a == .int && b == .int ? .int : .decimal
      case (.duration, .duration): result = .duration
      case (.date, .duration), (.timestamp, .duration): result = a
      case (.duration, .date), (.duration, .timestamp): result = op == .add ? b : nil
      case (.date, .date), (.timestamp, .timestamp): result = op == .subtract ? .duration : nil
      case (.percent, .percent): result = .percent
      default: result = nil
      }
    default:
      switch (a, b) {
      case _ where a.isNumeric && b.isNumeric:
        result = op == .multiply && a == .int && b == .int ? .int : .decimal
      case (.percent, _) where b.isNumeric && op == .multiply: result = .decimal
      case (_, .percent) where a.isNumeric: result = .decimal
      case (.duration, .int): result = .duration
      case (.int, .duration) where op == .multiply: result = .duration
      default: result = nil
      }
    }
    guard let result else {
      let pair = Set([a, b])
      let moment = pair.contains(.date) || pair.contains(.timestamp)
      if moment && (a.isNumeric || b.isNumeric), let number = [(lhs, a), (rhs, b)].first(where: { $0.1.isNumeric }) {
        let written = literalText(number.0)
        error(
          .numberNeedsUnit, "`\(written)` needs a unit of time to be added to or taken from a date or timestamp",
          at: number.0.range, help: "write `\(written)d` for days, `\(written)h` for hours or `\(written)w` for weeks")
      } else if pair.contains(.duration) && (a.isNumeric || b.isNumeric) {
        reportIncompatible(op, lhs, rhs, a, b, operatorRange)
      } else if pair.contains(.string) {
        mismatch(
          "text cannot be used in arithmetic", operatorRange,
          help: "`\(op.rawValue)` works on numbers, durations and dates")
      } else {
        mismatch("`\(op.rawValue)` cannot combine \(a) and \(b)", operatorRange)
      }
      return .error
    }
    return Typed(expr: .binary(op, left.expr, right.expr, operand: result), type: result)
  }

  // MARK: - Calls and aggregates

  mutating func checkCall(
    _ name: Name, _ arguments: [Expr], _ range: SourceRange, _ context: inout ExpressionContext
  ) -> Typed {
    guard name.text == "exists" else {
      error(
        .unknownName, "there is no function called `\(name.text)`", at: name.range,
        help: suggestion(name.text, ["exists"] + AggregateKind.allCases.map(\.rawValue))
          ?? "the functions are `exists`, `count`, `sum`, `min`, `max` and `avg`")
      return .error
    }
    guard arguments.count == 1 else {
      error(.badArguments, "`exists` takes one value", at: range, help: "write `exists(last_login)`")
      return .error
    }
    let typed = check(arguments[0], &context)
    if typed.type.isError { return .error }
    guard typed.type.isOptional else {
      error(
        .badArguments, "`\(describe(arguments[0]))` is never missing, so `exists` is always true",
        at: arguments[0].range,
        help: "only attributes declared with `?` (such as `last_login timestamp?`) can be missing")
      return .error
    }
    return Typed(expr: .exists(typed.expr), type: .bool)
  }

  mutating func checkAggregate(_ aggregate: Aggregate, _ context: inout ExpressionContext) -> Typed {
    guard let event = lookupEvent(aggregate.event) else { return .error }
    var field: Int? = nil
    var fieldType: ValueType? = nil
    if let fieldName = aggregate.field {
      guard let index = lookupField(fieldName, of: event) else { return .error }
      field = index
      fieldType = symbols.eventFieldTypes[event][index]
    }
    let kind = aggregate.kind
    if kind == .count && field != nil {
      error(
        .badArguments, "`count` counts events, not a field", at: aggregate.field!.range,
        help:
          "write `count(\(aggregate.event.text))`, or `sum(\(aggregate.event.text).\(aggregate.field!.text))` to add the field up"
      )
      return .error
    }
    if kind != .count && field == nil {
      error(
        .badArguments,
        "`\(kind.rawValue)` needs a field to "
          + (kind == .sum
            ? "add up" : kind == .avg ? "average" : "take the \(kind == .min ? "smallest" : "largest") value of"),
        at: aggregate.event.range,
        help: "name a number field, like `\(kind.rawValue)(purchase.amount within 90d)`")
      return .error
    }
    var resultType: ValueType = .int
    if let fieldType {
      if fieldType.isError { return .error }
      let base = fieldType.base
      let allowed: Bool =
        switch kind {
        case .sum, .avg: base.isNumeric
        default: base.isNumeric || base == .date || base == .timestamp
        }
      guard allowed else {
        error(
          .badArguments,
          "`\(kind.rawValue)` needs a number field, but `\(aggregate.event.text).\(aggregate.field!.text)` is \(base)",
          at: aggregate.field!.range)
        return .error
      }
      switch kind {
      case .sum: resultType = base
      case .avg: resultType = .optional(.decimal)
      default: resultType = .optional(base)
      }
    }
    var condition: CheckedExpr? = nil
    if let whereClause = aggregate.condition {
      var inner = ExpressionContext(
        purpose: .whereOf(aggregate.event.text, in: nil), targeting: context.targeting, event: event,
        inFlow: context.inFlow)
      condition = checkCondition(whereClause, &inner)
    }
    var window: Int64? = nil
    if let duration = aggregate.window {
      if duration.value.amount <= 0 { nonPositive(duration.value, duration.range) }
      window = duration.value.seconds
    }
    return Typed(
      expr: .aggregate(CheckedAggregate(kind: kind, event: event, field: field, condition: condition, window: window)),
      type: resultType)
  }

  // MARK: - Look-ups with "did you mean"

  mutating func lookupEvent(_ name: Name) -> Int? {
    if let index = symbols.events.lookup(name.text) { return index }
    error(
      .unknownEvent, "there is no event called `\(name.text)`", at: name.range,
      help: suggestion(name.text, symbols.events.names) ?? "declare it, like `event \(name.text) { ... }`")
    return nil
  }

  mutating func lookupField(_ name: Name, of event: Int) -> Int? {
    if let index = symbols.eventFieldIndex[event].position(of: name.text) { return index }
    let fields = symbols.events[event].declaration.fields.map(\.name.text)
    error(
      .unknownField, "event `\(symbols.events[event].name)` has no field `\(name.text)`", at: name.range,
      help: suggestion(name.text, fields)
        ?? (fields.isEmpty ? "it has no fields" : "its fields are " + fields.map { "`\($0)`" }.joined(separator: ", ")))
    return nil
  }

  mutating func lookupState(_ name: Name) -> Int? {
    if let index = symbols.states.lookup(name.text) { return index }
    error(
      .unknownState, "there is no state called `\(name.text)`", at: name.range,
      help: suggestion(name.text, symbols.states.names) ?? "declare it in the states block, like `state \(name.text)`")
    return nil
  }

  mutating func lookupChannel(_ name: Name) -> Int? {
    if let index = symbols.channels.lookup(name.text) { return index }
    error(
      .unknownChannel, "there is no channel called `\(name.text)`", at: name.range,
      help: suggestion(name.text, symbols.channels.names)
        ?? "the channels are " + symbols.channels.names.map { "`\($0)`" }.joined(separator: ", ")
        + "; declare others with `channel \(name.text)`")
    return nil
  }
}
