import CampaignLang
import Checker

/// The operators on runtime values, as grammar.md's table of types defines them. The
/// checker has already matched operand types; a missing operand makes a comparison
/// false and arithmetic missing.
enum Operators {
  static func zero(of type: ValueType) -> Value {
    switch type.base {
    case .decimal: .decimal(ExactDecimal(0))
    case .percent: .percent(ExactDecimal(0))
    case .duration: .duration(0)
    default: .int(0)
    }
  }

  static func negate(_ value: Value) -> Value {
    switch value {
    case .int(let number): .int(0 &- number)
    case .decimal(let number): .decimal(ExactDecimal(units: -number.units, scale: number.scale))
    case .percent(let number): .percent(ExactDecimal(units: -number.units, scale: number.scale))
    case .real(let number): .real(-number)
    case .duration(let seconds): .duration(0 &- seconds)
    default: .missing
    }
  }

  /// Equality across the numeric kinds; nil when either side is missing.
  static func equal(_ a: Value, _ b: Value) -> Bool? {
    if case .missing = a { return nil }
    if case .missing = b { return nil }
    if let order = compare(a, b) { return order == 0 }
    return a == b
  }

  /// -1, 0 or 1 for ordered values of matching kinds; nil otherwise.
  static func compare(_ a: Value, _ b: Value) -> Int? {
    switch (a, b) {
    case (.int(let x), .int(let y)), (.date(let x), .date(let y)), (.timestamp(let x), .timestamp(let y)),
      (.duration(let x), .duration(let y)):
      return x < y ? -1 : (x > y ? 1 : 0)
    case (.decimal(let x), .decimal(let y)), (.percent(let x), .percent(let y)):
      return DecimalMath.compare(x, y)
    case (.int(let x), .decimal(let y)): return DecimalMath.compare(ExactDecimal(x), y)
    case (.decimal(let x), .int(let y)): return DecimalMath.compare(x, ExactDecimal(y))
    case (.real, _), (_, .real):
      guard let x = a.real, let y = b.real else { return nil }
      return x < y ? -1 : (x > y ? 1 : 0)
    default: return nil
    }
  }

  static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
    switch op {
    case .equal: return .bool(equal(a, b) == true)
    case .notEqual: return .bool(equal(a, b) == false)
    case .less: return .bool(compare(a, b) == -1)
    case .lessEqual: return .bool(compare(a, b).map { $0 <= 0 } ?? false)
    case .greater: return .bool(compare(a, b) == 1)
    case .greaterEqual: return .bool(compare(a, b).map { $0 >= 0 } ?? false)
    case .add, .subtract, .multiply, .divide: return arithmetic(op, a, b)
    case .and: return .bool(a.isTrue && b.isTrue)
    case .or: return .bool(a.isTrue || b.isTrue)
    case .orDefault:
      if case .missing = a { return b }
      return a
    }
  }

  static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
    let sign: Int64 = op == .subtract ? -1 : 1
    switch (a, b) {
    case (.int(let x), .int(let y)):
      switch op {
      case .add: return .int(x &+ y)
      case .subtract: return .int(x &- y)
      case .multiply: return .int(x &* y)
      default: return decimal(.divide, ExactDecimal(x), ExactDecimal(y))
      }
    case (.decimal(let x), .decimal(let y)): return decimal(op, x, y)
    case (.int(let x), .decimal(let y)): return decimal(op, ExactDecimal(x), y)
    case (.decimal(let x), .int(let y)): return decimal(op, x, ExactDecimal(y))
    case (.percent(let x), .percent(let y)):
      guard case .decimal(let result) = decimal(op, x, y) else { return .missing }
      return .percent(result)
    case (.percent(let p), .int), (.percent(let p), .decimal):
      return arithmetic(.multiply, b, .decimal(ExactDecimal(units: p.units, scale: p.scale + 2)))
    case (.int, .percent(let p)), (.decimal, .percent(let p)):
      return arithmetic(.multiply, a, .decimal(ExactDecimal(units: p.units, scale: p.scale + 2)))
    case (.duration(let x), .duration(let y)): return .duration(x &+ sign &* y)
    case (.duration(let x), .int(let y)): return op == .divide ? .duration(y == 0 ? 0 : x / y) : .duration(x &* y)
    case (.int(let x), .duration(let y)): return .duration(x &* y)
    case (.date(let day), .duration(let seconds)):
      return .date(day + floorDivide(sign &* seconds, 86_400))
    case (.duration(let seconds), .date(let day)): return .date(day + floorDivide(seconds, 86_400))
    case (.timestamp(let x), .duration(let y)): return .timestamp(x &+ sign &* y)
    case (.duration(let x), .timestamp(let y)): return .timestamp(x &+ y)
    case (.date(let x), .date(let y)): return .duration((x - y) &* 86_400)
    case (.timestamp(let x), .timestamp(let y)): return .duration(x &- y)
    case (.real, _), (_, .real):
      guard let x = a.real, let y = b.real else { return .missing }
      return .real(real(op, x, y))
    default: return .missing
    }
  }

  static func decimal(_ op: BinaryOperator, _ x: ExactDecimal, _ y: ExactDecimal) -> Value {
    let exact: ExactDecimal? =
      switch op {
      case .add: DecimalMath.add(x, y)
      case .subtract: DecimalMath.subtract(x, y)
      case .multiply: DecimalMath.multiply(x, y)
      default: DecimalMath.divide(x, y)
      }
    if let exact { return .decimal(exact) }
    if op == .divide && y.units == 0 { return .missing }
    return .real(real(op, x.approximate, y.approximate))
  }

  static func real(_ op: BinaryOperator, _ x: Double, _ y: Double) -> Double {
    switch op {
    case .add: x + y
    case .subtract: x - y
    case .multiply: x * y
    default: x / y
    }
  }
}
