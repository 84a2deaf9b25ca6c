import Driver
import Foundation
import Testing

@testable import Evaluator

/// Findings of the session-7 user trial on `simulate` and `explain`.
@Suite struct TrialDataFixTests {
  func run(_ arguments: [String]) -> (Int32, String, String) { SimulateGoldenTests().run(arguments) }

  /// One end of the window given and the other taken from the events could leave an
  /// empty window, and the report crashed on it.
  @Test(arguments: [["--from", "2027-01-01"], ["--to", "2025-09-01"], ["--from", "2026-03-31T23:00:00Z"]])
  func anEmptyWindowIsAUsageError(window: [String]) {
    for command in [
      ["simulate", "examples/winback.campaign"], ["explain", "examples/winback.campaign", "--contact", "u00002"],
    ] {
      let (status, out, err) = run(command + SimulateGoldenTests.dataArguments + window)
      #expect(status == 2, "\(command) \(window)")
      #expect(out.isEmpty)
      #expect(err.hasPrefix("error: the window is empty: `\(window[0])`"), "\(err)")
    }
  }

  @Test func aMissingIdSaysEveryContactNeedsOne() {
    let contacts = "contact_id,email,tier,email_opt_in,timezone\n,a@x.com,gold,true,UTC\n"
    do {
      _ = try loadData(engineCampaign, contacts: contacts, events: "contact_id,ts,type,channel,amount\n")
      Issue.record("expected an error")
    } catch let error as LoadError {
      #expect(error.problems.first?.message.contains("every contact needs one") == true)
      #expect(error.problems.first?.message.contains("add `?`") == false)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func unknownContactsAreExemplifiedOnceEach() throws {
    let contacts = "contact_id,email,tier,email_opt_in,timezone\nc1,a@x.com,gold,true,UTC\n"
    let events =
      "contact_id,ts,type,channel,amount\n"
      + ["c7", "c7", "customer-long-unknown", "c8", "customer-long-unknown", "c9", "c10", "c11"].map {
        "\($0),2026-01-01T00:00:00Z,open,email,\n"
      }.joined()
    let (_, data) = try loadData(engineCampaign, contacts: contacts, events: events)
    #expect(data.report.eventsForUnknownContacts == 8)
    #expect(data.report.unknownContactExamples == ["c7", "customer-long-unknown", "c8", "c9", "c10"])
  }

  @Test func aFolderInsteadOfACampaignIsNamedAsOne() {
    let (status, _, err) = run(["simulate", "examples"] + SimulateGoldenTests.dataArguments)
    #expect(status == 2)
    #expect(err.hasPrefix("error: cannot read `examples`: it is a folder"), "\(err)")
  }
}
