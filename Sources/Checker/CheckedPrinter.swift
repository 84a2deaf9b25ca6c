import CampaignLang

/// Prints a checked program for tests and `campaignc print checked`. Every reference
/// shows its slot and name (`attribute#3 ltv`), so resolution is visible.
public enum CheckedPrinter {
  public static func print(_ program: CheckedCampaign) -> String {
    var out = "campaign \(SyntaxPrinter.quote(program.name)) timezone \(program.timezone)"
    out += program.owner.map { " owner \(SyntaxPrinter.quote($0))" } ?? ""
    out += "\n"
    if let audience = program.audience { out += "audience \(expression(audience, program, event: nil))\n" }
    if let enterAt = program.enterAt { out += "enter at attribute#\(enterAt) \(program.attributes[enterAt].name)\n" }
    for (index, attribute) in program.attributes.enumerated() {
      var flags = index == program.keyAttribute ? " key" : ""
      flags += attribute.isPII ? " pii" : ""
      flags += attribute.isRestricted ? " restricted" : ""
      out += "attribute#\(index) \(attribute.name) \(attribute.type.keyword)\(flags)\n"
    }
    for (index, event) in program.events.enumerated() {
      out +=
        "event#\(index) \(event.name) {" + event.fields.map { " \($0.name) \($0.type.keyword)" }.joined(separator: ",")
        + " }\n"
    }
    out +=
      "channels " + program.channels.enumerated().map { "#\($0.offset) \($0.element)" }.joined(separator: ", ") + "\n"
    for (channel, condition) in program.consent.enumerated() {
      if let condition {
        out += "consent \(program.channels[channel]) when \(expression(condition, program, event: nil))\n"
      }
    }
    for match in program.engagement { out += "engagement \(self.match(match, program))\n" }
    for (index, segment) in program.segments.enumerated() {
      out += "segment#\(index) \(segment.name) = \(expression(segment.condition, program, event: nil))\n"
      for creative in segment.creatives { out += "  \(creative.key) \(SyntaxPrinter.quote(creative.value))\n" }
    }
    for (index, score) in program.scores.enumerated() {
      out += "score#\(index) \(score.name)\n"
      for rule in score.rules { out += "  \(rule.points) on \(match(rule.match, program))\n" }
      switch score.decay {
      case .step(let percent, let every, let idle)?: out += "  decay \(percent)% every \(every)s after \(idle)s idle\n"
      case .halfLife(let seconds)?: out += "  decay half-life \(seconds)s\n"
      case nil: break
      }
      if let cap = score.cap { out += "  cap \(cap)\n" }
    }
    for (index, state) in program.states.enumerated() {
      var text = "state#\(index) \(state.name)"
      if index == program.initialState { text += " initial" }
      if state.isFinal { text += " final" }
      if let cooldown = state.cooldown { text += " cooldown \(cooldown)s" }
      out += text + "\n"
    }
    for transition in program.transitions {
      let from = transition.from.map { program.states[$0].name } ?? "any"
      out += "transition \(from) -> \(program.states[transition.to].name) \(trigger(transition.trigger, program))"
      out += transition.condition.map { " if \(expression($0, program, event: nil))" } ?? ""
      out += "\n"
    }
    for (index, counter) in program.counters.enumerated() { out += "counter#\(index) \(counter)\n" }
    for hold in program.holds {
      out += "hold \(program.channels[hold.channel]) \(hold.seconds)s after \(program.events[hold.event].name)\n"
    }
    for limit in program.limits {
      out += "limit \(program.channels[limit.channel]) \(limit.count) per \(limit.windowSeconds)s\n"
    }
    for budget in program.budgets {
      out += "budget \(program.channels[budget.channel]) \(budget.count) per \(budget.windowSeconds)s\n"
    }
    for quiet in program.quietHours {
      out += "quiet hours \(quiet.from)min to \(quiet.to)min"
      out +=
        quiet.channels.isEmpty
        ? "\n" : " for " + quiet.channels.map { program.channels[$0] }.joined(separator: ", ") + "\n"
    }
    for (index, flow) in program.flows.enumerated() {
      out += "flow#\(index) \(flow.name) for \(program.states[flow.state].name)"
      out += flow.condition.map { " when \(expression($0, program, event: nil))" } ?? ""
      out += "\n"
      steps(&out, flow.steps, program, depth: 1)
    }
    for (index, variant) in program.variants.enumerated() {
      out += "variant#\(index) \(variant.name)\n"
      for arm in variant.arms {
        out += "  \(arm.name) \(arm.weight)%" + (arm.isHoldout ? " holdout" : "")
        out += arm.creatives.map { " \($0.key)=\(SyntaxPrinter.quote($0.value))" }.joined() + "\n"
      }
    }
    for guardrail in program.guardrails {
      out += "guardrail \(program.events[guardrail.event].name) below \(guardrail.limitPercent)%"
      out += guardrail.channel.map { " on \(program.channels[$0])" } ?? ""
      out += "\n"
    }
    for test in program.tests {
      out += "test \(SyntaxPrinter.quote(test.name)) contact {"
      out += test.contact.map { " \(program.attributes[$0.0].name)=\(constant($0.1))" }.joined(separator: ",") + " }\n"
      for event in test.events {
        let fields = program.events[event.event].fields
        out += "  at \(event.at) \(program.events[event.event].name)"
        out += event.fields.map { " \(fields[$0.0].name)=\(constant($0.1))" }.joined() + "\n"
      }
      if let until = test.runUntil { out += "  run until \(until)\n" }
      for check in test.expectations { out += "  expect \(self.expectation(check.expectation, program))\n" }
    }
    return out
  }

  static func steps(_ out: inout String, _ steps: [CheckedStep], _ program: CheckedCampaign, depth: Int) {
    let pad = String(repeating: "  ", count: depth)
    func unless(_ condition: CheckedExpr?) -> String {
      condition.map { " unless \(expression($0, program, event: nil))" } ?? ""
    }
    for step in steps {
      switch step {
      case .wait(let seconds): out += pad + "wait \(seconds)s\n"
      case .send(let send):
        var text = "send \(program.channels[send.channel]) \(SyntaxPrinter.quote(send.template))"
        if let variant = send.variant { text += " variant \(program.variants[variant].name)" }
        if let offer = send.offer { text += " offer \(SyntaxPrinter.quote(offer))" }
        if let subject = send.subject { text += " subject \(SyntaxPrinter.quote(subject))" }
        if let copy = send.text { text += " text \(SyntaxPrinter.quote(copy))" }
        if let trigger = send.trigger { text += " on \(program.events[trigger].name)" }
        out += pad + text + unless(send.unless) + "\n"
      case .branch(let condition, let then, let otherwise):
        out += pad + "if \(expression(condition, program, event: nil))\n"
        self.steps(&out, then, program, depth: depth + 1)
        out += pad + "else\n"
        self.steps(&out, otherwise, program, depth: depth + 1)
      case .exit(let condition): out += pad + "exit" + unless(condition) + "\n"
      case .suppress(let channel, let condition):
        out += pad + "suppress" + (channel.map { " \(program.channels[$0])" } ?? "") + unless(condition) + "\n"
      case .moveTo(let audience, let condition): out += pad + "move to \(audience)" + unless(condition) + "\n"
      case .setState(let state, let condition):
        out += pad + "set state \(program.states[state].name)" + unless(condition) + "\n"
      case .increment(let counter): out += pad + "increment \(program.counters[counter])\n"
      }
    }
  }

  static func match(_ match: EventMatch, _ program: CheckedCampaign) -> String {
    "event#\(match.event) \(program.events[match.event].name)"
      + (match.condition.map { " where \(expression($0, program, event: match.event))" } ?? "")
  }

  static func trigger(_ trigger: CheckedTrigger, _ program: CheckedCampaign) -> String {
    switch trigger {
    case .immediately: "immediately"
    case .when(let condition): "when \(expression(condition, program, event: nil))"
    case .on(let match): "on \(self.match(match, program))"
    case .sendsWithoutEngagement(let count): "after \(count) sends without engagement"
    case .idle(let seconds): "after \(seconds)s idle"
    case .timeInState(let seconds): "after \(seconds)s in state"
    case .allOf(let parts): parts.map { Self.trigger($0, program) }.joined(separator: " and ")
    }
  }

  static func expectation(_ expectation: TestCase.Expectation, _ program: CheckedCampaign) -> String {
    switch expectation {
    case .state(let state): "state \(program.states[state].name)"
    case .score(let score, let value): "score \(program.scores[score].name) = \(value)"
    case .counter(let counter, let value): "counter \(program.counters[counter]) = \(value)"
    case .sends(let channel, let count): "sends " + (channel.map { "\(program.channels[$0]) " } ?? "") + "\(count)"
    case .segment(let segment, let member): (member ? "" : "not ") + "segment \(program.segments[segment].name)"
    }
  }

  static func constant(_ value: ConstantValue) -> String {
    switch value {
    case .int(let number): String(number)
    case .decimal(let number): number.description
    case .percent(let number): "\(number)%"
    case .bool(let flag): flag ? "true" : "false"
    case .string(let text): SyntaxPrinter.quote(text)
    case .date(let date): date.description
    case .timestamp(let stamp): stamp.description
    case .duration(let duration): duration.description
    case .enumCase(let index): "case#\(index)"
    case .state(let index): "state#\(index)"
    }
  }

  /// A checked expression, fully parenthesized, with slots and names.
  public static func expression(_ expr: CheckedExpr, _ program: CheckedCampaign, event: Int?) -> String {
    func recurse(_ inner: CheckedExpr) -> String { expression(inner, program, event: event) }
    switch expr {
    case .constant(let value): return constant(value)
    case .attribute(let index): return "attribute#\(index) \(program.attributes[index].name)"
    case .eventField(let index):
      let name = event.map { program.events[$0].fields[index].name } ?? "?"
      return "field#\(index) \(name)"
    case .score(let index): return "score#\(index) \(program.scores[index].name)"
    case .segment(let index): return "segment#\(index) \(program.segments[index].name)"
    case .counter(let index): return "counter#\(index) \(program.counters[index])"
    case .currentState: return "state"
    case .engaged: return "engaged"
    case .today: return "today"
    case .now: return "now"
    case .exists(let inner): return "exists(\(recurse(inner)))"
    case .not(let inner): return "(not \(recurse(inner)))"
    case .negate(let inner): return "(-\(recurse(inner)))"
    case .binary(let op, let lhs, let rhs, let operand):
      return "(\(recurse(lhs)) \(op.rawValue):\(operand.keyword) \(recurse(rhs)))"
    case .aggregate(let aggregate):
      var text = "\(aggregate.kind.rawValue)(event#\(aggregate.event) \(program.events[aggregate.event].name)"
      if let field = aggregate.field { text += ".\(program.events[aggregate.event].fields[field].name)" }
      if let condition = aggregate.condition {
        text += " where \(expression(condition, program, event: aggregate.event))"
      }
      if let window = aggregate.window { text += " within \(window)s" }
      return text + ")"
    case .membership(let lhs, let values, let negated):
      return "(\(recurse(lhs)) \(negated ? "not in" : "in") (" + values.map(recurse).joined(separator: ", ") + "))"
    }
  }
}
