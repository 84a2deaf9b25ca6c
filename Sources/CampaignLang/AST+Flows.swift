/// `flow reactivation for Inactive [when reactivation_cycle < 2] { steps }`
public struct FlowDecl: Sendable, Hashable {
  public var name: Name
  public var state: Name
  public var condition: Expr?
  public var steps: [Step]
  public var range: SourceRange
  public init(name: Name, state: Name, condition: Expr?, steps: [Step], range: SourceRange) {
    self.name = name
    self.state = state
    self.condition = condition
    self.steps = steps
    self.range = range
  }
}

/// One step of a flow. Steps that take `unless` are skipped when the condition holds
/// (`unless engaged`).
public enum Step: Sendable, Hashable {
  case wait(WaitStep)
  case send(SendStep)
  case branch(BranchStep)
  case exit(unless: Expr?, SourceRange)
  /// `suppress [channel]`: stop sending (on that channel, or at all).
  case suppress(channel: Name?, unless: Expr?, SourceRange)
  /// `move to ads`: hand the contact to another audience.
  case moveTo(audience: Name, unless: Expr?, SourceRange)
  /// `set state Active`
  case setState(Name, unless: Expr?, SourceRange)
  /// `increment reactivation_cycle`
  case increment(Name, SourceRange)
  case invalid(SourceRange)

  public var range: SourceRange {
    switch self {
    case .wait(let step): step.range
    case .send(let step): step.range
    case .branch(let step): step.range
    case .exit(_, let range), .suppress(_, _, let range), .moveTo(_, _, let range),
      .setState(_, _, let range), .increment(_, let range), .invalid(let range):
      range
    }
  }
}

/// `wait 7d` or `wait cooldown` (the cooldown of the flow's state).
public struct WaitStep: Sendable, Hashable {
  /// nil means `wait cooldown`.
  public var duration: DurationLiteral?
  public var range: SourceRange
  public init(duration: DurationLiteral?, range: SourceRange) {
    self.duration = duration
    self.range = range
  }
}

/// An option of a send step: `variant subject_test`, `offer "WINBACK20"`, ...
public enum SendOption: Sendable, Hashable {
  case variant(Name, SourceRange)
  case offer(StringLiteral, SourceRange)
  case subject(StringLiteral, SourceRange)
  /// The message copy: required length limits apply (push).
  case text(StringLiteral, SourceRange)
  /// `on app_open`: the session event that shows an in-app message.
  case trigger(Name, SourceRange)

  public var range: SourceRange {
    switch self {
    case .variant(_, let range), .offer(_, let range), .subject(_, let range),
      .text(_, let range), .trigger(_, let range):
      range
    }
  }

  public var keyword: String {
    switch self {
    case .variant: "variant"
    case .offer: "offer"
    case .subject: "subject"
    case .text: "text"
    case .trigger: "on"
    }
  }
}

/// `send email "reactivation-2" offer "WINBACK20" unless engaged`
public struct SendStep: Sendable, Hashable {
  public var channel: Name
  public var template: StringLiteral
  public var options: [SendOption]
  public var unless: Expr?
  public var range: SourceRange
  public init(
    channel: Name, template: StringLiteral, options: [SendOption], unless: Expr?,
    range: SourceRange
  ) {
    self.channel = channel
    self.template = template
    self.options = options
    self.unless = unless
    self.range = range
  }
}

/// `if engaged { ... } else { ... }`
public struct BranchStep: Sendable, Hashable {
  public var condition: Expr
  public var then: [Step]
  public var otherwise: [Step]?
  public var range: SourceRange
  public init(condition: Expr, then: [Step], otherwise: [Step]?, range: SourceRange) {
    self.condition = condition
    self.then = then
    self.otherwise = otherwise
    self.range = range
  }
}

/// `variant subject_test { curiosity 50% { subject "..." }  value 50% { ... } }`
public struct VariantDecl: Sendable, Hashable {
  public var name: Name
  public var arms: [VariantArm]
  public var range: SourceRange
  /// Set when a syntax error inside the block lost an arm or its share: the shares are
  /// then not added up (that error is the one message).
  public var lostArms: Bool
  public init(name: Name, arms: [VariantArm], range: SourceRange, lostArms: Bool = false) {
    self.name = name
    self.arms = arms
    self.range = range
    self.lostArms = lostArms
  }
}

/// One arm of a variant. An arm named `holdout` receives nothing; without a weight it
/// takes whatever the other arms leave.
public struct VariantArm: Sendable, Hashable {
  public var name: Name
  public var weight: NumberLiteral?
  public var overrides: [CreativeVariable]
  public var range: SourceRange
  public init(name: Name, weight: NumberLiteral?, overrides: [CreativeVariable], range: SourceRange) {
    self.name = name
    self.weight = weight
    self.overrides = overrides
    self.range = range
  }
  public var isHoldout: Bool { name.text == "holdout" }
}

/// `guardrail unsubscribe below 0.5% of sends [on email]`
public struct GuardrailDecl: Sendable, Hashable {
  public var event: Name
  public var limit: NumberLiteral
  public var channel: Name?
  public var range: SourceRange
  public init(event: Name, limit: NumberLiteral, channel: Name?, range: SourceRange) {
    self.event = event
    self.limit = limit
    self.channel = channel
    self.range = range
  }
}

/// A `name value` pair in a test's contact or event: `ltv 600`, `intent high`.
public struct TestField: Sendable, Hashable {
  public var name: Name
  public var value: Expr
  public var range: SourceRange
  public init(name: Name, value: Expr, range: SourceRange) {
    self.name = name
    self.value = value
    self.range = range
  }
}

/// `test "a visitor becomes engaged" { contact {...}  at ... event {...}  expect ... }`
public struct TestDecl: Sendable, Hashable {
  public enum Item: Sendable, Hashable {
    case contact([TestField], SourceRange)
    case event(at: Timestamp, atRange: SourceRange, event: Name, fields: [TestField], SourceRange)
    case expect(Expectation, SourceRange)
    /// `run until 2025-03-01`: the end of the test's run (exclusive), after its last event.
    case run(until: Timestamp, untilRange: SourceRange, SourceRange)
    case invalid(SourceRange)
  }
  public var name: StringLiteral
  public var items: [Item]
  public var range: SourceRange
  public init(name: StringLiteral, items: [Item], range: SourceRange) {
    self.name = name
    self.items = items
    self.range = range
  }
}

/// What a test expects at the end of its run.
public enum Expectation: Sendable, Hashable {
  /// `expect state Engaged`
  case state(Name)
  /// `expect engagement 25` (a score or counter and its value)
  case value(Name, Expr)
  /// `expect sends email 2` or `expect sends 3`
  case sends(channel: Name?, count: NumberLiteral)
  /// `expect segment high_value` / `expect not segment high_value`
  case segment(Name, negated: Bool)
}
