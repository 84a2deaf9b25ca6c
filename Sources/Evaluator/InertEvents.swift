import CampaignLang
import Checker

/// Event types that a replay can leave out without changing any of its figures.
///
/// An event of such a type, replayed, only has the transitions tried and the due flows
/// run at its instant, as a timer would. That changes nothing when, as here, every
/// condition tried then reads the same as at the last event or timer before it: the
/// contact was settled then (the run tries rules until none fires), and the instants at
/// which a condition's value can change by time alone are timers of their own (`after`
/// clocks, waits, a decaying score crossing a `when` threshold; see `crossing`).
///
/// About half of a large history is sends and dismisses that a win-back campaign never
/// reacts to; leaving them out of the replay spares storing, grouping and replaying
/// them. They are still read, checked and counted like every row. Two things still
/// depend on them, and are kept: the events before a contact entered (`enter at`) are
/// counted per contact while loading (`DataSet.inertBeforeEntry`), and a contact whose
/// rules loop at one instant (stopped after `ContactRun.settleLimit` changes) would try
/// them again at each later event, so `simulate` replays everything again when a run
/// with events left out reports a loop.
extension SimulationProgram {
  /// Per event type: whether its events can be left out of the replay (see above).
  ///
  /// A type qualifies when nothing names it: not engagement, no score points, no hold,
  /// no guardrail, no `on` rule, no send `on` it, no aggregate over it. And then only if
  /// every condition the run tries at an event (transition triggers and guards, flow
  /// conditions, the segments these read) is steady: it reads no clock (`today`, `now`),
  /// no count or sum of events, and a decaying score only as a `when` trigger's comparison
  /// with a number, whose crossing is timed. Otherwise no type qualifies.
  var inertEvents: [Bool] {
    var inert = isEngagement.map { !$0 }
    for type in 0..<eventTypes where !scoreRules.range(type).isEmpty || !holds.range(type).isEmpty {
      inert[type] = false
    }
    for guardrail in guardrails { inert[Int(guardrail.event)] = false }
    for transition in transitions {
      if case .on(let event, _) = transition.trigger { inert[Int(event)] = false }
    }
    for flow in flows {
      for send in flow.sends { if let event = send.on { inert[Int(event)] = false } }
    }
    for aggregate in code.aggregates { inert[Int(aggregate.event)] = false }
    guard inert.contains(true), conditionsAreSteady else { return Array(repeating: false, count: eventTypes) }
    return inert
  }

  /// The event types a run of `campaign` can leave out, before any data is loaded.
  public static func inertEvents(of campaign: CheckedCampaign) -> [Bool] {
    compiledWithoutData(campaign).inert
  }

  /// Whether every condition the run tries at an event is steady (see `inertEvents`).
  var conditionsAreSteady: Bool {
    let decays = scores.map { $0.decay != nil }
    var roots: [(Expr, timed: Bool)] = []
    for transition in transitions {
      if case .when(let condition) = transition.trigger { roots.append((condition, true)) }
      if let guardCondition = transition.condition { roots.append((guardCondition, false)) }
    }
    for flow in flows {
      if let condition = flow.condition { roots.append((condition, false)) }
      for send in flow.sends { if let unless = send.unless { roots.append((unless, false)) } }
      for op in flow.ops {
        switch op {
        case .branch(let condition, _): roots.append((condition, false))
        case .exit(let unless?), .suppress(_, let unless?), .moveTo(_, let unless?), .setState(_, let unless?):
          roots.append((unless, false))
        default: break
        }
      }
    }
    return roots.allSatisfy { code.isSteady(node: $0.0.root, timed: $0.timed, decays: decays, segments: segments) }
  }
}

extension ExprCode {
  /// Whether node `index` reads the same at any instant until something the run times
  /// or replays changes: no clock, no event field, and a score that decays (`decays`,
  /// per score) only in a comparison with a number that `thresholds` times (`timed`:
  /// the node is in a `when` trigger, outside lists and segments).
  func isSteady(node index: Int32, timed: Bool, decays: [Bool], segments: [Expr]) -> Bool {
    let node = nodes[Int(index)]
    func steady(_ child: Int32, timed: Bool = timed) -> Bool {
      isSteady(node: child, timed: timed, decays: decays, segments: segments)
    }
    switch node.kind {
    case .constant, .attribute, .counter, .currentState, .engaged: return true
    case .eventField, .today, .now, .aggregate: return false
    case .score: return !decays[Int(node.a)]
    case .segment: return steady(segments[Int(node.a)].root, timed: false)
    case .exists, .not, .negate: return steady(node.a)
    // A score compared with a number in a `when` trigger: its crossing is timed.
    case .binary where timed && threshold(node: index) != nil: return true
    case .and, .or, .orDefault, .binary: return steady(node.a) && steady(node.b)
    case .member, .notMember:
      return steady(node.a, timed: false)
        && (Int(node.b)..<Int(node.b + node.c)).allSatisfy { steady(lists[$0], timed: false) }
    }
  }
}
