import CampaignLang
import Checker

/// A step of a flow as reached along one path through its `if`s, with the time since
/// the flow started (the sum of the waits before it).
struct TimedStep {
  var step: Step
  var offset: Int64

  var isWait: Bool {
    if case .wait = step { return true }
    return false
  }
}

extension LintContext {
  /// The most paths a flow is followed along; a flow with more is not analysed.
  static let maxPaths = 256

  /// Every path through `flow` (each `if` taken both ways), or nil when there are more
  /// than `maxPaths`. A path ends at an unconditional `exit` or `set state` elsewhere.
  /// Worked out only for the flows a lint needs it for (see `flowSteps`), and once per
  /// flow by the budget.
  func expandedPaths(_ flow: FlowDecl) -> [[TimedStep]]? {
    let state = stateIndex(flow.state.text)
    let rest = state.flatMap { cooldown(ofState: $0) } ?? 0
    var partial: [(steps: [TimedStep], offset: Int64, ended: Bool)] = [([], 0, false)]
    guard expand(flow.steps, flowState: flow.state.text, cooldown: rest, into: &partial) else { return nil }
    return partial.map(\.steps)
  }

  private func expand(
    _ steps: [Step], flowState: String, cooldown: Int64,
    into paths: inout [(steps: [TimedStep], offset: Int64, ended: Bool)]
  ) -> Bool {
    for step in steps {
      guard case .branch(let branch) = step else {
        // Not a branch: every open path takes the step where it is (no new paths).
        let ends = Self.endsFlow(step, flowState: flowState)
        for index in paths.indices where !paths[index].ended {
          if case .wait(let wait) = step { paths[index].offset += wait.duration?.value.seconds ?? cooldown }
          paths[index].steps.append(TimedStep(step: step, offset: paths[index].offset))
          if ends { paths[index].ended = true }
        }
        continue
      }
      var next: [(steps: [TimedStep], offset: Int64, ended: Bool)] = []
      for path in paths {
        guard !path.ended else {
          next.append(path)
          continue
        }
        var then = [path]
        var otherwise = [path]
        guard expand(branch.then, flowState: flowState, cooldown: cooldown, into: &then),
          expand(branch.otherwise ?? [], flowState: flowState, cooldown: cooldown, into: &otherwise)
        else { return false }
        next += then + otherwise
      }
      guard next.count <= Self.maxPaths else { return false }
      paths = next
    }
    return true
  }

  /// Whether a step always ends the flow: `exit` or `set state` to another state
  /// without `unless`, or an `if` whose branches (both written) both end it.
  static func endsFlow(_ step: Step, flowState: String) -> Bool {
    switch step {
    case .exit(let unless, _): unless == nil
    case .setState(let state, let unless, _): unless == nil && state.text != flowState
    case .branch(let branch):
      branch.otherwise.map { otherwise in
        branch.then.contains { endsFlow($0, flowState: flowState) }
          && otherwise.contains { endsFlow($0, flowState: flowState) }
      } ?? false
    default: false
    }
  }

  /// The longest a contact can stay in `state`: the shortest timer of a transition out
  /// of it that has no guard (`after 30d`, `after 90d idle`), or nil when no such timer
  /// leads out. An idle timer bounds the stay of contacts who do not engage only (the
  /// clock may have started before the contact entered, so it can only be shorter; each
  /// engagement starts it again): `leaving(_:)` words it.
  func longestStay(in state: Int) -> (seconds: Int64, transition: Int)? {
    var best: (seconds: Int64, transition: Int)? = nil
    for (index, transition) in program.transitions.enumerated()
    where applies(transition, in: state) && transition.to != state && transition.condition == nil {
      guard let seconds = Self.timerSeconds(transition.trigger) else { continue }
      if best.map({ seconds < $0.seconds }) ?? true { best = (seconds, index) }
    }
    return best
  }

  /// Who leaves by `transition` (a timer out of a state, from `longestStay`) and what
  /// moves them, in words true of its kind of timer: every contact for `after 30d`, the
  /// contacts who do not engage for `after 90d idle`.
  func leaving(by transition: Int) -> (contacts: String, note: String) {
    guard Self.idleSeconds(program.transitions[transition].trigger) != nil else {
      return ("contacts", "this transition moves them out first")
    }
    return (
      "contacts who do not engage",
      "this transition moves idle contacts out first (a contact who engages stays: each engagement starts the idle clock again)"
    )
  }

  /// The longest idle timer in a trigger (`after 90d idle`, alone or with others), if any.
  static func idleSeconds(_ trigger: CheckedTrigger) -> Int64? {
    switch trigger {
    case .idle(let seconds): seconds
    case .allOf(let parts): parts.compactMap(idleSeconds).max()
    case .immediately, .when, .on, .sendsWithoutEngagement, .timeInState: nil
    }
  }

  /// How long after entering a state a timer trigger fires at the latest, if it is
  /// made of timers only.
  static func timerSeconds(_ trigger: CheckedTrigger) -> Int64? {
    switch trigger {
    case .idle(let seconds), .timeInState(let seconds): seconds
    case .allOf(let parts):
      parts.reduce(Int64?.some(0)) { total, part in
        guard let total, let seconds = timerSeconds(part) else { return nil }
        return max(total, seconds)
      }
    case .immediately, .when, .on, .sendsWithoutEngagement: nil
    }
  }
}
