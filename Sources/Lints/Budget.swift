import CampaignLang
import Checker

/// An upper bound on the messages one contact can receive, or none.
public enum MessageBound: Sendable, Hashable, CustomStringConvertible {
  case atMost(Int64)
  case unbounded

  public var description: String {
    switch self {
    case .atMost(let count): String(count)
    case .unbounded: "unbounded"
    }
  }

  func exceeds(_ count: Int64) -> Bool {
    switch self {
    case .atMost(let bound): bound > count
    case .unbounded: true
    }
  }
}

/// The worst case per channel, in any 7 and any 30 days (grammar.md §8 explains the
/// reasoning), and the declared budgets checked against it.
public struct BudgetReport: Sendable {
  public struct Row: Sendable, Hashable {
    public var channel: String
    public var sevenDays: MessageBound
    public var thirtyDays: MessageBound
    /// Why the bound is what it is, in campaign words.
    public var reason: String
  }
  public struct Check: Sendable {
    var budget: Budget
    var worst: MessageBound
    var reason: String
  }
  /// One row per channel that a flow sends on or that has a limit or a budget, in
  /// channel order.
  public var rows: [Row]
  var checks: [Check]

  /// E0602 for every budget the worst case exceeds.
  func violations(program: CheckedCampaign) -> [Diagnostic] {
    checks.filter { $0.worst.exceeds($0.budget.count) }.map { check in
      let channel = program.channels[check.budget.channel]
      let window = LintContext.days(check.budget.windowSeconds)
      let worst: String
      switch check.worst {
      case .atMost(let count): worst = "\(count) message\(count == 1 ? "" : "s")"
      case .unbounded: worst = "unbounded"
      }
      return Diagnostic(
        .budgetExceeded,
        "the worst case on `\(channel)` in \(window) is \(worst), over the budget of \(check.budget.count)",
        at: check.budget.range, notes: [Note("why: " + check.reason)],
        help:
          "send less on `\(channel)` (fewer sends, longer waits), add `limit \(channel) \(check.budget.count) per \(window)`, or raise the budget"
      )
    }
  }
}

/// Computes the worst case. Each bound is the smaller of two:
/// - the frequency limits on the channel: `N per D` allows at most `N * ceil(W / D)` in
///   any window `W`;
/// - the flows that send on it: for each, the most sends one run makes in any window
///   `W` (waits are exact; quiet hours may put a send off by up to their length, so the
///   window is widened by that; an `on EVENT` send may come any time after it is
///   reached; a send that always falls inside the state's cooldown is never made),
///   times how many runs can send into one window (once when the flow's state cannot
///   be entered again; `K` when the flow's `when` is `counter < K` and it raises the
///   counter first; otherwise `ceil(W / T) + 1`, where `T` is the shortest time a
///   contact needs to leave the state and come back, and unbounded when `T` is 0).
struct BudgetAnalysis {
  let program: CheckedCampaign
  let context: LintContext
  /// Per flow (parallel to `context.flowDecls`): its sends, and the channels they use.
  let flowSends: [[SendStep]]
  let flowChannels: [Set<String>]
  /// Each flow's paths (`LintContext.expandedPaths`), read per channel and window.
  let flowPaths: [[[TimedStep]]?]

  init(program: CheckedCampaign, context: LintContext) {
    self.program = program
    self.context = context
    flowSends = context.flowDecls.map { Self.sends($0.steps) }
    flowChannels = flowSends.map { Set($0.map(\.channel.text)) }
    flowPaths = context.flowDecls.map(context.expandedPaths)
  }

  static let week: Int64 = 7 * 86_400
  static let month: Int64 = 30 * 86_400

  /// E0602 for every declared budget the worst case exceeds.
  func violations() -> [Diagnostic] {
    BudgetReport(rows: [], checks: checks(cycles: shortestCycles())).violations(program: program)
  }

  func checks(cycles: [Cycle?]) -> [BudgetReport.Check] {
    program.budgets.map { budget in
      let worst = bound(channel: budget.channel, window: budget.windowSeconds, cycles: cycles)
      return BudgetReport.Check(budget: budget, worst: worst.bound, reason: worst.reason)
    }
  }

  func report() -> BudgetReport {
    let cycles = shortestCycles()
    var rows: [BudgetReport.Row] = []
    for channel in program.channels.indices {
      let sends = flowChannels.contains { $0.contains(program.channels[channel]) }
      let limited = program.limits.contains { $0.channel == channel }
      let budgeted = program.budgets.contains { $0.channel == channel }
      guard sends || limited || budgeted else { continue }
      let week = bound(channel: channel, window: Self.week, cycles: cycles)
      let month = bound(channel: channel, window: Self.month, cycles: cycles)
      let reason = week.reason == month.reason ? month.reason : "7d: \(week.reason); 30d: \(month.reason)"
      rows.append(
        BudgetReport.Row(
          channel: program.channels[channel], sevenDays: week.bound, thirtyDays: month.bound, reason: reason))
    }
    return BudgetReport(rows: rows, checks: checks(cycles: cycles))
  }

  static func sends(_ steps: [Step]) -> [SendStep] {
    steps.flatMap { step -> [SendStep] in
      switch step {
      case .send(let send): [send]
      case .branch(let branch): sends(branch.then) + sends(branch.otherwise ?? [])
      default: []
      }
    }
  }

  static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 { (a + b - 1) / b }

  // MARK: - One channel, one window

  func bound(channel: Int, window: Int64, cycles: [Cycle?]) -> (bound: MessageBound, reason: String) {
    let name = program.channels[channel]
    var limitBound: (count: Int64, reason: String)? = nil
    for limit in program.limits where limit.channel == channel {
      let count = limit.count * Self.ceilDiv(window, limit.windowSeconds)
      if limitBound.map({ count < $0.count }) ?? true {
        limitBound = (count, "`limit \(name) \(limit.count) per \(LintContext.days(limit.windowSeconds))`")
      }
    }
    var total: Int64 = 0
    var parts: [String] = []
    var unboundedReason: String? = nil
    for (index, flow) in context.flowDecls.enumerated() where flowChannels[index].contains(name) {
      guard let state = context.stateIndex(flow.state.text) else { continue }
      let perRun = sendsPerRun(index, sends: flowSends[index], state: state, channel: channel, window: window)
      guard perRun > 0 else { continue }
      let (runs, why) = runs(index, state: state, window: window, cycles: cycles)
      guard let runs else {
        unboundedReason = unboundedReason ?? "flow `\(flow.name.text)`: \(why)"
        continue
      }
      total += perRun * runs
      parts.append(
        "flow `\(flow.name.text)`: \(perRun) send\(perRun == 1 ? "" : "s") a run, \(runs) run\(runs == 1 ? "" : "s") (\(why))"
      )
    }
    if let reason = unboundedReason {
      guard let limitBound else { return (.unbounded, reason + ", and `\(name)` has no limit") }
      return (.atMost(limitBound.count), limitBound.reason)
    }
    if let limitBound, limitBound.count <= total { return (.atMost(limitBound.count), limitBound.reason) }
    if parts.isEmpty { return (.atMost(0), "no flow sends on `\(name)`") }
    return (.atMost(total), parts.joined(separator: "; "))
  }

  /// The most sends on `channel` one run of `flow` can make in any window of `window`.
  func sendsPerRun(_ flow: Int, sends: [SendStep], state: Int, channel: Int, window: Int64) -> Int64 {
    let name = program.channels[channel]
    let quiet = context.quietSpan(channel: channel)
    let cooldown = context.cooldown(ofState: state) ?? 0
    guard let paths = flowPaths[flow] else {
      return Int64(sends.count { $0.channel.text == name })  // every send, once
    }
    var best: Int64 = 0
    for path in paths {
      var fixed: [Int64] = []
      var whenever: [Int64] = []
      for timed in path {
        guard case .send(let send) = timed.step, send.channel.text == name else { continue }
        if send.options.contains(where: { $0.keyword == "on" }) {
          whenever.append(timed.offset)
        } else if timed.offset + quiet >= cooldown {
          fixed.append(timed.offset)
        }
      }
      for start in fixed + whenever {
        let end = start + window + quiet
        let count = fixed.count { $0 >= start && $0 < end } + whenever.count { $0 < end }
        best = max(best, Int64(count))
      }
    }
    return best
  }

  /// How many runs of `flow` can send into one window, and why; nil when unbounded.
  func runs(_ flow: Int, state: Int, window: Int64, cycles: [Cycle?]) -> (Int64?, String) {
    let stateName = program.states[state].name
    guard let cycle = cycles[state] else { return (1, "`\(stateName)` is entered at most once") }
    var best: (Int64, String)? = nil
    if let (counter, runs) = counterGuard(flow) {
      best = (runs, "`\(counter)` allows \(runs)")
    }
    if cycle.seconds > 0 {
      let runs = Self.ceilDiv(window, cycle.seconds) + 1
      if best.map({ runs < $0.0 }) ?? true {
        let days = LintContext.days(cycle.seconds)
        // With an idle timer taken as no time, the way round may really take longer:
        // say what is known (not sooner than this), and why no more is.
        let why =
          cycle.idle.map { "`\(stateName)` cannot be entered again within \(days) (\(idleCaveat($0)))" }
          ?? "`\(stateName)` can be entered again every \(days) at the soonest"
        best = (runs, why)
      }
    }
    guard let best else {
      guard let idle = cycle.idle else { return (nil, "`\(stateName)` can be left and entered again without waiting") }
      return (
        nil,
        "nothing the check can count keeps `\(stateName)` from being left and entered again at once (\(idleCaveat(idle)))"
      )
    }
    return best
  }

  /// `flow f for S when counter < K` (or `<= K`, possibly among other conditions joined
  /// by `and`) whose first step, before any wait, is `increment counter`: each run raises
  /// the counter, so there are at most K runs (K + 1 for `<=`). Counters start at 0 and
  /// only go up.
  func counterGuard(_ flow: Int) -> (String, Int64)? {
    guard let checked = context.checkedFlow(at: flow), let condition = checked.condition else { return nil }
    var incremented: Set<Int> = []
    for step in checked.steps {
      guard case .increment(let counter) = step else { break }
      incremented.insert(counter)
    }
    var best: (String, Int64)? = nil
    func visit(_ expr: CheckedExpr) {
      switch expr {
      case .binary(.and, let lhs, let rhs, _):
        visit(lhs)
        visit(rhs)
      case .binary(let op, .counter(let counter), .constant(.int(let limit)), _)
      where (op == .less || op == .lessEqual) && incremented.contains(counter):
        let runs = max(0, op == .less ? limit : limit + 1)
        if best.map({ runs < $0.1 }) ?? true { best = (program.counters[counter], runs) }
      default: break
      }
    }
    visit(condition)
    return best
  }

  // MARK: - Re-entry

  /// The shortest time a contact needs to leave a state and come back, and on that
  /// way round the first transition whose idle timer was taken as no time, if any (the
  /// reason has to say so: the real way round may well be longer).
  struct Cycle {
    var seconds: Int64
    var idle: Int?
  }

  /// For each state, the shortest time a contact needs to leave it and come back, or
  /// nil when it cannot come back. Timers in the state (`after 30d`) take their time;
  /// every other trigger (events, conditions, idle clocks that may already have run,
  /// sends without engagement, a flow's `set state`) is taken as immediate.
  func shortestCycles() -> [Cycle?] {
    let count = program.states.count
    var distance = Array(repeating: [Cycle?](repeating: nil, count: count), count: count)
    func edge(_ from: Int, _ to: Int, _ cycle: Cycle) {
      guard from != to else { return }
      if distance[from][to].map({ cycle.seconds < $0.seconds }) ?? true { distance[from][to] = cycle }
    }
    for (index, transition) in program.transitions.enumerated() {
      let seconds = Self.minimumTime(transition.trigger)
      let idle = LintContext.idleSeconds(transition.trigger).map { $0 > seconds } == true ? index : nil
      let cycle = Cycle(seconds: seconds, idle: idle)
      if let from = transition.from {
        edge(from, transition.to, cycle)
      } else {
        for from in 0..<count where !program.states[from].isFinal { edge(from, transition.to, cycle) }
      }
    }
    for move in context.flowMoves { edge(move.from, move.to, Cycle(seconds: 0, idle: nil)) }
    for via in 0..<count {
      for from in 0..<count {
        guard let first = distance[from][via] else { continue }
        for to in 0..<count {
          guard let second = distance[via][to] else { continue }
          let seconds = first.seconds + second.seconds
          if distance[from][to].map({ seconds < $0.seconds }) ?? true {
            distance[from][to] = Cycle(seconds: seconds, idle: first.idle ?? second.idle)
          }
        }
      }
    }
    return (0..<count).map { state in
      var best: Cycle? = nil
      for other in 0..<count where other != state {
        guard let out = distance[state][other], let back = distance[other][state] else { continue }
        let seconds = out.seconds + back.seconds
        if best.map({ seconds < $0.seconds }) ?? true { best = Cycle(seconds: seconds, idle: out.idle ?? back.idle) }
      }
      return best
    }
  }

  /// What an idle timer taken as no time on the way round does to the reason: the
  /// transition, and why it counts as no time.
  func idleCaveat(_ transition: Int) -> String {
    let checked = program.transitions[transition]
    let from = checked.from.map { "out of `\(program.states[$0].name)`" } ?? "out of any state"
    let idle = LintContext.idleSeconds(checked.trigger).map(LintContext.days) ?? "?"
    return "`after \(idle) idle` \(from) counts as no time, as the idle clock may have run before the contact came in"
  }

  /// The least time a trigger needs after the contact enters the source state.
  static func minimumTime(_ trigger: CheckedTrigger) -> Int64 {
    switch trigger {
    case .timeInState(let seconds): seconds
    case .allOf(let parts): parts.map(minimumTime).max() ?? 0
    case .immediately, .when, .on, .sendsWithoutEngagement, .idle: 0
    }
  }
}
