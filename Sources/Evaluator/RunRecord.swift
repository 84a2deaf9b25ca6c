/// Why a message a flow meant to send did not go out.
public enum HeldReason: Int, Sendable, Hashable, CaseIterable, Comparable {
  case noConsent, suppressed, cooldown, hold, limit, quietHours, holdout, unless, exited, notShown

  public var label: String {
    switch self {
    case .noConsent: "no consent"
    case .suppressed: "channel suppressed"
    case .cooldown: "cooldown"
    case .hold: "hold after an event"
    case .limit: "frequency limit"
    case .quietHours: "quiet hours (deferred)"
    case .holdout: "holdout arm"
    case .unless: "unless condition"
    case .exited: "flow ended first"
    case .notShown: "its event never came (not shown)"
    }
  }

  public static func < (a: HeldReason, b: HeldReason) -> Bool { a.rawValue < b.rawValue }
}

/// What happened to one contact in a run: the simulation adds these up, `explain`
/// prints them.
public struct RunRecord: Sendable {
  public struct Transition: Sendable, Hashable {
    public var from: Int
    public var to: Int
    /// Index into `CheckedCampaign.transitions`; nil: a flow's `set state`.
    public var rule: Int?
    /// The flow that set the state, for `set state`.
    public var flow: Int?
    public var at: Int64
  }
  public struct Send: Sendable, Hashable {
    public var flow: Int
    public var number: Int
    public var channel: Int
    public var template: String
    /// The variant's arm, when the send has a variant.
    public var arm: Int?
    public var at: Int64
    /// Where the send's follow-ups are in `RunRecord.followUps`.
    public var followUps: Range<Int>
  }
  public struct Held: Sendable, Hashable {
    public var reason: HeldReason
    public var flow: Int
    public var number: Int
    public var channel: Int
    public var at: Int64
    /// For `exited`: how many sends the flow did not reach.
    public var count: Int
  }

  public var transitions: [Transition] = []
  public var sends: [Send] = []
  public var held: [Held] = []
  public var audiences: [(name: String, at: Int64)] = []
  /// Per send (`Send.followUps`): the engagement event types, in declared order, that the
  /// contact did on the send's channel within the attribution window after it (from the
  /// history). One array for all sends: an array per send cost an allocation per send.
  public var followUps: [Int] = []
  /// Per guardrail: its events after the contact's first send (on its channel).
  public var guardrailEvents: [Int] = []
  /// Instants at which a loop of transitions was stopped.
  public var loops = 0
  /// Events before the contact entered the campaign (`enter at`): not replayed.
  public var eventsBeforeEntry = 0

  /// Empties the record for the next contact, but for `guardrailEvents` (the run resets
  /// those when it changed them).
  mutating func reset() {
    ContactRun.empty(&transitions)
    ContactRun.empty(&sends)
    ContactRun.empty(&held)
    ContactRun.empty(&audiences)
    ContactRun.empty(&followUps)
    loops = 0
    eventsBeforeEntry = 0
  }
}
