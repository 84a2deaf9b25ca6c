/// One parsed `.campaign` file: its declarations in source order and its comments.
public struct FileSyntax: Sendable, Hashable {
  public var file: FileID
  public var declarations: [Declaration]
  public var comments: [Comment]

  public init(file: FileID, declarations: [Declaration], comments: [Comment]) {
    self.file = file
    self.declarations = declarations
    self.comments = comments
  }
}

/// A `# ...` comment; `text` excludes the `#` and the line break.
public struct Comment: Sendable, Hashable {
  public var text: String
  public var range: SourceRange

  public init(text: String, range: SourceRange) {
    self.text = text
    self.range = range
  }
}

/// A top-level declaration. Order in the file carries no meaning (except for
/// transitions inside `states`, which are tried in the order written).
public enum Declaration: Sendable, Hashable {
  case importFile(ImportDecl)
  case campaign(CampaignDecl)
  case contact(ContactDecl)
  case event(EventDecl)
  case channel(ChannelDecl)
  case engagement(EngagementDecl)
  case segment(SegmentDecl)
  case consent(ConsentDecl)
  case score(ScoreDecl)
  case states(StatesDecl)
  case counter(CounterDecl)
  case cooldown(CooldownDecl)
  case hold(HoldDecl)
  case limit(LimitDecl)
  /// `budget email 3 per 7d`: the most messages one contact may get on a channel in any
  /// such window, checked against the worst case the campaign allows.
  case budget(LimitDecl)
  case quietHours(QuietHoursDecl)
  case flow(FlowDecl)
  case variant(VariantDecl)
  case guardrail(GuardrailDecl)
  case test(TestDecl)
  /// A declaration the parser could not read; its errors are already reported.
  case invalid(SourceRange)

  public var isInvalid: Bool {
    if case .invalid = self { return true }
    return false
  }
}

/// `import "lib/schema.campaign"`
public struct ImportDecl: Sendable, Hashable {
  public var path: StringLiteral
  public var range: SourceRange
  public init(path: StringLiteral, range: SourceRange) {
    self.path = path
    self.range = range
  }
}

/// `campaign "Winback Q4" { owner ..., timezone ..., audience ... }`
public struct CampaignDecl: Sendable, Hashable {
  public enum Item: Sendable, Hashable {
    case owner(StringLiteral, SourceRange)
    case timezone(StringLiteral, SourceRange)
    case audience(Expr, SourceRange)
    case description(StringLiteral, SourceRange)
    /// `enter at signup_date`: each contact's run starts at this attribute (or the
    /// window's start, whichever is later).
    case enterAt(Name, SourceRange)
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

/// The declared type of an attribute or event field.
public struct TypeRef: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case int, decimal, bool, string, date, timestamp, duration, percent
    case enumeration([Name])
    /// A type name the parser did not know (already reported).
    case unknown
  }
  public var kind: Kind
  public var optional: Bool
  public var range: SourceRange
  public init(kind: Kind, optional: Bool, range: SourceRange) {
    self.kind = kind
    self.optional = optional
    self.range = range
  }
}

/// `key`, `pii` or `restricted` after a field's type.
public struct FieldModifier: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case key, pii, restricted
  }
  public var kind: Kind
  public var range: SourceRange
  public init(kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// `ltv decimal`, `email string pii`, `last_login timestamp?`
public struct FieldDecl: Sendable, Hashable {
  public var name: Name
  public var type: TypeRef
  public var modifiers: [FieldModifier]
  public var range: SourceRange
  public init(name: Name, type: TypeRef, modifiers: [FieldModifier], range: SourceRange) {
    self.name = name
    self.type = type
    self.modifiers = modifiers
    self.range = range
  }
  public func has(_ kind: FieldModifier.Kind) -> Bool { modifiers.contains { $0.kind == kind } }
}

/// `contact { ... }`: the contact schema.
public struct ContactDecl: Sendable, Hashable {
  public var fields: [FieldDecl]
  public var range: SourceRange
  public init(fields: [FieldDecl], range: SourceRange) {
    self.fields = fields
    self.range = range
  }
}

/// `event email_click { campaign string, url string }`
public struct EventDecl: Sendable, Hashable {
  public var name: Name
  public var fields: [FieldDecl]
  public var range: SourceRange
  public init(name: Name, fields: [FieldDecl], range: SourceRange) {
    self.name = name
    self.fields = fields
    self.range = range
  }
}

/// `channel line`: a channel beyond the built-in ones.
public struct ChannelDecl: Sendable, Hashable {
  public var name: Name
  public var range: SourceRange
  public init(name: Name, range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// An event named with an optional condition on its fields: `page_visit where intent == high`.
public struct EventPattern: Sendable, Hashable {
  public var event: Name
  public var condition: Expr?
  public var range: SourceRange
  public init(event: Name, condition: Expr?, range: SourceRange) {
    self.event = event
    self.condition = condition
    self.range = range
  }
}

/// `engagement email_open, email_click, page_visit where intent == high`
public struct EngagementDecl: Sendable, Hashable {
  public var events: [EventPattern]
  public var range: SourceRange
  public init(events: [EventPattern], range: SourceRange) {
    self.events = events
    self.range = range
  }
}

/// A creative variable: `message "Terima kasih"`, `offer "VIP10"`.
public struct CreativeVariable: Sendable, Hashable {
  public var key: Name
  public var value: StringLiteral
  public var range: SourceRange
  public init(key: Name, value: StringLiteral, range: SourceRange) {
    self.key = key
    self.value = value
    self.range = range
  }
}

/// `segment high_value = ltv >= 500 { message "..." }`
public struct SegmentDecl: Sendable, Hashable {
  public var name: Name
  public var condition: Expr
  public var creatives: [CreativeVariable]
  public var range: SourceRange
  public init(name: Name, condition: Expr, creatives: [CreativeVariable], range: SourceRange) {
    self.name = name
    self.condition = condition
    self.creatives = creatives
    self.range = range
  }
}

/// `consent email when email_consent_until >= today`
public struct ConsentDecl: Sendable, Hashable {
  public var channel: Name
  public var condition: Expr
  public var range: SourceRange
  public init(channel: Name, condition: Expr, range: SourceRange) {
    self.channel = channel
    self.condition = condition
    self.range = range
  }
}

/// `score engagement { email_open +5 ... decay ... cap 100 }`
public struct ScoreDecl: Sendable, Hashable {
  public enum Item: Sendable, Hashable {
    /// `page_visit +15 where intent == high`
    case points(EventPattern, points: NumberLiteral, SourceRange)
    /// `decay 10% every 7d after 14d idle` (the `after` part is optional)
    case stepDecay(percent: NumberLiteral, every: DurationLiteral, idle: DurationLiteral?, SourceRange)
    /// `decay half-life 30d`
    case halfLife(DurationLiteral, SourceRange)
    /// `cap 100`
    case cap(NumberLiteral, SourceRange)
    case invalid(SourceRange)
  }
  public var name: Name
  public var items: [Item]
  public var range: SourceRange
  public init(name: Name, items: [Item], range: SourceRange) {
    self.name = name
    self.items = items
    self.range = range
  }
}

/// What makes a transition fire.
public enum Trigger: Sendable, Hashable {
  /// `when engagement >= 20`: checked after every change.
  case when(Expr)
  /// `on email_click [where ...]`
  case on(EventPattern)
  /// `after 3 sends without engagement`
  case sendsWithoutEngagement(NumberLiteral, SourceRange)
  /// `after 90d idle`
  case idle(DurationLiteral, SourceRange)
  /// `after 7d`: time spent in the source state.
  case timeInState(DurationLiteral, SourceRange)
  /// `after 30d and 90d idle`: every one of the `after` triggers holds.
  case allOf([Trigger], SourceRange)
}

/// `Active -> Engaged when engagement >= 20`; `any -> Suppressed on unsubscribe`.
public struct Transition: Sendable, Hashable {
  /// The source state, or `any`.
  public var from: Name
  public var to: Name
  /// nil: fires as soon as the contact is in `from` (needs no input).
  public var trigger: Trigger?
  /// `if cycle < 2`: the transition fires only while this holds.
  public var condition: Expr?
  public var range: SourceRange
  public init(from: Name, to: Name, trigger: Trigger?, condition: Expr? = nil, range: SourceRange) {
    self.from = from
    self.to = to
    self.trigger = trigger
    self.condition = condition
    self.range = range
  }
}

/// `states { initial Active  state Engaged, Inactive  final Suppressed  A -> B ... }`
public struct StatesDecl: Sendable, Hashable {
  public enum Item: Sendable, Hashable {
    case initial(Name, SourceRange)
    case state([Name], SourceRange)
    case final([Name], SourceRange)
    case transition(Transition)
    case invalid(SourceRange)
  }
  public var items: [Item]
  public var range: SourceRange
  public init(items: [Item], range: SourceRange) {
    self.items = items
    self.range = range
  }
}

/// `counter reactivation_cycle`
public struct CounterDecl: Sendable, Hashable {
  public var name: Name
  public var range: SourceRange
  public init(name: Name, range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// `cooldown Inactive 30d`
public struct CooldownDecl: Sendable, Hashable {
  public var state: Name
  public var duration: DurationLiteral
  public var range: SourceRange
  public init(state: Name, duration: DurationLiteral, range: SourceRange) {
    self.state = state
    self.duration = duration
    self.range = range
  }
}

/// `hold in_app 24h after in_app_dismiss`
public struct HoldDecl: Sendable, Hashable {
  public var channel: Name
  public var duration: DurationLiteral
  public var event: Name
  public var range: SourceRange
  public init(channel: Name, duration: DurationLiteral, event: Name, range: SourceRange) {
    self.channel = channel
    self.duration = duration
    self.event = event
    self.range = range
  }
}

/// `limit email 2 per 7d`; also the shape of `budget email 3 per 7d`.
public struct LimitDecl: Sendable, Hashable {
  public var channel: Name
  public var count: NumberLiteral
  public var window: DurationLiteral
  public var range: SourceRange
  public init(channel: Name, count: NumberLiteral, window: DurationLiteral, range: SourceRange) {
    self.channel = channel
    self.count = count
    self.window = window
    self.range = range
  }
}

/// `quiet hours 21:00 to 08:00 [for push, sms]`
public struct QuietHoursDecl: Sendable, Hashable {
  /// Minutes after midnight.
  public var from: Int
  public var to: Int
  public var fromRange: SourceRange
  public var toRange: SourceRange
  /// Empty: every channel.
  public var channels: [Name]
  public var range: SourceRange
  public init(
    from: Int, to: Int, fromRange: SourceRange, toRange: SourceRange, channels: [Name],
    range: SourceRange
  ) {
    self.from = from
    self.to = to
    self.fromRange = fromRange
    self.toRange = toRange
    self.channels = channels
    self.range = range
  }
}

extension TypeRef.Kind {
  /// The type as written in a schema (`decimal`, `enum(low, high)`); nil for a type
  /// name the parser did not know.
  public var keyword: String? {
    switch self {
    case .int: "int"
    case .decimal: "decimal"
    case .bool: "bool"
    case .string: "string"
    case .date: "date"
    case .timestamp: "timestamp"
    case .duration: "duration"
    case .percent: "percent"
    case .enumeration(let cases): "enum(" + cases.map(\.text).joined(separator: ", ") + ")"
    case .unknown: nil
    }
  }
}
