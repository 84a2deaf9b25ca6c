import CampaignLang

extension Checker {
  mutating func checkFlow(_ decl: FlowDecl) {
    guard let index = symbols.flows.owner(decl.name.text, at: decl.name.range) else {
      return
    }
    let state = lookupState(decl.state)
    var condition: CheckedExpr? = nil
    if let expr = decl.condition {
      var context = ExpressionContext(purpose: .named("flow", decl.name.text), targeting: true)
      condition = checkCondition(expr, &context)
    }
    let steps = checkSteps(decl.steps, flow: decl)
    if let state, let steps {
      program.flows[index] = Flow(name: decl.name.text, state: state, condition: condition, steps: steps)
    }
  }

  /// The checked steps, or nil when one of them did not check.
  mutating func checkSteps(_ steps: [Step], flow: FlowDecl) -> [CheckedStep]? {
    var result: [CheckedStep] = []
    result.reserveCapacity(steps.count)  // see `checkCreatives`
    var valid = true
    for step in steps {
      if let checked = checkStep(step, flow: flow) { result.append(checked) } else { valid = false }
    }
    return valid ? result : nil
  }

  mutating func checkUnless(_ expr: Expr?, flow: FlowDecl) -> CheckedExpr?? {
    guard let expr else { return .some(nil) }
    var context = ExpressionContext(purpose: .named("`unless` in flow", flow.name.text), targeting: true, inFlow: true)
    let before = diagnostics.errorCount
    let checked = checkCondition(expr, &context)
    return diagnostics.errorCount == before ? .some(checked) : nil
  }

  mutating func checkStep(_ step: Step, flow: FlowDecl) -> CheckedStep? {
    switch step {
    case .wait(let wait):
      guard let duration = wait.duration else {
        guard let state = symbols.states.lookup(flow.state.text) else { return nil }
        guard let cooldown = symbols.cooldowns[state] else {
          if declarationsLost { return nil }
          error(
            .noCooldown, "state `\(flow.state.text)` has no cooldown to wait for", at: wait.range,
            help: "declare one, like `cooldown \(flow.state.text) 30d`, or wait a fixed time: `wait 30d`")
          return nil
        }
        return .wait(seconds: cooldown.0.seconds)
      }
      return positive(duration).map { .wait(seconds: $0) }
    case .send(let send):
      return checkSend(send, flow: flow).map(CheckedStep.send)
    case .branch(let branch):
      var context = ExpressionContext(purpose: .named("`if` in flow", flow.name.text), targeting: true, inFlow: true)
      let condition = checkCondition(branch.condition, &context)
      let then = checkSteps(branch.then, flow: flow)
      let otherwise = checkSteps(branch.otherwise ?? [], flow: flow)
      guard let then, let otherwise else { return nil }
      return .branch(condition, then: then, otherwise: otherwise)
    case .exit(let unless, _):
      return checkUnless(unless, flow: flow).map { .exit(unless: $0) }
    case .suppress(let channel, let unless, _):
      let channelIndex: Int?? = channel.map { lookupChannel($0).map { .some($0) } } ?? .some(nil)
      guard let channelIndex, let unless = checkUnless(unless, flow: flow) else { return nil }
      return .suppress(channel: channelIndex, unless: unless)
    case .moveTo(let audience, let unless, _):
      return checkUnless(unless, flow: flow).map { .moveTo(audience: audience.text, unless: $0) }
    case .setState(let name, let unless, _):
      let state = lookupState(name)
      guard let state, let unless = checkUnless(unless, flow: flow) else { return nil }
      return .setState(state, unless: unless)
    case .increment(let name, _):
      guard let counter = symbols.counters.lookup(name.text) else {
        error(
          .unknownCounter, "there is no counter called `\(name.text)`", at: name.range,
          help: suggestion(name.text, symbols.counters.names) ?? "declare it, like `counter \(name.text)`")
        return nil
      }
      return .increment(counter: counter)
    case .invalid:
      return nil
    }
  }

  mutating func checkSend(_ send: SendStep, flow: FlowDecl) -> CheckedSend? {
    guard let channel = lookupChannel(send.channel) else { return nil }
    let channelName = send.channel.text
    var result = CheckedSend(channel: channel, template: send.template.value, unless: nil)
    var valid = true
    var seen = NameTable<SourceRange>(minimumCapacity: send.options.count)
    var variantDecl: VariantDecl? = nil
    var unknownVariant = false
    for option in send.options {
      if let first = seen[option.keyword] {
        repeated(
          "this send gives `\(option.keyword)` twice", at: option.range, first: first,
          help: "remove one of the two `\(option.keyword)` options")
        valid = false
        continue
      }
      seen[option.keyword] = option.range
      switch option {
      case .variant(let name, _):
        guard let index = symbols.variants.lookup(name.text) else {
          unknownVariant = true
          error(
            .unknownVariant, "there is no variant called `\(name.text)`", at: name.range,
            help: suggestion(name.text, symbols.variants.names)
              ?? "declare it, like `variant \(name.text) { a 50%, b 50% }`")
          valid = false
          continue
        }
        result.variant = index
        variantDecl = symbols.variants[index].declaration
      case .offer(let value, _): result.offer = value.value
      case .subject(let value, let range):
        if channelName != "email" {
          error(
            .badArguments, "only emails have a subject", at: range,
            help: "for \(channelName), put the words in `text \"...\"`")
          valid = false
        }
        result.subject = value.value
      case .text(let value, _):
        result.text = value.value
        if channelName == "push" { checkPushText(value) }
      case .trigger(let name, _):
        result.trigger = lookupEvent(name)
        if result.trigger == nil { valid = false }
      }
    }
    if let variantDecl, channelName == "push" {
      for arm in variantDecl.arms {
        for creative in arm.overrides where creative.key.text == "text" { checkPushText(creative.value) }
      }
    }
    // An unknown variant (reported) or one whose arms were lost may well set the subject.
    if channelName == "email" && result.subject == nil && !unknownVariant && variantDecl?.lostArms != true {
      let arms = variantDecl?.arms.filter { !$0.isHoldout } ?? []
      // A misspelled `subject` (`subjcet`) is reported at the arm: one slip, one message.
      let missing = arms.filter { arm in !arm.overrides.contains { Checker.meantArmKey($0.key.text) == "subject" } }
      if arms.isEmpty || !missing.isEmpty {
        error(
          .emailWithoutSubject, "this email has no subject", at: send.template.range,
          notes: missing.map {
            Note("arm `\($0.name.text)` of variant `\(variantDecl!.name.text)` sets no subject", at: $0.name.range)
          },
          help:
            "add one: `send email \"\(send.template.value)\" subject \"...\"`, or set `subject` in every arm of its variant"
        )
        valid = false
      }
    }
    if channelName == "in_app" && result.trigger == nil && seen["on"] == nil {
      error(
        .inAppWithoutTrigger, "an in-app message needs the session event that shows it", at: send.channel.range,
        help: "add the event, like `send in_app \"\(send.template.value)\" on app_open`")
      valid = false
    }
    if !declarationsLost && symbols.consent[channel] == nil && !consentDeclared(channelName) {
      if reportedNoConsent.insert(channelName).inserted {
        error(
          .sendWithoutConsent, "`\(channelName)` has no consent rule, so nothing may be sent on it",
          at: send.channel.range,
          help:
            "declare when a contact agreed to \(channelName), like `consent \(channelName) when \(channelName)_opt_in`")
      }
      valid = false
    }
    guard let unless = checkUnless(send.unless, flow: flow) else { return nil }
    result.unless = unless
    return valid ? result : nil
  }

  /// Whether any file declares consent for the channel (declarations are order-free:
  /// a consent rule written after the flow still counts).
  func consentDeclared(_ channel: String) -> Bool {
    symbols.consentChannels.position(of: channel) != nil
  }

  mutating func checkPushText(_ value: StringLiteral) {
    let length = value.value.count
    if length > Channel.pushTextLimit {
      error(
        .pushTooLong, "this push message is \(length) characters; push messages show at most \(Channel.pushTextLimit)",
        at: value.range,
        help:
          "shorten it by \(length - Channel.pushTextLimit) character\(length - Channel.pushTextLimit == 1 ? "" : "s")")
    }
  }

  // MARK: - Variants

  mutating func checkVariant(_ decl: VariantDecl) {
    guard let index = symbols.variants.owner(decl.name.text, at: decl.name.range) else {
      return
    }
    var seen = NameTable<SourceRange>()
    var arms: [Variant.Arm] = []
    var total = ExactDecimal(0)
    var holdout: VariantArm? = nil
    var valid = true
    for arm in decl.arms {
      if let first = seen[arm.name.text] {
        duplicate("arm", arm.name, first: first)
        valid = false
        continue
      }
      seen[arm.name.text] = arm.name.range
      if arm.isHoldout { holdout = arm }
      if let weight = arm.weight {
        if weight.value.approximate <= 0 || weight.value.approximate > 100 {
          error(
            .percentOutOfRange, "an arm's share must be more than 0% and at most 100%", at: weight.range,
            help: weight.value.approximate <= 0
              ? "remove arm `\(arm.name.text)`, or give it a share above 0%" : "give it a share of at most 100%")
          valid = false
        }
        total = add(total, weight.value)
      }
      checkArmKeys(arm.overrides)
      arms.append(
        Variant.Arm(
          name: arm.name.text, weight: arm.weight?.value ?? ExactDecimal(0), isHoldout: arm.isHoldout,
          creatives: checkCreatives(arm.overrides)))
    }
    // An arm or share the parser could not read (reported) would make any sum wrong.
    guard valid, !decl.lostArms else { return }
    let hundred = ExactDecimal(100)
    if let holdout, holdout.weight == nil {
      guard total < hundred else {
        error(
          .variantWeights, "the arms of `\(decl.name.text)` already take \(total)%, leaving nothing for the holdout",
          at: decl.name.range, notes: [Note("the holdout is here", at: holdout.name.range)],
          help: "lower the arms' shares so the holdout gets the rest")
        return
      }
      if let position = arms.firstIndex(where: \.isHoldout) { arms[position].weight = subtract(hundred, total) }
    } else if total.approximate != 100 {
      let difference = total < hundred ? subtract(hundred, total) : subtract(total, hundred)
      error(
        .variantWeights, "the arms of `\(decl.name.text)` add up to \(total)%, not 100%", at: decl.name.range,
        help: total < hundred
          ? "give the arms \(difference)% more, or add a `holdout` arm that takes the rest"
          : "take \(difference)% away from the arms")
      return
    }
    program.variants[index] = Variant(name: decl.name.text, arms: arms)
  }

  func add(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal {
    let scale = max(a.scale, b.scale)
    return ExactDecimal(units: rescale(a, scale) &+ rescale(b, scale), scale: scale)
  }

  func subtract(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal {
    let scale = max(a.scale, b.scale)
    return ExactDecimal(units: rescale(a, scale) &- rescale(b, scale), scale: scale)
  }

  func rescale(_ value: ExactDecimal, _ scale: Int) -> Int64 {
    var units = value.units
    for _ in value.scale..<scale { units = units &* 10 }
    return units
  }
}

extension Checker {
  /// The creative variables of an arm that a send reads: the send options it overrides.
  static let armKeys = ["subject", "text", "offer"]

  /// The send option an arm's key means: itself, or the one it is a slip of (`subjcet`).
  static func meantArmKey(_ key: String) -> String? {
    armKeys.contains(key) ? key : Spelling.closest(to: key, among: armKeys)
  }

  /// `curiosity 45% { subjcet "..." }`: a key a letter or two from `subject`, `text` or
  /// `offer` is a slip of it (other keys are the campaign's own creative variables).
  mutating func checkArmKeys(_ overrides: [CreativeVariable]) {
    for creative in overrides where !Checker.armKeys.contains(creative.key.text) {
      guard let meant = Checker.meantArmKey(creative.key.text) else { continue }
      error(
        .unknownStatement, "`\(creative.key.text)` is not something an arm of a variant sets", at: creative.key.range,
        help: "did you mean `\(meant)`?")
    }
  }
}
