import CampaignLang
import Checker
import Testing

@Suite struct CheckerTests {
  @Test func theMinimalCampaignChecksClean() {
    let result = compile(minimalCampaign)
    #expect(result.diagnostics.isEmpty)
    #expect(result.program != nil)
  }

  /// Each line added to the minimal campaign gives exactly one diagnostic, with this
  /// code, underlining this text.
  @Test(arguments: [
    ("segment a = ltvv >= 5", "E0301", "ltvv"),
    ("segment a = count(email_clik within 30d) > 1", "E0302", "email_clik"),
    ("segment a = ltv >= 5\nsegment a = ltv >= 6", "E0311", "a"),
    ("segment a = ltv >= \"x\"", "E0401", ">="),
    ("segment a = ltv", "E0402", "ltv"),
    ("segment a = signup > 30d", "E0403", ">"),
    ("segment a = signup < today - 30", "E0404", "30"),
    ("segment a = last_login > now - 30d", "E0405", "last_login"),
    ("segment a = gender == \"f\"", "E0406", "gender"),
    ("segment a = count(page_visit where intent == hihg) > 1", "E0308", "hihg"),
    ("segment a = sum(email_click.url) > 1", "E0407", "url"),
    ("segment a = count(email_open within 0d) > 1", "E0408", "0d"),
    ("segment a = engagement >= 101", "E0502", "engagement >= 101"),
    ("segment a = engagement < 0", "E0502", "engagement < 0"),
    ("flow f for Active {\n  send sms \"x\" text \"hi\"\n}", "E0506", "sms"),
    ("flow f for Active {\n  send email \"x\"\n}", "E0509", "\"x\""),
    (
      "flow f for Active {\n  send push \"x\" text \"\(String(repeating: "a", count: 121))\"\n}", "E0508",
      "\"\(String(repeating: "a", count: 121))\""
    ),
    ("flow f for Active {\n  send in_app \"x\"\n}", "E0510", "in_app"),
    ("flow f for Active {\n  send in_app \"x\" on app_opn\n}", "E0302", "app_opn"),
    ("flow f for Active {\n  wait cooldown\n}", "E0513", "wait cooldown"),
    ("flow f for Activ {\n  wait 1d\n}", "E0303", "Activ"),
    ("flow f for Active {\n  increment cycles\n}", "E0307", "cycles"),
    (
      "flow f for Active {\n  send email \"x\" variant t\n}\nvariant t {\n  a 50% { subject \"A\" }\n  b 40% { subject \"B\" }\n}",
      "E0507", "t"
    ),
    ("flow f for Active {\n  send email \"x\" variant tt subject \"s\"\n}", "E0306", "tt"),
    ("limit emial 2 per 7d", "E0304", "emial"),
    ("flow f for Active {\n  wait 3 months\n}", "E0205", "3 months"),
    ("limit email 0 per 7d", "E0411", "0"),
    ("score other {\n  email_open +5\n  decay 150% every 7d\n}", "E0409", "150%"),
    (
      "test \"t\" {\n  contact { id \"c\", ltv \"600\", \(testContact) }\n  at 2026-01-01 email_open\n}", "E0410",
      "\"600\""
    ),
    ("test \"t\" {\n  contact { id \"c\", lvt 600, \(testContact) }\n  at 2026-01-01 email_open\n}", "E0305", "lvt"),
    (
      "test \"t\" {\n  contact { id \"c\", ltv 6, \(testContact) }\n  at 2026-01-01 email_click\n}", "E0515",
      "at 2026-01-01 email_click"
    ),
    (
      "test \"t\" {\n  contact { id \"c\", ltv 6, \(testContact) }\n  at 2026-01-01 email_open\n  run until 2026-01-01\n}",
      "E0516", "2026-01-01"
    ),
  ])
  func oneMistakeGivesOneMessage(line: String, code: String, text: String) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(codes(result) == [code], "\(line)")
    #expect(underlined(result) == [text], "\(line)")
    #expect(result.program == nil)
  }

  /// Removing any one closing `}` gives one E0202 where it is missing, and the next
  /// declaration is still read (no false unknown-name errors after it).
  @Test func aMissingBraceIsOneMessageAndLosesNothing() {
    let lines = minimalCampaign.split(separator: "\n", omittingEmptySubsequences: false)
    let closers = lines.indices.filter { lines[$0] == "}" }
    #expect(closers.count >= 3)
    for closer in closers {
      var broken = lines
      broken.remove(at: closer)
      let result = compile(broken.joined(separator: "\n"))
      #expect(codes(result) == ["E0202"], "without the `}` of line \(closer + 1)")
    }
  }

  /// A syntax error the parser recovers from loses no declaration, so checks that look
  /// for something missing still run; a lost declaration silences only those checks.
  @Test func recoveredSyntaxErrorsDoNotSilenceOtherChecks() {
    let recovered = compile(
      minimalCampaign + "segment a = ltv > 5 AND orders_90d > 1\nflow f for Active {\n  send sms \"x\" text \"hi\"\n}\n"
    )
    #expect(codes(recovered) == ["E0204", "E0506"])
    #expect(recovered.program == nil)
    let lost = compile(minimalCampaign + "cooldown Active for 7d\nflow f for Active {\n  wait cooldown\n}\n")
    #expect(codes(lost) == ["E0201"])
  }

  @Test func didYouMeanStaysWithinASmallDistance() {
    #expect(Spelling.closest(to: "ltvv", among: ["ltv", "orders_90d"]) == "ltv")
    #expect(Spelling.closest(to: "xyz", among: ["ltv", "orders_90d"]) == nil)
    #expect(Spelling.closest(to: "engagment", among: ["engagement", "email"]) == "engagement")
  }

  @Test func guardsMakeOptionalAttributesUsable() {
    let lines = [
      "segment a = exists(last_login) and last_login > now - 30d",
      "segment b = not exists(last_login) or last_login > now - 30d",
      "segment c = (last_login ?? now) > now - 30d",
    ]
    let result = compile(minimalCampaign + lines.joined(separator: "\n") + "\n")
    #expect(result.diagnostics.isEmpty)
  }

  @Test func noInitialStateAndSeveral() {
    let none = compile(minimalCampaign.replacingOccurrences(of: "initial Active", with: "state Active"))
    #expect(codes(none) == ["E0503"])
    let two = compile(
      minimalCampaign.replacingOccurrences(of: "initial Active", with: "initial Active\n  initial Engaged\n"))
    #expect(codes(two).contains("E0504"))
  }

  @Test func transitionCyclesNeedingNoInputAreRejectedUnlessDisjoint() {
    let looping = compile(
      minimalCampaign.replacingOccurrences(
        of: "Active -> Engaged when engagement >= 20",
        with: "Active -> Engaged when engagement >= 20\n  Engaged -> Active when engagement >= 10"))
    #expect(codes(looping) == ["E0505"])
    let disjoint = compile(
      minimalCampaign.replacingOccurrences(
        of: "Active -> Engaged when engagement >= 20",
        with: "Active -> Engaged when engagement >= 20\n  Engaged -> Active when engagement < 10"))
    #expect(disjoint.diagnostics.isEmpty)
    let immediate = compile(
      minimalCampaign.replacingOccurrences(
        of: "Active -> Engaged when engagement >= 20", with: "Active -> Engaged\n  Engaged -> Active"))
    #expect(codes(immediate) == ["E0505"])
  }

  @Test func declarationsAreOrderFree() {
    let result = compile(minimalCampaign + "segment b = a and ltv > 1\nsegment a = ltv > 0\n")
    #expect(result.diagnostics.isEmpty)
    // A flow may wait for a cooldown, and send on a channel, declared after it.
    let flowFirst = compile(
      minimalCampaign + """
        flow rest for Engaged {
          wait cooldown
          send sms "hello" text "Hi"
        }
        cooldown Engaged 30d
        consent sms when email_opt_in

        """)
    #expect(flowFirst.diagnostics.isEmpty)
  }

  @Test func importsAreConfinedAndCyclesReported() {
    let schema = "contact {\n  id string key\n}\n"
    let ok = compile(
      "import \"lib/schema.campaign\"\ncampaign \"T\" { owner \"x\" }\nstates {\n  initial A\n}\n",
      imports: ["lib/schema.campaign": schema])
    #expect(ok.diagnostics.isEmpty)
    let outside = compile("import \"../x.campaign\"\ncampaign \"T\" { owner \"x\" }\n")
    #expect(codes(outside).contains("E0313"))
    let missing = compile("import \"nope.campaign\"\ncampaign \"T\" { owner \"x\" }\n")
    #expect(codes(missing).contains("E0312"))
    let cycle = compile(
      "import \"a.campaign\"\ncampaign \"T\" { owner \"x\" }\n", imports: ["a.campaign": "import \"main.campaign\"\n"])
    #expect(codes(cycle).contains("E0314"))
  }
}
