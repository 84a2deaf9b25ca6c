import CampaignLang

/// Top-level declarations: one a line (blocks over several), in source order, keywords
/// separated by one space, `{` at the end of the declaration's line.
extension Printer {
  mutating func file(_ syntax: FileSyntax) {
    for declaration in syntax.declarations { self.declaration(declaration) }
    flushComments(before: Int.max)
  }

  mutating func declaration(_ declaration: Declaration) {
    switch declaration {
    case .importFile(let decl):
      statement(decl.range, "import " + source(decl.path.range))
    case .campaign(let decl): campaign(decl)
    case .contact(let decl):
      begin(at: decl.range.start)
      write("contact")
      commaBlock(after: decl.range.start, decl.fields, inline: field) { $0.statement($1.range, $0.field($1)) }
      endLine(at: decl.range.end)
    case .event(let decl):
      begin(at: decl.range.start)
      write("event " + decl.name.text)
      optionalCommaBlock(after: decl.name.range.end, decl.fields, inline: field) {
        $0.statement($1.range, $0.field($1))
      }
      endLine(at: decl.range.end)
    case .channel(let decl): statement(decl.range, "channel " + decl.name.text)
    case .engagement(let decl):
      begin(at: decl.range.start)
      write("engagement ")
      for (index, pattern) in decl.events.enumerated() {
        if index > 0 { write(", ") }
        self.pattern(pattern)
      }
      endLine(at: decl.range.end)
    case .segment(let decl): segment(decl)
    case .consent(let decl):
      begin(at: decl.range.start)
      write("consent \(decl.channel.text) when ")
      condition(decl.condition)
      endLine(at: decl.range.end)
    case .score(let decl): score(decl)
    case .states(let decl): states(decl)
    case .counter(let decl): statement(decl.range, "counter " + decl.name.text)
    case .cooldown(let decl):
      statement(decl.range, "cooldown \(decl.state.text) \(source(decl.duration.range))")
    case .hold(let decl):
      statement(decl.range, "hold \(decl.channel.text) \(source(decl.duration.range)) after \(decl.event.text)")
    case .limit(let decl):
      statement(decl.range, "limit \(decl.channel.text) \(unsigned(decl.count)) per \(source(decl.window.range))")
    case .budget(let decl):
      statement(decl.range, "budget \(decl.channel.text) \(unsigned(decl.count)) per \(source(decl.window.range))")
    case .quietHours(let decl):
      var text = "quiet hours \(Printer.clock(decl.from)) to \(Printer.clock(decl.to))"
      if !decl.channels.isEmpty { text += " for " + decl.channels.map(\.text).joined(separator: ", ") }
      statement(decl.range, text)
    case .flow(let decl): flow(decl)
    case .variant(let decl): variant(decl)
    case .guardrail(let decl):
      var text = "guardrail \(decl.event.text) below \(source(decl.limit.range)) of sends"
      if let channel = decl.channel { text += " on " + channel.text }
      statement(decl.range, text)
    case .test(let decl): test(decl)
    case .invalid(let range): statement(range, source(range))
    }
  }

  /// A statement that is one line of fixed text.
  mutating func statement(_ range: SourceRange, _ text: String) {
    begin(at: range.start)
    write(text)
    endLine(at: range.end)
  }

  // MARK: - campaign, contact, segment

  mutating func campaign(_ decl: CampaignDecl) {
    begin(at: decl.range.start)
    write("campaign " + source(decl.name.range))
    block(after: decl.name.range.end, isEmpty: decl.items.isEmpty) { printer in
      for item in decl.items {
        switch item {
        case .owner(let value, let range): printer.statement(range, "owner " + printer.source(value.range))
        case .timezone(let value, let range): printer.statement(range, "timezone " + printer.source(value.range))
        case .description(let value, let range):
          printer.statement(range, "description " + printer.source(value.range))
        case .enterAt(let name, let range): printer.statement(range, "enter at " + name.text)
        case .audience(let expr, let range):
          printer.begin(at: range.start)
          printer.write("audience ")
          printer.condition(expr)
          printer.endLine(at: range.end)
        }
      }
    }
    endLine(at: decl.range.end)
  }

  /// `email string pii`, `intent enum(low, high)?`
  func field(_ field: FieldDecl) -> String {
    ([field.name.text, type(field.type)] + field.modifiers.map(\.kind.rawValue)).joined(separator: " ")
  }

  func type(_ type: TypeRef) -> String {
    (type.kind.keyword ?? source(type.range)) + (type.optional ? "?" : "")
  }

  mutating func segment(_ decl: SegmentDecl) {
    begin(at: decl.range.start)
    write("segment \(decl.name.text) = ")
    condition(decl.condition)
    optionalCommaBlock(after: decl.condition.range.end, decl.creatives, inline: creative) {
      $0.statement($1.range, $0.creative($1))
    }
    endLine(at: decl.range.end)
  }

  /// `message "Terima kasih"`
  func creative(_ creative: CreativeVariable) -> String {
    creative.key.text + " " + source(creative.value.range)
  }

  // MARK: - score, states

  mutating func score(_ decl: ScoreDecl) {
    begin(at: decl.range.start)
    write("score " + decl.name.text)
    block(after: decl.name.range.end, isEmpty: decl.items.isEmpty) { printer in
      for item in decl.items {
        switch item {
        case .points(let pattern, let points, let range):
          printer.begin(at: range.start)
          printer.write(pattern.event.text + " " + (points.value.units < 0 ? "-" : "+") + printer.unsigned(points))
          if let condition = pattern.condition {
            printer.write(" where ")
            printer.condition(condition)
          }
          printer.endLine(at: range.end)
        case .stepDecay(let percent, let every, let idle, let range):
          var text = "decay \(printer.source(percent.range)) every \(printer.source(every.range))"
          if let idle { text += " after \(printer.source(idle.range)) idle" }
          printer.statement(range, text)
        case .halfLife(let duration, let range):
          printer.statement(range, "decay half-life " + printer.source(duration.range))
        case .cap(let value, let range): printer.statement(range, "cap " + printer.unsigned(value))
        case .invalid(let range): printer.statement(range, printer.source(range))
        }
      }
    }
    endLine(at: decl.range.end)
  }

  mutating func states(_ decl: StatesDecl) {
    begin(at: decl.range.start)
    write("states")
    block(after: decl.range.start, isEmpty: decl.items.isEmpty) { printer in
      for item in decl.items {
        switch item {
        case .initial(let name, let range): printer.statement(range, "initial " + name.text)
        case .state(let names, let range):
          printer.statement(range, "state " + names.map(\.text).joined(separator: ", "))
        case .final(let names, let range):
          printer.statement(range, "final " + names.map(\.text).joined(separator: ", "))
        case .transition(let transition): printer.transition(transition)
        case .invalid(let range): printer.statement(range, printer.source(range))
        }
      }
    }
    endLine(at: decl.range.end)
  }

  /// `Active -> Inactive after 30d and 90d idle if reactivation_cycle < 2`
  mutating func transition(_ transition: Transition) {
    begin(at: transition.range.start)
    write("\(transition.from.text) -> \(transition.to.text)")
    if let trigger = transition.trigger {
      write(" ")
      self.trigger(trigger)
    }
    if let condition = transition.condition {
      write(" if ")
      self.condition(condition)
    }
    endLine(at: transition.range.end)
  }

  mutating func trigger(_ trigger: Trigger) {
    switch trigger {
    case .when(let expr):
      write("when ")
      condition(expr)
    case .on(let pattern):
      write("on ")
      self.pattern(pattern)
    case .sendsWithoutEngagement, .idle, .timeInState, .allOf:
      write("after " + timers(trigger))
    }
  }

  /// What follows `after`: `3 sends without engagement`, `90d idle`, `7d`, joined by `and`.
  func timers(_ trigger: Trigger) -> String {
    switch trigger {
    case .sendsWithoutEngagement(let count, _): "\(unsigned(count)) sends without engagement"
    case .idle(let duration, _): source(duration.range) + " idle"
    case .timeInState(let duration, _): source(duration.range)
    case .allOf(let parts, _): parts.map(timers).joined(separator: " and ")
    case .when, .on: ""
    }
  }
}
