import Driver
import Foundation
import Testing

/// What users see from the dry run, as golden files: the reports of every example on
/// examples/data, one contact's explanation, and the usage errors.
@Suite struct SimulateGoldenTests {
  static let examples = ["ab-test", "loyal-vs-potential", "onboarding-multichannel", "persona-matrix", "winback"]
  static let dataArguments = ["--contacts", "examples/data/contacts.csv", "--events", "examples/data/events.csv"]

  func run(_ arguments: [String]) -> (Int32, String, String) {
    _ = FileManager.default.changeCurrentDirectoryPath(repositoryRoot.path)
    let output = BufferOutput()
    let status = Driver(fileSystem: DiskFileSystem(), output: output).run(arguments)
    return (status, output.standardOutput, output.standardError)
  }

  @Test(arguments: examples)
  func everyExampleSimulatesOnTheExampleData(name: String) {
    let (status, out, err) = run(["simulate", "examples/\(name).campaign"] + SimulateGoldenTests.dataArguments)
    #expect(status == 0, "\(err)")
    assertGolden(out, path: "Tests/CampaignTests/Goldens/simulate/\(name).txt")
  }

  @Test func theReportIsTheSameInEveryFormatAndEveryRun() {
    for format in ["json", "csv"] {
      let arguments =
        ["simulate", "examples/winback.campaign", "--format", format, "--by", "ltv"] + SimulateGoldenTests.dataArguments
      let (status, first, _) = run(arguments)
      let (_, second, _) = run(arguments)
      #expect(status == 0)
      #expect(first == second)
    }
    let (_, json, _) = run(
      ["simulate", "examples/persona-matrix.campaign", "--format", "json", "--by", "tier"]
        + SimulateGoldenTests.dataArguments)
    assertGolden(json, path: "Tests/CampaignTests/Goldens/simulate/persona-matrix.by-tier.json")
  }

  /// `--by` in every table the report prints per contact: persona-matrix by tier (two
  /// guardrails, engagement rates, months of sends) and winback by orders_90d (a counter,
  /// audience moves in the months). The by-tier JSON is checked above.
  @Test(arguments: [
    ("persona-matrix", "tier", "table"), ("persona-matrix", "tier", "csv"), ("winback", "orders_90d", "table"),
    ("winback", "orders_90d", "csv"), ("winback", "orders_90d", "json"),
  ])
  func everyPerContactTableBreaksDownByAnAttribute(name: String, attribute: String, format: String) {
    let (status, out, err) = run(
      ["simulate", "examples/\(name).campaign", "--by", attribute, "--format", format]
        + SimulateGoldenTests.dataArguments)
    #expect(status == 0, "\(err)")
    let ending = format == "table" ? "txt" : format
    assertGolden(out, path: "Tests/CampaignTests/Goldens/simulate/\(name).by-\(attribute).\(ending)")
  }

  @Test func explainTellsOneContactsStory() {
    let (status, out, err) = run(
      ["explain", "examples/winback.campaign", "--contact", "u00002"] + SimulateGoldenTests.dataArguments)
    #expect(status == 0, "\(err)")
    #expect(!out.contains("@example.com"), "pii must be masked")
    assertGolden(out, path: "Tests/CampaignTests/Goldens/simulate/explain-u00002.txt")
  }

  @Test func piiIsMaskedUnlessAskedFor() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaignc-pii-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let masked = folder.appendingPathComponent("masked.csv").path
    let shown = folder.appendingPathComponent("shown.csv").path
    _ = run(["simulate", "examples/winback.campaign", "--per-contact", masked] + SimulateGoldenTests.dataArguments)
    _ = run(
      ["simulate", "examples/winback.campaign", "--per-contact", shown, "--show-pii"]
        + SimulateGoldenTests.dataArguments)
    let maskedText = try String(contentsOfFile: masked, encoding: .utf8)
    let shownText = try String(contentsOfFile: shown, encoding: .utf8)
    #expect(maskedText.split(separator: "\n").count == 2_501)
    #expect(!maskedText.contains("@example.com") && maskedText.contains("***"))
    #expect(shownText.contains("user2@example.com"))
    let (status, _, err) = run(
      ["simulate", "examples/winback.campaign", "--by", "email"] + SimulateGoldenTests.dataArguments)
    #expect(status == 2 && err.contains("marked pii"))
  }

  @Test func usageAndDataErrors() {
    var transcript = ""
    for arguments in [
      ["simulate", "examples/winback.campaign"],
      ["simulate", "examples/winback.campaign", "--by", "tierr"] + SimulateGoldenTests.dataArguments,
      ["simulate", "examples/winback.campaign", "--from", "yesterday"] + SimulateGoldenTests.dataArguments,
      [
        "simulate", "examples/winback.campaign", "--contacts", "examples/data/events.csv", "--events",
        "examples/data/events.csv",
      ],
      ["simulate", "examples/invalid/E0301.campaign"] + SimulateGoldenTests.dataArguments,
      ["explain", "examples/winback.campaign", "--contact", "nobody"] + SimulateGoldenTests.dataArguments,
    ] {
      let (status, out, err) = run(arguments)
      transcript += "$ campaignc \(arguments.joined(separator: " "))\nexit \(status)\n\(out)\(err)\n"
    }
    assertGolden(transcript, path: "Tests/CampaignTests/Goldens/simulate/errors.txt")
  }
}
