import CampaignLang
import Checker

// MARK: - W0203, W0402, W0403, W0406: flow steps that never run or never send

extension LintContext {
  func flowSteps(_ lints: inout LintBag) {
    // A flow's paths matter only where its state has a cooldown or a timer out of it,
    // or a limit applies: most flows need none of the three, nor the paths' cost.
    var stays: [Int: Bool] = [:]
    for flow in flowDecls {
      unreachableSteps(flow.steps, flowState: flow.state.text, &lints)
      guard let state = stateIndex(flow.state.text) else { continue }
      let timed = stays[state] ?? (longestStay(in: state) != nil || cooldown(ofState: state) != nil)
      stays[state] = timed
      guard timed || !limitDecls.isEmpty, let paths = expandedPaths(flow) else { continue }
      waitsOutlastingState(flow, state: state, paths: paths, &lints)
      sendsInCooldown(flow, state: state, paths: paths, &lints)
      limitsExceeded(paths: paths, &lints)
    }
  }

  /// W0203: a step after one that always ends the flow.
  private func unreachableSteps(_ steps: [Step], flowState: String, _ lints: inout LintBag) {
    for (index, step) in steps.enumerated() {
      if case .branch(let branch) = step {
        unreachableSteps(branch.then, flowState: flowState, &lints)
        unreachableSteps(branch.otherwise ?? [], flowState: flowState, &lints)
      }
      guard Self.endsFlow(step, flowState: flowState), index + 1 < steps.count else { continue }
      let why: String
      switch step {
      case .exit: why = "the flow always exits here"
      case .setState(let state, _, _): why = "the contact always moves to `\(state.text)` here, which ends the flow"
      default: why = "both branches of this `if` end the flow"
      }
      lints.warn(
        .unreachableStep, "this step never runs", at: steps[index + 1].range,
        notes: [Note(why, at: step.range)],
        help: "move the steps before the exit, add `unless` to the exit, or delete them")
      return
    }
  }

  /// W0402: a wait that ends only after the contact has left the flow's state. Each
  /// such wait is reported, the first on every path through the flow's `if`s: the later
  /// waits on that path are past the point where the flow stopped, so they are the same
  /// mistake, and one message says it.
  private func waitsOutlastingState(_ flow: FlowDecl, state: Int, paths: [[TimedStep]], _ lints: inout LintBag) {
    guard let (stay, transition) = longestStay(in: state) else { return }
    // A `wait cooldown` that outlasts the state is the cooldown's problem (W0401).
    let cooldownOutlasts = (cooldown(ofState: state) ?? 0) >= stay
    var first: [SourceRange: (wait: WaitStep, offset: Int64)] = [:]
    for path in paths {
      guard let position = path.firstIndex(where: { $0.offset >= stay && $0.isWait }),
        position + 1 < path.count, case .wait(let wait) = path[position].step,
        wait.duration != nil || !cooldownOutlasts
      else { continue }
      let offset = min(first[wait.range]?.offset ?? .max, path[position].offset)
      first[wait.range] = (wait, offset)
    }
    let (contacts, note) = leaving(by: transition)
    for range in first.keys.sorted() {
      guard let (wait, offset) = first[range] else { continue }
      let waited = wait.duration.map { "`wait \($0.value)`" } ?? "`wait cooldown`"
      lints.warn(
        .waitOutlastsState,
        "\(waited) ends \(Self.days(offset)) after the flow starts, but \(contacts) leave `\(flow.state.text)` within \(Self.days(stay))",
        at: wait.range, notes: [Note(note, at: transitionDecls[transition].range)],
        help: "shorten the waits so the steps after this one run, or lengthen the transition's timer")
    }
  }

  /// W0406: a send that always comes while the flow's state's cooldown is running.
  private func sendsInCooldown(_ flow: FlowDecl, state: Int, paths: [[TimedStep]], _ lints: inout LintBag) {
    guard let cooldown = cooldown(ofState: state) else { return }
    var latest: [SourceRange: (send: SendStep, offset: Int64)] = [:]
    var order: [SourceRange] = []
    for path in paths {
      for timed in path {
        guard case .send(let send) = timed.step else { continue }
        if latest[send.range] == nil { order.append(send.range) }
        latest[send.range] = (send, max(latest[send.range]?.offset ?? 0, timed.offset))
      }
    }
    for range in order {
      guard let (send, offset) = latest[range], !send.options.contains(where: { $0.keyword == "on" }),
        let channel = channelIndex(send.channel.text), offset + quietSpan(channel: channel) < cooldown
      else { continue }
      lints.warn(
        .sendInCooldown,
        "this send always comes during `\(flow.state.text)`'s \(Self.days(cooldown)) cooldown, so it is never sent",
        at: send.range,
        notes: cooldownDecls[flow.state.text].map { [Note("the cooldown", at: $0.range)] } ?? [],
        help: "start the flow with `wait cooldown`, or wait at least \(Self.days(cooldown)) before this send")
    }
  }

  /// W0403: a send that, when the flow's earlier sends on its channel went out, is
  /// always over the channel's frequency limit. Sends with `unless` or `on EVENT` may
  /// not happen (or happen later), so they are not counted.
  private func limitsExceeded(paths: [[TimedStep]], _ lints: inout LintBag) {
    for limit in limitDecls {
      guard let channel = channelIndex(limit.channel.text),
        let checked = program.limits.first(where: { $0.channel == channel })
      else { continue }
      let quiet = quietSpan(channel: channel)
      var over: [SourceRange: Bool] = [:]
      var order: [SourceRange] = []
      var firstCounted: [SourceRange: SourceRange] = [:]
      for path in paths {
        let sends = path.compactMap { timed -> (SendStep, Int64)? in
          guard case .send(let send) = timed.step, send.channel.text == limit.channel.text, send.unless == nil,
            !send.options.contains(where: { $0.keyword == "on" })
          else { return nil }
          return (send, timed.offset)
        }
        for (position, (send, offset)) in sends.enumerated() {
          if over[send.range] == nil { order.append(send.range) }
          let earlier = position - Int(checked.count)
          let isOver = earlier >= 0 && offset + quiet - sends[earlier].1 < checked.windowSeconds
          if isOver && firstCounted[send.range] == nil { firstCounted[send.range] = sends[earlier].0.range }
          over[send.range] = (over[send.range] ?? true) && isOver
        }
      }
      for range in order where over[range] == true {
        lints.warn(
          .limitAlwaysExceeded,
          "this send is always over `limit \(limit.channel.text) \(checked.count) per \(limit.window.value)`",
          at: range,
          notes: [
            Note("the limit", at: limit.range),
            Note("the flow's sends from here on fill the limit's window", at: firstCounted[range] ?? range),
          ],
          help: "wait at least \(limit.window.value) between the first and the last of these sends, or send fewer")
      }
    }
  }

  /// A duration in words for messages: `30d`, `36h`, `90m`.
  static func days(_ seconds: Int64) -> String {
    if seconds % 86_400 == 0 { return "\(seconds / 86_400)d" }
    if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
    if seconds % 60 == 0 { return "\(seconds / 60)m" }
    return "\(seconds)s"
  }
}
