import Evaluator
import Foundation
import Testing

@Suite struct DataLoaderTests {
  let contacts = """
    contact_id,email,tier,email_opt_in,consent_until,timezone,extra
    c1,a@example.com,gold,true,,UTC,x
    c2,b@example.com,bronze,false,2026-12-31,Asia/Jakarta,y

    """

  @Test func columnsAreMatchedByNameAndExtraColumnsIgnored() throws {
    let reordered = """
      timezone,tier,contact_id,email_opt_in,email
      UTC,silver,c9,true,z@example.com

      """
    let (_, data) = try loadData(engineCampaign, contacts: reordered, events: "contact_id,ts,type,channel,amount\n")
    #expect(data.contacts.count == 1)
    #expect(data.report.absentOptionalColumns == ["consent_until"])
  }

  @Test func aMissingRequiredColumnIsNamed() {
    let noTier = "contact_id,email,email_opt_in,timezone\nc1,a@example.com,true,UTC\n"
    #expect {
      try loadData(engineCampaign, contacts: noTier, events: "contact_id,ts,type\n")
    } throws: { error in
      "\(error)".contains("no column `tier`")
    }
  }

  @Test func aBadRowStopsTheRunWithItsLineColumnAndReason() {
    let events = "contact_id,ts,type,channel,amount\nc1,2026-01-01T00:00:00Z,open,email,\nc1,yesterday,open,email,\n"
    do {
      _ = try loadData(engineCampaign, contacts: contacts, events: events)
      Issue.record("expected an error")
    } catch let error as LoadError {
      #expect(error.problemCount == 1)
      #expect(
        error.problems.first?.description.hasPrefix("events.csv:3: column `ts`: \"yesterday\" is not a timestamp")
          == true)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func skippedRowsAreCountedByReasonWithTheirFirstLines() throws {
    var events = "contact_id,ts,type,channel,amount\n"
    for day in 1...8 { events += "c1,2026-01-0\(day % 9 + 1)T00:00:00Z,purchase,web,12.5x\n" }
    events += "c1,2026-01-01T00:00:00Z,open,email,\n"
    events += "c1,not-a-time,open,email,\n"
    let (_, data) = try loadData(engineCampaign, contacts: contacts, events: events, skipBadRows: true)
    #expect(data.events.count == 1)
    let skipped = data.report.skipped
    #expect(skipped.map(\.kind) == ["not a decimal number", "not a timestamp"])
    #expect(skipped[0].count == 8 && skipped[0].firstLines == [2, 3, 4, 5, 6])
    #expect(skipped[1].count == 1 && skipped[1].firstLines == [11])
  }

  @Test func duplicateContactIdsAreAnErrorEvenWhenSkipping() {
    let duplicated = contacts + "c1,c@example.com,gold,true,,UTC,z\n"
    #expect(throws: LoadError.self) {
      try loadData(engineCampaign, contacts: duplicated, events: "contact_id,ts,type\n", skipBadRows: true)
    }
  }

  @Test func unknownContactsAndEventsOutsideTheWindowAreCounted() throws {
    let events = """
      contact_id,ts,type,channel,amount
      c1,2025-12-31T23:59:59Z,open,email,
      c1,2026-01-01T00:00:00Z,open,email,
      c7,2026-01-02T00:00:00Z,open,email,
      c2,2026-02-01T00:00:00Z,open,email,
      c2,2026-01-03T00:00:00Z,dismiss,push,

      """
    let (_, data) = try loadData(
      engineCampaign, contacts: contacts, events: events, from: instant("2026-01-01T00:00:00Z"),
      to: instant("2026-02-01T00:00:00Z"))
    #expect(data.report.eventRows == 5)
    #expect(data.report.eventsBeforeWindow == 1)
    #expect(data.report.eventsAfterWindow == 1)
    #expect(data.report.eventsForUnknownContacts == 1)
    #expect(data.report.unknownContactExamples == ["c7"])
    #expect(data.report.undeclaredEventTypes.map(\.name) == ["dismiss"])
    // Only the window's events are kept.
    #expect(data.events.count == 1)
  }

  @Test func aContactWithoutAnIdIsABadRow() {
    let noID = "contact_id,email,tier,email_opt_in,timezone\nc1,a@x.com,gold,true,UTC\n,b@x.com,gold,true,UTC\n"
    do {
      _ = try loadData(engineCampaign, contacts: noID, events: "contact_id,ts,type,channel,amount\n")
      Issue.record("expected an error")
    } catch let error as LoadError {
      #expect(error.problems.map(\.line) == [3])
      #expect(error.problems.first?.column == "contact_id")
      #expect(error.problems.first?.message.hasPrefix("the contact's id is missing") == true)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func anUnknownTimeZoneIsABadRow() {
    let bad = "contact_id,email,tier,email_opt_in,timezone\nc1,a@x.com,gold,true,Mars/Olympus\n"
    #expect(throws: LoadError.self) { try loadData(engineCampaign, contacts: bad, events: "contact_id,ts,type\n") }
  }

  @Test func jsonLinesGiveTheSameReportAsCSV() throws {
    let csvEvents =
      "contact_id,ts,type,channel,amount\nc1,2026-01-01T10:00:00Z,click,email,\nc1,2026-01-02T10:00:00Z,purchase,,19.90\n"
    let jsonEvents = """
      {"contact_id": "c1", "ts": "2026-01-01T10:00:00Z", "type": "click", "channel": "email"}
      {"contact_id": "c1", "ts": "2026-01-02T10:00:00+00:00", "type": "purchase", "amount": 19.90}

      """
    let (a, resultsA) = try simulate(engineCampaign, contacts: contacts, events: csvEvents)
    let (program, data) = try loadData(
      engineCampaign, contacts: contacts, events: jsonEvents, eventsFile: "events.jsonl")
    var resultsB: [Simulation.ContactResult] = []
    let b = Simulation(campaign: program, data: data).run(perContact: { resultsB.append($0) })
    #expect(a.finalStates == b.finalStates)
    #expect(resultsA.map(\.scores) == resultsB.map(\.scores))
    #expect(resultsA[0].state == 1)
  }
}

/// Contact keys are found through `KeyIndex`: short keys live in the table, long ones
/// are compared with the pool's text; the table grows several times on the way.
@Suite struct ContactKeyTests {
  /// Keys of every length around the 8-byte boundary, some differing only in length.
  static let keys: [String] = (0..<3000).map { index in
    switch index % 5 {
    case 0: "c\(index)"
    case 1: String(repeating: "k", count: 1 + index % 12)
    case 2: String(format: "%08d", index)
    case 3: String(format: "%09d", index)
    default: "customer-\(index)-0123456789abcdef0123456789abcdef"
    }
  }

  /// The keys without repeats (case 1 repeats lengths), in first-seen order.
  static let distinct: [String] = {
    var seen: Set<String> = []
    return keys.filter { seen.insert($0).inserted }
  }()

  func contactsCSV(_ keys: [String]) -> String {
    "contact_id,email,tier,email_opt_in,timezone\n"
      + keys.map { "\($0),x@example.com,gold,true,UTC\n" }.joined()
  }

  @Test func everyKeyFindsItsContactAndItsEvents() throws {
    let keys = ContactKeyTests.distinct
    let events =
      "contact_id,ts,type,channel,amount\n"
      + keys.map { "\($0),2026-01-01T00:00:00Z,open,email,\n" }.joined()
      + "nobody,2026-01-01T00:00:00Z,open,email,\nkkkkkkkkkkkkk,2026-01-01T00:00:00Z,open,email,\n"
    let (program, data) = try loadData(engineCampaign, contacts: contactsCSV(keys), events: events)
    #expect(data.contacts.count == keys.count)
    #expect(data.events.count == keys.count)
    #expect(data.report.eventsForUnknownContacts == 2)
    let simulation = Simulation(campaign: program, data: data)
    for (index, key) in keys.enumerated() { #expect(simulation.contact(withKey: key) == index, "\(key)") }
    #expect(simulation.contact(withKey: "c1") == nil)
    #expect(simulation.contact(withKey: "k\u{0}") == nil)
  }

  @Test func aRepeatedKeyIsReportedWhateverItsLength() {
    let keys = ContactKeyTests.distinct
    let repeated = [keys[0], keys[4], keys.last!]
    #expect(throws: LoadError.self) {
      try loadData(
        engineCampaign, contacts: contactsCSV(keys + repeated), events: "contact_id,ts,type,channel,amount\n")
    }
    do {
      _ = try loadData(
        engineCampaign, contacts: contactsCSV(keys + repeated), events: "contact_id,ts,type,channel,amount\n")
    } catch let error as LoadError {
      #expect(error.problemCount == 3)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
