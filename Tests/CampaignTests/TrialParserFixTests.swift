import CampaignLang
import Checker
import Testing

/// Regressions from the second user trial, in the parser: one mistake gives one message,
/// at the mistake, with the form to write.
@Suite struct TrialParserFixTests {
  /// `minimalCampaign` without its states block, for snippets that bring their own.
  static let withoutStates = String(minimalCampaign[..<minimalCampaign.range(of: "states {")!.lowerBound])

  /// A block's forgotten `{` is one message where the `{` belongs; the indented lines
  /// below are read as the block, so nothing in them is lost or reported again.
  @Test(arguments: [
    (
      "contact\n  id string key\n  ltv decimal\n  email_opt_in bool\n}\nevent email_open\nconsent email when email_opt_in\nstates {\n  initial Active\n  state Engaged\n  Active -> Engaged when ltv >= 20\n}",
      "the contact schema", "4:8"
    ),
    (
      "contact {\n  id string key\n  ltv decimal\n}\nevent email_open\nstates\n  initial Active\n  state Engaged\n  Active -> Engaged when ltv >= 20\n}",
      "the states block", "9:7"
    ),
    (
      "contact {\n  id string key\n}\nevent email_open\nscore engagement\n  email_open +5\n  cap 100\n}\nstates {\n  initial Active\n  state Engaged\n  Active -> Engaged when engagement >= 20\n}",
      "score `engagement`", "8:17"
    ),
    // Without its `}` too, the block ends at the first line no deeper than its own.
    (
      "contact {\n  id string key\n}\nevent email_open\nstates\n  initial Active\n  state Engaged\nflow f for Active {\n  wait 2d\n}",
      "the states block", "8:7"
    ),
    (
      "contact {\n  id string key\n}\nevent email_open\nstates {\n  initial Active\n}\nflow f for Active {\n  if true\n    wait 1d\n  wait 2d\n}",
      "the `if` branch", "12:10"
    ),
  ])
  func aForgottenBraceIsOneMessage(text: String, block: String, place: String) {
    let result = compile("campaign \"T\" {\n  owner \"crm@example.com\"\n}\n" + text + "\n")
    #expect(codes(result) == ["E0201"], "\(text)")
    let diagnostic = result.diagnostics.first
    #expect(diagnostic?.message == "expected `{` to open \(block), found the end of the line")
    #expect(diagnostic?.help == "put `{` at the end of this line")
    let location = diagnostic.map { LineTable(result.sources[$0.range.file]).location(of: $0.range.start) }
    #expect(location.map { "\($0.line):\($0.column)" } == place, "\(text)")
  }

  /// A misspelled keyword at the start of a statement is one message, at that word, with
  /// the keyword meant; the statement is read as if it were spelled right.
  @Test(arguments: [
    ("states {\n  intial Active\n  state Engaged\n  Active -> Engaged when engagement >= 20\n}", "intial", "initial"),
    ("states {\n  initial Active\n  stat Engaged\n  Active -> Engaged when engagement >= 20\n}", "stat", "state"),
    (
      "states {\n  initial Active\n  state Engaged\n  finl Gone\n  Active -> Engaged when engagement >= 20\n}", "finl",
      "final"
    ),
  ])
  func aMisspelledStatesKeywordIsOneMessage(text: String, word: String, meant: String) {
    let result = compile(Self.withoutStates + text + "\n")
    #expect(codes(result) == ["E0209"], "\(text)")
    #expect(underlined(result) == [word])
    #expect(result.diagnostics.first?.help == "did you mean `\(meant)`?")
  }

  @Test func aMisspelledDecayIsOneMessage() {
    let result = compile(minimalCampaign + "score s2 {\n  email_open +1\n  decya 10% every 7d\n}\n")
    #expect(codes(result) == ["E0209"])
    #expect(underlined(result) == ["decya"])
    #expect(result.diagnostics.first?.help == "did you mean `decay`?")
  }
}
