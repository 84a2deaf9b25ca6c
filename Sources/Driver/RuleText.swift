import CampaignLang
import Checker
import Evaluator

/// Campaign rules written back in campaign words, for `explain` and test failures.
enum RuleText {
  static func transition(_ index: Int, _ program: CheckedCampaign) -> String {
    let transition = program.transitions[index]
    let from = transition.from.map { program.states[$0].name } ?? "any"
    return "\(from) -> \(program.states[transition.to].name)" + trigger(transition.trigger, program)
      + (transition.condition.map { " if " + expression($0, program, event: nil) } ?? "")
  }

  static func trigger(_ trigger: CheckedTrigger, _ program: CheckedCampaign) -> String {
    switch trigger {
    case .immediately: ""
    case .when(let condition): " when " + expression(condition, program, event: nil)
    case .on(let match): " on " + self.match(match, program)
    case .sendsWithoutEngagement(let count): " after \(count) sends without engagement"
    case .idle(let seconds): " after \(ValueFormat.duration(seconds)) idle"
    case .timeInState(let seconds): " after \(ValueFormat.duration(seconds))"
    case .allOf(let parts):
      " after " + parts.map { String(Self.trigger($0, program).dropFirst(" after ".count)) }.joined(separator: " and ")
    }
  }

  static func match(_ match: EventMatch, _ program: CheckedCampaign) -> String {
    program.events[match.event].name
      + (match.condition.map { " where " + expression($0, program, event: match.event) } ?? "")
  }

  static func expression(_ expr: CheckedExpr, _ program: CheckedCampaign, event: Int?) -> String {
    func inner(_ expr: CheckedExpr) -> String {
      let text = expression(expr, program, event: event)
      if case .binary = expr { return "(\(text))" }
      return text
    }
    switch expr {
    case .constant(let value): return constant(value, program)
    case .attribute(let index): return program.attributes[index].name
    case .eventField(let index): return event.map { program.events[$0].fields[index].name } ?? "field"
    case .score(let index): return program.scores[index].name
    case .segment(let index): return program.segments[index].name
    case .counter(let index): return program.counters[index]
    case .currentState: return "state"
    case .engaged: return "engaged"
    case .today: return "today"
    case .now: return "now"
    case .exists(let value): return "exists(\(expression(value, program, event: event)))"
    case .not(let value): return "not " + inner(value)
    case .negate(let value): return "-" + inner(value)
    case .binary(let op, let lhs, let rhs, _):
      let cases = enumCases(lhs, program, event: event) ?? enumCases(rhs, program, event: event)
      return named(lhs, cases) ?? inner(lhs)
        + " \(op.rawValue) " + (named(rhs, cases) ?? inner(rhs))
    case .aggregate(let aggregate):
      var text = "\(aggregate.kind.rawValue)(" + program.events[aggregate.event].name
      if let field = aggregate.field { text += "." + program.events[aggregate.event].fields[field].name }
      if let condition = aggregate.condition {
        text += " where " + expression(condition, program, event: aggregate.event)
      }
      if let window = aggregate.window { text += " within " + ValueFormat.duration(window) }
      return text + ")"
    case .membership(let item, let list, let negated):
      return inner(item) + (negated ? " not in (" : " in (")
        + list.map { named($0, enumCases(item, program, event: event)) ?? expression($0, program, event: event) }
        .joined(separator: ", ") + ")"
    }
  }

  /// The case names of the enumeration `expr` reads, if it reads one.
  static func enumCases(_ expr: CheckedExpr, _ program: CheckedCampaign, event: Int?) -> [String]? {
    let type: ValueType
    switch expr {
    case .attribute(let index): type = program.attributes[index].type
    case .eventField(let index):
      guard let event else { return nil }
      type = program.events[event].fields[index].type
    default: return nil
    }
    if case .enumeration(let cases) = type.base { return cases.cases }
    return nil
  }

  /// An enum-case constant by its name.
  static func named(_ expr: CheckedExpr, _ cases: [String]?) -> String? {
    guard let cases, case .constant(.enumCase(let index)) = expr, index < cases.count else { return nil }
    return cases[index]
  }

  static func constant(_ value: ConstantValue, _ program: CheckedCampaign) -> String {
    switch value {
    case .int(let number): String(number)
    case .decimal(let number): number.description
    case .percent(let number): number.description + "%"
    case .bool(let flag): flag ? "true" : "false"
    case .string(let text): "\"\(text)\""
    case .date(let date): date.description
    case .timestamp(let stamp): stamp.description
    case .duration(let duration): duration.description
    case .enumCase(let index): "case \(index)"
    case .state(let index): program.states[index].name
    }
  }
}
