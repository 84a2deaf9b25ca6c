import CampaignLang
import Checker

extension ContactRun {
  /// Runs every flow that is due until each waits or ends; state changes that its
  /// steps cause are settled in between.
  mutating func runFlows() {
    for _ in 0..<ContactRun.settleLimit {
      guard let index = flows.firstIndex(where: { $0.resumeAt <= now }) else { return }
      step(flowAt: index)
      settle(row: -1)
    }
  }

  /// Runs the flow at `flows[index]` from where it stands.
  mutating func step(flowAt index: Int) {
    let flowIndex = flows[index].flow
    let program = compiled.flows[flowIndex]
    var pc = flows[index].pc
    flowEngaged = lastEngagement > flows[index].startedAt
    defer { flowEngaged = false }
    func skip(_ unless: Expr?) -> Bool { unless.map { evaluate($0).isTrue } ?? false }
    while pc < program.ops.count {
      switch program.ops[pc] {
      case .wait(let seconds):
        flows[index].pc = pc + 1
        flows[index].resumeAt = now + seconds
        trace?.note(at: now, .waiting(flow: flowIndex, until: now + seconds))
        return
      case .send(let send):
        if let event = send.on, !isReplaying(event) {
          // Shown at the contact's next such event; the flow goes on.
          pending.append((flowIndex, send))
          trace?.note(at: now, .awaiting(flow: flowIndex, number: send.number, event: Int(event)))
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
        let left = program.sendsFrom[pc]
        if left > 0 {
          record.held.append(
            RunRecord.Held(reason: .exited, flow: flowIndex, number: 0, channel: -1, at: now, count: left))
        }
        trace?.note(at: now, .flowExited(flow: flowIndex))
        flows.remove(at: index)
        return
      case .suppress(let channel, let unless):
        pc += 1
        guard !skip(unless) else { continue }
        if let channel { suppressed[channel] = true } else { suppressed = suppressed.map { _ in true } }
        trace?.note(at: now, .suppressed(channel: channel))
      case .moveTo(let audience, let unless):
        pc += 1
        guard !skip(unless) else { continue }
        record.audiences.append((audience, now))
        trace?.note(at: now, .movedTo(audience: audience))
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
        trace?.note(at: now, .incremented(counter: counter, value: counters[counter]))
      }
    }
    trace?.note(at: now, .flowFinished(flow: flowIndex))
    flows.remove(at: index)
  }

  /// Whether the event being replayed at this instant is of type `event`.
  mutating func isReplaying(_ event: Int32) -> Bool {
    guard cursor > firstEvent else { return false }
    let row = cursor - 1
    return data.events.time[row] == now && data.events.type[row] == event
  }

  /// Shows the sends waiting for an event of type `event` (the one being replayed).
  mutating func showPending(event: Int32) {
    guard pending.contains(where: { $0.send.on == event }) else { return }
    let due = pending.filter { $0.send.on == event }
    pending.removeAll { $0.send.on == event }
    for waiting in due { perform(waiting.send, flow: waiting.flow) }
  }

  /// When quiet hours hold `send` back now, the instant they end (the flow waits for it).
  /// Counted once per send, however often the check repeats.
  mutating func deferral(_ send: FlowProgram.Send, flow: Int, deferredBefore: Bool) -> Int64? {
    let spans = compiled.quietHours[send.channel]
    guard !spans.isEmpty else { return nil }
    let minute = zone.secondOfDay(at: now) / 60
    for span in spans {
      let inside =
        span.from <= span.to ? (minute >= span.from && minute < span.to) : (minute >= span.from || minute < span.to)
      guard inside else { continue }
      // Local time until the span's end, then back to an instant.
      var wait = (span.to - minute) * 60 - zone.secondOfDay(at: now) % 60
      if wait <= 0 { wait += 86_400 }
      let resume = now + wait
      if !deferredBefore {
        record.held.append(
          RunRecord.Held(reason: .quietHours, flow: flow, number: send.number, channel: send.channel, at: now, count: 1)
        )
      }
      trace?.note(at: now, .deferred(flow: flow, number: send.number, channel: send.channel, until: resume))
      return resume
    }
    return nil
  }

  /// Sends `send` now if nothing holds it back; records either way.
  mutating func perform(_ send: FlowProgram.Send, flow: Int) {
    var arm: Int?
    if let variant = send.variant {
      let program = compiled.variants[variant]
      let chosen = program.arm(forKey: data.pool.string(data.contacts.keys[contact]))
      arm = chosen
      if program.holdout[chosen] { return hold(.holdout, send, flow: flow) }
    }
    if let unless = send.unless, evaluate(unless).isTrue { return hold(.unless, send, flow: flow) }
    let channel = send.channel
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
    for (index, guardrail) in compiled.guardrails.enumerated()
    where guardrailStart[index] == Int64.max && (guardrail.channel == nil || guardrail.channel == channel) {
      guardrailStart[index] = now
    }
    record.sends.append(
      RunRecord.Send(
        flow: flow, number: send.number, channel: channel, template: send.template, arm: arm, at: now,
        followedBy: followers(channel: channel)))
    trace?.note(at: now, .sent(flow: flow, number: send.number, channel: channel, template: send.template, arm: arm))
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

  mutating func hold(_ reason: HeldReason, _ send: FlowProgram.Send, flow: Int) {
    record.held.append(
      RunRecord.Held(reason: reason, flow: flow, number: send.number, channel: send.channel, at: now, count: 1))
    trace?.note(at: now, .held(flow: flow, number: send.number, channel: send.channel, reason: reason))
  }

  /// Per engagement event type: whether the history shows it on `channel` (or on any
  /// channel, for events without one) within the attribution window after now.
  mutating func followers(channel: Int) -> [Bool] {
    var found = Array(repeating: false, count: compiled.isEngagement.count)
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
      found[type] = true
    }
    return found
  }
}
