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

/// Values written as in a document or a spreadsheet: each is one message whose help
/// shows the form to write.
@Suite struct TrialHelpValueTests {
  func only(_ text: String, replacing: (String, String)? = nil) -> Diagnostic? {
    var campaign = minimalCampaign
    if let (old, new) = replacing { campaign = campaign.replacingOccurrences(of: old, with: new) }
    let result = compile(campaign + text)
    #expect(result.diagnostics.count == 1, "\(result.diagnostics)")
    return result.diagnostics.first
  }

  @Test(arguments: [
    ("", ("owner \"crm@example.com\"", "owner crm-team@example.co.id"), "crm-team@example.co.id"),
    ("consent sms when gender == x.y@mail.com\n", nil, "x.y@mail.com"),
  ])
  func unquotedEmail(text: String, replacing: (String, String)?, address: String) {
    let diagnostic = only(text, replacing: replacing)
    #expect(diagnostic?.code == .invalidCharacter)
    #expect(diagnostic?.message == "the email address `\(address)` needs quotes")
    #expect(diagnostic?.help == "write text in double quotes: `\"\(address)\"`")
  }

  @Test(arguments: [
    (
      "email_opt_in == \"yes\"", "`email_opt_in` is true or false, not text",
      "write `email_opt_in == true`, or just `email_opt_in`"
    ),
    (
      "email_opt_in != \"Yes\"", "`email_opt_in` is true or false, not text",
      "write `email_opt_in == false`, or just `not email_opt_in`"
    ),
    (
      "email_opt_in == \"no\"", "`email_opt_in` is true or false, not text",
      "write `email_opt_in == false`, or just `not email_opt_in`"
    ),
    (
      "email_opt_in == \"maybe\"", "`email_opt_in` is true or false, not text",
      "compare it with `true` or `false`, like `email_opt_in == true`"
    ),
    (
      "state == \"Active\"", "`state` holds a state's name, not text",
      "write the state's name without quotes: `state == Active`"
    ),
    (
      "\"engaged\" != state", "`state` holds a state's name, not text",
      "write the state's name without quotes: `state != Engaged`"
    ),
  ])
  func quotedComparison(condition: String, message: String, help: String) {
    let diagnostic = only("segment s = \(condition)\n")
    #expect(diagnostic?.code == .typeMismatch)
    #expect(diagnostic?.message == message)
    #expect(diagnostic?.help == help)
  }

  /// `2025-01-01 10:00` in a test: one message, read as the timestamp, so the test checks on.
  @Test func spacedTimestamp() {
    let test = """
      test "t" {
        contact { id "c1", ltv 1, \(testContact) }
        at 2025-01-01 9:30 email_open
        run until 2025-03-01 10:00:05
        expect state Active
      }

      """
    let result = compile(minimalCampaign + test)
    #expect(codes(result) == ["E0109", "E0109"], "\(result.diagnostics)")
    #expect(underlined(result) == ["2025-01-01 9:30", "2025-03-01 10:00:05"])
    #expect(
      result.diagnostics.map(\.message) == Array(repeating: "a date and a time of day are joined with `T`", count: 2))
    #expect(
      result.diagnostics.map(\.help) == [
        "write `2025-01-01T09:30`, with no space: a timestamp is the date, `T`, then the time",
        "write `2025-03-01T10:00:05`, with no space: a timestamp is the date, `T`, then the time",
      ])
  }

  @Test(arguments: [
    ("2025-02-30", "February 2025 has 28 days: the last is `2025-02-28`"),
    ("2024-02-30", "February 2024 has 29 days: the last is `2024-02-29`"),
    ("2025-04-31", "April 2025 has 30 days: the last is `2025-04-30`"),
    ("2025-31-12", "dates are year-month-day, with the month second: `2025-12-31`"),
    ("2025-13-13", "dates are year-month-day, like `2026-12-31`"),
  ])
  func impossibleDate(date: String, help: String) {
    let diagnostic = only("segment s = signup > \(date)\n")
    #expect(diagnostic?.code == .malformedLiteral)
    #expect(diagnostic?.message == "`\(date)` is not a date")
    #expect(diagnostic?.help == help)
  }

  @Test(arguments: [
    ("email_open 5 points", "points", "write `email_open +5`"),
    ("email_click -10 pts where url == \"x\"", "pts", "write `email_click -10`"),
  ])
  func pointsInWords(line: String, word: String, help: String) {
    let diagnostic = only("", replacing: ("  email_open +5\n", "  \(line)\n"))
    #expect(diagnostic?.code == .unexpectedToken)
    #expect(diagnostic?.message == "points are written as a number with its sign, without `\(word)`")
    #expect(diagnostic?.help == help)
  }

  @Test func importWithoutExtension() {
    let diagnostic = only("import \"lib/segments\"\n")
    #expect(diagnostic?.code == .importNotFound)
    #expect(diagnostic?.help == "write the file's full name, with `.campaign`: `import \"lib/segments.campaign\"`")
  }
}

/// Blocks nested past the limit: the depth error is the only message for the construct,
/// however its braces are laid out, and the declarations after it are still read.
@Suite struct TrialHelpNestingTests {
  /// 70 nested `if`s; `closing` gives the indentation of the `}` at each level.
  static func nestedFlow(closing: (Int) -> String) -> String {
    var text = "flow f for Active {\n"
    for level in 0..<70 { text += String(repeating: "  ", count: level + 1) + "if ltv > \(level) {\n" }
    text += "    send email \"a\" subject \"x\"\n"
    for level in (0..<70).reversed() { text += closing(level) + "}\n" }
    return text + "}\n"
  }

  @Test(arguments: ["indented", "column one", "one level", "else"])
  func depthLimitIsTheOnlyMessage(layout: String) {
    let flow: String
    switch layout {
    case "indented": flow = Self.nestedFlow { String(repeating: "  ", count: $0 + 1) }
    case "column one": flow = Self.nestedFlow { _ in "" }
    case "one level": flow = Self.nestedFlow { _ in "  " }
    default: flow = Self.nestedFlow { String(repeating: "  ", count: $0 + 1) + "} else {\n  exit\n" }
    }
    let result = compile(minimalCampaign + flow + "segment later = ltvv > 1\n")
    #expect(codes(result) == ["E0207", "E0301"], "\(result.diagnostics)")
    #expect(underlined(result) == ["{", "ltvv"])
  }
}

/// A segment named like an enum value or a state: the clash is reported, once, at the
/// first use that needs the value, with the declaration, instead of a type error.
@Suite struct TrialHelpNameClashTests {
  @Test(arguments: [
    (
      "segment gold = ltv > 5\nsegment s = tier == gold\nsegment t = gold != tier\n",
      "`gold` is both a segment and one of the values of `tier`",
      "give the segment another name, like `gold_segment`, so that `gold` here means the value"
    ),
    (
      "segment Engaged = ltv > 5\nsegment s = state == Engaged\n",
      "`Engaged` is both a segment and a state",
      "give the segment another name, like `Engaged_segment`, so that `Engaged` here means the state"
    ),
    (
      "counter high\nsegment s = count(page_visit where intent == high) > 1\n",
      "`high` is both a counter and one of the values of `page_visit.intent`",
      "give the counter another name, like `high_counter`, so that `high` here means the value"
    ),
  ])
  func clashIsOneMessage(text: String, message: String, help: String) throws {
    let campaign = minimalCampaign.replacingOccurrences(
      of: "  signup date\n", with: "  signup date\n  tier enum(silver, gold)\n")
    let result = compile(
      campaign.replacingOccurrences(of: "    page_visit +15 where intent == high\n", with: "") + text)
    #expect(codes(result) == ["E0311"], "\(result.diagnostics)")
    let diagnostic = try #require(result.diagnostics.first)
    #expect(diagnostic.message == message)
    #expect(diagnostic.help == help)
    #expect(diagnostic.notes.first?.message.hasSuffix("is declared here") == true)
  }
}

/// `check DIR` reads what is inside the folder: a symbolic link in it that leads out of
/// it (a linked file, or a file in a linked folder) is reported and not read (exit 2).
@Suite struct TrialHelpFolderTests {
  @Test func linksOutOfTheFolderAreNotRead() throws {
    let files = FileManager.default
    let base = files.temporaryDirectory.appendingPathComponent("campaignc-links-\(UUID().uuidString)")
    defer { try? files.removeItem(at: base) }
    let project = base.appendingPathComponent("project")
    let outsideFolder = base.appendingPathComponent("shared")
    try files.createDirectory(at: project, withIntermediateDirectories: true)
    try files.createDirectory(at: outsideFolder, withIntermediateDirectories: true)
    try Data(minimalCampaign.utf8).write(to: project.appendingPathComponent("main.campaign"))
    // A mistake in the files outside, so that reading them would show.
    let outside =
      minimalCampaign.replacingOccurrences(of: "campaign \"T\"", with: "campaign \"Outside\"")
      + "segment leak = ltvv > 1\n"
    try Data(outside.utf8).write(to: base.appendingPathComponent("outside.campaign"))
    try Data(outside.utf8).write(to: outsideFolder.appendingPathComponent("other.campaign"))
    try files.createSymbolicLink(
      atPath: project.appendingPathComponent("link.campaign").path, withDestinationPath: "../outside.campaign")
    try files.createSymbolicLink(
      atPath: project.appendingPathComponent("linked").path, withDestinationPath: "../shared")

    for command in ["check", "test", "fmt"] {
      let arguments =
        command == "check"
        ? ["check", "--no-color", project.path]
        : command == "fmt" ? ["fmt", "--check", project.path] : [command, project.path]
      let (status, output, errors) = DiskFileSystemTests.runOnDisk(arguments)
      #expect(status == 2, "\(command): \(output)\(errors)")
      // fmt stops; check and test read the rest of the folder, never the link.
      #expect(!output.contains("ltvv") && !errors.contains("ltvv"), "\(command): \(output)")
      if command == "fmt" { #expect(output.isEmpty, "\(command): nothing is formatted: \(output)") }
      #expect(
        errors.contains(
          "error: `\(project.path)/link.campaign` is a symbolic link that leads out of `\(project.path)`, so it was not read\n"
        ), "\(errors)")
      #expect(errors.contains("  help: copy the file into `\(project.path)`, or name it on the command line"))
      #expect(!errors.contains("main.campaign"))
    }
    // Named on the command line, a link is read where it leads (its mistake is found).
    let (status, output, _) = DiskFileSystemTests.runOnDisk([
      "check", "--no-color", project.appendingPathComponent("link.campaign").path,
    ])
    #expect(status == 1, "\(output)")
    #expect(output.contains("ltvv"), "\(output)")
    // Without the links the folder checks as before.
    try files.removeItem(at: project.appendingPathComponent("link.campaign"))
    try files.removeItem(at: project.appendingPathComponent("linked"))
    let (clean, cleanOutput, _) = DiskFileSystemTests.runOnDisk(["check", "--no-color", project.path])
    #expect(clean == 0, "\(cleanOutput)")
  }
}

/// Shared files in a checked folder: a library (no header, states or flows) is checked
/// through the campaigns that import it; one that nothing imports, or that is named
/// itself, has only its syntax and imports checked, and is counted as a library.
@Suite struct TrialHelpLibraryTests {
  static let project = MemoryFileSystem([
    "proj/main.campaign": "import \"lib/segments.campaign\"\n" + minimalCampaign
      + "segment buyers = vip and orders_90d > 1 {\n  message \"Hi\"\n}\n",
    "proj/lib/segments.campaign": "segment vip = ltv >= 500\n",
    "proj/lib/old.campaign": "# segments for a campaign kept elsewhere\nsegment old = ltvv > 1 and tier == gold\n",
  ])

  @Test func aLibraryNothingImportsHasNoCascade() {
    let (status, output, errors) = runDriver(["check", "--no-color", "proj"], files: Self.project)
    #expect(status == 0, "\(output)\(errors)")
    for code in ["E0511", "E0512", "E0301", "E0503"] { #expect(!output.contains(code), "\(output)") }
    #expect(
      output.hasSuffix(
        "checked 2 files (and 1 imported), 1 of them a library (names are checked through the campaigns that import it): 0 errors, 1 warning\n"
      ),
      "\(output)")
  }

  @Test func aLibraryNamedItselfIsReadAsALibrary() {
    let (status, output, _) = runDriver(["check", "--no-color", "proj/lib/old.campaign"], files: Self.project)
    #expect(status == 0, "\(output)")
    #expect(
      output == "checked 1 file, a library (names are checked through the campaigns that import it): no problems\n")
    let (tested, testOutput, _) = runDriver(["test", "proj"], files: Self.project)
    #expect(tested == 0, "\(testOutput)")
  }

  /// Its own mistakes are still reported: syntax, and imports.
  @Test func aLibraryKeepsItsSyntaxAndImportErrors() {
    var files = Self.project
    files.files["proj/lib/old.campaign"] = Array("import \"schema\"\nsegment old = ltv >=\n".utf8)
    let (status, output, _) = runDriver(["check", "--no-color", "--format", "json", "proj"], files: files)
    #expect(status == 1)
    #expect(output.contains("\"E0312\"") && output.contains("\"E0201\""), "\(output)")
    #expect(!output.contains("\"E0511\""), "\(output)")
  }
}
