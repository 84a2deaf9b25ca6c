import Foundation
import Testing

/// A run that could not read every path it was given (exit 2) still writes a whole
/// document in the CI formats: the results for what was read, and what was not.
@Suite struct IncompleteRunTests {
  static let files = MemoryFileSystem(
    bytes: repositoryFiles(under: "examples").files.merging(
      repositoryFiles(under: "Tests/CampaignTests/Goldens/test").files
    ) { first, _ in first })

  @Test(arguments: ["json", "github", "sarif"])
  func checkListsWhatWasNotRead(format: String) {
    let (status, output, errors) = runDriver(
      ["check", "--format", format, "examples/invalid/E0311.campaign", "campaigns/missing.campaign"],
      files: Self.files)
    #expect(status == 2)
    #expect(errors == "error: cannot read `campaigns/missing.campaign`: no such file or folder\n")
    assertGolden(output, path: "Tests/CampaignTests/Goldens/not-read.\(format)")
  }

  /// Nothing could be read: the document is still whole, with no results.
  @Test func sarifWithNothingRead() throws {
    let (status, output, _) = runDriver(["check", "--format", "sarif", "missing.campaign"], files: Self.files)
    #expect(status == 2)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    #expect((run["results"] as? [Any])?.isEmpty == true)
    let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
    #expect(invocation["executionSuccessful"] as? Bool == false)
    #expect((invocation["toolExecutionNotifications"] as? [Any])?.count == 1)
  }

  @Test func junitHasAnErrorForEachPathNotRead() {
    let (status, output, _) = runDriver(
      ["test", "--format", "junit", "Tests/CampaignTests/Goldens/test/failing.campaign", "campaigns/missing.campaign"],
      files: Self.files)
    #expect(status == 2)
    assertGolden(output, path: "Tests/CampaignTests/Goldens/test/not-read.junit.xml")
    let (textStatus, text, _) = runDriver(["test", "missing.campaign"], files: Self.files)
    #expect(textStatus == 2)
    #expect(text.isEmpty)
  }
}
