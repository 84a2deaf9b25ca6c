import Testing

/// The command line's contract: exit codes, help, option handling, capping.
@Suite struct CommandLineTests {
  static let valid = MemoryFileSystem(["ok.campaign": minimalCampaign])
  static let broken = MemoryFileSystem([
    "bad.campaign": minimalCampaign
      + (1...5).map { "segment s\($0) = ltvv > \($0)\n" }.joined()
  ])

  @Test func exitCodesSayWhatHappened() {
    #expect(runDriver(["check", "ok.campaign"], files: Self.valid).0 == 0)
    #expect(runDriver(["check", "bad.campaign"], files: Self.broken).0 == 1)
    let (missing, _, missingError) = runDriver(["check", "nope.campaign"], files: Self.valid)
    #expect(missing == 2)
    #expect(missingError.contains("nope.campaign"))
    let (unknown, _, unknownError) = runDriver(["check", "--bogus", "ok.campaign"], files: Self.valid)
    #expect(unknown == 2)
    #expect(unknownError.contains("--bogus"))
    #expect(runDriver(["chek", "ok.campaign"], files: Self.valid).2.contains("did you mean `check`?"))
    #expect(runDriver([], files: Self.valid).0 == 2)
    #expect(runDriver(["help", "frob"], files: Self.valid).0 == 2)
    #expect(runDriver(["help", "check"], files: Self.valid).0 == 0)
    // A warning alone exits 0; `--warnings-as-errors` makes it fail (LintCommandTests).
    #expect(
      runDriver(["check", "--warnings-as-errors", "examples/winback.campaign"], files: LintCommandTests.examples).0 == 0
    )
    #expect(runDriver(["check", "--format", "xml", "ok.campaign"], files: Self.valid).0 == 2)
    #expect(runDriver(["check", "--max-errors", "many", "ok.campaign"], files: Self.valid).0 == 2)
  }

  @Test func helpHasExamples() {
    let (status, text, _) = runDriver(["--help"], files: Self.valid)
    #expect(status == 0)
    #expect(text.contains("check FILE|DIR"))
    let (checkStatus, checkHelp, _) = runDriver(["check", "--help"], files: Self.valid)
    #expect(checkStatus == 0)
    #expect(checkHelp.contains("campaignc check examples/"))
    #expect(checkHelp.contains("--warnings-as-errors"))
  }

  @Test func maxErrorsCapsTheOutputAndSaysHowManyMore() {
    let (status, output, _) = runDriver(
      ["check", "--no-color", "--max-errors", "2", "bad.campaign"], files: Self.broken)
    #expect(status == 1)
    #expect(output.components(separatedBy: "error[E0301]").count - 1 == 2)
    #expect(output.contains("3 more problems were not shown"))
    #expect(output.hasSuffix("checked 1 file: 5 errors, 0 warnings\n"))
    // The JSON summary counts every problem too, not only those shown.
    let (_, json, _) = runDriver(
      ["check", "--format", "json", "--max-errors", "2", "bad.campaign"], files: Self.broken)
    #expect(json.contains("\"errors\": 5"))
    #expect(json.contains("\"truncated\": 3"))
  }

  @Test func aFolderIsCheckedFileByFileInPathOrder() {
    let files = MemoryFileSystem([
      "camps/b.campaign": minimalCampaign + "segment x = ltvv > 1\n",
      "camps/a.campaign": minimalCampaign,
    ])
    let (status, output, _) = runDriver(["check", "--no-color", "camps"], files: files)
    #expect(status == 1)
    #expect(output.contains("camps/b.campaign:"))
    // a.campaign checks clean, so it is linted: its `Engaged` has no way out (W0202).
    #expect(output.hasSuffix("checked 2 files: 1 error, 1 warning\n"))
  }

  @Test func filesThatOnlyImportEachOtherAreStillChecked() {
    let files = MemoryFileSystem([
      "lib/a.campaign": "import \"b.campaign\"\n" + minimalCampaign,
      "lib/b.campaign": "import \"a.campaign\"\n",
    ])
    let (status, output, _) = runDriver(["check", "--no-color", "lib"], files: files)
    #expect(status == 1)
    #expect(output.contains("error[E0314]"))
    #expect(!output.contains("checked 0 files"))
  }

  @Test func aFolderWithNoCampaignsIsAUsageError() {
    let files = MemoryFileSystem(["notes/readme.txt": "nothing here\n"])
    let (status, _, error) = runDriver(["check", "notes"], files: files)
    #expect(status == 2)
    #expect(error.contains("holds no .campaign files"))
  }

  @Test func colourOnlyWhenAskedOrOnATerminal() {
    let plain = runDriver(["check", "bad.campaign"], files: Self.broken).1
    #expect(!plain.contains("\u{1B}["))
    let coloured = runDriver(["check", "--color", "bad.campaign"], files: Self.broken).1
    #expect(coloured.contains("\u{1B}["))
  }
}

/// The machine formats report every problem unless `--max-errors` says otherwise: code
/// scanning would take a problem left out of the SARIF log as fixed.
@Suite struct MachineFormatCapTests {
  static let many = MemoryFileSystem([
    "many.campaign": minimalCampaign + (1...105).map { "segment s\($0) = ltvv > \($0)\n" }.joined()
  ])

  @Test func onlyTheTextFormatIsCappedByDefault() {
    let (status, text, _) = runDriver(["check", "--no-color", "many.campaign"], files: Self.many)
    #expect(status == 1)
    #expect(text.components(separatedBy: "error[E0301]").count - 1 == 100)
    #expect(text.contains("5 more problems were not shown"))
    let (_, sarif, _) = runDriver(["check", "--format", "sarif", "many.campaign"], files: Self.many)
    #expect(sarif.components(separatedBy: "\"ruleId\": \"E0301\"").count - 1 == 105)
    #expect(!sarif.contains("truncatedResults"))
    let (_, json, _) = runDriver(["check", "--format", "json", "many.campaign"], files: Self.many)
    #expect(json.components(separatedBy: "\"code\": \"E0301\"").count - 1 == 105)
    #expect(json.contains("\"truncated\": 0"))
    let (_, github, _) = runDriver(["check", "--format", "github", "many.campaign"], files: Self.many)
    #expect(github.components(separatedBy: "::error ").count - 1 == 105)
    #expect(!github.contains("not shown"))
  }

  @Test func anExplicitCapAppliesToEveryFormat() {
    let (_, sarif, _) = runDriver(
      ["check", "--format", "sarif", "--max-errors", "3", "many.campaign"], files: Self.many)
    #expect(sarif.components(separatedBy: "\"ruleId\": \"E0301\"").count - 1 == 3)
    #expect(sarif.contains("\"truncatedResults\": 102"))
    let (_, text, _) = runDriver(["check", "--no-color", "--max-errors", "0", "many.campaign"], files: Self.many)
    #expect(text.components(separatedBy: "error[E0301]").count - 1 == 105)
  }
}
