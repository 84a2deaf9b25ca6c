import DataReader
import Evaluator
import Testing

/// Contacts are staged and their keys indexed in batches (see `ContactStage`): rows,
/// duplicates and bad rows must come out as if each row were taken on its own.
@Suite struct ContactBatchTests {
  static let header = "contact_id,email,tier,email_opt_in,consent_until,timezone\n"

  static func row(_ key: String, tier: String = "gold", optIn: String = "true") -> String {
    "\(key),\(key)@example.com,\(tier),\(optIn),,UTC\n"
  }

  @Test func duplicatesAcrossAndWithinBatchesAreReportedInLineOrder() {
    var contacts = ContactBatchTests.header
    for index in 0..<400 {
      let key = index % 2 == 0 ? "c\(index)" : "a-contact-key-longer-than-eight-bytes-\(index)"
      switch index {
      case 5: contacts += ContactBatchTests.row("c0")  // line 7: within the first batch
      case 130: contacts += ContactBatchTests.row("c2")  // line 132: a batch later
      case 200: contacts += ContactBatchTests.row("a-contact-key-longer-than-eight-bytes-199")  // line 202
      case 250: contacts += ContactBatchTests.row("never-kept", optIn: "maybe")  // bad: not a contact
      case 251: contacts += ContactBatchTests.row("never-kept")  // so not a duplicate either
      case 252: contacts += ContactBatchTests.row("c252")
      case 253: contacts += ContactBatchTests.row("c252")  // line 255, right after its original
      default: contacts += ContactBatchTests.row(key)
      }
    }
    do {
      _ = try loadData(engineCampaign, contacts: contacts, events: "contact_id,ts,type,channel,amount\n")
      Issue.record("expected an error")
    } catch let error as LoadError {
      #expect(error.problemCount == 4)
      #expect(error.problems.map(\.line) == [7, 132, 202, 255])
      #expect(error.problems.first?.description.contains("\"c0\" is the id of an earlier contact") == true)
    } catch {
      Issue.record("unexpected \(error)")
    }
  }

  @Test func badRowsAcrossBatchesAreSkippedAndTheRestKept() throws {
    var contacts = ContactBatchTests.header
    for index in 0..<1000 {
      switch index % 97 {
      case 3: contacts += ContactBatchTests.row("c\(index)", tier: "Gold")
      case 7: contacts += ",x@example.com,gold,true,,UTC\n"
      case 11: contacts += "c\(index),x@example.com,gold,true,,Mars/Base\n"
      default: contacts += ContactBatchTests.row("c\(index)")
      }
    }
    let (_, data) = try loadData(
      engineCampaign, contacts: contacts, events: "contact_id,ts,type,channel,amount\n", skipBadRows: true)
    let bad = 3 * (1000 / 97) + (1000 % 97 > 3 ? 1 : 0) + (1000 % 97 > 7 ? 1 : 0) + (1000 % 97 > 11 ? 1 : 0)
    #expect(data.contacts.count == 1000 - bad)
    #expect(data.report.contactRows == 1000)
    #expect(data.report.skipped.map(\.count).reduce(0, +) == bad)
  }

  @Test func lineFeedCountCountsEveryLineFeed() {
    var generator = SystemRandomNumberGenerator()
    for size in Array(0...70) + [4_079, 4_080, 4_081, 8_163, 100_003] {
      let bytes: [UInt8] = (0..<size).map { _ in UInt8.random(in: 0...3, using: &generator) == 0 ? 10 : 65 }
      let store = ByteStore(copying: bytes)
      #expect(store.lineFeedCount() == bytes.filter { $0 == 10 }.count)
    }
    let allLineFeeds = ByteStore(copying: Array(repeating: 10, count: 16 * 255 * 3 + 5))
    #expect(allLineFeeds.lineFeedCount() == 16 * 255 * 3 + 5)
  }
}
