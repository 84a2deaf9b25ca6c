import Foundation
import Testing

/// Every format names a file the same way: by its clean path, as the user would type it
/// from the folder campaignc runs in (`campaigns/a.campaign`, never `./campaigns/...`).
@Suite struct PathSpellingTests {
  static let project = MemoryFileSystem([
    "campaigns/main.campaign": "import \"lib/segments.campaign\"\n" + minimalCampaign
      + "segment buyers = vip and orders_90d > 1 {\n  message \"Hi\"\n}\n",
    "campaigns/lib/segments.campaign": "segment vip = ltvv >= 500\n",
  ])

  @Test(arguments: ["text", "json", "github", "sarif"])
  func everyFormatUsesTheCleanPath(format: String) {
    let (status, output, _) = runDriver(
      ["check", "--no-color", "--format", format, "./campaigns/main.campaign"], files: Self.project)
    #expect(status == 1)
    #expect(!output.contains("./campaigns"), "\(output)")
    #expect(output.contains("campaigns/lib/segments.campaign"), "\(output)")
  }

  @Test func cleanPathsOnDisk() throws {
    try FolderScanTests.withTemporaryFolder { base in
      let folder = base.appendingPathComponent("campaigns")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try Data((minimalCampaign + "segment s = ltvv > 1\n").utf8).write(to: folder.appendingPathComponent("a.campaign"))
      let (status, output, _) = DiskFileSystemTests.runOnDisk(["check", "--no-color", base.path + "/./campaigns/"])
      #expect(status == 1)
      #expect(output.hasPrefix(base.path + "/campaigns/a.campaign:30:13: error[E0301]"), "\(output)")
    }
  }

  /// The JSON `files` list names every file read, the imported library too (a
  /// diagnostic is about it); the text summary mentions it.
  @Test func importedFilesAreListedAndCounted() {
    let (_, json, _) = runDriver(["check", "--format", "json", "campaigns/main.campaign"], files: Self.project)
    #expect(
      json.contains("\"files\": [\n    \"campaigns/main.campaign\",\n    \"campaigns/lib/segments.campaign\"\n  ]"),
      "\(json)")
    let (_, text, _) = runDriver(["check", "--no-color", "campaigns"], files: Self.project)
    #expect(text.hasSuffix("checked 1 file (and 1 imported): 1 error, 0 warnings\n"), "\(text)")
  }
}
