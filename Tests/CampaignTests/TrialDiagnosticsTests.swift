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

/// GitHub annotations carry a diagnostic's notes, each with its place.
@Suite struct TrialDiagnosticsRenderTests {
  @Test func githubAnnotationsKeepNotes() {
    let files = MemoryFileSystem(["a.campaign": minimalCampaign + "segment s = ltv > 1\nsegment s = ltv > 2\n"])
    let (status, output, _) = runDriver(["check", "--format", "github", "a.campaign"], files: files)
    #expect(status == 1)
    #expect(output.hasPrefix("::error file=a.campaign,line=31,col=9,"), "\(output)")
    #expect(output.contains("%0Anote: "), "\(output)")
    #expect(output.contains(" (a.campaign:30:9)%0Ahelp: "), "\(output)")
  }
}

/// Parser regressions from the same trial.
@Suite struct TrialDiagnosticsParserTests {
  /// A condition ending in `and` or `or` does not swallow the next declaration: one
  /// message at the operator, and the next declaration is read as written.
  @Test(arguments: [
    ("segment vip = ltv >= 500 and\nsegment vip2 = ltv > 1\n", "and"),
    ("segment vip = ltv >= 500 or\n\nscore s {\n  email_open +1\n}\n", "or"),
    ("segment vip = ltv >= 500 and\n", "and"),
  ])
  func aDanglingOperatorIsOneMessage(text: String, op: String) {
    let result = compile(minimalCampaign + text)
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    #expect(underlined(result) == [op])
    #expect(result.diagnostics.first?.message == "the condition ends with `\(op)`")
    #expect(result.diagnostics.first?.help == "add what should follow `\(op)` on this line, or remove `\(op)`")
  }

  /// An operator at a line end still continues onto an indented line, or one that is
  /// not a declaration.
  @Test func anOperatorAtALineEndStillContinues() {
    let result = compile(minimalCampaign + "segment vip = ltv >= 500 and\n  orders_90d > 2\nsegment b = vip\n")
    #expect(codes(result) == [])
  }

  /// A `{` alone on the next line (Allman style) opens the block: the score keeps its
  /// rules, so there is no false "no contact can ever have ..." (E0502).
  @Test func aBraceOnTheNextLineOpensTheBlock() {
    var text = minimalCampaign.replacingOccurrences(of: "score engagement {", with: "score engagement\n{")
    text = text.replacingOccurrences(
      of: "event email_click { url string }", with: "event email_click\n{\n  url string\n}")
    text += "segment big = ltv > 5\n{\n  subject \"Hi\"\n}\n"
    text += "flow f for Active\n{\n  if engagement > 3\n  {\n    wait 1d\n  }\n}\n"
    let result = compile(text)
    #expect(codes(result) == [], "\(result.diagnostics)")
  }
}

/// One message for each slip of the same trial, with the form to write.
@Suite struct TrialDiagnosticsSlipTests {
  /// A test whose `at` line names an unknown event has a start all the same: only the
  /// unknown event is reported, not "has no `at` event" (E0516).
  @Test func aMisspelledTestEventIsOneMessage() {
    let result = compile(
      minimalCampaign
        + "test \"t\" {\n  contact { id \"c1\", ltv 5, \(testContact) }\n  at 2025-02-01 email_opn\n}\n")
    #expect(codes(result) == ["E0302"], "\(result.diagnostics)")
    #expect(underlined(result) == ["email_opn"])
  }

  /// `30 days ago` and `30d ago` are one message each, with `today - 30d`.
  @Test(arguments: [("30 days ago", "30d"), ("30d ago", "30d"), ("2 weeks ago", "2w")])
  func durationAgoIsOneMessage(written: String, meant: String) {
    let result = compile(minimalCampaign + "segment recent = signup < \(written)\n")
    #expect(codes(result) == ["E0205"], "\(result.diagnostics)")
    #expect(underlined(result) == [written])
    #expect(result.diagnostics.first?.message == "write `today - \(meant)` instead of `\(written)`")
  }

  /// `not` binds tighter than a comparison: the message shows the parentheses, and
  /// `NOT` is one message that says both.
  @Test func notBeforeAComparisonShowsTheParentheses() {
    let lower = compile(minimalCampaign + "segment vip = not ltv >= 500\n")
    #expect(codes(lower) == ["E0401"])
    #expect(underlined(lower) == ["not ltv"])
    #expect(lower.diagnostics.first?.help == "`not` applies before the comparison; write `not (ltv >= 500)`")
    let upper = compile(minimalCampaign + "segment vip = NOT ltv >= 500\n")
    #expect(codes(upper) == ["E0204"], "\(upper.diagnostics)")
    #expect(
      upper.diagnostics.first?.help
        == "the words `and`, `or` and `not` are written in lowercase; write `not (ltv >= 500)`, as `not` applies before a comparison"
    )
  }

  /// A missing comma between event fields says so, as between variant arms.
  @Test(arguments: ["event e { url string campaign string }", "event e { url string campaign: string }"])
  func aMissingCommaBetweenFields(text: String) {
    let result = compile(minimalCampaign + text + "\n")
    #expect(codes(result) == ["E0201"])
    #expect(underlined(result) == ["campaign"])
    #expect(result.diagnostics.first?.message == "missing comma before `campaign`")
  }

  /// A second `initial` is one message, also when its state is listed with `state`.
  @Test func aSecondInitialIsOneMessage() {
    let text = minimalCampaign.replacingOccurrences(
      of: "  initial Active\n  state Engaged\n", with: "  initial Active\n  initial Engaged\n  state Engaged\n")
    let result = compile(text)
    #expect(codes(result) == ["E0504"])
    #expect(underlined(result) == ["Engaged"])
  }

  /// A character the lexer explained (an en dash) is not reported again by the parser.
  @Test func anEnDashInAWaitIsOneMessage() {
    let result = compile(minimalCampaign + "flow f for Active {\n  wait \u{2013}7d\n}\n")
    #expect(codes(result) == ["E0105"])
  }
}
