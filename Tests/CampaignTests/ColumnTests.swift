import Testing

/// Columns are counted in Unicode code points (a tab is one), as SARIF's
/// `unicodeCodePoints` column kind says; the caret line copies tabs and pads wide
/// characters by their display width, so the caret sits under the mistake on a terminal.
@Suite struct ColumnTests {
  static let files = MemoryFileSystem([
    "col.campaign": minimalCampaign + "segment\tx = ltvv > 1\nsegment y = orders_90d > 1 {\n"
      + "  message \"日本 ✓ Ümlaut\" offer zzz\n}\n"
  ])

  @Test func textColumnsAndCaretsWithTabsAndWideCharacters() {
    let (status, output, _) = runDriver(["check", "--no-color", "col.campaign"], files: Self.files)
    #expect(status == 1)
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.contains { $0.hasPrefix("col.campaign:30:13: error[E0301]") })
    #expect(lines.contains("   |        \t    ^^^^"))
    #expect(lines.contains { $0.hasPrefix("col.campaign:32:25: error[E0201]") })
    // `日本` takes two cells each on a terminal: 26 cells come before `offer`.
    #expect(lines.contains("   | " + String(repeating: " ", count: 26) + "^^^^^"))
  }

  @Test func sarifColumnsAreCodePoints() {
    let (_, sarif, _) = runDriver(["check", "--format", "sarif", "col.campaign"], files: Self.files)
    #expect(sarif.contains("\"columnKind\": \"unicodeCodePoints\""))
    #expect(sarif.contains("\"startColumn\": 13"))
    #expect(sarif.contains("\"startColumn\": 25"))
    #expect(sarif.contains("\"endColumn\": 30"))
  }

  @Test func jsonAndGitHubUseTheSameColumns() {
    let (_, json, _) = runDriver(["check", "--format", "json", "col.campaign"], files: Self.files)
    #expect(json.contains("\"column\": 25"))
    let (_, github, _) = runDriver(["check", "--format", "github", "col.campaign"], files: Self.files)
    #expect(github.contains("line=32,col=25"))
  }
}
