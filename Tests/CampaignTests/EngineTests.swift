import Evaluator
import Foundation
import Testing

@Suite struct EngineTests {
  let contacts = """
    contact_id,email,tier,email_opt_in,consent_until,timezone
    c1,a@example.com,gold,true,,UTC

    """

  @Test func halfLifeDecayHalvesEachContributionEveryPeriod() throws {
    let events =
      "contact_id,ts,type,channel,amount\nc1,2026-01-01T00:00:00Z,click,email,\nc1,2026-01-31T00:00:00Z,open,email,\n"
    let (_, results) = try simulate(
      engineCampaign, contacts: contacts, events: events, from: instant("2026-01-01T00:00:00Z"),
      to: instant("2026-03-02T00:00:00Z"))
    // click 10 is 60 days old (2.5), open 5 is 30 days old (2.5).
    #expect(abs(results[0].scores[0] - 5.0) < 1e-9)
  }

  @Test func theCapLimitsTheScoreAsRead() throws {
    var events = "contact_id,ts,type,channel,amount\n"
    for _ in 0..<5 { events += "c1,2026-01-01T00:00:00Z,purchase,,10\n" }
    let at = instant("2026-01-01T00:00:00Z")
    let (_, now) = try simulate(engineCampaign, contacts: contacts, events: events, from: at, to: at + 1)
    #expect(now[0].scores[0] == 100)
    // 125 points decay as a whole: after one half-life the score reads 62.5, not 50.
    let (_, later) = try simulate(
      engineCampaign, contacts: contacts, events: events, from: at, to: at + 30 * 86_400)
    #expect(abs(later[0].scores[0] - 62.5) < 1e-9)
  }

  @Test func stepDecayTakesWholePeriodsAfterTheIdleTime() throws {
    let campaign = engineCampaign.replacingOccurrences(
      of: "decay half-life 30d", with: "decay 10% every 7d after 14d idle")
    let events = "contact_id,ts,type,channel,amount\nc1,2026-01-01T00:00:00Z,purchase,,5\n"
    let start = instant("2026-01-01T00:00:00Z")
    func score(afterDays days: Int64) throws -> Double {
      try simulate(campaign, contacts: contacts, events: events, from: start, to: start + days * 86_400).1[0].scores[0]
    }
    #expect(try score(afterDays: 20) == 25)
    #expect(abs(try score(afterDays: 21) - 22.5) < 1e-9)
    #expect(abs(try score(afterDays: 35) - 25 * 0.9 * 0.9 * 0.9) < 1e-9)
  }

  @Test func thresholdsAndIdleTimersMoveStates() throws {
    let events = """
      contact_id,ts,type,channel,amount
      c1,2026-01-01T00:00:00Z,purchase,,5
      c2,2026-01-01T00:00:00Z,open,email,

      """
    let two = contacts + "c2,b@example.com,bronze,true,,UTC\n"
    let start = instant("2026-01-01T00:00:00Z")
    let (report, results) = try simulate(
      engineCampaign, contacts: two, events: events, from: start, to: start + 10 * 86_400)
    #expect(results.map(\.state) == [0, 0])  // 25 points read 19.84 after 10 days: active
    let (_, later) = try simulate(engineCampaign, contacts: two, events: events, from: start, to: start + 40 * 86_400)
    // 25 points halve to about 10.5 by day 37 (engaged -> active), then 30 days idle -> lapsed.
    #expect(later.map(\.state) == [2, 2])
    // Engaged at once, back to active when 25 points decay below 20 (day 9.66), not at the next event.
    #expect(report.transitions.map { "\($0.from)->\($0.to):\($0.count)" } == ["0->1:1", "1->0:1"])
  }

  /// A `<=` comparison flips when the score reads the number itself: 40 points halve
  /// to exactly 20 after one half-life, so `heat <= 20` holds at that second, not a
  /// second later. The timer is checked against the score as read then.
  @Test func anInclusiveThresholdFiresAtTheSecondTheScoreReadsIt() throws {
    let campaign = engineCampaign.replacingOccurrences(of: "when heat < 20", with: "when heat <= 20")
      .replacingOccurrences(of: "when heat >= 20", with: "when heat > 20")
    let start = instant("2026-01-01T00:00:00Z")
    let events =
      "contact_id,ts,type,channel,amount\n" + String(repeating: "c1,2026-01-01T00:00:00Z,click,email,\n", count: 4)
    let (program, data) = try loadData(
      campaign, contacts: contacts, events: events, from: start, to: start + 40 * 86_400)
    let trace = Simulation(campaign: program, data: data).replay(contact: 0).trace
    let moves = trace.entries.compactMap { entry -> String? in
      guard case .transition(let from, let to, _, _) = entry.entry else { return nil }
      return "\(from)->\(to) at +\(entry.at - start)"
    }
    // Back to active at 30 days, and at once lapsed (30 days idle by then).
    #expect(moves == ["0->1 at +0", "1->0 at +\(30 * 86_400)", "0->2 at +\(30 * 86_400)"])
  }

  @Test func aTimerExactlyAtTheEndOfTheWindowDoesNotFire() throws {
    let events = "contact_id,ts,type,channel,amount\nc1,2026-01-01T00:00:00Z,open,email,\n"
    let start = instant("2026-01-01T00:00:00Z")
    let (_, exact) = try simulate(
      engineCampaign, contacts: contacts, events: events, from: start, to: start + 30 * 86_400)
    #expect(exact[0].state == 0)
    let (_, after) = try simulate(
      engineCampaign, contacts: contacts, events: events, from: start, to: start + 30 * 86_400 + 1)
    #expect(after[0].state == 2)
  }

  @Test func shufflingTheInputRowsChangesNothing() throws {
    var rows: [String] = []
    let types = ["open", "click", "purchase"]
    var generator = SeededGenerator(seed: 7)
    for index in 0..<300 {
      let contact = "c\(index % 3 + 1)"
      let day = Int.random(in: 1...28, using: &generator)
      let hour = Int.random(in: 10...23, using: &generator)
      let type = types[Int.random(in: 0..<3, using: &generator)]
      rows.append(
        "\(contact),2026-01-\(String(format: "%02d", day))T\(hour):00:00Z,\(type),email,\(type == "purchase" ? "3" : "")"
      )
    }
    let people = contacts + "c2,b@example.com,bronze,true,,Asia/Jakarta\nc3,c@example.com,silver,false,,UTC\n"
    let header = "contact_id,ts,type,channel,amount\n"
    let (a, resultsA) = try simulate(engineCampaign, contacts: people, events: header + rows.joined(separator: "\n"))
    // Same-instant rows keep their relative order, so shuffle whole instants per contact only.
    rows.shuffle(using: &generator)
    let (b, resultsB) = try simulate(engineCampaign, contacts: people, events: header + rows.joined(separator: "\n"))
    #expect(a.finalStates == b.finalStates)
    #expect(resultsA.map(\.state) == resultsB.map(\.state))
    for (x, y) in zip(resultsA, resultsB) { #expect(abs(x.scores[0] - y.scores[0]) < 1e-9) }
  }
}

/// A deterministic random number generator (SplitMix64) for seeded tests.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9e37_79b9_7f4a_7c15
    var z = state
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
