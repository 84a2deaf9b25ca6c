import Driver
import Foundation
import Testing

/// The progress line of long runs: on a terminal only, never in files or pipes.
@Suite struct ProgressTests {
  /// 100,000 contacts (the threshold for a progress line) and no events.
  static let files: MemoryFileSystem = {
    var contacts = "contact_id,email,tier,email_opt_in,consent_until,timezone\n"
    contacts.reserveCapacity(4_000_000)
    for index in 0..<100_000 { contacts += "c\(index),c\(index)@example.com,gold,true,,UTC\n" }
    return MemoryFileSystem([
      "c.campaign": engineCampaign, "contacts.csv": contacts, "events.csv": "contact_id,ts,type,channel,amount\n",
    ])
  }()

  func run(terminal: Bool) -> (Int32, BufferOutput) {
    let output = BufferOutput()
    output.isErrorTerminal = terminal
    let status = Driver(fileSystem: ProgressTests.files, output: output).run([
      "simulate", "c.campaign", "--contacts", "contacts.csv", "--events", "events.csv",
      "--from", "2026-01-01", "--to", "2026-02-01",
    ])
    return (status, output)
  }

  @Test func aTerminalSeesTheProgressAndThenItIsCleared() {
    let (status, output) = run(terminal: true)
    #expect(status == 0)
    #expect(output.progress.first == "simulating: 0% of 100000 contacts")
    #expect(output.progress.contains("simulating: 65% of 100000 contacts"))
    #expect(output.progress.last == .some(nil))
    #expect(!output.standardOutput.contains("simulating"))
  }

  @Test func aPipeSeesNoProgress() {
    let (status, output) = run(terminal: false)
    #expect(status == 0)
    #expect(output.progress.isEmpty)
    #expect(output.standardError.isEmpty)
  }
}
