import CampaignLang
import Checker

/// A condition in disjunctive normal form over simple facts, to tell whether a
/// condition can ever hold and whether two can hold together. The reasoning is
/// deliberately small: comparisons of one expression with constants (numbers,
/// durations, dates), equality and `in` with enum values, states and strings, and
/// anything else as an opaque fact that is only known to contradict its own negation.
/// Segments are read through. When the form grows too large the answer is "unknown".
///
/// What a fact is about (an attribute, an aggregate, a whole comparison for an opaque
/// fact) is a key: a number given to each distinct expression once, by `ConditionFacts`.
/// Comparing facts then compares numbers, not expression trees (hashing those trees
/// for every pair of personas was most of the lint pass on a large campaign).
enum Fact: Hashable {
  /// `key op value`, with the value as a number (dates and timestamps as seconds).
  case bound(key: Int, op: BinaryOperator, value: Double, isInteger: Bool)
  /// `key == value` (or `!=` when negated) for values without an order.
  case equals(key: Int, value: ConstantValue, negated: Bool)
  /// `key in (values)` (or `not in`).
  case member(key: Int, values: Set<ConstantValue>, negated: Bool)
  case opaque(Int, negated: Bool)
}

struct ConditionFacts {
  let program: CheckedCampaign
  /// The most conjunctions a normal form may have before the analysis gives up.
  static let maxTerms = 512
  /// The key of each expression a fact is about (see `Fact`), found by the expression's
  /// fingerprint (`LintContext.fingerprint`, cheaper than hashing the tree) and checked
  /// whole; expressions whose fingerprints collide are keyed by the tree itself.
  private var keysByFingerprint: [UInt64: Int] = [:]
  private var keyed: [CheckedExpr] = []
  private var collisions: [CheckedExpr: Int] = [:]

  init(program: CheckedCampaign) { self.program = program }

  private mutating func key(_ expr: CheckedExpr) -> Int {
    let fingerprint = LintContext.fingerprint(expr)
    guard let key = keysByFingerprint[fingerprint] else {
      keysByFingerprint[fingerprint] = keyed.count
      keyed.append(expr)
      return keyed.count - 1
    }
    if keyed[key] == expr { return key }
    if let key = collisions[expr] { return key }
    collisions[expr] = keyed.count
    keyed.append(expr)
    return keyed.count - 1
  }

  /// `expr` (negated when `negated`) as a disjunction of conjunctions; nil when too large.
  mutating func normalForm(_ expr: CheckedExpr, negated: Bool = false, depth: Int = 0) -> [[Fact]]? {
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
      return [[.opaque(key(expr), negated: negated)]]
    case .membership(let member, let list, let isNegated):
      var values: Set<ConstantValue> = []
      for item in list {
        guard case .constant(let value) = item else { return [[.opaque(key(expr), negated: negated)]] }
        values.insert(value)
      }
      return [[.member(key: key(member), values: values, negated: isNegated != negated)]]
    default:
      return [[.opaque(key(expr), negated: negated)]]
    }
  }

  private mutating func comparison(
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
      return .bound(key: self.key(key), op: op, value: number, isInteger: isInteger)
    }
    guard op == .equal || op == .notEqual else { return nil }
    return .equals(key: self.key(key), value: constant, negated: op == .notEqual)
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
    return form.contains { Summary($0).isConsistent }
  }

  /// Whether two normal forms, each summed up once, can hold together (`a and b`): some
  /// pair of their conjunctions has no contradiction. Nil: unknown (too large, as for
  /// `conjunction`).
  static func satisfiableTogether(_ left: [Summary]?, _ right: [Summary]?) -> Bool? {
    guard let left, let right, left.count * right.count <= maxTerms else { return nil }
    return left.contains { l in right.contains { r in l.isConsistent(with: r) } }
  }
}

/// One conjunction of facts summed up by key, sorted by key: the range each number
/// may take, the values each key may or may not be, and which way each opaque fact
/// goes. A conjunction is consistent when no key's facts contradict each other; two
/// are consistent together when, besides, no key's facts contradict across them, which
/// a walk along both sorted lists finds without building their union.
struct Summary {
  private(set) var isConsistent = true
  private var ranges: [(key: Int, range: NumberRange)] = []
  private var opaque: [(key: Int, negated: Bool)] = []
  /// Per key, the values it may be (nil: any) and those it may not.
  private var values: [(key: Int, allowed: Set<ConstantValue>?, excluded: Set<ConstantValue>)] = []

  init(_ facts: [Fact]) {
    for fact in facts {
      switch fact {
      case .opaque(let key, let negated):
        if let at = opaque.firstIndex(where: { $0.key == key }) {
          if opaque[at].negated != negated { isConsistent = false }
        } else {
          opaque.append((key, negated))
        }
      case .bound(let key, let op, let value, let isInteger):
        if let at = ranges.firstIndex(where: { $0.key == key }) {
          ranges[at].range.add(op, value, isInteger: isInteger)
        } else {
          var range = NumberRange()
          range.add(op, value, isInteger: isInteger)
          ranges.append((key, range))
        }
      case .equals(let key, let value, let negated):
        restrict(key, to: negated ? nil : [value], excluding: negated ? [value] : [])
      case .member(let key, let set, let negated):
        restrict(key, to: negated ? nil : set, excluding: negated ? set : [])
      }
    }
    ranges.sort { $0.key < $1.key }
    opaque.sort { $0.key < $1.key }
    values.sort { $0.key < $1.key }
    // A range, once impossible, stays so as facts are added: checking the end is enough.
    if ranges.contains(where: { !$0.range.isPossible }) { isConsistent = false }
    if values.contains(where: { Self.isEmpty($0.allowed, $0.excluded) }) { isConsistent = false }
  }

  private mutating func restrict(_ key: Int, to allowed: Set<ConstantValue>?, excluding excluded: Set<ConstantValue>) {
    guard let at = values.firstIndex(where: { $0.key == key }) else {
      values.append((key, allowed, excluded))
      return
    }
    if let allowed { values[at].allowed = values[at].allowed.map { $0.intersection(allowed) } ?? allowed }
    values[at].excluded.formUnion(excluded)
  }

  private static func isEmpty(_ allowed: Set<ConstantValue>?, _ excluded: Set<ConstantValue>) -> Bool {
    guard let allowed else { return false }
    return allowed.subtracting(excluded).isEmpty
  }

  /// Whether this conjunction and `other` can hold together.
  func isConsistent(with other: Summary) -> Bool {
    guard isConsistent && other.isConsistent else { return false }
    var contradicts = false
    Self.walk(
      ranges, other.ranges, key: { $0.key },
      each: { a, b in
        var range = a.range
        range.meet(b.range)
        if !range.isPossible { contradicts = true }
      })
    if contradicts { return false }
    Self.walk(opaque, other.opaque, key: { $0.key }, each: { a, b in if a.negated != b.negated { contradicts = true } })
    if contradicts { return false }
    Self.walk(
      values, other.values, key: { $0.key },
      each: { a, b in
        let allowed: Set<ConstantValue>? =
          switch (a.allowed, b.allowed) {
          case (let x?, let y?): x.intersection(y)
          case (let x?, nil): x
          case (nil, let y): y
          }
        if Self.isEmpty(allowed, a.excluded.union(b.excluded)) { contradicts = true }
      })
    return !contradicts
  }

  /// Calls `body` for each key both sorted lists have.
  private static func walk<T>(_ left: [T], _ right: [T], key: (T) -> Int, each body: (T, T) -> Void) {
    var i = 0
    var j = 0
    while i < left.count && j < right.count {
      let a = key(left[i])
      let b = key(right[j])
      if a < b {
        i += 1
      } else if b < a {
        j += 1
      } else {
        body(left[i], right[j])
        i += 1
        j += 1
      }
    }
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

  /// Both ranges at once: what `add` would give for the facts of both.
  mutating func meet(_ other: NumberRange) {
    raise(other.low, strict: other.lowStrict)
    lower(other.high, strict: other.highStrict)
    excluded.formUnion(other.excluded)
  }

  var isPossible: Bool {
    if low > high { return false }
    if low == high { return !lowStrict && !highStrict && !excluded.contains(low) }
    return true
  }
}
