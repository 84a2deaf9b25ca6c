import CampaignLang
import Checker
import Testing

/// Regressions from a fresh-view trial of the diagnostics: one slip, one message, with
/// help a marketer can act on.
@Suite struct TrialDiagImportTests {
  /// The schema and the names a campaign uses, as a library it imports.
  static let schema = "contact {\n  id string key\n  vip bool\n  email_opt_in bool\n}\nevent email_open\n"
  static let body = """
    campaign "T" {
      owner "crm@example.com"
    }
    consent email when email_opt_in
    segment s = vip and count(email_open within 7d) > 1
    states {
      initial A
      state B
      A -> B when vip
    }
    test "t" {
      contact { id "1", vip true, email_opt_in true }
      at 2025-01-01T10:00 email_open
      expect state A
    }

    """

  static func compile(_ text: String, _ load: @escaping Compiler.FileLoader) -> Compilation {
    Compiler.compile(entryPath: "main.campaign", bytes: Array(text.utf8), loadFile: load)
  }

  static func library(_ path: String) -> Compiler.LoadResult {
    path == "lib/schema.campaign" ? .bytes(Array(schema.utf8)) : .missing
  }

  /// An import that cannot be read is one message; the names it would supply are not
  /// reported as unknown, in the entry file or in a library that uses them.
  @Test(arguments: [
    ("import \"lib/schema\"\n", "E0312"),
    ("import \"lib/schmea.campaign\"\n", "E0312"),
    ("import \"../schema.campaign\"\n", "E0313"),
    ("import \"/lib/schema.campaign\"\n", "E0313"),
  ])
  func aBrokenImportIsOneMessage(line: String, code: String) {
    let result = Self.compile(line + Self.body, Self.library)
    #expect(codes(result) == [code], "\(result.diagnostics)")
    #expect(
      result.diagnostics.first?.notes.map(\.message) == ["names it would supply are not checked until it can be read"])
    // Read, the same campaign checks clean: the suppressed names were all the import's.
    #expect(codes(Self.compile("import \"lib/schema.campaign\"\n" + Self.body, Self.library)) == [])
  }

  /// A symbolic link out of the project folder is one message too.
  @Test func aLinkOutOfTheProjectIsOneMessage() {
    let result = Self.compile("import \"lib/link.campaign\"\n" + Self.body) { _ in .outsideProject }
    #expect(codes(result) == ["E0313"], "\(result.diagnostics)")
  }

  /// A broken import deeper down (a library's own import) silences unknown names
  /// everywhere, since the names of all files are shared.
  @Test func aBrokenImportInALibraryIsOneMessage() {
    let result = Self.compile("import \"lib/a.campaign\"\n" + Self.body) { path in
      path == "lib/a.campaign" ? .bytes(Array("import \"schema\"\nsegment t = vip\n".utf8)) : .missing
    }
    #expect(codes(result) == ["E0312"], "\(result.diagnostics)")
  }

  /// With every import read, a misspelled name is still reported.
  @Test func unknownNamesAreReportedWhenImportsAreRead() {
    let result = Self.compile("import \"lib/schema.campaign\"\n" + Self.body + "segment t = vipp\n", Self.library)
    #expect(codes(result) == ["E0301"], "\(result.diagnostics)")
  }
}

/// A dash pasted from a document, and the `-` its first message said to type instead.
@Suite struct TrialDiagDashTests {
  static let states = "states {\n  initial New\n  state Churned\n  New X Churned after 30d idle\n}\n"

  func compileStates(_ arrow: String) -> Compilation {
    let base = minimalCampaign.replacingOccurrences(
      of: "states {\n  initial Active\n  state Engaged\n  Active -> Engaged when engagement >= 20\n}\n", with: "")
    return compile(base + "engagement email_open\n" + Self.states.replacingOccurrences(of: " X ", with: " \(arrow) "))
  }

  /// `New — Churned`: one E0105 whose help is the arrow, and the transition is read.
  @Test(arguments: ["\u{2014}", "\u{2013}"])
  func aDashBetweenTwoStatesSuggestsTheArrow(dash: String) {
    let result = compileStates(dash)
    #expect(codes(result) == ["E0105"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.help == "a transition is written with `->`: `New -> Churned`")
  }

  /// `New - Churned`, as the old help said to write: one E0201 with the arrow as help.
  @Test func aHyphenBetweenTwoStatesSuggestsTheArrow() {
    let result = compileStates("-")
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    #expect(underlined(result) == ["-"])
    #expect(result.diagnostics.first?.message == "`-` between two states")
    #expect(result.diagnostics.first?.help == "a transition is written with `->`: `New -> Churned`")
    #expect(codes(compileStates("->")) == [])
  }

  /// Where the parser knows what belongs in place of a `-`, the dash's help says that.
  @Test func aDashInQuietHoursSuggestsTo() {
    let result = compile(minimalCampaign + "quiet hours 21:00 \u{2013} 08:00\n")
    #expect(codes(result) == ["E0105"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.help == "write `quiet hours 21:00 to 08:00`")
  }
}

/// Amounts written as in a document.
@Suite struct TrialDiagAmountTests {
  /// `12,50`: a decimal comma, not "a second statement"; `1,000` stays thousands.
  @Test(arguments: [
    ("ltv > 12,50", "12,50", "write decimals with a point: `12.50`"),
    ("ltv >= 0,5", "0,5", "write decimals with a point: `0.5`"),
    ("ltv > 1,000", "1,000", "numbers have no thousands separators; to group digits, use `_`, like `1_000`"),
  ])
  func aCommaInANumber(condition: String, written: String, help: String) {
    let result = compile(minimalCampaign + "segment s = \(condition)\n")
    #expect(codes(result) == ["E0109"], "\(result.diagnostics)")
    #expect(underlined(result) == [written])
    #expect(result.diagnostics.first?.help == help)
  }

  /// A decimal comma is read as the decimal meant: no other message follows.
  @Test func aDecimalCommaIsReadAsMeant() {
    let result = compile(minimalCampaign + "segment s = ltv > 12,50 and orders_90d > 1\n")
    #expect(codes(result) == ["E0109"], "\(result.diagnostics)")
  }

  /// `€500`, `$500`, `£500`, `500 €`: the sign is named, and the amount to write shown.
  @Test(arguments: [
    ("ltv > \u{20AC}500", "\u{20AC}", "500"), ("ltv > $500", "$", "500"), ("ltv > \u{00A3}12.50", "\u{00A3}", "12.50"),
    ("ltv > 500 \u{20AC}", "\u{20AC}", "500"), ("ltv > $ 500 and orders_90d > 1", "$", "500"),
  ])
  func aCurrencySign(condition: String, sign: String, amount: String) {
    let result = compile(minimalCampaign + "segment s = \(condition)\n")
    #expect(codes(result) == ["E0101"], "\(result.diagnostics)")
    #expect(underlined(result) == [sign])
    #expect(result.diagnostics.first?.message == "`\(sign)` is a currency sign")
    #expect(result.diagnostics.first?.help == "write the amount without the currency sign: `\(amount)`")
  }
}

/// Suppression comments written with small slips: one message at most, and the warning
/// silenced as meant; and a malformed one reported with the file's other errors.
@Suite struct TrialDiagSuppressionTests {
  static let unused = "segment unused = ltv > 1"

  /// What `check` reports, but the dead-end state `minimalCampaign` has (W0202).
  func reported(_ result: Compilation) -> [String] { checkCodes(result).filter { $0 != "W0202" } }

  /// Read as meant, silently: a single `-` or a dash before the reason, a lowercase code.
  @Test(arguments: [
    "# campaignc: allow W0101 - single dash", "# campaignc: allow W0101 \u{2014} em dash",
    "# campaignc: allow W0101 \u{2013} en dash", "# campaignc: allow w0101 -- lowercase",
    "# campaignc: allow W0101 --reason", "# campaignc: allow W0101, w0101 -- twice",
  ])
  func slipsAreReadAsMeant(comment: String) {
    let result = compile(minimalCampaign + Self.unused + "  " + comment + "\n")
    #expect(reported(result) == [], "\(result.diagnostics)")
  }

  /// One E0601 whose help is the comment as it should be; the warning stays silenced.
  @Test(arguments: [
    (
      "# campaignc allow W0101 -- used in spring", "a suppression needs the colon after `campaignc`",
      "write `# campaignc: allow W0101 -- used in spring`"
    ),
    (
      "# campaingc: allow W0101 -- used in spring", "a suppression starts with `campaignc:`, not `campaingc:`",
      "write `# campaignc: allow W0101 -- used in spring`"
    ),
    (
      "# campaignc: allow W0101 used in spring", "the reason of a suppression goes after `--`",
      "write `# campaignc: allow W0101 -- used in spring`"
    ),
    (
      "# campaignc: allow W0101", "a suppression must give its reason",
      "write `# campaignc: allow W0101 -- why this is fine here`"
    ),
  ])
  func aSlipIsOneMessage(comment: String, message: String, help: String) {
    let result = compile(minimalCampaign + Self.unused + "  " + comment + "\n")
    #expect(reported(result) == ["E0601"], "\(checkCodes(result))")
    #expect(result.diagnostics.first?.message == message)
    #expect(result.diagnostics.first?.help == help)
  }

  /// An ordinary comment that starts like one is left alone.
  @Test func ordinaryCommentsAreNotSuppressions() {
    let result = compile(minimalCampaign + "# campaign: the spring relaunch\n# campaignc is our compiler\n")
    #expect(reported(result) == [])
  }

  /// A malformed suppression is reported in the same run as the campaign's other errors.
  @Test func aMalformedSuppressionIsReportedWithOtherErrors() {
    let result = compile(minimalCampaign + Self.unused + "  # campaignc: allow W0101\nsegment t = ltvv > 1\n")
    #expect(codes(result) == ["E0601", "E0301"], "\(result.diagnostics)")
  }
}

/// A syntax error in a test's header is that test's one message.
@Suite struct TrialDiagTestHeaderTests {
  static let body =
    "  contact { id \"1\", ltv 5, \(testContact) }\n  at 2025-01-01T10:00 email_open\n  expect state Active\n}\n"

  /// A stray quote in the name: no "has no contact" nor "has no `at` event" besides.
  @Test func aStrayQuoteInTheNameIsOneMessage() {
    let result = compile(minimalCampaign + "test \"a <b> test \"a quiet\" contact\" {\n" + Self.body)
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
    #expect(underlined(result) == ["a"])
    #expect(
      result.diagnostics.first?.help
        == "to put quotes inside a name, write them as `\\\"`, like `test \"a \\\"quiet\\\" one\" {`")
    #expect(codes(compile(minimalCampaign + "test \"a \\\"quiet\\\" contact\" {\n" + Self.body)) == [])
  }

  /// Any other break in the header (here a missing name's quotes) is one message too.
  @Test func aBrokenHeaderSkipsTheBodyChecks() {
    let result = compile(minimalCampaign + "test \"quiet\" contact {\n" + Self.body)
    #expect(codes(result) == ["E0201"], "\(result.diagnostics)")
  }

  /// A test whose body is read still reports its missing contact.
  @Test func aMissingContactIsStillReported() {
    let result = compile(minimalCampaign + "test \"t\" {\n  at 2025-01-01T10:00 email_open\n}\n")
    #expect(codes(result) == ["E0515"], "\(result.diagnostics)")
  }
}

/// Misspelled keys in keyed blocks: one message with the key meant.
@Suite struct TrialDiagKeyTests {
  static func flow(_ variant: String) -> String {
    minimalCampaign + variant + "\nflow f for Active {\n  send email \"x\" variant subject_test\n}\n"
  }

  /// `subjcet` in an arm: E0209 with `subject`, and no "this email has no subject".
  @Test func aMisspelledSubjectInAnArm() {
    let result = compile(
      Self.flow(
        "variant subject_test {\n  curiosity 45% { subjcet \"What's new\" }\n  plain 55% { subject \"News\" }\n}"))
    #expect(codes(result) == ["E0209"], "\(result.diagnostics)")
    #expect(underlined(result) == ["subjcet"])
    #expect(result.diagnostics.first?.help == "did you mean `subject`?")
  }

  /// An arm's own creative variables are not slips; a missing subject is still reported.
  @Test func otherKeysAreCreativeVariables() {
    let result = compile(
      Self.flow("variant subject_test {\n  curiosity 45% { visual \"a.png\" }\n  plain 55% { subject \"News\" }\n}"))
    #expect(codes(result) == ["E0509"], "\(result.diagnostics)")
  }

  /// Send options and the campaign header already name the key meant.
  @Test(arguments: [
    (
      minimalCampaign + "flow f for Active {\n  send email \"x\" subjet \"Hi\"\n}\n", "subjet",
      "did you mean `subject`?"
    ),
    (
      minimalCampaign.replacingOccurrences(of: "  owner", with: "  timezon \"Europe/Berlin\"\n  owner"), "timezon",
      "did you mean `timezone`?"
    ),
  ])
  func otherKeyedBlocks(text: String, word: String, help: String) {
    let result = compile(text)
    #expect(codes(result) == ["E0209"], "\(result.diagnostics)")
    #expect(underlined(result) == [word])
    #expect(result.diagnostics.first?.help == help)
  }
}

/// Budgets and limits written as a marketer means them.
@Suite struct TrialDiagBudgetTests {
  /// `per 1m` is a month meant, not a minute: one E0205 with the days to write.
  @Test(arguments: [
    ("budget email 3 per 1m", "1m", "for a month write `30d` (months have no fixed length: write the days)"),
    ("limit email 2 per 3m", "3m", "for 3 months write `90d` (months have no fixed length: write the days)"),
  ])
  func aMonthWrittenInMinutes(line: String, written: String, help: String) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(codes(result) == ["E0205"], "\(result.diagnostics)")
    #expect(underlined(result) == [written])
    #expect(result.diagnostics.first?.help == help)
  }

  /// Longer periods in minutes, and hours, stand.
  @Test func minutesThatAreMinutes() {
    #expect(codes(compile(minimalCampaign + "limit email 2 per 90m\nlimit push 1 per 4h\n")) == [])
  }

  /// A fraction rounds down: a budget or limit is the most allowed.
  @Test(arguments: [
    ("budget push 2.5 per 7d", "write `budget push 2 per 7d`: a budget is the most allowed, so round down"),
    ("limit push 1.9 per 7d", "write `limit push 1 per 7d`: a limit is the most allowed, so round down"),
  ])
  func aFractionRoundsDown(line: String, help: String) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(codes(result) == ["E0411"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.help == help)
  }
}

/// Help quotes the user's own expression, not a placeholder.
@Suite struct TrialDiagExpressionTextTests {
  @Test(arguments: [
    ("last_login ?? now > 30d", "write `last_login ?? now < now - 30d`"),
    ("signup + 1d > 30d", "write `signup + 1d < today - 30d`"),
    ("(signup) > 30d", "write `signup < today - 30d`"),
  ])
  func aMomentComparedWithADuration(condition: String, ending: String) {
    let result = compile(minimalCampaign + "segment s = \(condition)\n")
    #expect(codes(result) == ["E0403"], "\(result.diagnostics)")
    let help = result.diagnostics.first?.help ?? ""
    #expect(help.hasSuffix(ending), "\(help)")
    #expect(!help.contains("`this"), "\(help)")
  }
}

/// A time zone named by its city, as people say it.
@Suite struct TrialDiagTimeZoneTests {
  @Test(arguments: [
    ("Berlin", "Europe/Berlin"), ("New York", "America/New_York"), ("new_york", "America/New_York"),
    ("europe/berlin", "Europe/Berlin"), ("America/New York", "America/New_York"), ("Jakrta", "Asia/Jakarta"),
  ])
  func aCitySuggestsItsZone(written: String, zone: String) {
    let text = minimalCampaign.replacingOccurrences(of: "  owner", with: "  timezone \"\(written)\"\n  owner")
    let result = compile(text)
    #expect(codes(result) == ["E0309"], "\(result.diagnostics)")
    #expect(result.diagnostics.first?.help == "did you mean `\(zone)`?")
  }
}
