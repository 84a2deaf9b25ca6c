import CampaignLang
import Checker

/// A condition in disjunctive normal form over simple facts, to tell whether a
/// condition can ever hold and whether two can hold together. The reasoning is
/// deliberately small: comparisons of one expression with constants (numbers,
/// durations, dates), equality and `in` with enum values, states and strings, and
/// anything else as an opaque fact that is only known to contradict its own negation.
/// Segments are read through. When the form grows too large the answer is "unknown".
enum Fact: Hashable {
  /// `key op value`, with the value as a number (dates and timestamps as seconds).
  case bound(key: CheckedExpr, op: BinaryOperator, value: Double, isInteger: Bool)
  /// `key == value` (or `!=` when negated) for values without an order.
  case equals(key: CheckedExpr, value: ConstantValue, negated: Bool)
  /// `key in (values)` (or `not in`).
  case member(key: CheckedExpr, values: Set<ConstantValue>, negated: Bool)
  case opaque(CheckedExpr, negated: Bool)
}

struct ConditionFacts {
  let program: CheckedCampaign
  /// The most conjunctions a normal form may have before the analysis gives up.
  static let maxTerms = 512

  /// `expr` (negated when `negated`) as a disjunction of conjunctions; nil when too large.
  func normalForm(_ expr: CheckedExpr, negated: Bool = false, depth: Int = 0) -> [[Fact]]? {
    guard depth < 32 else { return nil }
    switch expr {
    case .not(let inner): return normalForm(inner, negated: !negated, depth: depth + 1)
    case .segment(let index): return normalForm(program.segments[index].condition, negated: negated, depth: depth + 1)
    case .constant(.bool(let value)): return value != negated ? [[]] : []
    case .binary(.and, let lhs, let rhs, _), .binary(.or, let lhs, let rhs, _):
      guard case .binary(let op, _, _, _) = expr,
        let left = normalForm(lhs, negated: negated, depth: depth + 1),
        let right = normalForm(rhs, negated: negated, depth: depth + 1)
      else { return nil }
      // De Morgan: a negated `and` is an `or` of the negated parts, and the reverse.
      if (op == .and) != negated { return Self.conjunction(left, right) }
      guard left.count + right.count <= Self.maxTerms else { return nil }
      return left + right
    case .binary(let op, let key, .constant(.bool(let value)), _) where op == .equal || op == .notEqual,
      .binary(let op, .constant(.bool(let value)), let key, _) where op == .equal || op == .notEqual:
      // `opt == false`, `opt != true` and `not opt` are one fact about `opt`.
      return normalForm(key, negated: (negated != (op == .notEqual)) == value, depth: depth + 1)
    case .binary(let op, let lhs, let rhs, let operand) where op.isComparison:
      if let fact = comparison(op, lhs, rhs, operand: operand, negated: negated) { return [[fact]] }
      return [[.opaque(expr, negated: negated)]]
    case .membership(let key, let list, let isNegated):
      var values: Set<ConstantValue> = []
      for item in list {
        guard case .constant(let value) = item else { return [[.opaque(expr, negated: negated)]] }
        values.insert(value)
      }
      return [[.member(key: key, values: values, negated: isNegated != negated)]]
    default:
      return [[.opaque(expr, negated: negated)]]
    }
  }

  private func comparison(
    _ op: BinaryOperator, _ lhs: CheckedExpr, _ rhs: CheckedExpr, operand: ValueType, negated: Bool
  ) -> Fact? {
    var op = op
    var key = lhs
    let constant: ConstantValue
    if case .constant(let value) = rhs {
      constant = value
    } else if case .constant(let value) = lhs {
      constant = value
      key = rhs
      op = Self.flipped(op)
    } else {
      return nil
    }
    if negated { op = Self.negation(op) }
    if let number = Self.number(constant) {
      var isInteger = false
      if case .int = operand.base { isInteger = true }
      return .bound(key: key, op: op, value: number, isInteger: isInteger)
    }
    guard op == .equal || op == .notEqual else { return nil }
    return .equals(key: key, value: constant, negated: op == .notEqual)
  }

  static func number(_ value: ConstantValue) -> Double? {
    switch value {
    case .int(let int): Double(int)
    case .decimal(let decimal), .percent(let decimal): decimal.approximate
    case .duration(let duration): Double(duration.seconds)
    case .date(let date): Double(date.daysSinceEpoch) * 86_400
    case .timestamp(let t): Double(t.date.daysSinceEpoch * 86_400 + Int64(t.secondOfDay - (t.utcOffset ?? 0)))
    default: nil
    }
  }

  static func flipped(_ op: BinaryOperator) -> BinaryOperator {
    switch op {
    case .less: .greater
    case .lessEqual: .greaterEqual
    case .greater: .less
    case .greaterEqual: .lessEqual
    default: op
    }
  }

  static func negation(_ op: BinaryOperator) -> BinaryOperator {
    switch op {
    case .less: .greaterEqual
    case .lessEqual: .greater
    case .greater: .lessEqual
    case .greaterEqual: .less
    case .equal: .notEqual
    case .notEqual: .equal
    default: op
    }
  }

  /// Both normal forms at once (`a and b`); nil when unknown or too large.
  static func conjunction(_ left: [[Fact]]?, _ right: [[Fact]]?) -> [[Fact]]? {
    guard let left, let right, left.count * right.count <= maxTerms else { return nil }
    return left.flatMap { l in right.map { r in l + r } }
  }

  /// Whether a normal form can hold: some conjunction has no contradiction. Nil: unknown.
  static func satisfiable(_ form: [[Fact]]?) -> Bool? {
    guard let form else { return nil }
    return form.contains { consistent($0) }
  }

  /// Whether a conjunction of facts has no contradiction this analysis can see.
  static func consistent(_ facts: [Fact]) -> Bool {
    var opaque: [CheckedExpr: Bool] = [:]
    var ranges: [CheckedExpr: NumberRange] = [:]
    var allowed: [CheckedExpr: Set<ConstantValue>] = [:]
    var excluded: [CheckedExpr: Set<ConstantValue>] = [:]
    for fact in facts {
      switch fact {
      case .opaque(let expr, let negated):
        if let other = opaque[expr], other != negated { return false }
        opaque[expr] = negated
      case .bound(let key, let op, let value, let isInteger):
        var range = ranges[key] ?? NumberRange()
        range.add(op, value, isInteger: isInteger)
        guard range.isPossible else { return false }
        ranges[key] = range
      case .equals(let key, let value, let negated):
        if negated {
          excluded[key, default: []].insert(value)
        } else {
          allowed[key] = (allowed[key] ?? [value]).intersection([value])
        }
      case .member(let key, let values, let negated):
        if negated {
          excluded[key, default: []].formUnion(values)
        } else {
          allowed[key] = (allowed[key] ?? values).intersection(values)
        }
      }
    }
    for (key, values) in allowed where values.subtracting(excluded[key] ?? []).isEmpty { return false }
    return true
  }
}

/// The numbers a conjunction of bounds allows, with the values it excludes.
struct NumberRange {
  var low = -Double.infinity
  var lowStrict = false
  var high = Double.infinity
  var highStrict = false
  var excluded: Set<Double> = []

  mutating func add(_ op: BinaryOperator, _ value: Double, isInteger: Bool) {
    switch op {
    case .greater where isInteger: raise(value.rounded(.down) + 1, strict: false)
    case .greater: raise(value, strict: true)
    case .greaterEqual: raise(isInteger ? value.rounded(.up) : value, strict: false)
    case .less where isInteger: lower(value.rounded(.up) - 1, strict: false)
    case .less: lower(value, strict: true)
    case .lessEqual: lower(isInteger ? value.rounded(.down) : value, strict: false)
    case .equal:
      raise(value, strict: false)
      lower(value, strict: false)
    case .notEqual: excluded.insert(value)
    default: break
    }
  }

  private mutating func raise(_ value: Double, strict: Bool) {
    if value > low || (value == low && strict) {
      low = value
      lowStrict = strict
    }
  }

  private mutating func lower(_ value: Double, strict: Bool) {
    if value < high || (value == high && strict) {
      high = value
      highStrict = strict
    }
  }

  var isPossible: Bool {
    if low > high { return false }
    if low == high { return !lowStrict && !highStrict && !excluded.contains(low) }
    return true
  }
}
