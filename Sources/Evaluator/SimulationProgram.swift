import CampaignLang
import Checker

/// A checked campaign compiled against one data set: expressions with their text in
/// the data's pool, flows as flat step lists, rules indexed by event type. Built once,
/// shared by every contact's run.
public struct SimulationProgram: Sendable {
  public let campaign: CheckedCampaign
  var audience: Expr?
  var segments: [Expr]
  var consent: [Expr?]
  /// Per event type: whether the `engagement` declaration names it.
  var isEngagement: [Bool]
  /// Per event type: the conditions under which it is engagement (nil: always); empty
  /// for event types that are not engagement.
  var engagement: Lists<Expr?>
  /// Per event type: whether it is engagement whatever its fields (a condition-free
  /// `engagement` entry), so the run need not look at the conditions.
  var alwaysEngagement: [Bool]
  /// Per event type: the score rules it feeds.
  var scoreRules: Lists<ScoreRule>
  /// Per score: its cap and decay, as plain values (the run reads them at every event,
  /// and copying the checked score, with its rules and name, cost more than the reading).
  var scores: [ScoreShape]
  var transitions: [Transition]
  var initialState: Int
  var counterCount: Int
  var enterAt: Int?
  /// Per state: its cooldown in seconds, if it has one.
  var cooldowns: [Int64?]
  /// The timers of `after` triggers, and the thresholds of `when` ones (see `Transition`).
  var timers: [Timer] = []
  var thresholds: [ExprCode.Threshold] = []
  /// Per state: the transitions that can leave it, in declared order (its own and the
  /// `any` ones, which never leave a final state nor go to the state they start from).
  var transitionsFrom: Lists<Int>
  /// Per state and event type (row `state * (eventTypes + 1) + type + 1`, type -1 for
  /// no event): the transitions of `transitionsFrom` that can fire then, in declared
  /// order: all but the `on` rules of other types. Tried after every event.
  var firingFrom: Lists<Rule>
  /// Per state: the transitions of `transitionsFrom` that can set a timer (`after`, and
  /// `when` with a score threshold), in declared order: the ones `nextTimer` reads.
  var timedFrom: Lists<Rule>
  var eventTypes: Int
  /// Per event type: the holds it starts (channel, seconds).
  var holds: Lists<(channel: Int, seconds: Int64)>
  /// Per channel: its frequency limits (count, window seconds).
  var limits: Lists<(count: Int64, window: Int64)>
  /// Per channel: its quiet hours (minutes after local midnight).
  var quietHours: Lists<(from: Int64, to: Int64)>
  var flows: [FlowProgram]
  /// Per state: the flows that start when a contact enters it, in declared order.
  var flowsOfState: Lists<Int>
  var variants: [VariantProgram]
  var guardrails: [(event: Int32, channel: Int?)]
  /// Per event type: the column of its `channel` field when it has one of text type,
  /// used to tie history events to sends on that channel.
  var channelSlot: [Int?]
  /// Per channel name: its pool id, to compare with `channel` fields.
  var channelIDs: [Int32]
  /// Whether a rule reads the count of sends (`after N sends without engagement`): a
  /// send changes what rules read only then (see `ContactRun.settled`).
  var countsSends = false
  /// Per event type: whether it is inert (see `inertEvents`): the run tries no rule at it.
  var inert: [Bool] = []

  struct ScoreShape: Sendable {
    /// The cap, or infinity.
    var cap: Double
    var decay: Score.Decay?
    /// Whether the decayed total is never above the total (of zero or more) as of its
    /// last change: no decay, or a half-life.
    var decaysDown: Bool
    /// The half-life in seconds, or 0 for any other decay.
    var halfLife: Double

    init(cap: Double, decay: Score.Decay?) {
      self.cap = cap
      self.decay = decay
      halfLife = 0
      switch decay {
      case nil: decaysDown = true
      case .halfLife(let seconds)?:
        decaysDown = seconds > 0
        halfLife = seconds > 0 ? Double(seconds) : 0
      case .step?: decaysDown = false
      }
    }
  }

  struct ScoreRule: Sendable {
    var score: Int
    var points: Double
    var condition: Expr?
  }

  struct Transition: Sendable {
    var index: Int
    var from: Int?
    var to: Int
    var trigger: Trigger
    /// `if COND`: checked once the trigger holds.
    var condition: Expr?
    /// For `when`: the (score, number) pairs its condition compares, as their place
    /// in `thresholds`, so a decaying score's crossing of a threshold can be timed exactly.
    var thresholds: Range<Int32> = 0..<0
  }

  enum Trigger: Sendable {
    case immediately
    case when(Expr)
    case on(event: Int32, condition: Expr?)
    /// `after ...`: one timer, or several joined by `and` (all must have run out), as
    /// their place in `timers`. Plain data, like every part of a transition: the run
    /// reads transitions after every event, and copying arrays out of them cost more
    /// than the tests they serve.
    case after(Range<Int32>)
  }

  /// A transition as the run tries it (`firingFrom`, `timedFrom`): a kind tag and plain
  /// numbers, read in place. Trying a `Transition` went from the list to the transition
  /// (a second load and bounds check), switched on its payload-carrying trigger, and for
  /// a score comparison loaded the node, its operands' nodes and the number in turn.
  struct Rule: Sendable {
    enum Kind: UInt8, Sendable {
      case immediately
      /// `when`: `trigger` holds.
      case when
      /// `when` a score compared with a number: comparison `comparison` holds.
      case whenScore
      /// `on`: the event is of the rule's type (the lists hold only those), and `trigger`
      /// holds when there is one.
      case on
      /// `after`: every timer of `places` has run out.
      case after
    }

    var kind: Kind
    /// The transition's place in `transitions`.
    var transition: Int32
    /// `whenScore`: the comparison's place in `ExprCode.comparisons`.
    var comparison: Int32 = 0
    /// `after`: the timers, as their place in `timers`; `when`, `whenScore`: the
    /// thresholds, as their place in `thresholds` (see `Transition.thresholds`).
    var places: Range<Int32> = 0..<0
    var trigger: Expr?
    /// `if COND`: checked once the trigger holds.
    var condition: Expr?

    init(_ transition: Transition, code: ExprCode) {
      self.transition = Int32(transition.index)
      condition = transition.condition
      switch transition.trigger {
      case .immediately: kind = .immediately
      case .when(let expr):
        let root = code.nodes[Int(expr.root)]
        if expr.memo < 0 && root.kind == .binary && root.c != 0 {
          kind = .whenScore
          comparison = root.c - 1
        } else {
          kind = .when
          trigger = expr
        }
        places = transition.thresholds
      case .on(_, let expr):
        kind = .on
        trigger = expr
      case .after(let timers):
        kind = .after
        places = timers
      }
    }
  }

  enum Timer: Sendable {
    case sendsWithoutEngagement(Int64)
    case idle(Int64)
    case timeInState(Int64)

    init(_ trigger: CheckedTrigger) {
      switch trigger {
      case .sendsWithoutEngagement(let count): self = .sendsWithoutEngagement(count)
      case .idle(let seconds): self = .idle(seconds)
      case .timeInState(let seconds): self = .timeInState(seconds)
      // The checker only joins `after` forms with `and`.
      default: preconditionFailure("`and` joins only `after` triggers")
      }
    }
  }

  /// Every expression above, as nodes.
  var code: ExprCode
  /// The pool after compiling (it holds the campaign's text constants too).
  public internal(set) var pool: StringPool

  public init(_ campaign: CheckedCampaign, data: DataSet) {
    self.campaign = campaign
    let slots = data.slots
    var compiler = ExprCompiler(
      program: campaign, slots: slots, zone: data.zones.first ?? .utc, pool: data.pool)
    audience = campaign.audience.map { compiler.compile($0) }
    segments = campaign.segments.map { compiler.compile($0.condition) }
    consent = campaign.consent.map { $0.map { compiler.compile($0) } }
    let eventCount = campaign.events.count
    var engagement: [[Expr?]] = Array(repeating: [], count: eventCount)
    var isEngagement = Array(repeating: false, count: eventCount)
    for match in campaign.engagement {
      isEngagement[match.event] = true
      engagement[match.event].append(match.condition.map { compiler.compile($0, event: match.event) })
    }
    self.engagement = Lists(engagement)
    alwaysEngagement = engagement.map { $0.contains { $0 == nil } }
    self.isEngagement = isEngagement
    var scoreRules: [[ScoreRule]] = Array(repeating: [], count: eventCount)
    for (scoreIndex, score) in campaign.scores.enumerated() {
      for rule in score.rules {
        scoreRules[rule.match.event].append(
          ScoreRule(
            score: scoreIndex, points: rule.points.approximate,
            condition: rule.match.condition.map { compiler.compile($0, event: rule.match.event) }))
      }
    }
    self.scoreRules = Lists(scoreRules)
    scores = campaign.scores.map { ScoreShape(cap: $0.cap?.approximate ?? .infinity, decay: $0.decay) }
    initialState = campaign.initialState
    counterCount = campaign.counters.count
    enterAt = campaign.enterAt
    cooldowns = campaign.states.map(\.cooldown)
    var timers: [Timer] = []
    var thresholds: [ExprCode.Threshold] = []
    transitions = campaign.transitions.enumerated().map { index, transition in
      let trigger: Trigger =
        switch transition.trigger {
        case .immediately: .immediately
        case .when(let condition): .when(compiler.compile(condition))
        case .on(let match):
          .on(event: Int32(match.event), condition: match.condition.map { compiler.compile($0, event: match.event) })
        case .sendsWithoutEngagement, .idle, .timeInState: .after(place([Timer(transition.trigger)], in: &timers))
        case .allOf(let parts): .after(place(parts.map(Timer.init), in: &timers))
        }
      var compiled = Transition(
        index: index, from: transition.from, to: transition.to, trigger: trigger,
        condition: transition.condition.map { compiler.compile($0) })
      if case .when(let condition) = trigger {
        compiled.thresholds = place(compiler.code.thresholds(in: condition), in: &thresholds)
      }
      return compiled
    }
    self.timers = timers
    countsSends = timers.contains { if case .sendsWithoutEngagement = $0 { true } else { false } }
    self.thresholds = thresholds
    transitionsFrom = Lists(
      campaign.states.indices.map { state in
        campaign.transitions.indices.filter { index in
          let transition = campaign.transitions[index]
          if let from = transition.from { return from == state }
          return transition.to != state && !campaign.states[state].isFinal
        }
      })
    eventTypes = eventCount
    var firingFrom: [[Int]] = []
    var timedFrom: [[Int]] = []
    let transitions = self.transitions
    for state in campaign.states.indices {
      let from = transitionsFrom[state]
      for type in -1..<eventCount {
        firingFrom.append(
          from.filter { index in
            guard case .on(let event, _) = transitions[index].trigger else { return true }
            return event == type
          })
      }
      timedFrom.append(
        from.filter { index in
          switch transitions[index].trigger {
          case .after: true
          case .when: !transitions[index].thresholds.isEmpty
          default: false
          }
        })
    }
    let rules = transitions.map { Rule($0, code: compiler.code) }
    self.firingFrom = Lists(firingFrom.map { $0.map { rules[$0] } })
    self.timedFrom = Lists(timedFrom.map { $0.map { rules[$0] } })
    var holds: [[(channel: Int, seconds: Int64)]] = Array(repeating: [], count: eventCount)
    for hold in campaign.holds { holds[hold.event].append((hold.channel, hold.seconds)) }
    self.holds = Lists(holds)
    let channelCount = campaign.channels.count
    var limits: [[(count: Int64, window: Int64)]] = Array(repeating: [], count: channelCount)
    for limit in campaign.limits { limits[limit.channel].append((limit.count, limit.windowSeconds)) }
    self.limits = Lists(limits)
    var quiet: [[(from: Int64, to: Int64)]] = Array(repeating: [], count: channelCount)
    for hours in campaign.quietHours {
      for channel in hours.channels.isEmpty ? Array(0..<channelCount) : hours.channels {
        quiet[channel].append((Int64(hours.from), Int64(hours.to)))
      }
    }
    quietHours = Lists(quiet)
    flows = campaign.flows.map { FlowProgram($0, compiler: &compiler) }
    var flowsOfState: [[Int]] = Array(repeating: [], count: campaign.states.count)
    for (index, flow) in campaign.flows.enumerated() { flowsOfState[flow.state].append(index) }
    self.flowsOfState = Lists(flowsOfState)
    variants = campaign.variants.map { VariantProgram($0, campaign: campaign.name) }
    guardrails = campaign.guardrails.map { guardrail in (Int32(guardrail.event), guardrail.channel) }
    channelSlot = campaign.events.enumerated().map { eventIndex, event in
      event.fields.firstIndex { $0.name == "channel" && !$0.type.isOptional }.flatMap { field in
        if case .string = event.fields[field].type.base { return slots.slot[eventIndex][field] }
        return nil
      }
    }
    channelIDs = campaign.channels.map { compiler.pool.intern($0) }
    pool = compiler.pool
    code = compiler.code
    inert = inertEvents
  }
}

extension SimulationProgram {
  /// The attributes the run reads: the ones its expressions name, and `enter at`.
  var attributesRead: Set<Int> {
    var read = Set(code.nodes.filter { $0.kind == .attribute }.map { Int($0.a) })
    if let enterAt { read.insert(enterAt) }
    return read
  }

  /// The event field slots the run reads: the fields its expressions name, the fields
  /// its aggregates sum, and each event's channel when there are flows (a send's
  /// follow-ups count engagement on its channel only).
  var fieldsRead: Set<Int> {
    var read = Set(code.nodes.filter { $0.kind == .eventField }.map { Int($0.a) })
    read.formUnion(code.aggregates.map(\.slot).filter { $0 >= 0 })
    if !flows.isEmpty { read.formUnion(channelSlot.compactMap { $0 }) }
    return read
  }

  /// `campaign` compiled before any data is loaded: enough to see what its run reads
  /// (`attributesRead`) and which events it reacts to (`inert`).
  static func compiledWithoutData(_ campaign: CheckedCampaign) -> SimulationProgram {
    SimulationProgram(campaign, data: .empty(for: campaign))
  }
}

/// Appends `items` to `list`; returns where they are.
private func place<T>(_ items: [T], in list: inout [T]) -> Range<Int32> {
  list.append(contentsOf: items)
  return Int32(list.count - items.count)..<Int32(list.count)
}
