import CampaignLang
import Checker
import Testing

/// Regressions from a user trial of `campaignc check`: each mistake is one message, at
/// the mistake, with a help line that shows what to write.
@Suite struct TrialHelpTests {
  /// The single diagnostic of `text` appended to the minimal campaign.
  func single(_ text: String) -> Diagnostic? {
    let result = compile(minimalCampaign + text)
    #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
    return result.diagnostics.first
  }

  /// `wait 7d unless engaged`: a wait takes no condition; the help shows where it goes.
  @Test func waitWithUnless() {
    let flow = "flow f for Active {\n  wait 7d unless engaged\n  send email \"a\" subject \"x\"\n}\n"
    let result = compile(minimalCampaign + flow)
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    #expect(underlined(result) == ["unless"])
    #expect(result.diagnostics.first?.message == "a `wait` cannot have an `unless` condition")
    #expect(
      result.diagnostics.first?.help
        == "write `wait 7d` on its own line, then put the condition on the step it should skip, like `send email \"reminder\" unless engaged`"
    )
  }
}
