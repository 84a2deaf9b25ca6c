import CampaignLang
import Checker

extension ContactRun {
  /// Runs every flow that is due until each waits or ends; state changes that its
  /// steps cause are settled in between.
  ///
  /// Most steps change nothing a rule reads (a send, a move to an audience, a wait), and
  /// the rules were tried just before: those are not tried again (`settled`). A win-back
  /// journey's contact without events makes six steps, each settled for nothing.
  mutating func runFlows() {
    guard !flows.isEmpty else { return }
    for _ in 0..<ContactRun.settleLimit {
      guard let index = flows.firstIndex(where: { $0.resumeAt <= now }) else { return }
      step(flowAt: index)
      assert(settledHolds(), "a flow step changed what a rule reads without clearing `settled`")
      if !settled { settle(row: -1) }
    }
  }

  /// Runs the flow at `flows[index]` from where it stands.
  ///
  /// The flow's steps are read in place (`compiled.flows[flowIndex].ops[pc]`): a copy of
  /// the flow program cost a retain and a release of each of its arrays per call.
  mutating func step(flowAt index: Int) {
    knownTimer = Int64.min  // the flow's place and resume time change
    let flowIndex = flows[index].flow
    let opCount = compiled.flows[flowIndex].ops.count
    var pc = flows[index].pc
    flowEngaged = lastEngagement > flows[index].startedAt
    defer { flowEngaged = false }
    func skip(_ unless: Expr?) -> Bool { unless.map { evaluate($0).isTrue } ?? false }
    while pc < opCount {
      switch compiled.flows[flowIndex].ops[pc] {
      case .wait(let seconds):
        flows[index].pc = pc + 1
        flows[index].resumeAt = now + seconds
        trace?.note(at: now, .waiting(flow: flowIndex, until: now + seconds))
        return
      case .send(let send):
        if let event = compiled.flows[flowIndex].sends[send].on, !isReplaying(event) {
          // Shown at the contact's next such event; the flow goes on.
          pending.append((flowIndex, send, event))
          trace?.note(at: now, .awaiting(flow: flowIndex, number: send + 1, event: Int(event)))
          pc += 1
          continue
        }
        if let resume = deferral(send, flow: flowIndex, deferredBefore: flows[index].deferred) {
          flows[index].pc = pc
          flows[index].resumeAt = resume
          flows[index].deferred = true
          return
        }
        flows[index].deferred = false
        perform(send, flow: flowIndex)
        pc += 1
      case .branch(let condition, let otherwise):
        pc = evaluate(condition).isTrue ? pc + 1 : otherwise
      case .jump(let target):
        pc = target
      case .exit(let unless):
        pc += 1
        guard !skip(unless) else { continue }
        let left = compiled.flows[flowIndex].sendsFrom[pc]
        if left > 0 {
          record.held.append(
            RunRecord.Held(reason: .exited, flow: flowIndex, number: 0, channel: -1, at: now, count: left))
        }
        trace?.note(at: now, .flowExited(flow: flowIndex))
        ContactRun.remove(&flows, at: index)
        return
      case .suppress(let channel, let unless):
        pc += 1
        guard !skip(unless) else { continue }
        if let channel { suppressed[channel] = true } else { suppressed = suppressed.map { _ in true } }
        touched = true
        trace?.note(at: now, .suppressed(channel: channel))
      case .moveTo(let audience, let unless):
        pc += 1
        guard !skip(unless) else { continue }
        let name = compiled.flows[flowIndex].audiences[audience]
        record.audiences.append((name, now))
        trace?.note(at: now, .movedTo(audience: name))
      case .setState(let target, let unless):
        pc += 1
        guard !skip(unless) else { continue }
        flows[index].pc = pc
        // Leaving the flow's state stops this flow with the others.
        move(to: target, rule: nil, flow: flowIndex)
        return
      case .increment(let counter):
        pc += 1
        counters[counter] += 1
        touched = true
        settled = false
        trace?.note(at: now, .incremented(counter: counter, value: counters[counter]))
      }
    }
    trace?.note(at: now, .flowFinished(flow: flowIndex))
    ContactRun.remove(&flows, at: index)
  }

  /// Whether the event being replayed at this instant is of type `event`: the last
  /// one replayed at this instant that is not inert (those are not stored by
  /// `simulate`, so they cannot count here either).
  mutating func isReplaying(_ event: Int32) -> Bool {
    var row = cursor - 1
    while row >= firstEvent && data.events.time[row] == now && compiled.inert[Int(data.events.type[row])] { row -= 1 }
    return row >= firstEvent && data.events.time[row] == now && data.events.type[row] == event
  }

  /// Shows the sends waiting for an event of type `event` (the one being replayed).
  mutating func showPending(event: Int32) {
    guard !pending.isEmpty, pending.contains(where: { $0.on == event }) else { return }
    let due = pending.filter { $0.on == event }
    pending.removeAll { $0.on == event }
    for waiting in due { perform(waiting.send, flow: waiting.flow) }
  }

  /// When quiet hours hold send `send` (an index into the flow's sends) back now, the
  /// instant they end (the flow waits for it). Counted once per send, however often the
  /// check repeats.
  mutating func deferral(_ send: Int, flow: Int, deferredBefore: Bool) -> Int64? {
    let channel = compiled.flows[flow].sends[send].channel
    let spans = compiled.quietHours.range(channel)
    guard !spans.isEmpty else { return nil }
    let zone = self.zone
    let minute = zone.secondOfDay(at: now) / 60
    for place in spans {
      let span = compiled.quietHours.items[place]
      let inside =
        span.from <= span.to ? (minute >= span.from && minute < span.to) : (minute >= span.from || minute < span.to)
      guard inside else { continue }
      // Local time until the span's end, then back to an instant.
      var wait = (span.to - minute) * 60 - zone.secondOfDay(at: now) % 60
      if wait <= 0 { wait += 86_400 }
      let resume = now + wait
      if !deferredBefore {
        record.held.append(
          RunRecord.Held(reason: .quietHours, flow: flow, number: send + 1, channel: channel, at: now, count: 1))
      }
      trace?.note(at: now, .deferred(flow: flow, number: send + 1, channel: channel, until: resume))
      return resume
    }
    return nil
  }

  /// Sends send `send` (an index into the flow's sends) now if nothing holds it back;
  /// records either way. The send's parts are read in place, never copied (its template
  /// is text: a copy is a retain and a release).
  mutating func perform(_ send: Int, flow: Int) {
    var arm: Int?
    if let variant = compiled.flows[flow].sends[send].variant {
      let chosen = compiled.variants[variant].arm(forKey: data.contacts.keys.string(contact))
      arm = chosen
      if compiled.variants[variant].holdout[chosen] { return hold(.holdout, send, flow: flow) }
    }
    if let unless = compiled.flows[flow].sends[send].unless, evaluate(unless).isTrue {
      return hold(.unless, send, flow: flow)
    }
    let channel = compiled.flows[flow].sends[send].channel
    if suppressed[channel] { return hold(.suppressed, send, flow: flow) }
    if !(compiled.consent[channel].map { evaluate($0).isTrue } ?? false) { return hold(.noConsent, send, flow: flow) }
    if cooldownEnd != nil { return hold(.cooldown, send, flow: flow) }
    if holdUntil[channel] > now { return hold(.hold, send, flow: flow) }
    for place in compiled.limits.range(channel) {
      let limit = compiled.limits.items[place]
      if recentSends(channel: channel, since: now - limit.window) >= limit.count {
        return hold(.limit, send, flow: flow)
      }
    }
    sendsWithoutEngagement += 1
    knownTimer = Int64.min
    if compiled.countsSends { settled = false }
    for index in compiled.guardrails.indices
    where guardrailStart[index] == Int64.max
      && (compiled.guardrails[index].channel == nil || compiled.guardrails[index].channel == channel)
    {
      guardrailStart[index] = now
      touched = true
    }
    let followUps = findFollowUps(channel: channel)
    record.sends.append(
      RunRecord.Send(
        flow: flow, number: send + 1, channel: channel, template: compiled.flows[flow].templates[send],
        arm: arm, at: now, followUps: followUps))
    if trace != nil {
      let template = compiled.flows[flow].templates[send]
      trace?.note(at: now, .sent(flow: flow, number: send + 1, channel: channel, template: template, arm: arm))
    }
  }

  /// The contact's sends on `channel` after `since`. The record holds every send made,
  /// in time order: a list of send times per channel, kept beside it, cost an array of
  /// arrays to empty per contact.
  mutating func recentSends(channel: Int, since: Int64) -> Int64 {
    var recent: Int64 = 0
    for sent in record.sends.reversed() where sent.channel == channel {
      guard sent.at > since else { break }
      recent += 1
    }
    return recent
  }

  /// Records that send `send` (an index into the flow's sends) was held back.
  mutating func hold(_ reason: HeldReason, _ send: Int, flow: Int) {
    let channel = compiled.flows[flow].sends[send].channel
    record.held.append(
      RunRecord.Held(reason: reason, flow: flow, number: send + 1, channel: channel, at: now, count: 1))
    trace?.note(at: now, .held(flow: flow, number: send + 1, channel: channel, reason: reason))
  }

  /// Adds to `record.followUps` each engagement event type that the history shows on
  /// `channel` (or on any channel, for events without one) within the attribution
  /// window after now, once; returns where they are.
  mutating func findFollowUps(channel: Int) -> Range<Int> {
    let start = record.followUps.count
    let until = now + ContactRun.attribution
    var position = cursor
    let channelID = compiled.channelIDs[channel]
    while position < endEvent {
      let row = position
      position += 1
      let time = data.events.time[row]
      if time > until { break }
      let type = Int(data.events.type[row])
      guard compiled.isEngagement[type] else { continue }
      if let slot = compiled.channelSlot[type], data.events.fields.code(slot, at: row) != channelID { continue }
      if !record.followUps[start...].contains(type) { record.followUps.append(type) }
    }
    return start..<record.followUps.count
  }
}
