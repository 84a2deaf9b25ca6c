import Foundation
import Testing

/// A library shared by several campaigns: a declaration one campaign uses is not
/// "never used" because another does not use it.
@Suite struct SharedLibraryLintTests {
  static let files = MemoryFileSystem([
    "lib/segs.campaign": "segment big = ltv >= 500\nsegment small = ltv < 50\n",
    "a.campaign": "import \"lib/segs.campaign\"\n" + minimalCampaign + "flow fa for Active when big {\n  exit\n}\n",
    "b.campaign": "import \"lib/segs.campaign\"\n" + minimalCampaign + "flow fb for Active when small {\n  exit\n}\n",
  ])

  @Test func aSegmentAnyImporterUsesIsUsed() {
    let (status, out, _) = runDriver(
      ["check", "--warnings-as-errors", "--allow", "W0202", "a.campaign", "b.campaign"], files: Self.files)
    #expect(!out.contains("W0101"), "\(out)")
    #expect(status == 0, "\(out)")
  }

  @Test func checkedAloneTheOtherSegmentIsUnused() {
    let (status, out, _) = runDriver(["check", "a.campaign"], files: Self.files)
    #expect(status == 0)
    #expect(out.contains("lib/segs.campaign:2:9: warning[W0101]"), "\(out)")
    #expect(!out.contains("`big`") && !out.contains("'big'"), "\(out)")
  }
}
