import CampaignLang
import Testing

/// The lints on the command line: each warning fires on its fixture and on no example;
/// `--deny`, `--allow` and `--warnings-as-errors` change what a warning does; inline
/// suppressions; `--budget` and declared budgets.
@Suite struct LintCommandTests {
  static let examples = repositoryFiles(under: "examples")
  static let warningCodes = CatalogueCoverageTests.declaredCodes.filter { $0.hasPrefix("W") }
  static let exampleNames =
    repositoryFileNames(in: "examples", suffix: ".campaign").map { "examples/" + $0 }
    + repositoryFileNames(in: "examples/bench", suffix: ".campaign").map { "examples/bench/" + $0 }

  /// A clean campaign to add one problem to (no warnings of its own).
  static let clean = """
    campaign "Lint" {
      owner "crm@example.com"
    }
    contact {
      id string key
      ltv decimal
      email_opt_in bool
    }
    event email_open
    event unsubscribe
    engagement email_open
    consent email when email_opt_in
    states {
      initial Active
      final Engaged
      Active -> Engaged on email_open
    }
    flow welcome for Active {
      send email "welcome" subject "Welcome"
    }

    """

  static func check(_ text: String, _ options: [String] = []) -> (Int32, String) {
    let (status, output, _) = runDriver(
      ["check", "--no-color"] + options + ["lint.campaign"], files: MemoryFileSystem(["lint.campaign": text]))
    return (status, output)
  }

  /// A true/false attribute spelled two ways is one fact: `opt == false` and `opt`
  /// cannot both hold, `opt != true` and `opt` neither; `opt == true` and `opt` can.
  @Test(arguments: [
    ("email_opt_in", "email_opt_in == false", false), ("email_opt_in == true", "not email_opt_in", false),
    ("email_opt_in != true", "email_opt_in", false), ("email_opt_in == true", "email_opt_in", true),
  ])
  func personasOverATrueFalseAttribute(first: String, second: String, overlap: Bool) {
    let text = Self.clean + "segment pa = \(first) { message \"a\" }\nsegment pb = \(second) { message \"b\" }\n"
    let (_, output) = Self.check(text)
    #expect(output.contains("W0303") == overlap, "\(first) / \(second): \(output)")
  }

  @Test func theCleanCampaignHasNoWarnings() {
    #expect(Self.check(Self.clean) == (0, "checked 1 file: no problems\n"))
  }

  @Test(arguments: warningCodes)
  func warningFiresOnItsFixtureAndOnNoExample(code: String) {
    let (status, output, _) = runDriver(
      ["check", "--no-color", "examples/invalid/\(code).campaign"], files: Self.examples)
    #expect(status == 0, "warnings alone do not fail")
    #expect(output.contains("warning[\(code)]"))
    for example in Self.exampleNames {
      let (_, exampleOutput, _) = runDriver(["check", "--no-color", example], files: Self.examples)
      #expect(!exampleOutput.contains("[\(code)]"), "\(example) gives \(code)")
    }
  }

  @Test func denyAllowAndWarningsAsErrorsChangeTheExitCode() {
    let text = Self.clean + "segment vip = ltv >= 500\n"
    #expect(Self.check(text).0 == 0)
    let (denied, deniedOutput) = Self.check(text, ["--deny", "W0101"])
    #expect(denied == 1)
    #expect(deniedOutput.contains("error[W0101]"))
    #expect(Self.check(text, ["--deny=W0102"]).0 == 0, "denying another code changes nothing")
    let (allowed, allowedOutput) = Self.check(text, ["--allow", "W0101"])
    #expect(allowed == 0)
    #expect(allowedOutput == "checked 1 file: no problems\n")
    let (strict, strictOutput) = Self.check(text, ["--warnings-as-errors"])
    #expect(strict == 1)
    #expect(strictOutput.contains("error[W0101]"))
    #expect(Self.check(text, ["--warnings-as-errors", "--allow", "W0101"]).0 == 0)
    #expect(Self.check(Self.clean, ["--warnings-as-errors"]).0 == 0)
  }

  @Test func denyAndAllowTakeOnlyWarningCodes() {
    for options in [["--deny", "E0301"], ["--allow", "W9999"], ["--allow"], ["--deny", "W0101", "--allow", "W0101"]] {
      let (status, _, error) = runDriver(
        ["check"] + options + ["lint.campaign"], files: MemoryFileSystem(["lint.campaign": Self.clean]))
      #expect(status == 2, "\(options)")
      #expect(!error.isEmpty)
    }
    #expect(Self.check(Self.clean, ["--allow", "w0101,W0102"]).0 == 0, "a list, in any case")
  }

  @Test func suppressionsOnTheLineOrTheLineBefore() {
    let trailing = Self.clean + "segment vip = ltv >= 500  # campaignc: allow W0101 -- for the spring flows\n"
    #expect(Self.check(trailing) == (0, "checked 1 file: no problems\n"))
    let before =
      Self.clean + "# campaignc: allow W0101, W0104 -- for the spring flows\n\n# owner: CRM\nsegment vip = ltv >= 500\n"
    let (status, output) = Self.check(before)
    #expect(status == 0)
    #expect(output.contains("warning[W0501]: this suppression of `W0104` suppresses nothing"))
    #expect(!output.contains("W0101]"))
  }

  @Test func aSuppressionWithoutAReasonIsAnError() {
    let (status, output) = Self.check(Self.clean + "segment vip = ltv >= 500  # campaignc: allow W0101\n")
    #expect(status == 1)
    #expect(output.contains("error[E0601]: a suppression must give its reason"))
    #expect(!output.contains("[W0101]"), "the warning is still suppressed: one mistake, one message")
    for comment in ["# campaignc: allow E0301 -- no", "# campaignc: allow -- nothing", "# campaignc: deny W0101 -- x"] {
      let (bad, badOutput) = Self.check(Self.clean + "segment vip = ltv >= 500 {\n  offer \"V\"\n}  " + comment + "\n")
      #expect(bad == 1, "\(comment)")
      #expect(badOutput.contains("[E0601]"), "\(comment)")
    }
  }

  @Test func anUnusedSuppressionIsAWarning() {
    let (status, output) = Self.check(
      Self.clean + "# campaignc: allow W0101 -- a persona\nsegment vip = ltv >= 500 {\n  offer \"V\"\n}\n")
    #expect(status == 0)
    #expect(output.contains("warning[W0501]"))
    #expect(
      Self.check(
        Self.clean + "# campaignc: allow W0101 -- x\nsegment vip = ltv >= 500 {\n  offer \"V\"\n}\n",
        ["--warnings-as-errors"]
      ).0 == 1)
  }

  @Test func lintsRunOnlyAfterACleanCheck() {
    let (status, output) = Self.check(Self.clean + "segment vip = ltvv >= 500\n")
    #expect(status == 1)
    #expect(output.contains("[E0301]"))
    #expect(!output.contains("warning["))
  }

  @Test func budgetTableForTheExamples() {
    let (status, output, _) = runDriver(
      ["check", "--budget", "--no-color"] + Self.exampleNames, files: Self.examples)
    #expect(status == 0)
    assertGolden(output, path: "Tests/CampaignTests/Goldens/check-budget.txt")
    #expect(
      runDriver(["check", "--budget", "--format", "json", "examples/winback.campaign"], files: Self.examples).0 == 2)
  }

  @Test func aBudgetTheWorstCaseExceedsIsAnError() {
    let flow = """
      flow reminders for Active {
        send email "one" subject "One"
        wait 2d
        send email "two" subject "Two"
        wait 2d
        send email "three" subject "Three"
      }

      """
    let base = Self.clean.replacingOccurrences(
      of: "flow welcome for Active {\n  send email \"welcome\" subject \"Welcome\"\n}\n", with: flow)
    #expect(Self.check(base + "budget email 4 per 7d\n").0 == 0)
    #expect(Self.check(base + "budget email 3 per 7d\n").0 == 0)
    let (status, output) = Self.check(base + "budget email 2 per 7d\n")
    #expect(status == 1)
    #expect(output.contains("error[E0602]: the worst case on `email` in 7d is 3 messages, over the budget of 2"))
    // Waits wider than the window: only 2 of the flow's sends fit into 3 days.
    #expect(Self.check(base + "budget email 2 per 3d\n").0 == 0)
    // A limit bounds it.
    #expect(Self.check(base + "limit email 2 per 7d\nbudget email 2 per 7d\n").1.contains("W0403"))
    #expect(Self.check(base + "limit email 2 per 7d\nbudget email 2 per 7d\n").0 == 0)
  }

  @Test func reEntryWithoutALimitIsUnbounded() {
    let text =
      Self.clean.replacingOccurrences(
        of: "  Active -> Engaged on email_open\n",
        with:
          "  state Waiting\n  Active -> Waiting on email_open\n  Waiting -> Active on email_open\n  any -> Engaged on unsubscribe\n"
      )
      + "budget email 5 per 30d\n"
    let (status, output) = Self.check(text, ["--budget"])
    #expect(status == 1)
    #expect(output.contains("is unbounded, over the budget of 5"))
    #expect(output.contains("can be left and entered again without waiting, and `email` has no limit"))
    #expect(Self.check(text + "limit email 1 per 7d\n").0 == 0)
  }

  @Test func decimalsWithMoneyScaleAreNotReported() {
    for number in ["12.50", "0.125", "2.375", "1_000.50", "10.0"] {
      let text = Self.clean + "segment s = ltv >= \(number) {\n  offer \"S\"\n}\n"
      #expect(Self.check(text) == (0, "checked 1 file: no problems\n"), "\(number)")
    }
    #expect(Self.check(Self.clean + "segment s = ltv >= 1.500 {\n  offer \"S\"\n}\n").1.contains("[W0106]"))
  }
}
