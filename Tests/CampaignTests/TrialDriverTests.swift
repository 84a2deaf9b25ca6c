import Render
import Testing

/// Regressions from a user trial of the command line.
@Suite struct TrialDriverTests {
  static let files = MemoryFileSystem([
    "dir/a.campaign": minimalCampaign + "segment s = ltvv > 1\n",
    "dir/b.campaign": minimalCampaign,
  ])

  /// A file named twice, in any spelling or through its folder, is checked and reported once.
  @Test(arguments: [
    ["dir/a.campaign", "dir/a.campaign"],
    ["dir", "dir/a.campaign", "./dir/a.campaign"],
    ["dir/a.campaign", "/dir/a.campaign", "dir/../dir/a.campaign"],
  ])
  func aFileNamedTwiceIsCheckedOnce(paths: [String]) {
    let (status, output, _) = runDriver(["check", "--no-color"] + paths, files: Self.files)
    #expect(status == 1)
    #expect(output.components(separatedBy: "error[E0301]").count == 2, "\(output)")
    #expect(output.contains("1 error"), "\(output)")
  }

  /// A file named twice is reported once, by its clean path (as every format names it).
  @Test func theFirstSpellingIsKept() {
    let (_, output, _) = runDriver(["check", "--no-color", "./dir/a.campaign", "dir"], files: Self.files)
    #expect(output.contains("\ndir/a.campaign:") || output.hasPrefix("dir/a.campaign:"), "\(output)")
    #expect(!output.contains("./dir"), "\(output)")
    #expect(output.contains("checked 2 files"), "\(output)")
  }

  /// SARIF `uri`s are RFC 3986 URIs: spaces, `#`, `%` and non-ASCII are percent-encoded,
  /// and absolute paths are `file://` URIs.
  @Test func sarifURIsArePercentEncoded() {
    #expect(SARIFRenderer.uri("my dir/a#1.campaign") == "my%20dir/a%231.campaign")
    #expect(SARIFRenderer.uri("/repo/100% é.campaign") == "file:///repo/100%25%20%C3%A9.campaign")
    #expect(SARIFRenderer.uri("lib/schema-v2_x.campaign") == "lib/schema-v2_x.campaign")
    let files = MemoryFileSystem(["my dir/a#1.campaign": minimalCampaign + "segment s = ltvv > 1\n"])
    let (_, sarif, _) = runDriver(["check", "--format", "sarif", "my dir/a#1.campaign"], files: files)
    #expect(sarif.contains("\"uri\": \"my%20dir/a%231.campaign\""), "\(sarif)")
  }
}
