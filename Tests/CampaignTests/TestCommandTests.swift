import Driver
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `campaignc test`: the examples' test blocks pass, failures read as goldens (text and
/// JUnit), the run's window, and the exit codes.
@Suite struct TestCommandTests {
  static let examples = repositoryFiles(under: "examples")
  static let failing = "Tests/CampaignTests/Goldens/test/failing.campaign"
  static let fixtures = repositoryFiles(under: "Tests/CampaignTests/Goldens/test")

  @Test(arguments: repositoryFileNames(in: "examples", suffix: ".campaign"))
  func everyExamplesTestsPass(name: String) {
    let (status, out, err) = runDriver(["test", "examples/\(name)"], files: Self.examples)
    #expect(status == 0, "\(out)\(err)")
    #expect(!out.contains("FAIL"))
    #expect(out.hasSuffix(" 0 failed\n"))
  }

  @Test func aPassingRunListsEachTest() {
    let (status, out, err) = runDriver(
      ["test", "examples/winback.campaign", "examples/onboarding-multichannel.campaign"], files: Self.examples)
    #expect(status == 0, "\(err)")
    #expect(err.isEmpty)
    assertGolden(out, path: "Tests/CampaignTests/Goldens/test/pass.txt")
  }

  @Test func aFailureShowsExpectedAgainstActualAndTheContactsRun() {
    let (status, out, err) = runDriver(["test", Self.failing], files: Self.fixtures)
    #expect(status == 1)
    #expect(err.isEmpty)
    #expect(!out.contains("@example.com"), "pii is masked in timelines")
    #expect(out.contains("\(Self.failing):93:3: expected state Engaged, got state Active"))
    assertGolden(out, path: "Tests/CampaignTests/Goldens/test/failing.txt")
  }

  @Test func junitIsDeterministicAndEscaped() throws {
    let (status, out, _) = runDriver(["test", "--format", "junit", Self.failing], files: Self.fixtures)
    let (_, again, _) = runDriver(["test", Self.failing, "--format=junit"], files: Self.fixtures)
    #expect(status == 1)
    #expect(out == again)
    #expect(out.contains("name=\"one click is &lt;enough&gt; &amp; engages\""))
    #expect(!out.contains("time="))
    // Well-formed XML, by Foundation's parser.
    #expect(XMLParser(data: Data(out.utf8)).parse())
    assertGolden(out, path: "Tests/CampaignTests/Goldens/test/failing.junit.xml")
  }

  @Test func showPIIShowsMaskedAttributes() {
    let (_, out, _) = runDriver(["test", Self.failing, "--show-pii"], files: Self.fixtures)
    #expect(out.contains("email=c2@example.com"))
  }

  @Test func xmlEscapingCoversMarkupLineBreaksAndControlCharacters() {
    #expect(JUnitReport.escape("a<b>&\"c'\n\t\r\u{1}") == "a&lt;b&gt;&amp;&quot;c&apos;&#10;&#9;&#13;\u{FFFD}")
    #expect(JUnitReport.escape("line\nnext\ttab", attribute: false) == "line\nnext\ttab")
  }

  // MARK: - The window

  static func campaign(_ test: String) -> MemoryFileSystem {
    MemoryFileSystem([
      "c.campaign": minimalCampaign.replacingOccurrences(
        of: "  state Engaged\n", with: "  state Engaged, Inactive\n  Active -> Inactive after 30d idle\n")
        + "engagement email_open\n" + test
    ])
  }

  @Test func runUntilLetsTimersAfterTheLastEventFire() {
    let contact = "contact { id \"c\", ltv 6, \(testContact) }"
    let noRun = "test \"t\" {\n  \(contact)\n  at 2026-01-01 email_open\n  expect state Inactive\n}\n"
    let (failed, out, _) = runDriver(["test", "c.campaign"], files: Self.campaign(noRun))
    #expect(failed == 1)
    #expect(out.contains("expected state Inactive, got state Active"))
    // 30 days idle is due at 2026-01-31T00:00, which is outside a window ending then.
    let atTheEnd = noRun.replacingOccurrences(of: "  expect", with: "  run until 2026-01-31\n  expect")
    #expect(runDriver(["test", "c.campaign"], files: Self.campaign(atTheEnd)).0 == 1)
    let after = noRun.replacingOccurrences(of: "  expect", with: "  run until 2026-01-31T00:00:01\n  expect")
    let (passed, passOut, _) = runDriver(["test", "c.campaign"], files: Self.campaign(after))
    #expect(passed == 0, "\(passOut)")
  }

  @Test func aTimestampWithoutOffsetIsInTheCampaignsTimeZone() {
    let contact = "contact { id \"c\", ltv 6, \(testContact) }"
    let test = """
      test "t" {
        \(contact)
        at 2026-01-01T10:00 email_open
        at 2026-01-01T03:00:00Z email_open
        expect engagement 10
      }

      """
    let files = MemoryFileSystem([
      "c.campaign": minimalCampaign.replacingOccurrences(
        of: "owner \"crm@example.com\"", with: "owner \"crm@example.com\"\n  timezone \"Asia/Jakarta\"") + test
    ])
    let (status, out, _) = runDriver(["test", "c.campaign"], files: files)
    #expect(status == 0, "\(out)")
  }

  // MARK: - Exit codes and usage

  @Test func aFileWithErrorsFailsWithItsDiagnostics() {
    let files = MemoryFileSystem(["bad.campaign": minimalCampaign + "segment vip = ltvv > 1\n"])
    let (status, out, _) = runDriver(["test", "bad.campaign"], files: files)
    #expect(status == 1)
    #expect(out.contains("error[E0301]"))
    #expect(out.contains("ERROR bad.campaign: 1 error; its tests did not run"))
    #expect(out.hasSuffix("0 passed, 0 failed; 1 file with errors\n"))
    let (_, junit, _) = runDriver(["test", "bad.campaign", "--format", "junit"], files: files)
    #expect(junit.contains("<error message=\"1 error; its tests did not run\" type=\"check\">"))
  }

  @Test func aFileWithoutTestsIsListedAndPasses() {
    let files = MemoryFileSystem(["none.campaign": minimalCampaign])
    let (status, out, _) = runDriver(["test", "none.campaign"], files: files)
    #expect(status == 0)
    #expect(out == "none.campaign: no test blocks\n0 passed, 0 failed\n")
  }

  @Test func foldersAreSearched() {
    let (status, out, _) = runDriver(["test", "examples/bench"], files: Self.examples)
    #expect(status == 0)
    #expect(
      out == """
        PASS examples/bench/winback-journey.campaign: a silent contact goes through a whole cycle into the ads audience
        PASS examples/bench/winback-journey.campaign: an open within a week of email 1 reactivates
        examples/bench/winback-snapshot.campaign: no test blocks
        2 passed, 0 failed

        """)
    let (invalid, _, _) = runDriver(["test", "examples"], files: Self.examples)
    #expect(invalid == 1, "examples/ holds the invalid fixtures")
  }

  @Test(arguments: [
    (["test"], "needs at least one file"),
    (["test", "missing.campaign"], "cannot read `missing.campaign`"),
    (["test", "--format", "xml", "examples/winback.campaign"], "`--format` takes one of: text, junit"),
    (["test", "--shwo-pii", "examples/winback.campaign"], "did you mean `--show-pii`?"),
  ])
  func usageAndIOProblemsExitTwo(arguments: [String], message: String) {
    let (status, out, err) = runDriver(arguments, files: Self.examples)
    #expect(status == 2)
    #expect(out.isEmpty)
    #expect(err.contains(message), "\(err)")
  }

  @Test func theMainHelpListsTest() {
    let (_, help, _) = runDriver(["--help"], files: Self.examples)
    #expect(help.contains("test FILE|DIR|-..."))
    #expect(help.contains("campaignc test examples/*.campaign"))
  }
}
