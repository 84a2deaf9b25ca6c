import CampaignLang
import Checker

// MARK: - W0401, W0404, W0405: cooldowns, measurement, guardrails and budgets per channel

extension LintContext {
  /// W0401: a cooldown longer than the longest a contact can stay in its state: `wait
  /// cooldown` never finishes and nothing after it is sent (for an idle timer, "the
  /// campaign's own idle window", only for contacts who engage in the meantime).
  func timing(_ lints: inout LintBag) {
    for (index, state) in program.states.enumerated() {
      guard let cooldown = state.cooldown, let decl = cooldownDecls[state.name],
        let (stay, transition) = longestStay(in: index), stay < cooldown
      else { continue }
      let (contacts, note) = leaving(by: transition)
      lints.warn(
        .cooldownOutlastsState,
        "the \(Self.days(cooldown)) cooldown of `\(state.name)` outlasts the state: \(contacts) leave it within \(Self.days(stay))",
        at: decl.duration.range,
        notes: [Note(note, at: transitionDecls[transition].range)],
        help: "make the cooldown shorter than \(Self.days(stay)), or the transition's timer longer")
    }
  }

  /// Whether an engagement event measures sends on `channel`: its name starts with the
  /// channel's (`email_open` for `email`), or it has a `channel` field (string, or an
  /// enum with the channel among its values) that says which channel it came from.
  func measures(_ match: EventMatch, channel: String) -> Bool {
    let event = program.events[match.event]
    if event.name.hasPrefix(channel + "_") || event.name == channel { return true }
    guard let field = event.fields.first(where: { $0.name == "channel" }) else { return false }
    switch field.type.base {
    case .string: return true
    case .enumeration(let type): return type.cases.contains(channel)
    default: return false
    }
  }

  /// W0404: sends on a channel that no engagement event measures (reported at the first
  /// such send), and W0405: guardrails and budgets on a channel nothing is sent on.
  func channels(_ lints: inout LintBag) {
    var firstSend: [String: SendStep] = [:]
    var order: [String] = []
    func collect(_ steps: [Step]) {
      for step in steps {
        switch step {
        case .send(let send):
          if firstSend[send.channel.text] == nil {
            firstSend[send.channel.text] = send
            order.append(send.channel.text)
          }
        case .branch(let branch):
          collect(branch.then)
          collect(branch.otherwise ?? [])
        default: break
        }
      }
    }
    for flow in flowDecls { collect(flow.steps) }
    for channel in order where !program.engagement.contains(where: { measures($0, channel: channel) }) {
      guard let send = firstSend[channel] else { continue }
      lints.warn(
        .sendNotMeasured, "no engagement event measures sends on `\(channel)`", at: send.channel.range,
        help:
          "declare the event that shows a message on `\(channel)` worked (like `\(channel)_click`) and add it to `engagement`"
      )
    }
    for guardrail in guardrailDecls {
      guard let channel = guardrail.channel, firstSend[channel.text] == nil else { continue }
      lints.warn(
        .guardrailUnusedChannel,
        "the campaign never sends on `\(channel.text)`, so this guardrail has nothing to guard",
        at: channel.range,
        help: "name a channel the flows send on, or leave out `on \(channel.text)` to guard all sends")
    }
    // A budget is a promise about what the flows send: on a channel none of them sends
    // on it always holds, and says nothing (usually the channel name is wrong).
    for budget in budgetDecls where firstSend[budget.channel.text] == nil {
      lints.warn(
        .guardrailUnusedChannel,
        "the campaign never sends on `\(budget.channel.text)`, so this budget has nothing to bound",
        at: budget.channel.range,
        help: "name a channel the flows send on, or delete the budget")
    }
  }
}
