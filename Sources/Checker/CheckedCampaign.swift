import CampaignLang

/// A campaign that passed the checker: every name resolved to a slot, every expression
/// typed. Immutable and `Sendable`: one value serves any number of contacts. This is
/// the only input the evaluator accepts.
public struct CheckedCampaign: Sendable, Hashable {
  public var name: String
  public var owner: String?
  /// IANA time zone name; "UTC" when the header names none.
  public var timezone: String
  public var audience: CheckedExpr?
  /// `enter at ATTRIBUTE`: the date or timestamp attribute at which each contact's run
  /// starts (the window's start when it is earlier or missing).
  public var enterAt: Int?
  public var attributes: [Attribute]
  /// Index of the `key` attribute.
  public var keyAttribute: Int
  public var events: [EventType]
  /// Built-in channels first (`Channel.builtIn`), then declared ones.
  public var channels: [String]
  public var engagement: [EventMatch]
  public var segments: [Segment]
  /// Per channel index: the consent condition, or nil when the channel has none.
  public var consent: [CheckedExpr?]
  public var scores: [Score]
  public var states: [State]
  public var initialState: Int
  /// In declared order: the evaluator tries them in this order.
  public var transitions: [CheckedTransition]
  public var counters: [String]
  public var holds: [Hold]
  public var limits: [Limit]
  /// `budget CHANNEL N per D`: the worst case per contact must stay within these.
  public var budgets: [Budget]
  public var quietHours: [QuietHours]
  public var flows: [Flow]
  public var variants: [Variant]
  public var guardrails: [Guardrail]
  public var tests: [TestCase]
}

/// The channels every campaign knows.
public enum Channel {
  public static let builtIn = ["email", "push", "in_app", "sms", "whatsapp", "ads"]
  /// The longest push copy, in characters (the common OS truncation point).
  public static let pushTextLimit = 120
}

public struct Attribute: Sendable, Hashable {
  public var name: String
  public var type: ValueType
  public var isPII: Bool
  public var isRestricted: Bool
}

public struct EventType: Sendable, Hashable {
  public var name: String
  public var fields: [Attribute]
}

/// An event type with an optional condition on its fields.
public struct EventMatch: Sendable, Hashable {
  public var event: Int
  public var condition: CheckedExpr?
}

/// A creative variable of a segment or variant arm.
public struct Creative: Sendable, Hashable {
  public var key: String
  public var value: String
}

public struct Segment: Sendable, Hashable {
  public var name: String
  public var condition: CheckedExpr
  public var creatives: [Creative]
}

public struct Score: Sendable, Hashable {
  public enum Decay: Sendable, Hashable {
    /// Lose `percent` every `every` seconds once idle for `idleAfter` seconds.
    case step(percent: ExactDecimal, every: Int64, idleAfter: Int64)
    /// Each contribution halves every `seconds`.
    case halfLife(seconds: Int64)
  }
  public struct Rule: Sendable, Hashable {
    public var match: EventMatch
    public var points: ExactDecimal
  }
  public var name: String
  public var rules: [Rule]
  public var decay: Decay?
  public var cap: ExactDecimal?
}

public struct State: Sendable, Hashable {
  public var name: String
  public var isFinal: Bool
  /// Rest period after entering this state, in seconds.
  public var cooldown: Int64?
}

public enum CheckedTrigger: Sendable, Hashable {
  case immediately
  case when(CheckedExpr)
  case on(EventMatch)
  case sendsWithoutEngagement(Int64)
  case idle(seconds: Int64)
  case timeInState(seconds: Int64)
  /// `after 30d and 90d idle`: every part holds (each is a timer or a send count).
  case allOf([CheckedTrigger])
}

public struct CheckedTransition: Sendable, Hashable {
  /// nil: from any state.
  public var from: Int?
  public var to: Int
  public var trigger: CheckedTrigger
  /// `if COND`: the transition fires only while this holds.
  public var condition: CheckedExpr?
}

public struct Hold: Sendable, Hashable {
  public var channel: Int
  public var seconds: Int64
  public var event: Int
}

public struct Limit: Sendable, Hashable {
  public var channel: Int
  public var count: Int64
  public var windowSeconds: Int64
}

/// `budget email 3 per 7d`: a declared ceiling on what one contact can receive, checked
/// against the campaign's worst case (not enforced while sending: `limit` does that).
public struct Budget: Sendable, Hashable {
  public var channel: Int
  public var count: Int64
  public var windowSeconds: Int64
  /// The declaration, for the message when the worst case exceeds it.
  public var range: SourceRange
}

public struct QuietHours: Sendable, Hashable {
  /// Minutes after midnight, in the contact's time zone.
  public var from: Int
  public var to: Int
  /// Empty: all channels.
  public var channels: [Int]
}

public indirect enum CheckedStep: Sendable, Hashable {
  case wait(seconds: Int64)
  case send(CheckedSend)
  case branch(CheckedExpr, then: [CheckedStep], otherwise: [CheckedStep])
  case exit(unless: CheckedExpr?)
  case suppress(channel: Int?, unless: CheckedExpr?)
  case moveTo(audience: String, unless: CheckedExpr?)
  case setState(Int, unless: CheckedExpr?)
  case increment(counter: Int)
}

public struct CheckedSend: Sendable, Hashable {
  public var channel: Int
  public var template: String
  public var variant: Int?
  public var offer: String?
  public var subject: String?
  public var text: String?
  public var trigger: Int?
  public var unless: CheckedExpr?
}

public struct Flow: Sendable, Hashable {
  public var name: String
  public var state: Int
  public var condition: CheckedExpr?
  public var steps: [CheckedStep]
}

public struct Variant: Sendable, Hashable {
  public struct Arm: Sendable, Hashable {
    public var name: String
    /// Percentage of contacts (exact); the holdout's is derived when not written.
    public var weight: ExactDecimal
    public var isHoldout: Bool
    public var creatives: [Creative]
  }
  public var name: String
  public var arms: [Arm]
}

public struct Guardrail: Sendable, Hashable {
  public var event: Int
  public var limitPercent: ExactDecimal
  public var channel: Int?
}

public struct TestCase: Sendable, Hashable {
  public struct TimedEvent: Sendable, Hashable {
    public var at: Timestamp
    public var event: Int
    public var fields: [(Int, ConstantValue)]
    public static func == (a: TimedEvent, b: TimedEvent) -> Bool {
      a.at == b.at && a.event == b.event && a.fields.map(\.0) == b.fields.map(\.0)
        && a.fields.map(\.1) == b.fields.map(\.1)
    }
    public func hash(into hasher: inout Hasher) {
      hasher.combine(at)
      hasher.combine(event)
      for (index, value) in fields {
        hasher.combine(index)
        hasher.combine(value)
      }
    }
  }
  public enum Expectation: Sendable, Hashable {
    case state(Int)
    case score(Int, ExactDecimal)
    case counter(Int, Int64)
    case sends(channel: Int?, count: Int64)
    case segment(Int, member: Bool)
  }
  /// An expectation and where the test writes it (`expect ...`), for failure reports.
  public struct Check: Sendable, Hashable {
    public var expectation: Expectation
    public var range: SourceRange
  }
  public var name: String
  /// The test's name in the source, for reports.
  public var range: SourceRange
  public var contact: [(Int, ConstantValue)]
  /// In written order; the run replays them in time order (ties in written order).
  public var events: [TimedEvent]
  public var expectations: [Check]
  /// `run until`: the end of the run (exclusive); nil: one second after the last event.
  public var runUntil: Timestamp?

  public static func == (a: TestCase, b: TestCase) -> Bool {
    a.name == b.name && a.range == b.range && a.contact.map(\.0) == b.contact.map(\.0)
      && a.contact.map(\.1) == b.contact.map(\.1) && a.events == b.events
      && a.expectations == b.expectations && a.runUntil == b.runUntil
  }
  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(events)
    hasher.combine(expectations)
    hasher.combine(runUntil)
  }
}
