import CampaignLang
import Checker

extension ContactRun {
  /// Evaluates `expr` now; `row` is the event whose fields `where` reads. An expression
  /// of the contact alone is evaluated once per contact (see `Expr.memo`).
  ///
  /// A score compared with a number (`when engagement >= 20`, tried after every event)
  /// goes straight to `compareScore`.
  @inline(__always)
  mutating func evaluate(_ expr: Expr, row: Int = -1) -> Value {
    guard expr.memo >= 0 else {
      let node = compiled.code.nodes[Int(expr.root)]
      if node.kind == .binary && node.c != 0 { return .bool(compareScore(node.c - 1)) }
      return evaluate(node: expr.root, row: row)
    }
    let slot = Int(expr.memo)
    if memoContact[slot] == contact { return memo[slot] }
    let value = evaluate(node: expr.root, row: row)
    memo[slot] = value
    memoContact[slot] = contact
    return value
  }

  mutating func evaluate(node index: Int32, row: Int) -> Value {
    let node = compiled.code.nodes[Int(index)]
    switch node.kind {
    case .constant: return compiled.code.constants[Int(node.a)]
    case .attribute: return data.contacts.columns.value(Int(node.a), at: contact)
    case .eventField:
      guard row >= 0 else { return .missing }
      return data.events.fields.value(Int(node.a), at: row)
    case .score: return .real(scoreValue(Int(node.a)))
    case .segment: return .bool(evaluate(compiled.segments[Int(node.a)], row: -1).isTrue)
    case .counter: return .int(counters[Int(node.a)])
    case .currentState: return .state(state)
    case .engaged: return .bool(flowEngaged)
    case .today: return .date(zone.localDay(at: now))
    case .now: return .timestamp(now)
    case .exists:
      if case .missing = evaluate(node: node.a, row: row) { return .bool(false) }
      return .bool(true)
    case .not: return .bool(!evaluate(node: node.a, row: row).isTrue)
    case .negate: return Operators.negate(evaluate(node: node.a, row: row))
    case .and: return .bool(evaluate(node: node.a, row: row).isTrue && evaluate(node: node.b, row: row).isTrue)
    case .or: return .bool(evaluate(node: node.a, row: row).isTrue || evaluate(node: node.b, row: row).isTrue)
    case .orDefault:
      let left = evaluate(node: node.a, row: row)
      if case .missing = left { return evaluate(node: node.b, row: row) }
      return left
    case .binary:
      if node.c != 0 { return .bool(compareScore(node.c - 1)) }
      return Operators.apply(node.op, evaluate(node: node.a, row: row), evaluate(node: node.b, row: row))
    case .aggregate: return aggregate(compiled.code.aggregates[Int(node.a)])
    case .member, .notMember:
      // Most items are an event's field (`where page in (pricing, checkout)`, at every
      // page view): read in place, not by a second visit.
      let itemNode = compiled.code.nodes[Int(node.a)]
      let value =
        itemNode.kind == .eventField && row >= 0
        ? data.events.fields.value(Int(itemNode.a), at: row) : evaluate(node: node.a, row: row)
      let items = Int(node.b)..<Int(node.b + node.c)
      var found = false
      for item in items {
        // Most lists are of constants (`page in (pricing, checkout)`): read in place, not evaluated.
        let itemNode = compiled.code.nodes[Int(compiled.code.lists[item])]
        let itemValue =
          itemNode.kind == .constant
          ? compiled.code.constants[Int(itemNode.a)] : evaluate(node: compiled.code.lists[item], row: row)
        if ContactRun.equal(value, itemValue) {
          found = true
          break
        }
      }
      return .bool(found == (node.kind == .member))
    }
  }

  /// `Operators.equal(a, b) == true`, with cases and text (pool ids) compared here: those
  /// make most lists, and the general comparison tries the ordered kinds first.
  @inline(__always)
  static func equal(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.enumCase(let x), .enumCase(let y)): x == y
    case (.string(let x), .string(let y)): x == y
    default: Operators.equal(a, b) == true
    }
  }

  /// Comparison `place` of `ExprCode.comparisons`, as `Operators.apply` makes it of a
  /// `.real` and a number: both as float64, ordered by `<` and `>`.
  ///
  /// A score whose bound (`decayedBound`), capped, is below the number is below it, and
  /// one whose floor (`decayedFloor`), capped, is above the number is above it: the order
  /// is known without the decay's `pow`. Most scores are far from their thresholds most
  /// of the time.
  @inline(__always)
  mutating func compareScore(_ place: Int32) -> Bool {
    let comparison = compiled.code.comparisons[Int(place)]
    let (index, number, scoreFirst) = (comparison.score, comparison.number, comparison.scoreFirst)
    let order: Int
    let cap = compiled.scores[index].cap
    if scores[index].readAt != now, let bound = decayedBound(index), max(0, min(bound, cap)) < number {
      order = scoreFirst ? -1 : 1
      assert(order == exactOrder(score: index, number, scoreFirst), "a score bound gave the wrong order")
    } else if scores[index].readAt != now, let floor = decayedFloor(index), max(0, min(floor, cap)) > number {
      order = scoreFirst ? 1 : -1
      assert(order == exactOrder(score: index, number, scoreFirst), "a score floor gave the wrong order")
    } else {
      order = exactOrder(score: index, number, scoreFirst)
    }
    switch comparison.op {
    case .less: return order == -1
    case .lessEqual: return order <= 0
    case .greater: return order == 1
    case .greaterEqual: return order >= 0
    case .equal: return order == 0
    default: return order != 0
    }
  }

  /// The order of score `index` (read exactly) and `number`, the score first or second.
  @inline(__always)
  mutating func exactOrder(score index: Int, _ number: Double, _ scoreFirst: Bool) -> Int {
    let score = scoreValue(index)
    let (x, y) = scoreFirst ? (score, number) : (number, score)
    return x < y ? -1 : (x > y ? 1 : 0)
  }

  /// Over the contact's events up to now (those already replayed), within the window.
  mutating func aggregate(_ aggregate: Aggregate) -> Value {
    let since = aggregate.window.map { now - $0 } ?? Int64.min
    var count: Int64 = 0
    var total = aggregate.zero
    var lowest: Value = .missing
    var highest: Value = .missing
    var position = cursor - 1
    while position >= firstEvent {
      let row = position
      position -= 1
      let time = data.events.time[row]
      if time <= since { break }
      guard data.events.type[row] == aggregate.event else { continue }
      if let condition = aggregate.condition, !evaluate(condition, row: row).isTrue { continue }
      count += 1
      guard aggregate.slot >= 0 else { continue }
      let value = data.events.fields.value(aggregate.slot, at: row)
      if case .missing = value { continue }
      total = Operators.apply(.add, total, value)
      if case .missing = lowest { lowest = value } else if Operators.compare(value, lowest) == -1 { lowest = value }
      if case .missing = highest { highest = value } else if Operators.compare(value, highest) == 1 { highest = value }
    }
    switch aggregate.kind {
    case .count: return .int(count)
    case .sum: return total
    case .min: return lowest
    case .max: return highest
    case .avg:
      guard count > 0 else { return .missing }
      return Operators.apply(.divide, total, .int(count))
    }
  }
}
