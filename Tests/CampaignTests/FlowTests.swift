import Evaluator
import Foundation
import Testing

@Suite struct FlowTests {
  static let campaign = engineCampaign.replacingOccurrences(
    of: "states {",
    with: """
      limit email 2 per 7d
      quiet hours 21:00 to 08:00 for email
      variant subject_test {
        a 30% { subject "A" }
        b 70% { subject "B" }
      }
      flow winback for lapsed {
        send email "w1" subject "Come back"
        wait 1d
        send email "w2" subject "Still there?"
        wait 1h
        send email "w3" subject "Last call"
        wait 7d
        send email "w4" variant subject_test
        move to ads unless engaged
      }
      states {
      """)

  static let contacts = """
    contact_id,email,tier,email_opt_in,consent_until,timezone
    utc,a@example.com,gold,true,,UTC
    jakarta,b@example.com,gold,true,,Asia/Jakarta
    expired,c@example.com,gold,true,2026-02-01,UTC
    no,d@example.com,gold,false,,UTC

    """

  /// Runs everyone from 2026-01-01T15:00Z for 60 days; nobody has events, so each
  /// lapses after 30 days idle, at 2026-01-31T15:00Z.
  func run() throws -> Simulation {
    let (program, data) = try loadData(
      FlowTests.campaign, contacts: FlowTests.contacts, events: "contact_id,ts,type,channel,amount\n",
      from: instant("2026-01-01T15:00:00Z"), to: instant("2026-03-02T15:00:00Z"))
    return Simulation(campaign: program, data: data)
  }

  func sends(_ simulation: Simulation, _ key: String) throws -> [String] {
    let index = try #require(simulation.contact(withKey: key))
    return simulation.replay(contact: index).record.sends.map { "\($0.template)@" + ValueFormat.timestamp($0.at) }
  }

  func held(_ simulation: Simulation, _ key: String) throws -> [String] {
    let index = try #require(simulation.contact(withKey: key))
    return simulation.replay(contact: index).record.held.map { "\($0.number):\($0.reason.label)" }
  }

  /// An in-app send `on EVENT` shows at the contact's next such event while the flow
  /// goes on; never shown when the event does not come before the window ends or the
  /// contact leaves the state.
  @Test func inAppSendsShowAtTheNextSession() throws {
    let campaign = engineCampaign.replacingOccurrences(
      of: "states {",
      with: """
        event session
        consent in_app when true
        flow winback for lapsed {
          send in_app "banner" on session
          wait 1d
          send email "w1" subject "Come back"
        }
        states {
        """)
    let events = """
      contact_id,ts,type,channel,amount
      c1,2026-02-05T10:00:00Z,session,,
      c2,2026-02-03T00:00:00Z,click,email,

      """
    let (program, data) = try loadData(
      campaign, contacts: EngineRuleTests.contacts, events: events,
      from: instant("2026-01-01T00:00:00Z"), to: instant("2026-03-01T00:00:00Z"))
    let simulation = Simulation(campaign: program, data: data)
    // c1 lapses on 01-31; the email goes a day later; the banner waits for the session.
    #expect(try sends(simulation, "c1") == ["w1@2026-02-01T00:00:00Z", "banner@2026-02-05T10:00:00Z"])
    // c2 clicks (back to active) before any session: the banner is never shown.
    #expect(try sends(simulation, "c2") == ["w1@2026-02-01T00:00:00Z"])
    #expect(try held(simulation, "c2") == ["1:flow ended first"])
    let (_, never) = try loadData(
      campaign, contacts: EngineRuleTests.contacts, events: "contact_id,ts,type,channel,amount\n",
      from: instant("2026-01-01T00:00:00Z"), to: instant("2026-03-01T00:00:00Z"))
    let silent = Simulation(campaign: program, data: never)
    #expect(try held(silent, "c1") == ["1:its event never came (not shown)"])
  }

  @Test func sendsFollowTheFlowAndTheLimitHoldsTheThird() throws {
    let simulation = try run()
    #expect(
      try sends(simulation, "utc") == [
        "w1@2026-01-31T15:00:00Z", "w2@2026-02-01T15:00:00Z", "w4@2026-02-08T16:00:00Z",
      ])
    #expect(try held(simulation, "utc") == ["3:frequency limit"])
  }

  @Test func quietHoursDeferToTheirEndInTheContactsTimeZone() throws {
    let simulation = try run()
    // 15:00Z is 22:00 in Jakarta (UTC+7): held until 08:00 local, 01:00Z.
    #expect(try sends(simulation, "jakarta").first == "w1@2026-02-01T01:00:00Z")
    #expect(try held(simulation, "jakarta").first == "1:quiet hours (deferred)")
  }

  @Test func consentIsCheckedAtSendTimeWithItsExpiry() throws {
    let simulation = try run()
    // Consent until 2026-02-01: w1 on 01-31 goes, w2 on 02-01 still goes (the date is
    // inclusive), w4 on 02-08 does not.
    #expect(try sends(simulation, "expired") == ["w1@2026-01-31T15:00:00Z", "w2@2026-02-01T15:00:00Z"])
    #expect(try held(simulation, "expired") == ["3:frequency limit", "4:no consent"])
    #expect(try sends(simulation, "no").isEmpty)
  }

  @Test func noSendEverGoesWithoutConsentAndEveryContactEndsInOneState() throws {
    var rows = "contact_id,email,tier,email_opt_in,consent_until,timezone\n"
    let zones = ["UTC", "Asia/Jakarta", "America/New_York", "Europe/Berlin"]
    var generator = SeededGenerator(seed: 11)
    for index in 0..<400 {
      let optIn = Bool.random(using: &generator)
      let until = Bool.random(using: &generator) ? "2026-0\(Int.random(in: 1...3, using: &generator))-15" : ""
      rows += "k\(index),x\(index)@example.com,silver,\(optIn),\(until),\(zones[index % zones.count])\n"
    }
    var events = "contact_id,ts,type,channel,amount\n"
    for _ in 0..<1_500 {
      let day = String(format: "%02d", Int.random(in: 1...28, using: &generator))
      let type = ["open", "click", "unsubscribe"][Int.random(in: 0..<3, using: &generator) % 3]
      events +=
        "k\(Int.random(in: 0..<400, using: &generator)),2026-0\(Int.random(in: 1...3, using: &generator))-\(day)T10:00:00Z,\(type),email,\n"
    }
    let (program, data) = try loadData(FlowTests.campaign, contacts: rows, events: events)
    let simulation = Simulation(campaign: program, data: data)
    var results: [Simulation.ContactResult] = []
    let report = simulation.run(perContact: { results.append($0) })
    #expect(report.finalStates[0].reduce(0, +) == 400)
    #expect(results.allSatisfy { $0.state >= 0 && $0.state < program.states.count })
    for contact in 0..<400 {
      let record = simulation.replay(contact: contact).record
      let optIn = simulation.attributeText(3, contact: contact) == "true"
      let until = simulation.attributeText(4, contact: contact)
      for send in record.sends {
        #expect(optIn)
        if !until.isEmpty { #expect(ValueFormat.date(send.at / 86_400) <= until) }
      }
    }
  }

  @Test func variantArmsAreStableAndKeepTheirWeights() throws {
    let simulation = try run()
    func counts() -> [Int] {
      var counts = [0, 0]
      for index in 0..<100_000 { counts[simulation.arm(ofVariant: 0, key: "v\(index)")] += 1 }
      return counts
    }
    let first = counts()
    // 30% and 70% of 100,000 within 1%.
    #expect(abs(first[0] - 30_000) < 1_000 && abs(first[1] - 70_000) < 1_000)
    #expect(counts() == first)
  }
}
