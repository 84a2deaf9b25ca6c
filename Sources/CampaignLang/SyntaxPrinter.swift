/// Prints a syntax tree as indented text, one node a line, for tests and `campaignc
/// print ast`. Expressions print fully parenthesized, so the tree's shape is visible.
public enum SyntaxPrinter {
  public static func print(_ syntax: FileSyntax) -> String {
    var out = ""
    for declaration in syntax.declarations { line(&out, 0, declaration) }
    for comment in syntax.comments { out += "comment @\(comment.range.start): #\(comment.text)\n" }
    return out
  }

  static func emit(_ out: inout String, _ depth: Int, _ text: String) {
    out += String(repeating: "  ", count: depth) + text + "\n"
  }

  static func line(_ out: inout String, _ depth: Int, _ declaration: Declaration) {
    switch declaration {
    case .importFile(let decl): emit(&out, depth, "import \(quote(decl.path.value))")
    case .campaign(let decl):
      emit(&out, depth, "campaign \(quote(decl.name.value))")
      for item in decl.items {
        switch item {
        case .owner(let value, _): emit(&out, depth + 1, "owner \(quote(value.value))")
        case .timezone(let value, _): emit(&out, depth + 1, "timezone \(quote(value.value))")
        case .description(let value, _): emit(&out, depth + 1, "description \(quote(value.value))")
        case .audience(let expr, _): emit(&out, depth + 1, "audience \(expression(expr))")
        case .enterAt(let name, _): emit(&out, depth + 1, "enter at \(name)")
        }
      }
    case .contact(let decl):
      emit(&out, depth, "contact")
      for field in decl.fields { emit(&out, depth + 1, self.field(field)) }
    case .event(let decl):
      emit(&out, depth, "event \(decl.name)")
      for field in decl.fields { emit(&out, depth + 1, self.field(field)) }
    case .channel(let decl): emit(&out, depth, "channel \(decl.name)")
    case .engagement(let decl): emit(&out, depth, "engagement " + decl.events.map(pattern).joined(separator: ", "))
    case .segment(let decl):
      emit(&out, depth, "segment \(decl.name) = \(expression(decl.condition))")
      for creative in decl.creatives { emit(&out, depth + 1, "\(creative.key) \(quote(creative.value.value))") }
    case .consent(let decl): emit(&out, depth, "consent \(decl.channel) when \(expression(decl.condition))")
    case .score(let decl):
      emit(&out, depth, "score \(decl.name)")
      for item in decl.items {
        switch item {
        case .points(let match, let points, _):
          emit(&out, depth + 1, "points \(points.value) on \(pattern(match))")
        case .stepDecay(let percent, let every, let idle, _):
          emit(
            &out, depth + 1,
            "decay \(percent.value)% every \(every.value)" + (idle.map { " after \($0.value) idle" } ?? ""))
        case .halfLife(let duration, _): emit(&out, depth + 1, "decay half-life \(duration.value)")
        case .cap(let value, _): emit(&out, depth + 1, "cap \(value.value)")
        case .invalid: emit(&out, depth + 1, "<invalid>")
        }
      }
    case .states(let decl):
      emit(&out, depth, "states")
      for item in decl.items {
        switch item {
        case .initial(let name, _): emit(&out, depth + 1, "initial \(name)")
        case .state(let names, _): emit(&out, depth + 1, "state " + names.map(\.text).joined(separator: ", "))
        case .final(let names, _): emit(&out, depth + 1, "final " + names.map(\.text).joined(separator: ", "))
        case .transition(let transition):
          emit(
            &out, depth + 1,
            "\(transition.from) -> \(transition.to)" + (transition.trigger.map { " " + trigger($0) } ?? "")
              + (transition.condition.map { " if \(expression($0))" } ?? ""))
        case .invalid: emit(&out, depth + 1, "<invalid>")
        }
      }
    case .counter(let decl): emit(&out, depth, "counter \(decl.name)")
    case .cooldown(let decl): emit(&out, depth, "cooldown \(decl.state) \(decl.duration.value)")
    case .hold(let decl): emit(&out, depth, "hold \(decl.channel) \(decl.duration.value) after \(decl.event)")
    case .limit(let decl): emit(&out, depth, "limit \(decl.channel) \(decl.count.value) per \(decl.window.value)")
    case .budget(let decl): emit(&out, depth, "budget \(decl.channel) \(decl.count.value) per \(decl.window.value)")
    case .quietHours(let decl):
      emit(
        &out, depth,
        "quiet hours \(clock(decl.from)) to \(clock(decl.to))"
          + (decl.channels.isEmpty ? "" : " for " + decl.channels.map(\.text).joined(separator: ", ")))
    case .flow(let decl):
      emit(
        &out, depth, "flow \(decl.name) for \(decl.state)" + (decl.condition.map { " when \(expression($0))" } ?? ""))
      for step in decl.steps { self.step(&out, depth + 1, step) }
    case .variant(let decl):
      emit(&out, depth, "variant \(decl.name)")
      for arm in decl.arms {
        emit(&out, depth + 1, "\(arm.name)" + (arm.weight.map { " \($0.value)%" } ?? ""))
        for creative in arm.overrides { emit(&out, depth + 2, "\(creative.key) \(quote(creative.value.value))") }
      }
    case .guardrail(let decl):
      emit(
        &out, depth,
        "guardrail \(decl.event) below \(decl.limit.value)% of sends" + (decl.channel.map { " on \($0)" } ?? ""))
    case .test(let decl):
      emit(&out, depth, "test \(quote(decl.name.value))")
      for item in decl.items {
        switch item {
        case .contact(let fields, _): emit(&out, depth + 1, "contact " + testFields(fields))
        case .event(let at, _, let event, let fields, _):
          emit(&out, depth + 1, "at \(at) \(event) " + testFields(fields))
        case .expect(let expectation, _): emit(&out, depth + 1, "expect " + self.expectation(expectation))
        case .run(let until, _, _): emit(&out, depth + 1, "run until \(until)")
        case .invalid: emit(&out, depth + 1, "<invalid>")
        }
      }
    case .invalid(let range): emit(&out, depth, "<invalid declaration @\(range.start)..\(range.end)>")
    }
  }

  static func step(_ out: inout String, _ depth: Int, _ step: Step) {
    func unless(_ expr: Expr?) -> String { expr.map { " unless \(expression($0))" } ?? "" }
    switch step {
    case .wait(let wait): emit(&out, depth, "wait " + (wait.duration.map { "\($0.value)" } ?? "cooldown"))
    case .send(let send):
      let options = send.options.map { option -> String in
        switch option {
        case .variant(let name, _): "variant \(name)"
        case .offer(let value, _): "offer \(quote(value.value))"
        case .subject(let value, _): "subject \(quote(value.value))"
        case .text(let value, _): "text \(quote(value.value))"
        case .trigger(let name, _): "on \(name)"
        }
      }
      emit(
        &out, depth,
        (["send \(send.channel) \(quote(send.template.value))"] + options).joined(separator: " ") + unless(send.unless))
    case .branch(let branch):
      emit(&out, depth, "if \(expression(branch.condition))")
      for inner in branch.then { self.step(&out, depth + 1, inner) }
      if let otherwise = branch.otherwise {
        emit(&out, depth, "else")
        for inner in otherwise { self.step(&out, depth + 1, inner) }
      }
    case .exit(let condition, _): emit(&out, depth, "exit" + unless(condition))
    case .suppress(let channel, let condition, _):
      emit(&out, depth, "suppress" + (channel.map { " \($0)" } ?? "") + unless(condition))
    case .moveTo(let audience, let condition, _): emit(&out, depth, "move to \(audience)" + unless(condition))
    case .setState(let state, let condition, _): emit(&out, depth, "set state \(state)" + unless(condition))
    case .increment(let counter, _): emit(&out, depth, "increment \(counter)")
    case .invalid: emit(&out, depth, "<invalid step>")
    }
  }

  static func field(_ field: FieldDecl) -> String {
    var text = "\(field.name) \(type(field.type))"
    for modifier in field.modifiers { text += " \(modifier.kind.rawValue)" }
    return text
  }

  static func type(_ type: TypeRef) -> String {
    (type.kind.keyword ?? "<unknown type>") + (type.optional ? "?" : "")
  }

  static func pattern(_ pattern: EventPattern) -> String {
    "\(pattern.event)" + (pattern.condition.map { " where \(expression($0))" } ?? "")
  }

  static func trigger(_ trigger: Trigger) -> String {
    switch trigger {
    case .when(let expr): "when \(expression(expr))"
    case .on(let match): "on \(pattern(match))"
    case .sendsWithoutEngagement(let count, _): "after \(count.value) sends without engagement"
    case .idle(let duration, _): "after \(duration.value) idle"
    case .timeInState(let duration, _): "after \(duration.value)"
    case .allOf(let parts, _):
      "after " + parts.map { String(Self.trigger($0).dropFirst("after ".count)) }.joined(separator: " and ")
    }
  }

  static func testFields(_ fields: [TestField]) -> String {
    "{ " + fields.map { "\($0.name) \(expression($0.value))" }.joined(separator: ", ") + " }"
  }

  static func expectation(_ expectation: Expectation) -> String {
    switch expectation {
    case .state(let name): "state \(name)"
    case .value(let name, let value): "\(name) \(expression(value))"
    case .sends(let channel, let count): "sends " + (channel.map { "\($0) " } ?? "") + "\(count.value)"
    case .segment(let name, let negated): (negated ? "not " : "") + "segment \(name)"
    }
  }

  /// An expression, fully parenthesized: `((a >= 1) and (b < 2))`.
  public static func expression(_ expr: Expr) -> String {
    switch expr {
    case .name(let name): name.text
    case .literal(let literal, _): self.literal(literal)
    case .unary(.not, let operand, _): "(not \(expression(operand)))"
    case .unary(.negate, let operand, _): "(-\(expression(operand)))"
    case .binary(let op, let lhs, let rhs, _): "(\(expression(lhs)) \(op.rawValue) \(expression(rhs)))"
    case .call(let name, let arguments, _): "\(name)(" + arguments.map(expression).joined(separator: ", ") + ")"
    case .aggregate(let aggregate):
      "\(aggregate.kind.rawValue)(\(aggregate.event)" + (aggregate.field.map { ".\($0)" } ?? "")
        + (aggregate.condition.map { " where \(expression($0))" } ?? "")
        + (aggregate.window.map { " within \($0.value)" } ?? "") + ")"
    case .membership(let lhs, let values, let negated, _):
      "(\(expression(lhs)) \(negated ? "not in" : "in") (" + values.map(expression).joined(separator: ", ") + "))"
    case .parenthesized(let inner, _): expression(inner)
    case .invalid: "<invalid>"
    }
  }

  public static func literal(_ literal: Literal) -> String {
    switch literal {
    case .int(let value): String(value)
    case .decimal(let value): value.description
    case .percent(let value): "\(value)%"
    case .duration(let value): value.description
    case .date(let value): value.description
    case .timestamp(let value): value.description
    case .timeOfDay(let minutes): clock(minutes)
    case .string(let value): quote(value)
    case .bool(let value): value ? "true" : "false"
    }
  }

  static func clock(_ minutes: Int) -> String {
    let hours = minutes / 60
    let rest = minutes % 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
  }

  /// A string literal as it would be written, with escapes.
  public static func quote(_ text: String) -> String {
    var out = "\""
    for character in text {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
