import CampaignLang
import Checker
import Foundation
import Testing

/// grammar.md §1: inside `( )` line breaks are ignored. An `enum(...)` list and an
/// aggregate's parts may be written one a line; a line that does not go on with what is
/// open leaves the `)` missing at its end, reported there.
@Suite struct ParenthesisLineBreakTests {
  @Test func enumValuesOneALine() {
    let result = compile(
      minimalCampaign.replacingOccurrences(
        of: "  signup date\n", with: "  signup date\n  tier enum(\n    bronze,\n    gold\n  )\n"))
    #expect(codes(result).isEmpty, "\(result.diagnostics)")
    #expect(result.program?.attributes.last?.name == "tier")
  }

  @Test func aggregatePartsOneALine() {
    let result = compile(
      minimalCampaign
        + "segment clickers = count(email_click\n  where url == \"a\"\n  within 30d\n) > 1\n"
        + "flow f for Active when clickers {\n  send email \"a\" subject \"x\"\n}\n")
    #expect(codes(result).isEmpty, "\(result.diagnostics)")
    #expect(
      result.program
        == compile(
          minimalCampaign + "segment clickers = count(email_click where url == \"a\" within 30d) > 1\n"
            + "flow f for Active when clickers {\n  send email \"a\" subject \"x\"\n}\n"
        ).program)
  }

  @Test func anEnumListThatStopsAtTheLineEndIsMissingItsParenthesisThere() {
    let result = compile(
      minimalCampaign.replacingOccurrences(of: "  signup date\n", with: "  tier enum(bronze, gold\n  signup date\n"))
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.message == "missing `)` to close the list of values")
    #expect(result.diagnostics.first?.notes.first?.message == "the `(` opens here")
  }

  @Test func anAggregateThatStopsAtTheLineEndIsMissingItsParenthesisThere() {
    let result = compile(minimalCampaign + "segment clickers = count(email_click within 30d\nsegment b = ltv > 1\n")
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.message == "missing `)` to close `count(`")
  }
}
