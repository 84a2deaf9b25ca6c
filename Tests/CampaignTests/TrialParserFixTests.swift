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

  /// Forms from other languages or from speech get their own message, naming the form to
  /// write, and are read as meant (one message each).
  @Test(arguments: [
    (
      "flow f for Active {\n  if ltv > 1 {\n    wait 1d\n  } elif ltv > 2 {\n    wait 2d\n  }\n}",
      "write `else if` instead of `elif`", "an `if` goes on with `} else if CONDITION {` or `} else {`", "elif"
    ),
    (
      "event purchase amount decimal, note string\nsegment q = count(purchase where amount > 5 within 7d) > 1",
      "the fields of event `purchase` go in braces", "write `event purchase { amount decimal, note string }`",
      "amount decimal, note string"
    ),
    (
      "engagement email_open\nstates {\n  Engaged -> Active after 60d of inactivity\n}",
      "write `after 60d idle`", "`idle` means no engagement for that long; `after 60d` alone is time in the state",
      "of inactivity"
    ),
    (
      "variant v { a 50% b 50% }", "missing comma before `b`",
      "separate items on one line with commas, like `a 50%, b ...`", "b"
    ),
    (
      "variant v { a 0.5, b 50% }", "`0.5` needs a `%` sign",
      "write the share of contacts in `a` as a percentage: `0.5` of all is `50%`", "0.5"
    ),
    ("variant v {\n  ten: 50%\n  b 50%\n}", "an arm's share follows its name without `:`", "write `ten 50%`", ":"),
    (
      "states {\n  Active -> Engaged where engagement >= 30\n}",
      "a transition's condition starts with `when`, not `where`", "write `when engagement ...`", "where"
    ),
    (
      "varient v { a 50%, b 50% }\nflow f for Active {\n  send email \"x\" subject \"s\" variant v\n}",
      "`varient` does not start a declaration", "did you mean `variant`?", "varient"
    ),
  ])
  func aFormFromElsewhereIsOneMessage(text: String, message: String, help: String, underline: String) {
    let result = compile(minimalCampaign + text + "\n")
    #expect(result.diagnostics.map(\.message) == [message], "\(text)")
    #expect(result.diagnostics.first?.help == help, "\(text)")
    #expect(underlined(result) == [underline], "\(text)")
  }

  /// Quiet hours written as in a document: one message per time, with the form to write.
  @Test(arguments: [
    ("quiet hours 9 PM to 08:00", ["write `9 PM` as `21:00`"], ["9 PM"]),
    ("quiet hours 21.00 to 08:00", ["write `21.00` as `21:00`"], ["21.00"]),
    ("quiet hours 21 to 8:00", ["write `21` as `21:00`"], ["21"]),
    ("quiet hours 21:00 - 08:00", ["write `to` between the two times, not `-`"], ["-"]),
  ])
  func quietHoursWrittenAnotherWay(line: String, messages: [String], underlines: [String]) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(result.diagnostics.map(\.message) == messages, "\(line)")
    #expect(underlined(result) == underlines, "\(line)")
    #expect(result.diagnostics.allSatisfy { $0.help?.contains("quiet hours 21:00 to 08:00") == true }, "\(line)")
  }

  /// A misspelled time zone name suggests the nearest real one.
  @Test(arguments: [("Europe/Pari", "Europe/Paris"), ("asia/jakarta", "Asia/Jakarta")])
  func aMisspelledTimeZoneSuggestsTheNearest(written: String, meant: String) {
    let text = minimalCampaign.replacingOccurrences(
      of: "owner \"crm@example.com\"", with: "owner \"crm@example.com\"\n  timezone \"\(written)\"")
    let result = compile(text)
    #expect(codes(result) == ["E0309"])
    #expect(result.diagnostics.first?.help == "did you mean `\(meant)`?")
  }

  /// The help for a channel without consent names that channel.
  @Test(arguments: ["whatsapp", "sms", "ads"])
  func theConsentHelpNamesTheChannel(channel: String) {
    let result = compile(minimalCampaign + "flow f for Active {\n  send \(channel) \"x\" text \"t\"\n}\n")
    #expect(codes(result) == ["E0506"])
    #expect(
      result.diagnostics.first?.help
        == "declare when a contact agreed to \(channel), like `consent \(channel) when \(channel)_opt_in`")
  }
}
