import CampaignLang
import Testing

/// The parts of the command line CommandLineTests leaves out: where help goes, the
/// other commands' usage errors, option spellings, and capped machine output.
@Suite struct CommandLineUsageTests {
  static let files = MemoryFileSystem([
    "ok.campaign": minimalCampaign,
    "dir/x.campaign": minimalCampaign,
    "bad.campaign": minimalCampaign + (1...5).map { "segment s\($0) = ltvv > \($0)\n" }.joined(),
  ])

  @Test func noCommandPrintsTheHelpOnStandardError() {
    let (status, output, error) = runDriver([], files: Self.files)
    #expect(status == 2)
    #expect(output.isEmpty)
    #expect(error == runDriver(["--help"], files: Self.files).1)
    #expect(error.contains("usage: campaignc"))
  }

  @Test(arguments: ["check", "test", "print", "explain-code"])
  func helpForACommandIsTheCommandsOwnHelp(command: String) {
    let (status, viaHelp, _) = runDriver(["help", command], files: Self.files)
    #expect(status == 0)
    let (ownStatus, own, _) = runDriver([command, "--help"], files: Self.files)
    #expect(ownStatus == 0)
    #expect(viaHelp == own)
    #expect(own.contains("usage: campaignc \(command)"))
    #expect(own.contains("example"), "the help shows an example")
  }

  @Test func versionIsPrinted() {
    let (status, output, _) = runDriver(["--version"], files: Self.files)
    #expect(status == 0)
    #expect(output.hasPrefix("campaignc "))
  }

  @Test func usageErrorsOfEachCommandExitTwo() {
    for arguments in [
      ["check"], ["check", "--format"], ["check", "--max-errors", "-1", "ok.campaign"], ["explain-code"],
      ["explain-code", "E0301", "E0302"], ["print"], ["print", "tree", "ok.campaign"],
      ["print", "ast", "nope.campaign"], ["print", "ast", "dir"],
    ] {
      let (status, output, error) = runDriver(arguments, files: Self.files)
      #expect(status == 2, "\(arguments)")
      #expect(output.isEmpty, "\(arguments)")
      #expect(error.hasPrefix("error: "), "\(arguments)")
    }
  }

  @Test func printShowsTheTreeOfABrokenFileWithItsErrorsOnStandardError() {
    let files = MemoryFileSystem(["bad.campaign": minimalCampaign + "segment a = ltv > 5 AND orders_90d > 1\n"])
    let (status, tree, errors) = runDriver(["print", "ast", "bad.campaign"], files: files)
    #expect(status == 1)
    #expect(tree.contains("segment a = ((ltv > 5) and (orders_90d > 1))"))
    #expect(errors.contains("error[E0204]"))
    let (checkedStatus, checked, checkedErrors) = runDriver(["print", "checked", "bad.campaign"], files: files)
    #expect(checkedStatus == 1)
    #expect(checked.isEmpty)
    #expect(checkedErrors.contains("error[E0204]"))
    #expect(checkedErrors.contains("no checked program"))
  }

  /// The checker's errors are not printed with a tree: with a syntax error only the
  /// syntax errors show (for `ast` and `checked` alike); a file that parses prints its
  /// tree cleanly, and `checked` reports the checker's errors.
  @Test func printReportsSyntaxErrorsAloneAndTheCheckersOnlyForChecked() {
    let broken = MemoryFileSystem([
      "bad.campaign": minimalCampaign + "segment a = ltv > 5 AND orders_90d > 1\nsegment b = ltvv > 1\n"
    ])
    #expect(
      checkCodes(compile(minimalCampaign + "segment a = ltv > 5 AND orders_90d > 1\nsegment b = ltvv > 1\n")).contains(
        "E0301"))
    for tree in ["ast", "checked"] {
      let (status, _, errors) = runDriver(["print", tree, "bad.campaign"], files: broken)
      #expect(status == 1, "\(tree)")
      #expect(errors.contains("error[E0204]"), "\(tree)")
      #expect(!errors.contains("E0301"), "\(tree): \(errors)")
    }
    let unchecked = MemoryFileSystem(["bad.campaign": minimalCampaign + "segment b = ltvv > 1\n"])
    let (astStatus, ast, astErrors) = runDriver(["print", "ast", "bad.campaign"], files: unchecked)
    #expect(astStatus == 0)
    #expect(ast.contains("segment b = (ltvv > 1)"))
    #expect(astErrors == "")
    let (checkedStatus, _, checkedErrors) = runDriver(["print", "checked", "bad.campaign"], files: unchecked)
    #expect(checkedStatus == 1)
    #expect(checkedErrors.contains("error[E0301]"))
  }

  @Test func explainCodeIgnoresCaseAndListsEveryCode() {
    let (status, lower, _) = runDriver(["explain-code", "e0301"], files: Self.files)
    #expect(status == 0)
    #expect(lower == runDriver(["explain-code", "E0301"], files: Self.files).1)
    let (listStatus, list, _) = runDriver(["explain-code", "--list"], files: Self.files)
    #expect(listStatus == 0)
    let listed = list.split(separator: "\n").map { String($0.prefix { $0 != " " }) }
    #expect(listed == DiagnosticCatalogue.entries.map(\.code.rawValue))
  }

  @Test func anOptionsValueMayFollowAnEqualsSign() {
    let spaced = runDriver(["check", "--format", "json", "bad.campaign"], files: Self.files)
    let joined = runDriver(["check", "--format=json", "bad.campaign"], files: Self.files)
    #expect(joined.0 == 1)
    #expect(joined.1 == spaced.1)
    let capped = runDriver(["check", "--no-color", "--max-errors=2", "bad.campaign"], files: Self.files)
    #expect(capped.1.contains("3 more problems were not shown"))
  }

  @Test func maxErrorsZeroShowsEverything() {
    let (status, output, _) = runDriver(
      ["check", "--no-color", "--max-errors", "0", "bad.campaign"], files: Self.files)
    #expect(status == 1)
    #expect(output.components(separatedBy: "error[E0301]").count - 1 == 5)
    #expect(!output.contains("not shown"))
  }

  @Test func machineFormatsSayHowManyWereNotShown() {
    let arguments = ["check", "--max-errors", "2", "bad.campaign", "--format"]
    let (_, github, _) = runDriver(arguments + ["github"], files: Self.files)
    #expect(github.components(separatedBy: "::error ").count - 1 == 2)
    #expect(github.hasSuffix("::warning::3 more problems were not shown\n"))
    let (_, sarif, _) = runDriver(arguments + ["sarif"], files: Self.files)
    #expect(sarif.components(separatedBy: "\"ruleId\"").count - 1 == 2)
    #expect(sarif.contains("\"truncatedResults\": 3"))
    let (_, json, _) = runDriver(arguments + ["json"], files: Self.files)
    #expect(json.components(separatedBy: "\"code\"").count - 1 == 2)
    #expect(json.contains("\"truncated\": 3"))
  }
}
