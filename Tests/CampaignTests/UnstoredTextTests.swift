import Foundation
import Testing

@testable import Evaluator

/// `LoadRequest.keptText`: text attributes the run never reads are checked for a value
/// but not stored, and the run's figures are the same as with everything stored.
@Suite struct UnstoredTextTests {
  /// `segment` reads `country`; nothing reads `email` or `nickname`.
  static let campaign = """
    campaign "Text" {
      owner "crm@example.com"
      timezone "UTC"
    }
    contact {
      contact_id string key
      email string pii
      nickname string?
      country string
      email_opt_in bool
      timezone string
    }
    event open { channel string }
    consent email when email_opt_in
    engagement open
    score heat {
      open +5
      cap 100
    }
    segment local = country == "ID"
    states {
      initial active
      state engaged
      active -> engaged when heat >= 10
    }
    """

  static let contacts = """
    contact_id,email,nickname,country,email_opt_in,timezone
    c1,a@example.com,Al,ID,true,Asia/Jakarta
    c2,b@example.com,,SG,true,UTC
    c3,c@example.com,Cy,ID,false,UTC

    """

  static let events = """
    contact_id,ts,type,channel
    c1,2026-01-01T00:00:00Z,open,email
    c1,2026-01-02T00:00:00Z,open,email
    c3,2026-01-02T00:00:00Z,open,email

    """

  @Test func onlyTheTextTheRunReadsIsStored() throws {
    let (program, data) = try loadData(
      UnstoredTextTests.campaign, contacts: UnstoredTextTests.contacts, events: UnstoredTextTests.events, keptText: [])
    let names = data.unstoredText.sorted().map { program.attributes[$0].name }
    // The time zone and `country` (read by the segment) are stored; the key is kept
    // apart (see `KeyStore`) and pooled only when the run reads it.
    #expect(names == ["contact_id", "email", "nickname"])
  }

  @Test func theFiguresAreTheSameAsWithEverythingStored() throws {
    func report(_ kept: Set<Int>?) throws -> SimulationReport {
      let (program, data) = try loadData(
        UnstoredTextTests.campaign, contacts: UnstoredTextTests.contacts, events: UnstoredTextTests.events,
        keptText: kept)
      return Simulation(campaign: program, data: data).run()
    }
    let all = try report(nil)
    let some = try report([])
    #expect(all.finalStates == some.finalStates)
    #expect(all.segments == some.segments)
    #expect(all.scoreSums == some.scoreSums)
    #expect(some.segments == [[2]])
  }

  @Test func aMissingRequiredValueIsStillABadRow() {
    let missing = UnstoredTextTests.contacts.replacingOccurrences(of: "c2,b@example.com,", with: "c2,,")
    do {
      _ = try loadData(
        UnstoredTextTests.campaign, contacts: missing, events: UnstoredTextTests.events, keptText: [])
      Issue.record("expected an error")
    } catch let error as LoadError {
      #expect(
        error.problems.map(\.description) == [
          RowProblem.missing(file: "contacts.csv", line: 3, column: "email").description
        ])
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func anAttributeAskedForIsStored() throws {
    let (program, data) = try loadData(
      UnstoredTextTests.campaign, contacts: UnstoredTextTests.contacts, events: UnstoredTextTests.events,
      keptText: [1])
    #expect(data.unstoredText.sorted().map { program.attributes[$0].name } == ["contact_id", "nickname"])
    #expect(Simulation(campaign: program, data: data).attributeText(1, contact: 2) == "c@example.com")
  }

  @Test func aKeyTheRunReadsIsStored() throws {
    let campaign = UnstoredTextTests.campaign.replacingOccurrences(
      of: "segment local = country == \"ID\"", with: "segment local = contact_id == \"c3\"")
    let (program, data) = try loadData(
      campaign, contacts: UnstoredTextTests.contacts, events: UnstoredTextTests.events, keptText: [])
    #expect(!data.unstoredText.contains(program.keyAttribute))
    #expect(Simulation(campaign: program, data: data).run().segments == [[1]])
  }
}
