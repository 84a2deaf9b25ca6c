import CampaignLang

extension Checker {
  /// Checks every declaration's body in two passes. First the declarations that others
  /// read while being checked (consent rules, cooldowns, transitions, limits...), so that
  /// order in the file never matters; then the bodies of segments, scores, flows,
  /// variants and tests, which each fill only their own slot of the program.
  ///
  /// Both passes read the declarations where the files hold them: gathering them into
  /// another array would copy (and retain) every declaration of a large campaign.
  mutating func checkDeclarations() {
    forEachDeclaration { checker, declaration, _ in checker.checkSetting(declaration) }
    forEachDeclaration { checker, declaration, _ in checker.checkBody(declaration) }
  }

  /// Checks the body of a segment, score, flow, variant or test.
  mutating func checkBody(_ declaration: Declaration) {
    switch declaration {
    case .segment(let decl): checkSegment(decl)
    case .score(let decl): checkScore(decl)
    case .flow(let decl): checkFlow(decl)
    case .variant(let decl): checkVariant(decl)
    case .test(let decl): checkTest(decl)
    default: break
    }
  }

  /// Checks a declaration that others may read while they are checked.
  mutating func checkSetting(_ declaration: Declaration) {
    switch declaration {
    case .consent(let decl): checkConsent(decl)
    case .engagement(let decl):
      for pattern in decl.events {
        if let match = checkEventPattern(pattern, purpose: .plain("engagement")) { program.engagement.append(match) }
      }
    case .states(let decl): checkTransitions(decl)
    case .cooldown(let decl): checkCooldown(decl)
    case .hold(let decl):
      let channel = lookupChannel(decl.channel)
      let event = lookupEvent(decl.event)
      let seconds = positive(decl.duration)
      if let channel, let event, let seconds {
        program.holds.append(Hold(channel: channel, seconds: seconds, event: event))
      }
    case .limit(let decl): checkLimit(decl)
    case .budget(let decl): checkBudget(decl)
    case .quietHours(let decl): checkQuietHours(decl)
    case .guardrail(let decl): checkGuardrail(decl)
    case .segment, .score, .flow, .variant, .test, .importFile, .campaign, .contact, .event, .channel, .counter,
      .invalid:
      break
    }
  }

  /// Seconds of a duration that must be longer than zero; nil (reported) otherwise.
  mutating func positive(_ duration: DurationLiteral) -> Int64? {
    guard duration.value.amount > 0 else {
      nonPositive(duration.value, duration.range)
      return nil
    }
    return duration.value.seconds
  }

  /// Checks `event [where condition]`.
  mutating func checkEventPattern(_ pattern: EventPattern, purpose: Purpose) -> EventMatch? {
    guard let event = lookupEvent(pattern.event) else { return nil }
    var condition: CheckedExpr? = nil
    if let expr = pattern.condition {
      var context = ExpressionContext(
        purpose: .whereOf(pattern.event.text, in: purpose), targeting: false, event: event)
      condition = checkCondition(expr, &context)
    }
    return EventMatch(event: event, condition: condition)
  }

  mutating func checkCreatives(_ creatives: [CreativeVariable]) -> [Creative] {
    var seen = NameTable<SourceRange>(minimumCapacity: creatives.count)
    var result: [Creative] = []
    // Sized up front here and below: growing by appending reallocates a small array
    // two or three times, and a large campaign has thousands of them.
    result.reserveCapacity(creatives.count)
    for creative in creatives {
      if let first = seen[creative.key.text] {
        repeated(
          "`\(creative.key.text)` is set twice here", at: creative.key.range, first: first,
          help: "remove one of the two")
        continue
      }
      seen[creative.key.text] = creative.key.range
      result.append(Creative(key: creative.key.text, value: creative.value.value))
    }
    return result
  }

  // MARK: - Segments and consent

  mutating func checkSegment(_ decl: SegmentDecl) {
    guard let index = symbols.segments.owner(decl.name.text, at: decl.name.range) else {
      return  // a duplicate, already reported
    }
    var context = ExpressionContext(purpose: .named("segment", decl.name.text), targeting: true)
    let condition = checkCondition(decl.condition, &context)
    program.segments[index] = Segment(
      name: decl.name.text, condition: condition, creatives: checkCreatives(decl.creatives))
  }

  mutating func checkConsent(_ decl: ConsentDecl) {
    guard let channel = lookupChannel(decl.channel) else { return }
    if let first = symbols.consent[channel] {
      repeated(
        "channel `\(decl.channel.text)` already has a consent rule", at: decl.channel.range,
        first: first.channel.range,
        help: "a channel has one consent rule: merge the two conditions into it with `and` or `or`")
      return
    }
    symbols.consent[channel] = decl
    // Consent may read restricted attributes: it decides who may be contacted, not who is targeted.
    var context = ExpressionContext(purpose: .named("the consent rule for", decl.channel.text), targeting: false)
    program.consent[channel] = checkCondition(decl.condition, &context)
  }

  // MARK: - Scores

  mutating func checkScore(_ decl: ScoreDecl) {
    guard let index = symbols.scores.owner(decl.name.text, at: decl.name.range) else {
      return
    }
    var rules: [Score.Rule] = []
    rules.reserveCapacity(decl.items.count)
    var decay: (Score.Decay, SourceRange)? = nil
    var cap: (ExactDecimal, SourceRange)? = nil
    var valid = true
    for item in decl.items {
      switch item {
      case .points(let pattern, let points, _):
        if points.value.units == 0 {
          error(
            .valueOutOfRange, "`\(pattern.event.text)` gives 0 points", at: points.range,
            help: "give it points, like `+5`, or remove the line")
        }
        if let match = checkEventPattern(pattern, purpose: .named("score", decl.name.text)) {
          rules.append(Score.Rule(match: match, points: points.value))
        } else {
          valid = false
        }
      case .stepDecay(let percent, let every, let idle, let range):
        if let first = decay {
          repeated(
            "score `\(decl.name.text)` already has a decay", at: range, first: first.1,
            help: "a score decays one way: keep one `decay` line")
          continue
        }
        let share = percent.value.approximate
        if share <= 0 || share > 100 {
          error(
            .percentOutOfRange, "a decay of \(percent.value)% is not possible", at: percent.range,
            help: "use a share between 1% and 100%")
        }
        guard let period = positive(every) else { continue }
        var idleSeconds: Int64 = 0
        if let idle {
          guard let seconds = positive(idle) else { continue }
          idleSeconds = seconds
        }
        decay = (.step(percent: percent.value, every: period, idleAfter: idleSeconds), range)
      case .halfLife(let duration, let range):
        if let first = decay {
          repeated(
            "score `\(decl.name.text)` already has a decay", at: range, first: first.1,
            help: "a score decays one way: keep one `decay` line")
          continue
        }
        guard let seconds = positive(duration) else { continue }
        decay = (.halfLife(seconds: seconds), range)
      case .cap(let value, let range):
        if let first = cap {
          repeated(
            "score `\(decl.name.text)` already has a cap", at: range, first: first.1,
            help: "keep one `cap` line")
          continue
        }
        if value.value.approximate <= 0 {
          error(
            .valueOutOfRange, "a cap of \(value.value) leaves no room for points", at: value.range,
            help: "use a cap above zero, like `cap 100`")
        }
        cap = (value.value, value.range)
      case .invalid:
        valid = false
      }
    }
    if valid {
      program.scores[index] = Score(name: decl.name.text, rules: rules, decay: decay?.0, cap: cap?.0)
    }
  }

  // MARK: - States

  mutating func checkTransitions(_ decl: StatesDecl) {
    for item in decl.items {
      guard case .transition(let transition) = item else { continue }
      let from: Int?? = transition.from.text == "any" ? .some(nil) : lookupState(transition.from).map { .some($0) }
      let to = lookupState(transition.to)
      let trigger = checkTrigger(transition.trigger, from: transition.from.text)
      var condition: CheckedExpr?
      if let expr = transition.condition {
        var context = ExpressionContext(purpose: .named("the transition from", transition.from.text), targeting: true)
        condition = checkCondition(expr, &context)
      }
      guard let from, let to, let trigger else { continue }
      program.transitions.append(CheckedTransition(from: from, to: to, trigger: trigger, condition: condition))
      transitionRanges.append(transition)
    }
  }

  mutating func checkTrigger(_ trigger: Trigger?, from: String) -> CheckedTrigger? {
    guard let trigger else { return .immediately }
    switch trigger {
    case .when(let expr):
      var context = ExpressionContext(purpose: .named("the transition from", from), targeting: true)
      return .when(checkCondition(expr, &context))
    case .on(let pattern):
      return checkEventPattern(pattern, purpose: .named("the transition from", from)).map(CheckedTrigger.on)
    case .sendsWithoutEngagement(let count, let range):
      requireEngagement(at: range, "`after \(count.value) sends without engagement`")
      guard count.value.scale == 0, count.value.units >= 1 else {
        error(
          .valueOutOfRange, "the number of sends must be a whole number of at least 1", at: count.range,
          help: "write `after 3 sends without engagement`")
        return nil
      }
      return .sendsWithoutEngagement(count.value.units)
    case .idle(let duration, let range):
      requireEngagement(at: range, "`after \(duration.value) idle`")
      return positive(duration).map { .idle(seconds: $0) }
    case .timeInState(let duration, _):
      return positive(duration).map { .timeInState(seconds: $0) }
    case .allOf(let parts, _):
      let checked = parts.map { checkTrigger($0, from: from) }
      guard checked.allSatisfy({ $0 != nil }) else { return nil }
      return .allOf(checked.compactMap { $0 })
    }
  }

  mutating func checkCooldown(_ decl: CooldownDecl) {
    guard let state = lookupState(decl.state) else { return }
    if let first = symbols.cooldowns[state] {
      repeated(
        "state `\(decl.state.text)` already has a cooldown", at: decl.state.range, first: first.1,
        help: "keep one cooldown for `\(decl.state.text)`")
      return
    }
    guard positive(decl.duration) != nil else { return }
    symbols.cooldowns[state] = (decl.duration.value, decl.state.range)
  }

  // MARK: - Limits, quiet hours, guardrails

  mutating func checkLimit(_ decl: LimitDecl) {
    let rate = checkRate(
      decl, keyword: "limit", minimum: 1, problem: "a limit must allow at least 1 message",
      help: "write `limit \(decl.channel.text) 2 per 7d`; to send nothing on a channel, do not send on it")
    guard let (channel, count, window) = rate else { return }
    program.limits.append(Limit(channel: channel, count: count, windowSeconds: window))
  }

  mutating func checkBudget(_ decl: LimitDecl) {
    let rate = checkRate(
      decl, keyword: "budget", minimum: 0, problem: "a budget is a whole number of messages",
      help: "write `budget \(decl.channel.text) 3 per 7d`")
    guard let (channel, count, window) = rate else { return }
    program.budgets.append(Budget(channel: channel, count: count, windowSeconds: window, range: decl.range))
  }

  /// `limit` and `budget` (`CHANNEL N per D`): the channel, a whole count of at least
  /// `minimum` and a positive window; nil when one is wrong (reported).
  mutating func checkRate(_ decl: LimitDecl, keyword: String, minimum: Int64, problem: String, help: String) -> (
    Int, Int64, Int64
  )? {
    let channel = lookupChannel(decl.channel)
    guard decl.count.value.scale == 0, decl.count.value.units >= minimum else {
      // `2.5 per 7d`: both are ceilings, so the whole number below is what holds.
      var (problem, help) = (problem, help)
      let count = decl.count.value
      var divisor: Int64 = 1
      for _ in 0..<count.scale { divisor *= 10 }
      if count.scale > 0, count.units / divisor >= minimum {
        // A month written `1m` is reported by the parser; the help shows the days.
        let window = decl.window.value
        let period =
          window.unit == .minutes && (1...12).contains(window.amount) ? "\(window.amount * 30)d" : "\(window)"
        problem = "a \(keyword) is a whole number of messages"
        help =
          "write `\(keyword) \(decl.channel.text) \(count.units / divisor) per \(period)`: a \(keyword) is the most allowed, so round down"
      }
      error(.valueOutOfRange, problem, at: decl.count.range, help: help)
      return nil
    }
    guard let window = positive(decl.window), let channel else { return nil }
    return (channel, decl.count.value.units, window)
  }

  mutating func checkQuietHours(_ decl: QuietHoursDecl) {
    let channels = decl.channels.map { lookupChannel($0) }
    if decl.from == decl.to {
      error(
        .valueOutOfRange, "quiet hours that start and end at the same time cover nothing",
        at: decl.fromRange.to(decl.toRange), help: "write a span, like `quiet hours 21:00 to 08:00`")
      return
    }
    guard channels.allSatisfy({ $0 != nil }) else { return }
    program.quietHours.append(QuietHours(from: decl.from, to: decl.to, channels: channels.compactMap { $0 }))
  }

  mutating func checkGuardrail(_ decl: GuardrailDecl) {
    let event = lookupEvent(decl.event)
    let channel = decl.channel.map { lookupChannel($0) }
    let share = decl.limit.value.approximate
    guard share > 0 && share <= 100 else {
      error(
        .percentOutOfRange, "a guardrail of \(decl.limit.value)% is not possible", at: decl.limit.range,
        help: "use a rate between 0% and 100%, like `0.5%`")
      return
    }
    guard let event, channel == nil || channel! != nil else { return }
    program.guardrails.append(Guardrail(event: event, limitPercent: decl.limit.value, channel: channel ?? nil))
  }
}
