import CampaignLang
import Checker
import Testing

/// Regressions from a fresh-user trial of `campaignc check`: large files stay fast, and
/// one mistake gives one message, at the mistake, with the form to write.
@Suite struct TrialDiagnosticsTests {
  /// "Did you mean" searches share a budget: a file with thousands of names and as many
  /// unknown names is checked in time linear in its size. Early mistakes still get their
  /// suggestion; late ones get none.
  @Test func suggestionsAreBoundedInLargeFiles() {
    let lines = (0..<5_000).map { "segment s\($0) = ltvv\($0) > 1\n" }.joined()
    let started = ContinuousClock.now
    let result = compile(minimalCampaign + "segment ltvv = ltv > 1\n" + lines)
    #expect(ContinuousClock.now - started < .seconds(30))
    let diagnostics = Diagnostic.sortedForDisplay(result.diagnostics)
    #expect(diagnostics.count == 5_000)
    #expect(diagnostics.first?.help == "did you mean `ltvv`?")
    #expect(diagnostics.last?.code == .unknownName)
    #expect(diagnostics.last?.help == nil)
  }

  /// The cheap filters in front of the edit distance never hide a suggestion.
  @Test func spellingFiltersKeepNearNames() {
    #expect(Spelling.closest(to: "ltvv", among: ["s1", "lvt", "ltv"]) == "ltv")
    #expect(Spelling.closest(to: "Engagment", among: ["engagement", "orders"]) == "engagement")
    #expect(Spelling.closest(to: "ordres_90d", among: ["orders_90d"]) == "orders_90d")
    #expect(Spelling.closest(to: "xyz", among: ["abc"]) == nil)
  }

  /// Text output builds each file's line table once, not once per diagnostic, so showing
  /// thousands of problems takes time linear in their number.
  @Test func textOutputIsLinear() {
    let files = MemoryFileSystem(["a.campaign": minimalCampaign + String(repeating: "@#$%^\n", count: 4_000)])
    let started = ContinuousClock.now
    let (status, output, _) = runDriver(["check", "--no-color", "--max-errors", "0", "a.campaign"], files: files)
    #expect(ContinuousClock.now - started < .seconds(20))
    #expect(status == 1)
    #expect(output.hasSuffix("checked 1 file: 4000 errors, 0 warnings\n"), "\(output.suffix(200))")
    #expect(output.contains("a.campaign:4029:1: error[E0101]"), "\(output.prefix(300))")
  }
}
