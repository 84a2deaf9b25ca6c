import Evaluator
import Foundation
import Testing

/// Event types no rule can notice (`SimulationProgram.inertEvents`): which ones they
/// are, and that leaving them out of the data set changes no figure of a run.
@Suite struct InertEventTests {
  /// The inert event types of `campaign`, by name.
  func inert(_ campaign: String) throws -> [String] {
    let program = try #require(compile(campaign).program, "campaign has errors: \(codes(compile(campaign)))")
    let flags = SimulationProgram.inertEvents(of: program)
    return program.events.indices.filter { flags[$0] }.map { program.events[$0].name }
  }

  /// `engineCampaign` with a `send` event that nothing names.
  let withSends = engineCampaign.replacingOccurrences(
    of: "event unsubscribe\n", with: "event unsubscribe\nevent send { channel string }\n")

  @Test func anEventNothingNamesIsInert() throws {
    #expect(try inert(withSends) == ["send"])
    let bench = repositoryRoot.appendingPathComponent("examples/bench")
    for job in ["winback-snapshot", "winback-journey"] {
      let text = try String(contentsOf: bench.appendingPathComponent("\(job).campaign"), encoding: .utf8)
      #expect(try inert(text) == ["send", "dismiss"], "\(job)")
    }
  }

  @Test func anyUseOfTheTypeKeepsItsEvents() throws {
    let uses = [
      ("engagement open, click, purchase", "engagement open, click, purchase, send"),
      ("  purchase +25\n", "  purchase +25\n  send +1\n"),
      ("  lapsed -> active on click\n", "  lapsed -> active on click\n  lapsed -> active on send\n"),
      (
        "  active -> lapsed after 30d idle\n",
        "  active -> lapsed after 30d idle\n  active -> gone when count(send) > 3\n"
      ),
    ]
    for (old, new) in uses {
      let campaign = withSends.replacingOccurrences(of: old, with: new)
      #expect(campaign != withSends)
      #expect(try inert(campaign) == [], "\(new)")
    }
  }

  /// A condition that can change with time alone, tried at an event, would read
  /// otherwise at a send than at the last event before it: then nothing is inert.
  @Test func aConditionThatReadsTheClockKeepsEveryEvent() throws {
    let unsteady = [
      "  active -> gone when today > 2026-06-01\n",
      // A decaying score in a guard is not timed.
      "  active -> gone after 10d idle if heat > 3\n",
      // Nor in a segment a `when` reads.
      "  active -> gone when warm\n",
    ]
    for rule in unsteady {
      let campaign = withSends.replacingOccurrences(of: "  active -> lapsed after 30d idle\n", with: rule)
        .replacingOccurrences(of: "states {", with: "segment warm = heat > 3\nstates {")
      #expect(try inert(campaign) == [], "\(rule)")
    }
    // A `when` comparing the score with a number is timed: the send stays inert.
    #expect(
      try inert(withSends.replacingOccurrences(of: "when heat >= 20", with: "when heat >= 20 and tier == gold")) == [
        "send"
      ])
  }

  /// Every example over the example data, and both bench jobs over the generator's
  /// small data, with the window given and taken from the events: the same figures
  /// whether the inert events are stored (and stepped over) or left out while loading.
  @Test func leavingInertEventsOutChangesNoFigure() throws {
    let examples = try FileManager.default.contentsOfDirectory(
      atPath: repositoryRoot.appendingPathComponent("examples").path
    ).filter { $0.hasSuffix(".campaign") }.sorted().map { ("examples/\($0)", "examples/data") }
    var jobs = examples
    if let small = ReferenceAgreementTests.smallData {
      jobs += ["winback-snapshot", "winback-journey"].map { ("examples/bench/\($0).campaign", small.path) }
    }
    var leftOutSomewhere = false
    for (file, folder) in jobs {
      let data = folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : repositoryRoot.appendingPathComponent(folder)
      let contacts = try String(contentsOf: data.appendingPathComponent("contacts.csv"), encoding: .utf8)
      let events = try String(contentsOf: data.appendingPathComponent("events.csv"), encoding: .utf8)
      var campaign = try String(contentsOf: repositoryRoot.appendingPathComponent(file), encoding: .utf8)
      // The example data's app opens, which no example names: some rows to leave out
      // even where the bench data (beside the repository) is not at hand.
      if file == "examples/winback.campaign" { campaign += "\nevent app_open { screen string? }\n" }
      for window in [(nil, nil), (instant("2026-01-01T00:00:00Z"), instant("2026-05-01T00:00:00Z"))] {
        let kept = try figures(campaign, contacts: contacts, events: events, window: window, leavingOut: false)
        let left = try figures(campaign, contacts: contacts, events: events, window: window, leavingOut: true)
        #expect(kept.text == left.text, "\(file)")
        leftOutSomewhere = leftOutSomewhere || left.leftOut
      }
    }
    #expect(leftOutSomewhere)
  }

  /// The rows left out are still checked and counted: a bad one stops the load, an
  /// unknown contact's and one outside the window are counted, and with `enter at` the
  /// ones before a contact entered are counted as such.
  @Test func rowsLeftOutAreCheckedAndCounted() throws {
    let campaign =
      withSends
      .replacingOccurrences(of: "event send { channel string }", with: "event send { channel string, cost decimal? }")
      .replacingOccurrences(of: "  timezone \"UTC\"\n", with: "  timezone \"UTC\"\n  enter at consent_until\n")
    let contacts = """
      contact_id,email,tier,email_opt_in,consent_until,timezone
      c1,a@example.com,gold,true,2026-01-10,UTC
      c2,b@example.com,gold,true,,Asia/Jakarta

      """
    let events = """
      contact_id,ts,type,channel,cost,amount
      c1,2025-12-01T00:00:00Z,send,email,,
      c1,2026-01-02T00:00:00Z,send,email,0.5,
      c1,2026-01-03T00:00:00Z,open,email,,
      c1,2026-01-20T00:00:00Z,send,email,,
      c9,2026-01-20T00:00:00Z,send,email,,
      c2,2026-01-20T00:00:00Z,send,push,,
      c2,2026-03-20T00:00:00Z,send,push,,

      """
    let window = (instant("2026-01-01T00:00:00Z"), instant("2026-02-01T00:00:00Z"))
    let kept = try figures(campaign, contacts: contacts, events: events, window: window, leavingOut: false)
    let left = try figures(campaign, contacts: contacts, events: events, window: window, leavingOut: true)
    #expect(left.leftOut && !kept.leftOut)
    #expect(kept.text == left.text)
    #expect(left.text.contains("before window 1, after window 1, unknown 1, before entry 2"), "\(left.text)")
    let bad = events.replacingOccurrences(of: "send,email,0.5,", with: "send,email,lots,")
    #expect(throws: LoadError.self) {
      try figures(campaign, contacts: contacts, events: bad, window: window, leavingOut: true)
    }
  }

  /// The run's figures as text: per contact, and the report's counts.
  func figures(
    _ campaign: String, contacts: String, events: String, window: (Int64?, Int64?), leavingOut: Bool
  ) throws -> (text: String, leftOut: Bool) {
    let program = try #require(compile(campaign).program)
    var request = LoadRequest(
      contactsFile: "contacts.csv", contactsBytes: Array(contacts.utf8), eventsFile: "events.csv",
      eventsBytes: Array(events.utf8), from: window.0, to: window.1)
    request.leavesOutInertEvents = leavingOut
    let data = try DataLoader.load(program, request)
    var lines: [String] = []
    let report = Simulation(campaign: program, data: data).run { result in
      lines.append(
        "\(result.contact) \(result.inAudience) \(result.state) \(result.scores) \(result.counters) "
          + "\(result.segments) \(result.sends) \(result.audiences)")
    }
    let load = report.load
    lines.append(
      "before window \(load.eventsBeforeWindow), after window \(load.eventsAfterWindow), "
        + "unknown \(load.eventsForUnknownContacts), before entry \(report.eventsBeforeEntry)")
    lines.append("window \(report.window) transitions \(report.transitions.map { "\($0)" })")
    lines.append("sends \(report.sends.map { "\($0)" }) held \(report.held.map { "\($0)" })")
    lines.append(
      "states \(report.statesOverTime) rates \(report.rates.map { "\($0)" }) loops \(report.contactsWithLoops)")
    lines.append("months \(report.months.map { "\($0)" }) guardrails \(report.guardrails.map { "\($0)" })")
    return (lines.joined(separator: "\n"), data.leftOutEvents)
  }
}
