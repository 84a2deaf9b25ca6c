import CampaignLang
import Checker

extension ContactRun {
  /// Evaluates `expr` now; `row` is the event whose fields `where` reads.
  func evaluate(_ expr: Expr, row: Int = -1) -> Value {
    switch expr {
    case .constant(let value): return value
    // The column knows its type: not binding the expression's saves copying it.
    case .attribute(let index, _): return data.contacts.columns[index].value(at: contact)
    case .eventField(let slot, _):
      guard row >= 0 else { return .missing }
      return data.events.fields[slot].value(at: row)
    case .score(let index): return .real(scoreValue(index))
    case .segment(let index): return .bool(evaluate(compiled.segments[index], row: -1).isTrue)
    case .counter(let index): return .int(counters[index])
    case .currentState: return .state(state)
    case .engaged: return .bool(flowEngaged)
    case .today: return .date(zone.localDay(at: now))
    case .now: return .timestamp(now)
    case .exists(let inner):
      if case .missing = evaluate(inner, row: row) { return .bool(false) }
      return .bool(true)
    case .not(let inner): return .bool(!evaluate(inner, row: row).isTrue)
    case .negate(let inner): return Operators.negate(evaluate(inner, row: row))
    case .binary(.and, let lhs, let rhs):
      return .bool(evaluate(lhs, row: row).isTrue && evaluate(rhs, row: row).isTrue)
    case .binary(.or, let lhs, let rhs):
      return .bool(evaluate(lhs, row: row).isTrue || evaluate(rhs, row: row).isTrue)
    case .binary(.orDefault, let lhs, let rhs):
      let left = evaluate(lhs, row: row)
      if case .missing = left { return evaluate(rhs, row: row) }
      return left
    case .binary(let op, let lhs, let rhs):
      return Operators.apply(op, evaluate(lhs, row: row), evaluate(rhs, row: row))
    case .aggregate(let aggregate): return self.aggregate(aggregate)
    case .membership(let item, let list, let negated):
      let value = evaluate(item, row: row)
      let found = list.contains { Operators.equal(value, evaluate($0, row: row)) == true }
      return .bool(found != negated)
    }
  }

  /// Over the contact's events up to now (those already replayed), within the window.
  func aggregate(_ aggregate: Aggregate) -> Value {
    let since = aggregate.window.map { now - $0 } ?? Int64.min
    var count: Int64 = 0
    var total: Value = aggregate.field.map { Operators.zero(of: $0.type) } ?? .int(0)
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
      guard let slot = aggregate.field?.slot else { continue }
      let value = data.events.fields[slot].value(at: row)
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
