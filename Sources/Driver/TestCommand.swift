import CampaignLang
import Checker
import Evaluator
import Render

/// `campaignc test FILE|DIR...`: runs the test blocks of each campaign on the dry-run
/// engine and says which expectations did not hold.
struct TestCommand {
  let driver: Driver

  enum Format: String, CaseIterable {
    case text, junit
  }

  func run(_ arguments: [String]) -> Int32 {
    let options: Arguments
    switch driver.options(
      arguments, command: "test", help: Help.test,
      parse: {
        Arguments.parse($0, options: ["--format"], switches: ["--show-pii"] + Arguments.colorSwitches)
      })
    {
    case .success(let parsed): options = parsed
    case .failure(let status): return status.code
    }
    let formatName = options.values["--format"] ?? Format.text.rawValue
    guard let format = Format(rawValue: formatName) else {
      return driver.usageError(
        "`--format` takes one of: " + Format.allCases.map(\.rawValue).joined(separator: ", "), command: "test")
    }
    guard !options.positional.isEmpty else {
      return driver.usageError("`test` needs at least one file or folder", command: "test")
    }
    // As for `check`: what cannot be read is reported and the rest is tested; the JUnit
    // report lists each path not read as an error, and the run exits 2.
    let (entries, notFound) = CampaignFiles.expand(options.positional, driver: driver)
    let (compiled, unreadable) = CampaignFiles.compile(entries, driver: driver)
    let notRead = notFound + unreadable
    if compiled.isEmpty && format == .text { return ExitCode.usage }
    let showPII = options.flags.contains("--show-pii")
    // As for `check`: colour on a terminal unless `--no-color`, or forced by `--color`.
    let color = format == .text && (options.color ?? driver.output.isTerminal)
    let results = CampaignFiles.roots(compiled, named: options.positional).map { entry in
      TestCommand.test(entry.path, entry.compilation, showPII: showPII, color: color)
    }
    driver.keepAlive?.park(compiled)
    switch format {
    case .text: driver.output.write(TestCommand.text(results, notRead: notRead.count))
    case .junit: driver.output.write(JUnitReport.render(results, notRead: notRead))
    }
    let failed = results.contains { $0.errors != nil || $0.cases.contains { !$0.passed } }
    return !notRead.isEmpty ? ExitCode.usage : failed ? ExitCode.inputErrors : ExitCode.success
  }

  /// Runs every test block of one compiled file (none when it has errors).
  static func test(_ path: String, _ compilation: Compilation, showPII: Bool, color: Bool) -> TestFileResult {
    var result = TestFileResult(path: path)
    guard let program = compilation.program else {
      let errors = Diagnostic.sortedForDisplay(compilation.diagnostics).filter { $0.severity == .error }
      // A library read on its own has no tests of its own: listed, and it passes.
      if compilation.checkedAsLibrary && errors.isEmpty { return result }
      let renderer = TextRenderer(color: color)
      var tables: [FileID: LineTable] = [:]
      let text = errors.map { renderer.render($0, sources: compilation.sources, tables: &tables) + "\n" }.joined()
      result.errors = (errors.count, text)
      return result
    }
    result.cases = program.tests.map { test in
      TestCaseResult.run(test, of: program, sources: compilation.sources, showPII: showPII)
    }
    return result
  }

  /// `PASS file: name` / `FAIL file: name` per test, each failure's place and finding,
  /// the contact's timeline, then the totals (and how many paths could not be read,
  /// reported on standard error).
  static func text(_ results: [TestFileResult], notRead: Int = 0) -> String {
    var out = ""
    var passed = 0
    var failed = 0
    var broken = 0
    for file in results {
      if let errors = file.errors {
        broken += 1
        out += errors.text
        out += "ERROR \(file.path): \(plural(errors.count, "error")); its tests did not run\n"
        continue
      }
      if file.cases.isEmpty { out += "\(file.path): no test blocks\n" }
      for test in file.cases {
        guard !test.passed else {
          passed += 1
          out += "PASS \(file.path): \(test.name)\n"
          continue
        }
        failed += 1
        out += "FAIL \(file.path): \(test.name)\n"
        for failure in test.failures { out += "  \(failure.location): \(failure.message)\n" }
        if !test.timeline.isEmpty {
          out += "  the contact's run:\n"
          out += test.timeline.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { "    \($0)\n" }
            .joined()
        }
      }
    }
    out += "\(passed) passed, \(failed) failed"
    if broken > 0 { out += "; \(plural(broken, "file")) with errors" }
    if notRead > 0 { out += "; \(plural(notRead, "path")) could not be read" }
    return out + "\n"
  }

  static func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
}
