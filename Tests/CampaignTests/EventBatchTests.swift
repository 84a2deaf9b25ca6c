import Foundation
import Testing

@testable import Evaluator

/// The loader reads events in batches and finds their contacts a batch at a time
/// (`EventBatch`). These rows cross several batch boundaries and mix every outcome; the
/// report must be what reading one row at a time gives, in file order.
@Suite struct EventBatchTests {
  /// Known keys of both kinds: short ones packed for the batch, long ones found at once.
  static let known = ["c1", "c22", "k0000001", "customer-number-000001", "customer-number-000002"]

  /// One row per line number from 2, each with a known outcome: (row, outcome).
  enum Outcome: Equatable {
    case kept(contact: String)
    case unknown(String)
    case bad(String)
    case undeclared
  }

  static let rows: [(text: String, outcome: Outcome)] = (0..<1700).map { index in
    let time = "2026-01-01T00:00:00Z"
    let key = known[index % known.count]
    switch index % 13 {
    case 3: return ("ghost\(index % 7),\(time),open,email,", .unknown("ghost\(index % 7)"))
    case 5: return ("long-ghost-\(index),\(time),open,email,", .unknown("long-ghost-\(index)"))
    // An unknown contact's row is counted as unknown, whatever is wrong with its fields.
    case 6: return ("nobody,\(time),purchase,,12.5x", .unknown("nobody"))
    case 7: return ("\(key),\(time),purchase,,12.5x", .bad("not a decimal number"))
    case 8: return ("\(key),yesterday,open,email,", .bad("not a timestamp"))
    case 9: return (",\(time),open,email,", .bad("missing value"))
    case 10: return ("\(key),\(time),page_view,email,", .undeclared)
    default: return ("\(key),\(time),open,email,", .kept(contact: key))
    }
  }

  let contacts =
    "contact_id,email,tier,email_opt_in,timezone\n"
    + EventBatchTests.known.map { "\($0),x@example.com,gold,true,UTC\n" }.joined()

  var events: String { "contact_id,ts,type,channel,amount\n" + EventBatchTests.rows.map { $0.text + "\n" }.joined() }

  @Test func skippingGivesTheSameCountsAndFirstLinesAsOneRowAtATime() throws {
    let (program, data) = try loadData(engineCampaign, contacts: contacts, events: events, skipBadRows: true)
    let rows = EventBatchTests.rows
    let unknown = rows.compactMap { if case .unknown(let id) = $0.outcome { id } else { nil } }
    #expect(data.report.eventsForUnknownContacts == unknown.count)
    #expect(data.report.unknownContactExamples == Array(unknown.prefix(5)))
    #expect(data.report.undeclaredEventTypes.map(\.count) == [rows.filter { $0.outcome == .undeclared }.count])
    for kind in ["not a decimal number", "not a timestamp", "missing value"] {
      let lines = rows.indices.filter { rows[$0].outcome == .bad(kind) }.map { $0 + 2 }
      let skipped = data.report.skipped.filter { $0.kind == kind }
      #expect(skipped.map(\.count).reduce(0, +) == lines.count, "\(kind)")
      #expect(skipped.first?.firstLines == Array(lines.prefix(5)), "\(kind)")
    }
    // Every kept row reached its own contact.
    let simulation = Simulation(campaign: program, data: data)
    var opens: [Int] = Array(repeating: 0, count: EventBatchTests.known.count)
    for row in rows {
      if case .kept(let key) = row.outcome { opens[EventBatchTests.known.firstIndex(of: key)!] += 1 }
    }
    for (index, key) in EventBatchTests.known.enumerated() {
      let contact = try #require(simulation.contact(withKey: key))
      #expect(Int(data.events.first[contact + 1] - data.events.first[contact]) == opens[index], "\(key)")
    }
  }

  @Test func withoutSkippingTheFirstProblemsAreListedInLineOrder() {
    let rows = EventBatchTests.rows
    let bad = rows.indices.filter { if case .bad = rows[$0].outcome { true } else { false } }.map { $0 + 2 }
    do {
      _ = try loadData(engineCampaign, contacts: contacts, events: events)
      Issue.record("expected an error")
    } catch let error as LoadError {
      #expect(error.problemCount == bad.count)
      #expect(error.problems.map(\.line) == Array(bad.prefix(error.problems.count)))
      #expect(error.problems.count == 10)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  /// Rows are stored before their contact is known; the ones left without a contact (an
  /// unknown id, or a field that does not fit) neither set the default window nor count
  /// as outside it.
  @Test func rowsLeftWithoutAContactDoNotShapeTheWindow() throws {
    let events = """
      contact_id,ts,type,channel,amount
      ghost,2025-01-01T00:00:00Z,open,email,
      c1,2026-01-01T00:00:00Z,open,email,
      c22,2027-01-01T00:00:00Z,purchase,,12.5x
      c22,2026-01-02T00:00:00Z,open,email,

      """
    let (_, data) = try loadData(engineCampaign, contacts: contacts, events: events, skipBadRows: true)
    #expect(data.window.start == 1_767_225_600)  // 2026-01-01T00:00:00Z
    #expect(data.window.end == 1_767_312_001)  // just after 2026-01-02T00:00:00Z
    #expect(data.report.eventsBeforeWindow == 0)
    #expect(data.report.eventsAfterWindow == 0)
    #expect(data.report.eventsForUnknownContacts == 1)
    #expect(data.events.count == 2)
  }
}
