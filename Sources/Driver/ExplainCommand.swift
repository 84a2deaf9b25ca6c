import CampaignLang
import Checker
import Evaluator
import Foundation

/// `campaignc explain FILE --contact ID --contacts C --events E`: one contact's
/// timeline in campaign words.
struct ExplainCommand {
  let driver: Driver

  func run(_ arguments: [String]) -> Int32 {
    let options: Arguments
    switch driver.options(
      arguments, command: "explain", help: Help.explain,
      parse: {
        Arguments.parse($0, options: DataCommand.dataOptions + ["--contact"], switches: DataCommand.dataSwitches)
      })
    {
    case .success(let read): options = read
    case .failure(let status): return status.code
    }
    guard options.positional.count == 1, let path = options.positional.first else {
      return driver.usageError("`explain` takes one campaign file", command: "explain")
    }
    // `campaignc explain E0301`: the reader wants a diagnostic code explained.
    if let code = ExplainCodeCommand.codeLike(path), !driver.fileSystem.exists(path) {
      return driver.usageError(
        "`\(path)` looks like a diagnostic code: to read about it, run `campaignc explain-code \(code)`",
        command: "explain")
    }
    guard let key = options.values["--contact"] else {
      return driver.usageError("`explain` needs --contact ID (the contact's key)", command: "explain")
    }
    let data = DataCommand(driver: driver)
    let program: CheckedCampaign
    switch data.program(path, color: options.color) {
    case .success(let checked): program = checked
    case .failure(let status): return status.code
    }
    let dataSet: DataSet
    switch data.load(program, options, command: "explain") {
    case .success(let loaded): dataSet = loaded
    case .failure(let status): return status.code
    }
    let simulation = Simulation(campaign: program, data: dataSet)
    guard let contact = simulation.contact(withKey: key) else {
      driver.output.writeError("error: no contact with id `\(key)` in \(options.values["--contacts"] ?? "")\n")
      return ExitCode.inputErrors
    }
    driver.output.write(
      ExplainCommand.timeline(simulation, contact: contact, showPII: options.flags.contains("--show-pii")))
    return ExitCode.success
  }

  /// The whole explanation of one contact.
  static func timeline(_ simulation: Simulation, contact: Int, showPII: Bool) -> String {
    let program = simulation.program.campaign
    let zone = simulation.zone(ofContact: contact)
    let window = simulation.data.window
    let replay = simulation.replay(contact: contact)
    let key = simulation.attributeText(program.keyAttribute, contact: contact)
    // INVARIANT: every instant of the timeline (the window, each line, the instants a
    // wait or quiet hours lead to) is written in the contact's zone, as the header says.
    let local = { (time: Int64) in ValueFormat.timestamp(time, offset: zone.offset(at: time)) }
    var out = "contact \(program.attributes[program.keyAttribute].isPII && !showPII ? ValueFormat.masked : key)"
    out += " in \"\(program.name)\", \(local(window.start)) to \(local(window.end))"
    out += ", times in \(zone.identifier)\n"
    let attributes = program.attributes.indices.map { index in
      let attribute = program.attributes[index]
      let text = simulation.attributeText(index, contact: contact)
      return "\(attribute.name)="
        + (attribute.isPII && !showPII ? ValueFormat.masked : (text.isEmpty ? "(missing)" : text))
    }
    out += "  " + attributes.joined(separator: ", ") + "\n"
    guard replay.inAudience else {
      return out + "not in the campaign's audience at the start of the window: nothing happens\n"
    }
    var lastTime = Int64.min
    for (time, entry) in replay.trace.entries {
      guard let text = describe(entry, simulation, time: local) else { continue }
      let stamp =
        time == lastTime
        ? String(repeating: " ", count: 25) : local(time)
      lastTime = time
      out += stamp.padding(toLength: 25, withPad: " ", startingAt: 0) + "  " + text + "\n"
    }
    out += "final state: \(program.states[replay.state].name)\n"
    return out
  }

  /// One line of the timeline; `time` writes an instant in the contact's zone.
  static func describe(_ entry: Trace.Entry, _ simulation: Simulation, time: (Int64) -> String) -> String? {
    let program = simulation.program.campaign
    func flow(_ index: Int) -> String { "flow \(program.flows[index].name)" }
    switch entry {
    case .entered(let state): return "starts in \(program.states[state].name)"
    case .event(let row): return "event " + simulation.describeEvent(row: row)
    case .timer: return nil
    case .points(let score, let points, let before, let after):
      let sign = points >= 0 ? "+" : ""
      return "  \(program.scores[score].name) \(sign)\(ValueFormat.fixed(points)): "
        + "\(ValueFormat.fixed(before)) -> \(ValueFormat.fixed(after)) (decay since the last change included)"
    case .transition(let from, let to, let rule, let flowIndex):
      let because =
        rule.map { "rule `\(RuleText.transition($0, program))`" } ?? flowIndex.map { "`set state` in \(flow($0))" }
        ?? ""
      return "\(program.states[from].name) -> \(program.states[to].name), by \(because)"
    case .flowStarted(let index): return "\(flow(index)) starts"
    case .flowStopped(let index): return "\(flow(index)) stops (the contact left its state)"
    case .flowExited(let index): return "\(flow(index)) exits"
    case .flowFinished(let index): return "\(flow(index)) ends"
    case .waiting(let index, let until):
      return "\(flow(index)) waits until \(time(until))"
    case .awaiting(let index, let number, let event):
      return "\(flow(index)), step \(number) will show at the next `\(program.events[event].name)`"
    case .sent(let index, let number, let channel, let template, let arm):
      var text = "would send \(program.channels[channel]) \"\(template)\" (\(flow(index)), step \(number))"
      if let arm, let variant = SimulationTables.variantOf(program.flows[index].steps, number: number) {
        text += ", variant \(program.variants[variant].name) arm \(program.variants[variant].arms[arm].name)"
      }
      return text
    case .held(let index, let number, let channel, let reason):
      return "held back: \(program.channels[channel]) (\(flow(index)), step \(number)): \(reason.label)"
    case .deferred(let index, let number, let channel, let until):
      return
        "quiet hours: \(program.channels[channel]) (\(flow(index)), step \(number)) waits until \(time(until))"
    case .suppressed(let channel): return "suppresses " + (channel.map { program.channels[$0] } ?? "every channel")
    case .movedTo(let audience): return "moved to audience \(audience)"
    case .incremented(let counter, let value): return "\(program.counters[counter]) is now \(value)"
    case .segment(let index, let entered):
      return (entered ? "enters" : "leaves") + " segment \(program.segments[index].name)"
    case .final(let scores):
      guard !scores.isEmpty else { return nil }
      return "end of the window: "
        + zip(program.scores, scores).map { "\($0.name) \(ValueFormat.fixed($1))" }.joined(separator: ", ")
    case .loopStopped: return "warning: the rules went round a loop at this instant; stopped after 64 changes"
    }
  }
}
