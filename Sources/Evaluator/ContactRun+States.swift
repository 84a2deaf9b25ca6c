import CampaignLang
import Checker

extension ContactRun {
  /// Applies transitions until none fires: the first in declared order that fires wins,
  /// then the rules are tried again from the new state. `row`: the event just replayed
  /// (only its own `on` rules can fire). At the window's end only `when` and immediate
  /// rules are tried: timers due at the end do not fire.
  mutating func settle(row: Int, atEnd: Bool = false) {
    var eventRow = row
    while let index = firing(row: eventRow, atEnd: atEnd) {
      // A move that a loop stopped leaves `settled` cleared.
      guard move(to: compiled.transitions[index].to, rule: index, flow: nil) else { return }
      eventRow = -1
    }
    // No rule fired with the event's `on` rules tried as well: none fires without them.
    // At the end the `after` rules were not tried.
    settled = !atEnd
  }

  /// `settled` checked: whether it is right, on a copy (for assertions).
  func settledHolds() -> Bool {
    guard settled else { return true }
    var copy = self
    return copy.firing(row: -1, atEnd: false) == nil
  }

  /// The transition (its index) that fires now, if any. This runs after every event and
  /// timer: the rules are plain data (`SimulationProgram.Rule`), read in place.
  mutating func firing(row: Int, atEnd: Bool) -> Int? {
    let type = row >= 0 ? data.events.type[row] : -1
    for place in compiled.firingFrom.range(state * (compiled.eventTypes + 1) + Int(type) + 1) {
      let rule = compiled.firingFrom.items[place]
      switch rule.kind {
      case .immediately: break
      case .when: if !evaluate(rule.trigger!).isTrue { continue }
      case .whenScore: if !compareScore(rule.comparison) { continue }
      case .on:
        // The list holds only this event type's `on` rules.
        if let condition = rule.trigger, !evaluate(condition, row: row).isTrue { continue }
      case .after:
        guard !atEnd else { continue }
        var due = true
        for timer in rule.places where self.due(compiled.timers[Int(timer)]) > now {
          due = false
          break
        }
        if !due { continue }
      }
      if let condition = rule.condition, !evaluate(condition).isTrue { continue }
      return Int(rule.transition)
    }
    return nil
  }

  /// When `timer` runs out (or ran out); Int64.max for a send count not reached yet
  /// (it is met by a send, not by time passing).
  mutating func due(_ timer: SimulationProgram.Timer) -> Int64 {
    switch timer {
    case .sendsWithoutEngagement(let count): sendsWithoutEngagement >= count ? Int64.min : Int64.max
    case .idle(let seconds): lastEngagement + seconds
    case .timeInState(let seconds): enteredAt + seconds
    }
  }

  /// Moves the contact to `target`: the flows of the state it leaves stop, the flows
  /// of `target` start.
  /// Returns false when the contact has already changed state `settleLimit` times at
  /// this instant: rules that undo each other (a loop the checker cannot see, such as
  /// an idle rule and a score rule whose conditions both still hold) stop there, and
  /// the run records it.
  @discardableResult
  mutating func move(to target: Int, rule: Int?, flow: Int?) -> Bool {
    guard target != state else { return true }
    if changesAt != now {
      changesAt = now
      changes = 0
    }
    changes += 1
    guard changes <= ContactRun.settleLimit else {
      if changes == ContactRun.settleLimit + 1 {
        record.loops += 1
        trace?.note(at: now, .loopStopped)
      }
      return false
    }
    settled = false
    record.transitions.append(RunRecord.Transition(from: state, to: target, rule: rule, flow: flow, at: now))
    trace?.note(at: now, .transition(from: state, to: target, rule: rule, flow: flow))
    for run in flows {
      let left = compiled.flows[run.flow].sendsFrom[run.pc]
      if left > 0 {
        record.held.append(
          RunRecord.Held(reason: .exited, flow: run.flow, number: 0, channel: -1, at: now, count: left))
      }
      trace?.note(at: now, .flowStopped(flow: run.flow))
    }
    ContactRun.empty(&flows)
    for waiting in pending { hold(.exited, waiting.send, flow: waiting.flow) }
    ContactRun.empty(&pending)
    state = target
    enteredAt = now
    knownTimer = Int64.min
    startFlows()
    return true
  }

  /// Starts the flows of the current state whose condition holds now.
  mutating func startFlows() {
    for place in compiled.flowsOfState.range(state) {
      let index = compiled.flowsOfState.items[place]
      if let condition = compiled.flows[index].condition, !evaluate(condition).isTrue { continue }
      flows.append(FlowRun(flow: index, resumeAt: now, startedAt: now))
      knownTimer = Int64.min
      trace?.note(at: now, .flowStarted(flow: index))
    }
  }

  /// The state's cooldown end, when it has one and it is still running.
  var cooldownEnd: Int64? {
    guard let seconds = compiled.cooldowns[state] else { return nil }
    let end = enteredAt + seconds
    return now < end ? end : nil
  }
}
