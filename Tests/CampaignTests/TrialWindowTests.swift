import Driver
import Foundation
import Testing

/// Findings of the session-10 user trial: an events file with no event of a known
/// contact (an empty export, say) and no window given reported a second of 1970.
@Suite struct TrialWindowTests {
  func run(_ arguments: [String]) -> (Int32, String, String) { SimulateGoldenTests().run(arguments) }

  /// `events` as a file with the example events' header, then `rows`.
  func eventsFile(_ rows: [String]) throws -> String {
    let header = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/data/events.csv"), encoding: .utf8
    )
    .split(separator: "\n", maxSplits: 1)[0]
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("trial-window-\(UUID().uuidString).csv")
    try ([String(header)] + rows).map { $0 + "\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  @Test(arguments: [[], ["--from", "2025-10-01"], ["--to", "2025-12-01"]])
  func noEventOfAKnownContactAndNoWindowIsAnError(window: [String]) throws {
    let empty = try eventsFile([])
    defer { try? FileManager.default.removeItem(atPath: empty) }
    for command in [
      ["simulate", "examples/winback.campaign"], ["explain", "examples/winback.campaign", "--contact", "u00002"],
    ] {
      let (status, out, err) = run(
        command + ["--contacts", "examples/data/contacts.csv", "--events", empty] + window)
      #expect(status == 1, "\(command) \(window)")
      #expect(out.isEmpty)
      let missing = window.isEmpty ? "--from and --to" : window[0] == "--from" ? "--to" : "--from"
      #expect(err.hasPrefix("error: no event in \(empty) belongs to a contact"), "\(err)")
      #expect(err.contains("give \(missing) (a date"), "\(err)")
    }
  }

  @Test func aWindowGivenReplaysContactsWithoutEvents() throws {
    let empty = try eventsFile([])
    defer { try? FileManager.default.removeItem(atPath: empty) }
    let (status, out, _) = run(
      ["simulate", "examples/winback.campaign", "--contacts", "examples/data/contacts.csv", "--events", empty]
        + ["--from", "2025-10-01", "--to", "2025-12-01"])
    #expect(status == 0)
    #expect(out.hasPrefix("campaign \"Winback Q4\": 2500 contacts"))
  }

  /// "lines 7" read oddly for one skipped row.
  @Test func oneSkippedRowIsOnOneLine() throws {
    let events = try eventsFile([
      "u00002,2025-10-01T00:01:34Z,email_click,newsletter,demo-invite,/pricing,book_demo,,,,,,",
      "u00002,yesterday,email_click,newsletter,demo-invite,/pricing,book_demo,,,,,,",
    ])
    defer { try? FileManager.default.removeItem(atPath: events) }
    let (status, out, _) = run(
      ["simulate", "examples/winback.campaign", "--contacts", "examples/data/contacts.csv", "--events", events]
        + ["--skip-bad-rows"])
    #expect(status == 0)
    let line = out.split(separator: "\n").first { $0.contains("rows skipped") }.map(String.init) ?? ""
    #expect(line.hasSuffix("line 3"), "\(line)")
  }

  /// A misspelled event type in the data quietly lost its events; other campaigns'
  /// types in a shared file stay quiet (they are counted in the report).
  @Test func aNearMissOfADeclaredTypeIsWarnedAbout() throws {
    let events = try eventsFile([
      "u00002,2025-10-01T00:01:34Z,emial_open,newsletter,demo-invite,,,,,,,,",
      "u00002,2025-10-01T00:01:35Z,emial_open,newsletter,demo-invite,,,,,,,,",
      "u00002,2025-10-01T00:01:36Z,teleport,,,,,,,,,,",
      "u00002,2025-10-01T00:01:37Z,email_open,newsletter,demo-invite,,,,,,,,",
    ])
    defer { try? FileManager.default.removeItem(atPath: events) }
    let (status, _, err) = run(
      ["simulate", "examples/winback.campaign", "--contacts", "examples/data/contacts.csv", "--events", events])
    #expect(status == 0)
    #expect(
      err
        == "warning: \(events): 2 events of type `emial_open` ignored: the campaign declares no such event; "
        + "did you mean `email_open`?\n")
    let (_, _, quiet) = run(["simulate", "examples/winback.campaign"] + SimulateGoldenTests.dataArguments)
    #expect(quiet.isEmpty)
  }

  /// A repeated id stops the run even with --skip-bad-rows; the message says why.
  @Test func aRepeatedIdSaysSkippingDoesNotSkipIt() throws {
    let lines = try String(
      contentsOf: repositoryRoot.appendingPathComponent("examples/data/contacts.csv"), encoding: .utf8
    ).split(separator: "\n")
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("trial-dup-\(UUID().uuidString).csv")
    try (lines.prefix(3) + [lines[1]]).map { $0 + "\n" }.joined().write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    for skipping in [false, true] {
      let (status, _, err) = run(
        ["simulate", "examples/winback.campaign", "--contacts", file.path, "--events", "examples/data/events.csv"]
          + (skipping ? ["--skip-bad-rows"] : []))
      #expect(status == 1)
      #expect(err.hasPrefix("error: contact ids must be unique"))
      #expect(err.contains("--skip-bad-rows does not skip them") == skipping, "\(err)")
    }
  }
}
