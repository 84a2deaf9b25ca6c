import CampaignLang
import Checker

/// A checked expression made ready to run: constants are runtime values (text already
/// in the pool) and event fields are columns, so evaluating needs no name look-up and
/// no string comparison.
indirect enum Expr: Sendable {
  case constant(Value)
  case attribute(Int, ValueType)
  /// A field of the event being matched: its column and type.
  case eventField(slot: Int, ValueType)
  case score(Int)
  case segment(Int)
  case counter(Int)
  case currentState
  case engaged
  case today
  case now
  case exists(Expr)
  case not(Expr)
  case negate(Expr)
  case binary(BinaryOperator, Expr, Expr)
  case aggregate(Aggregate)
  case membership(Expr, [Expr], negated: Bool)
}

/// `count(event where ... within 30d)`, ready to run.
struct Aggregate: Sendable {
  var kind: AggregateKind
  var event: Int32
  /// The summed field's column and type.
  var field: (slot: Int, type: ValueType)?
  var condition: Expr?
  var window: Int64?
}

/// Turns checked expressions into `Expr`, interning their text into the data's pool.
struct ExprCompiler {
  let program: CheckedCampaign
  let slots: FieldSlots
  let zone: ZoneRules
  var pool: StringPool

  /// `event`: the event type whose fields `where` conditions read.
  mutating func compile(_ expr: CheckedExpr, event: Int? = nil) -> Expr {
    switch expr {
    case .constant(let constant): return .constant(value(constant))
    case .attribute(let index): return .attribute(index, program.attributes[index].type)
    case .eventField(let field):
      guard let event else { return .constant(.missing) }
      return .eventField(slot: slots.slot[event][field], program.events[event].fields[field].type)
    case .score(let index): return .score(index)
    case .segment(let index): return .segment(index)
    case .counter(let index): return .counter(index)
    case .currentState: return .currentState
    case .engaged: return .engaged
    case .today: return .today
    case .now: return .now
    case .exists(let inner): return .exists(compile(inner, event: event))
    case .not(let inner): return .not(compile(inner, event: event))
    case .negate(let inner): return .negate(compile(inner, event: event))
    case .binary(let op, let lhs, let rhs, _):
      return .binary(op, compile(lhs, event: event), compile(rhs, event: event))
    case .aggregate(let aggregate):
      let field = aggregate.field.map { field in
        (slots.slot[aggregate.event][field], program.events[aggregate.event].fields[field].type.base)
      }
      return .aggregate(
        Aggregate(
          kind: aggregate.kind, event: Int32(aggregate.event), field: field,
          condition: aggregate.condition.map { compile($0, event: aggregate.event) }, window: aggregate.window))
    case .membership(let item, let list, let negated):
      return .membership(
        compile(item, event: event), list.map { compile($0, event: event) }, negated: negated)
    }
  }

  mutating func value(_ constant: ConstantValue) -> Value {
    switch constant {
    case .int(let number): return .int(number)
    case .decimal(let number): return .decimal(number)
    case .percent(let number): return .percent(number)
    case .bool(let flag): return .bool(flag)
    case .string(let text): return .string(pool.intern(text))
    case .date(let date): return .date(date.daysSinceEpoch)
    case .timestamp(let stamp):
      let local = stamp.date.daysSinceEpoch * 86_400 + Int64(stamp.secondOfDay)
      if let offset = stamp.utcOffset { return .timestamp(local - Int64(offset)) }
      return .timestamp(local - zone.offset(at: local - zone.offset(at: local)))
    case .duration(let duration): return .duration(duration.seconds)
    case .enumCase(let index): return .enumCase(index)
    case .state(let index): return .state(index)
    }
  }
}
