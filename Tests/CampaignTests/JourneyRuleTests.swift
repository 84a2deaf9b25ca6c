import Evaluator
import Foundation
import Testing

/// The rules the win-back journey needs: `enter at`, guards (`if`) and timers joined by `and`.
@Suite struct JourneyRuleTests {
  static let campaign = """
    campaign "Journey rules" {
      owner "crm@example.com"
      timezone "UTC"
      enter at joined
    }
    contact {
      contact_id string key
      joined date?
      email_opt_in bool
    }
    event open
    event click
    event purchase
    consent email when email_opt_in
    engagement open, click, purchase
    counter cycle
    states {
      initial active
      state waiting, ads
      active -> waiting after 30d idle if cycle < 1
      waiting -> active on click
      waiting -> ads after 5d and 30d idle
    }
    flow mail for waiting {
      increment cycle
      send email "nudge" subject "Hello"
    }

    """
  let start = instant("2026-01-01T00:00:00Z")

  /// (from, to, day of the window) of each transition of contact `index`.
  func moves(_ contacts: String, _ events: String, days: Int64 = 120, contact index: Int = 0) throws -> [String] {
    let (program, data) = try loadData(
      JourneyRuleTests.campaign, contacts: contacts, events: events, from: start, to: start + days * 86_400)
    let simulation = Simulation(campaign: program, data: data)
    let states = program.states.map(\.name)
    return simulation.replay(contact: index).record.transitions.map { move in
      let day = Double(move.at - start) / 86_400
      return "\(states[move.from])->\(states[move.to])@\(day)"
    }
  }

  @Test func aGuardStopsATimerOnceTheCounterIsUsedUp() throws {
    let contacts = "contact_id,joined,email_opt_in\nc1,,true\n"
    let events = "contact_id,ts,type\nc1,2026-02-03T00:00:00Z,click\n"
    // Idle 30 days -> waiting (cycle 1); the click on day 33 brings it back; 30 more idle
    // days pass on day 63, but `if cycle < 1` no longer holds, so it stays active.
    #expect(try moves(contacts, events) == ["active->waiting@30.0", "waiting->active@33.0"])
  }

  @Test func timersJoinedByAndFireWhenTheLaterOneRunsOut() throws {
    let contacts = "contact_id,joined,email_opt_in\nc1,,true\nc2,,true\n"
    // c1: no engagement: 30 days idle already hold on entering `waiting` (day 30), so the
    // 5 days in the state decide (day 35). c2: a purchase on day 32 restarts the idle
    // clock, so 30 days idle (day 62) come after the 5 days in the state.
    let events = "contact_id,ts,type\nc2,2026-02-02T00:00:00Z,purchase\n"
    #expect(try moves(contacts, events, contact: 0) == ["active->waiting@30.0", "waiting->ads@35.0"])
    #expect(try moves(contacts, events, contact: 1) == ["active->waiting@30.0", "waiting->ads@62.0"])
  }

  @Test func enterAtStartsTheContactsClockAtItsAttribute() throws {
    let contacts = """
      contact_id,joined,email_opt_in
      c1,2026-01-11,true
      c2,2025-06-01,true
      c3,,true

      """
    // c1's click on day 5 comes before it enters (day 10): history, not replayed.
    let events = "contact_id,ts,type\nc1,2026-01-06T00:00:00Z,click\n"
    #expect(try moves(contacts, events, contact: 0).first == "active->waiting@40.0")
    #expect(try moves(contacts, events, contact: 1).first == "active->waiting@30.0")
    #expect(try moves(contacts, events, contact: 2).first == "active->waiting@30.0")
    let (report, _) = try simulate(
      JourneyRuleTests.campaign, contacts: contacts, events: events, from: start, to: start + 120 * 86_400)
    #expect(report.eventsBeforeEntry == 1)
    #expect(report.counterValues.map { "\($0.value):\($0.contacts)" } == ["1:3"])
    // Sends and moves by month: three first sends in January and February, no moves.
    #expect(report.months.map { "\($0.month) \($0.counts)" } == ["2026-01 [2]", "2026-02 [1]"])
  }

  @Test func enterAtAndGuardsAreChecked() {
    func check(_ old: String, _ new: String) -> [String] {
      codes(compile(JourneyRuleTests.campaign.replacingOccurrences(of: old, with: new)))
    }
    #expect(check("enter at joined", "enter at joind") == ["E0301"])
    #expect(check("enter at joined", "enter at email_opt_in") == ["E0401"])
    #expect(check("if cycle < 1", "if cycle") == ["E0402"])
    #expect(check("if cycle < 1", "if cycel < 1") == ["E0301"])
    #expect(check("after 5d and 30d idle", "after 5d and 0d idle") == ["E0408"])
  }
}
