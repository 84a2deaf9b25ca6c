import Testing

/// Finding a code's explanation from wherever a reader starts: `explain` given a code,
/// a code without its letter or in lower case, the hint under check's diagnostics.
@Suite struct ExplainCodeLookupTests {
  static let files = MemoryFileSystem(["bad.campaign": minimalCampaign + "segment s = ltvv > 1\n"])

  @Test func explainGivenACodePointsToExplainCode() {
    let (status, output, errors) = runDriver(["explain", "E0301"], files: Self.files)
    #expect(status == 2)
    #expect(output.isEmpty)
    #expect(
      errors.hasPrefix(
        "error: `E0301` looks like a diagnostic code: to read about it, run `campaignc explain-code E0301`\n"),
      "\(errors)")
    let (_, _, lower) = runDriver(["explain", "w0101"], files: Self.files)
    #expect(lower.contains("run `campaignc explain-code W0101`"), "\(lower)")
  }

  /// In any case, without its leading zeros, or without its letter when only an error
  /// (`0107`) or only a warning (`0501`) has that number.
  @Test(arguments: [("e0405", "E0405"), ("E405", "E0405"), ("0107", "E0107"), ("0501", "W0501"), ("w501", "W0501")])
  func aCodeIsFoundWithoutItsLetterOrInLowerCase(typed: String, code: String) {
    let (status, output, errors) = runDriver(["explain-code", typed], files: Self.files)
    #expect(status == 0, "\(errors)")
    #expect(output.hasPrefix("\(code) ("), "\(output)")
  }

  @Test func aNumberOfBothAnErrorAndAWarningOffersBoth() {
    let (status, _, errors) = runDriver(["explain-code", "0405"], files: Self.files)
    #expect(status == 2)
    #expect(errors.contains("`campaignc explain-code E0405`"), "\(errors)")
    #expect(errors.contains("`campaignc explain-code W0405`"), "\(errors)")
  }

  @Test func checkMentionsExplainCodeOnceAboveTheSummary() {
    let (_, text, _) = runDriver(["check", "bad.campaign"], files: Self.files)
    #expect(text.hasSuffix("more about a code: `campaignc explain-code E0301`\nchecked 1 file: 1 error, 0 warnings\n"))
    #expect(text.components(separatedBy: "explain-code").count == 2)
    let (_, clean, _) = runDriver(["check", "ok.campaign"], files: MemoryFileSystem(["ok.campaign": minimalCampaign]))
    #expect(clean.contains("explain-code") == clean.contains("warning["), "\(clean)")
    let (_, json, _) = runDriver(["check", "--format", "json", "bad.campaign"], files: Self.files)
    #expect(!json.contains("explain-code"))
  }
}
