import CampaignLang
import Checker
import Foundation
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

/// Comments written as in other languages, and parentheses that do not pair up.
@Suite struct TrialHelpSyntaxTests {
  /// `cap 100 // max`: one message at `//`, with the comment to write; the line's code is kept.
  @Test func slashSlashComment() {
    let result = compile(minimalCampaign.replacingOccurrences(of: "  cap 100\n", with: "  cap 100 // max\n"))
    #expect(codes(result) == ["E0101"], "\(result.diagnostics)")
    #expect(underlined(result) == ["//"])
    #expect(result.diagnostics.first?.message == "`//` does not start a comment in campaigns")
    #expect(result.diagnostics.first?.help == "comments start with `#`: write `# max`")
  }

  /// An extra `)` is one message at it, wherever the expression goes on after it.
  @Test(arguments: [
    "segment s = (ltv > 5))\n",
    "segment s = count(email_open within 7d)) > 1\n",
    "flow f for Active {\n  if ltv > 5) {\n    exit\n  }\n}\n",
  ])
  func extraCloseParen(text: String) {
    let result = compile(minimalCampaign + text)
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    #expect(underlined(result) == [")"])
    #expect(result.diagnostics.first?.message == "this `)` has no `(` to close")
    #expect(result.diagnostics.first?.help == "remove this `)`, or add the `(` it should close")
  }

  /// A missing `)` is reported where it belongs (just after the expression's last
  /// token, on its own line), with a note at the `(` it should close.
  @Test(arguments: [
    (
      "segment s = (ltv > 5 and (orders_90d > 1)\nsegment t = ltv > 1\n", "(orders_90d > 1)", "(ltv", "the `(`",
      "at the end of the line"
    ),
    (
      "segment u = ltv > 1 and tier in (gold, silver\n", "silver", "(gold", "the list of values",
      "at the end of the line"
    ),
    ("segment v = count(email_open within 7d\n", "7d", "(email_open", "`count(`", "at the end of the line"),
    ("flow f for Active {\n  if (ltv > 5 {\n    exit\n  }\n}\n", "5", "(ltv", "the `(`", "before the `{`"),
  ])
  func missingCloseParen(text: String, before: String, opening: String, what: String, place: String) throws {
    let result = compile(
      minimalCampaign.replacingOccurrences(of: "signup date\n", with: "signup date\n  tier enum(gold, silver)\n") + text
    )
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    let diagnostic = try #require(result.diagnostics.first)
    let source = result.sources[diagnostic.range.file]
    #expect(diagnostic.range.start == diagnostic.range.end)
    #expect(
      source.text(
        SourceRange(
          file: diagnostic.range.file, start: diagnostic.range.start - before.utf8.count, end: diagnostic.range.end))
        == before)
    #expect(diagnostic.message == "missing `)` to close \(what)")
    #expect(diagnostic.help == "add `)` \(place)")
    let note = try #require(diagnostic.notes.first)
    #expect(note.message == "the `(` opens here")
    let opened = try #require(note.range)
    #expect(
      source.text(SourceRange(file: opened.file, start: opened.start, end: opened.start + opening.utf8.count))
        == opening)
  }
}
