import Evaluator
import Foundation
import Testing

/// Windowed aggregates, holds, counters, re-entry, `set state` and `exit`.
@Suite struct EngineRuleTests {
  static let contacts = """
    contact_id,email,tier,email_opt_in,consent_until,timezone
    c1,a@example.com,gold,true,,UTC
    c2,b@example.com,gold,true,,UTC

    """
  let start = instant("2026-01-01T00:00:00Z")

  @Test func windowedAggregatesLookBackFromNowExcludingTheWindowsFirstInstant() throws {
    let campaign = engineCampaign.replacingOccurrences(
      of: "consent email",
      with: """
        segment recent_buyer = count(purchase within 7d) >= 2
        segment spender = sum(purchase.amount within 30d) >= 50
        segment big_basket = (avg(purchase.amount) ?? 0) > 20
        consent email
        """)
    let events = """
      contact_id,ts,type,channel,amount
      c1,2026-01-01T00:00:00Z,purchase,,10
      c1,2026-01-06T00:00:00Z,purchase,,30
      c1,2026-01-21T00:00:00Z,purchase,,40

      """
    func segments(afterDays days: Int64) throws -> [Bool] {
      try simulate(campaign, contacts: EngineRuleTests.contacts, events: events, from: start, to: start + days * 86_400)
        .1[0].segments
    }
    // Day 6: two purchases in the last 7 days, 40 spent, average 20.
    #expect(try segments(afterDays: 6) == [true, false, false])
    // Exactly day 7: the first purchase is 7 days old, outside `within 7d`.
    #expect(try segments(afterDays: 7) == [false, false, false])
    // Day 22: 80 spent in 30 days, average 26.67.
    #expect(try segments(afterDays: 22) == [false, true, true])
  }

  @Test func countersReentryHoldsSetStateAndExit() throws {
    let campaign = engineCampaign.replacingOccurrences(
      of: "event unsubscribe",
      with: """
        event unsubscribe
        event dismiss
        event session
        consent in_app when email_opt_in
        hold in_app 24h after dismiss
        counter visits
        flow hello for lapsed when visits < 2 {
          increment visits
          send in_app "nudge" on session
          wait 1d
          if visits < 2 {
            set state active
          }
          exit
          send in_app "never" on session
        }
        """)
    // Both open the app (a session) at day 30 and 31, when the flow reaches its in-app
    // send; c2 dismissed an in-app message an hour before it lapses at day 30.
    let events = """
      contact_id,ts,type,channel,amount
      c1,2026-01-31T00:00:00Z,session,,
      c1,2026-02-01T00:00:00Z,session,,
      c2,2026-01-30T23:00:00Z,dismiss,,
      c2,2026-01-31T00:00:00Z,session,,
      c2,2026-02-01T00:00:00Z,session,,

      """
    let (program, data) = try loadData(
      campaign, contacts: EngineRuleTests.contacts, events: events, from: start, to: start + 60 * 86_400)
    let simulation = Simulation(campaign: program, data: data)
    var results: [Simulation.ContactResult] = []
    let report = simulation.run(perContact: { results.append($0) })
    // Day 30: lapsed, the flow runs (visits 1); day 31 `set state active`, which is
    // still idle, so lapsed again at once and the flow runs again (visits 2); day 32
    // it exits. A third entry never comes: the flow's condition is false.
    #expect(results.map(\.counters) == [[2], [2]])
    #expect(results.map(\.state) == [2, 2])
    let lapsed = program.states.firstIndex { $0.name == "lapsed" }!
    let active = program.states.firstIndex { $0.name == "active" }!
    #expect(
      report.transitions.map { "\($0.from)->\($0.to):\($0.count)" } == [
        "\(active)->\(lapsed):4", "\(lapsed)->\(active):2",
      ])
    let c1 = simulation.replay(contact: 0).record
    #expect(c1.sends.map { ValueFormat.timestamp($0.at) } == ["2026-01-31T00:00:00Z", "2026-02-01T00:00:00Z"])
    #expect(c1.held.map { "\($0.reason.label) x\($0.count)" } == ["flow ended first x1", "flow ended first x1"])
    // c2's first nudge falls inside the 24-hour hold; the second goes out.
    let c2 = simulation.replay(contact: 1).record
    #expect(c2.sends.map { ValueFormat.timestamp($0.at) } == ["2026-02-01T00:00:00Z"])
    #expect(c2.held.map(\.reason.label).first == "hold after an event")
  }
}
