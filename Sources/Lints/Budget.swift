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
///   contact needs to leave the state and come back, an idle timer counting only after
///   an engagement on the way (`shortestCycles`), and unbounded when `T` is 0).
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
        best = (runs, reentry(stateName, cycle))
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

  /// The shortest time a contact needs to leave a state and come back, and what on that
  /// way round the reason has to name: the first idle timer taken as no time, if any
  /// (the real way round may well be longer), and each engagement whose idle timer
  /// after it made the way round longer.
  struct Cycle {
    var seconds: Int64
    var idle: Int?
    var engagements: [EngagedIdle] = []
  }

  /// An `on EVENT` transition whose event is always engagement, and an `after D idle`
  /// after it on the way round that fires no sooner than `D` after it.
  struct EngagedIdle: Hashable {
    var engagement: Int
    var idle: Int
  }

  /// A way out of a state: a transition (nil: a flow's `set state`), the least time it
  /// needs after the contact enters the state (`fixed`), its idle timer (0: none), and
  /// whether it fires on an event that is always engagement.
  struct Edge {
    var to: Int
    var transition: Int?
    var fixed: Int64
    var idle: Int64
    var engages: Bool
  }

  /// A partial way round in the search: where it is, how long it takes at least (every
  /// transition on it firing as soon as it can), and on that soonest schedule how long
  /// since the last engagement on it (nil: none yet), kept up to the longest idle timer.
  struct Label {
    var state: Int
    var seconds: Int64
    var sinceEngagement: Int64?
    var lastEngagement: Int?
    var idle: Int?
    var engagements: [EngagedIdle]

    /// No longer, and no less time since the last engagement (none counts as the most):
    /// whatever way on `other` takes, this one takes it at least as fast.
    func dominates(_ other: Label) -> Bool {
      guard seconds <= other.seconds else { return false }
      guard let mine = sinceEngagement else { return true }
      return other.sinceEngagement.map { mine >= $0 } ?? false
    }
  }

  /// The most partial ways round the engagement-aware search keeps for one state; past
  /// it the state falls back to the search that takes every idle timer as no time.
  static let maxLabels = 4096

  /// For each state a flow sends from, the shortest time a contact needs to leave it and
  /// come back, or nil when it cannot come back (nil for the other states, which no one
  /// asks about). Timers in the state (`after 30d`) take their time; conditions, events,
  /// send counts and a flow's `set state` are taken as immediate. An idle timer
  /// (`after D idle`) counts as no time until the way round has passed an `on EVENT`
  /// whose event is always engagement (named in `engagement` without `where`): that
  /// resets the idle clock at that instant, and the clock only moves on from there, so
  /// a later `after D idle` fires no sooner than `D` after it.
  func shortestCycles() -> [Cycle?] {
    let count = program.states.count
    var edges = Array(repeating: [Edge](), count: count)
    var longestIdle: Int64 = 0
    for (index, transition) in program.transitions.enumerated() {
      let idle = LintContext.idleSeconds(transition.trigger) ?? 0
      longestIdle = max(longestIdle, idle)
      let edge = Edge(
        to: transition.to, transition: index, fixed: Self.minimumTime(transition.trigger), idle: idle,
        engages: engages(transition.trigger))
      if let from = transition.from {
        if from != transition.to { edges[from].append(edge) }
      } else {
        for from in 0..<count where from != transition.to && !program.states[from].isFinal { edges[from].append(edge) }
      }
    }
    for move in context.flowMoves where move.from != move.to {
      edges[move.from].append(Edge(to: move.to, transition: nil, fixed: 0, idle: 0, engages: false))
    }
    var asked = Array(repeating: false, count: count)
    for (index, flow) in context.flowDecls.enumerated() where !flowChannels[index].isEmpty {
      if let state = context.stateIndex(flow.state.text) { asked[state] = true }
    }
    return (0..<count).map { state in
      guard asked[state] else { return nil }
      if let cycle = Self.shortestCycle(through: state, edges: edges, longestIdle: longestIdle, limit: Self.maxLabels) {
        return cycle
      }
      // Too many ways round to follow engagement through: every idle timer is no time
      // (each state then keeps one partial way at a time, the quickest: this finishes).
      return Self.shortestCycle(through: state, edges: edges, longestIdle: nil, limit: Int.max) ?? nil
    }
  }

  /// Whether a trigger fires only on an event that is engagement whatever its fields.
  func engages(_ trigger: CheckedTrigger) -> Bool {
    guard case .on(let match) = trigger else { return false }
    return program.engagement.contains { $0.event == match.event && $0.condition == nil }
  }

  /// The shortest way round through `start`: a search by time taken (every step takes
  /// zero or more), keeping at each state only the partial ways no other one there
  /// dominates. `longestIdle` nil: engagement is not followed (every idle timer is no
  /// time). The time since the last engagement is kept up to the longest idle timer,
  /// as more makes no difference, so there are finitely many partial ways.
  /// Returns `.some(nil)` when the contact cannot come back, nil past `limit`.
  static func shortestCycle(through start: Int, edges: [[Edge]], longestIdle: Int64?, limit: Int) -> Cycle?? {
    var labels: [Label] = []
    var live = Array(repeating: [Int](), count: edges.count)
    var open: [Int] = []
    var best: Cycle? = nil
    func follow(_ edge: Edge, from label: Label) -> Bool {
      var next = label
      next.state = edge.to
      if longestIdle != nil, edge.engages {
        // The event resets the idle clock at the instant the transition fires.
        next.seconds += edge.fixed
        next.sinceEngagement = 0
        next.lastEngagement = edge.transition
      } else if let longestIdle, let since = label.sinceEngagement {
        let wait = max(edge.fixed, edge.idle - since)
        if edge.idle - since > edge.fixed, let engagement = label.lastEngagement, let idle = edge.transition {
          let pair = EngagedIdle(engagement: engagement, idle: idle)
          if !next.engagements.contains(pair) { next.engagements.append(pair) }
        }
        next.seconds += wait
        next.sinceEngagement = min(since + wait, longestIdle)
      } else {
        next.seconds += edge.fixed
        if edge.idle > edge.fixed, next.idle == nil { next.idle = edge.transition }
      }
      if edge.to == start {
        if best.map({ next.seconds < $0.seconds }) ?? true {
          best = Cycle(seconds: next.seconds, idle: next.idle, engagements: next.engagements)
        }
        return true
      }
      guard !live[edge.to].contains(where: { labels[$0].dominates(next) }) else { return true }
      guard labels.count < limit else { return false }
      live[edge.to].removeAll { next.dominates(labels[$0]) }
      live[edge.to].append(labels.count)
      open.append(labels.count)
      labels.append(next)
      return true
    }
    let first = Label(
      state: start, seconds: 0, sinceEngagement: nil, lastEngagement: nil, idle: nil, engagements: [])
    for edge in edges[start] { guard follow(edge, from: first) else { return nil } }
    while !open.isEmpty {
      // The open partial way that has taken least time (the first of equals).
      var pick = 0
      for place in open.indices.dropFirst() where labels[open[place]].seconds < labels[open[pick]].seconds {
        pick = place
      }
      let index = open.remove(at: pick)
      let label = labels[index]
      if let best, label.seconds >= best.seconds { break }
      guard live[label.state].contains(index) else { continue }  // dominated since
      for edge in edges[label.state] { guard follow(edge, from: label) else { return nil } }
    }
    return .some(best)
  }

  /// Why `state` cannot be entered again sooner than `cycle` says, in campaign words.
  /// An engagement whose idle timer made the way round longer is named with it; an idle
  /// timer taken as no time means the way round may really take longer, so the reason
  /// says what is known (not sooner than this) and why no more is.
  func reentry(_ state: String, _ cycle: Cycle) -> String {
    let days = LintContext.days(cycle.seconds)
    guard !cycle.engagements.isEmpty else {
      return cycle.idle.map { "`\(state)` cannot be entered again within \(days) (\(idleCaveat($0)))" }
        ?? "`\(state)` can be entered again every \(days) at the soonest"
    }
    let ways = cycle.engagements.map { pair in
      let transition = program.transitions[pair.engagement]
      let event: String
      if case .on(let match) = transition.trigger {
        event = program.events[match.event].name
      } else {
        event = "?"
      }
      let idle = "`after \(idleDays(pair.idle)) idle`\(outOf(program.transitions[pair.idle]))"
      return "passes `on \(event)`\(outOf(transition)), which is engagement, and then \(idle)"
    }
    let before = cycle.idle.map { " (before the engagement, \(idleCaveat($0)))" } ?? ""
    let way = ways.joined(separator: "; it also ")
    return "`\(state)` cannot be entered again within \(days): the way back \(way)\(before)"
  }

  /// Where a transition leads out of, for a reason.
  func outOf(_ transition: CheckedTransition) -> String {
    transition.from.map { " out of `\(program.states[$0].name)`" } ?? " out of any state"
  }

  func idleDays(_ transition: Int) -> String {
    LintContext.idleSeconds(program.transitions[transition].trigger).map(LintContext.days) ?? "?"
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
