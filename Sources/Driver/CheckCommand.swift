import CampaignLang
import Checker
import Lints
import Render

/// `campaignc check FILE|DIR...`
struct CheckCommand {
  let driver: Driver

  enum Format: String, CaseIterable {
    case text, json, github, sarif
  }

  struct Options {
    var paths: [String] = []
    var format = Format.text
    var warningsAsErrors = false
    /// `--max-errors N`; when not given, the text format shows 100 and the machine
    /// formats every problem (a tool reading them would take the rest as fixed).
    var maxErrors: Int?
    var color: Bool?
    /// `--deny CODE`: these warnings are errors.
    var deny: Set<DiagnosticCode> = []
    /// `--allow CODE`: these warnings are not reported.
    var allow: Set<DiagnosticCode> = []
    /// `--budget`: print the worst case per channel.
    var budget = false
    /// `--timings`: print how long each phase took, on standard error.
    var timings = false
  }

  /// A warning code named on the command line, or the usage error saying why not.
  static func warningCodes(_ text: String, flag: String) -> Result<[DiagnosticCode], UsageError> {
    var codes: [DiagnosticCode] = []
    for word in text.split(separator: ",") {
      let code = DiagnosticCode(String(word).trimmingCharacters(in: .whitespaces).uppercased())
      guard code.rawValue.hasPrefix("W"), DiagnosticCatalogue.entry(for: code) != nil else {
        return .failure(
          UsageError("`\(flag)` takes warning codes like W0101 (`campaignc explain-code --list`); `\(word)` is not one")
        )
      }
      codes.append(code)
    }
    return .success(codes)
  }

  func parse(_ arguments: [String]) -> Result<Options, UsageError> {
    var options = Options()
    var index = 0
    func value(_ flag: String) -> String? {
      index += 1
      return index < arguments.count ? arguments[index] : nil
    }
    while index < arguments.count {
      let argument = arguments[index]
      var flag = argument
      var inline: String? = nil
      if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
        flag = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      switch flag {
      case "--format":
        guard let text = inline ?? value(flag), let format = Format(rawValue: text) else {
          return .failure(
            UsageError("`--format` takes one of: " + Format.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        options.format = format
      case "--warnings-as-errors":
        options.warningsAsErrors = true
      case "--deny", "--allow":
        guard let text = inline ?? value(flag) else { return .failure(UsageError("`\(flag)` takes a warning code")) }
        switch Self.warningCodes(text, flag: flag) {
        case .success(let codes):
          if flag == "--deny" { options.deny.formUnion(codes) } else { options.allow.formUnion(codes) }
        case .failure(let problem): return .failure(problem)
        }
      case "--budget":
        options.budget = true
      case "--timings":
        options.timings = true
      case "--max-errors":
        guard let text = inline ?? value(flag), let number = Int(text), number >= 0 else {
          return .failure(UsageError("`--max-errors` takes a number (0 shows all)"))
        }
        options.maxErrors = number
      case "--color":
        options.color = true
      case "--no-color":
        options.color = false
      default:
        if argument.hasPrefix("-") && argument != "-" {
          return .failure(UsageError("unknown option `\(argument)`"))
        }
        options.paths.append(argument)
      }
      index += 1
    }
    if options.paths.isEmpty { return .failure(UsageError("`check` needs at least one file or folder")) }
    if options.budget && options.format != .text {
      return .failure(UsageError("`--budget` prints a table: use it with the text format"))
    }
    if let both = options.deny.intersection(options.allow).sorted().first {
      return .failure(UsageError("`\(both)` is both denied and allowed"))
    }
    return .success(options)
  }

  func run(_ arguments: [String]) -> Int32 {
    let options: Options
    switch driver.options(arguments, command: "check", help: Help.check, parse: parse) {
    case .success(let parsed): options = parsed
    case .failure(let status): return status.code
    }
    // A path that cannot be read is reported, and the others are still checked (all
    // problems at once); the run then ends with the I/O exit code. The machine formats
    // still write their whole document, listing what was not read, so a CI report is
    // never empty.
    let clock = ContinuousClock()
    let started = clock.now
    let (entries, notFound) = CampaignFiles.expand(options.paths, driver: driver)
    let (compiled, unreadable) = CampaignFiles.compile(entries, driver: driver)
    let notRead = notFound + unreadable
    if compiled.isEmpty && options.format == .text { return ExitCode.usage }
    let frontEnd = clock.now - started
    let roots = CampaignFiles.roots(compiled, named: options.paths)
    var lintTime = Swift.Duration.zero
    let status = report(roots, options, notRead: notRead, lintTime: &lintTime)
    driver.keepAlive?.park(compiled)
    if options.timings {
      // For measuring, not for comparing runs: the only output that differs run to run.
      let rest = clock.now - started - frontEnd - lintTime
      let ms = PhaseTimer.milliseconds
      driver.output.writeError(
        "timings: read, lex, parse and check \(ms(frontEnd)); lints \(ms(lintTime)); report \(ms(rest))\n")
    }
    return notRead.isEmpty ? status : ExitCode.usage
  }

  func report(
    _ roots: [(path: String, compilation: Compilation)], _ options: Options, notRead: [ReadProblem] = [],
    lintTime: inout Swift.Duration
  ) -> Int32 {
    var all: [(Diagnostic, SourceMap)] = []
    var campaignOf: [Int] = []  // which of `roots` each of `all` came from
    var seen: Set<String> = []
    // The worst case is worked out only for `--budget` (`Linter.Result.budget`).
    var budgets: [(path: String, name: String, lint: Linter.Result?)] = []
    // Lints run on a campaign that checked clean (they read the checked program).
    let lintStart = ContinuousClock.now
    let lints = roots.map { Linter.lint($0.compilation) }
    lintTime = ContinuousClock.now - lintStart
    defer { driver.keepAlive?.park(lints) }  // like the compilations: not torn down piece by piece at exit
    let shared = SharedLibraryWarnings(roots.map(\.compilation), lints: lints)
    for (campaign, (path, compilation)) in roots.enumerated() {
      let lint = lints[campaign]
      budgets.append((path, compilation.program?.name ?? "", lint))
      for diagnostic in Diagnostic.sortedForDisplay(compilation.diagnostics + (lint?.diagnostics ?? [])) {
        if diagnostic.severity == .warning && !shared.holdsEverywhere(diagnostic, in: compilation.sources) { continue }
        var diagnostic = diagnostic
        if diagnostic.severity == .warning && options.allow.contains(diagnostic.code) { continue }
        if diagnostic.severity == .warning && (options.warningsAsErrors || options.deny.contains(diagnostic.code)) {
          diagnostic.severity = .error
        }
        // A library imported by two campaigns reports its own problems once.
        let key =
          "\(compilation.sources[diagnostic.range.file].path):\(diagnostic.range.start):\(diagnostic.code):\(diagnostic.message)"
        guard seen.insert(key).inserted else { continue }
        all.append((diagnostic, compilation.sources))
        campaignOf.append(campaign)
      }
    }
    let errors = all.count { $0.0.severity == .error }
    let warnings = all.count { $0.0.severity == .warning }
    let cap = options.maxErrors ?? (options.format == .text ? 100 : 0)
    let shown = cap == 0 ? all : Array(all.prefix(cap))
    let truncated = all.count - shown.count
    let output = driver.output
    let files = roots.map(\.path)
    // Every file read: the campaigns, then the libraries they import (a diagnostic may
    // be about one), each once.
    var read: [String] = []
    var listed: Set<String> = []
    for path in files + roots.flatMap({ $0.compilation.sources.files.map(\.path) }) {
      let clean = RepositoryPath.clean(path)
      if listed.insert(clean).inserted { read.append(clean) }
    }
    switch options.format {
    case .text:
      let renderer = TextRenderer(color: options.color ?? output.isTerminal)
      // Line tables are built once per file and per campaign, not once per diagnostic.
      var tables: [[FileID: LineTable]] = Array(repeating: [:], count: roots.count)
      for (index, (diagnostic, sources)) in shown.enumerated() {
        output.write(renderer.render(diagnostic, sources: sources, tables: &tables[campaignOf[index]]) + "\n")
      }
      if truncated > 0 {
        output.write(
          "\(truncated) more \(truncated == 1 ? "problem was" : "problems were") not shown (use `--max-errors 0` to see all)\n"
        )
      }
      if options.budget { output.write(budgetTables(budgets)) }
      // Where to read more, once, with a code from this run; above the summary, so the
      // summary stays the last line.
      if let first = shown.first {
        output.write("more about a code: `campaignc explain-code \(first.0.code)`\n")
      }
      let libraries = roots.count { $0.compilation.checkedAsLibrary }
      var line = summary(
        errors: errors, warnings: warnings, files: files.count, libraries: libraries, imported: read.count - files.count
      )
      if !notRead.isEmpty {
        line += "; \(notRead.count) \(notRead.count == 1 ? "path" : "paths") could not be read"
      }
      output.write(line + "\n")
    case .json:
      let totals = JSONRenderer.Summary(errors: errors, warnings: warnings, truncated: truncated)
      output.write(renderJSON(shown, summary: totals, files: read, notRead: notRead))
    case .github:
      output.write(GitHubRenderer.render(notRead))
      // One call for each run of a campaign's diagnostics, so its line tables are built once.
      var first = 0
      while first < shown.count {
        var end = first + 1
        while end < shown.count && campaignOf[end] == campaignOf[first] { end += 1 }
        output.write(GitHubRenderer.render(shown[first..<end].map(\.0), sources: shown[first].1))
        first = end
      }
      if truncated > 0 {
        output.write("::warning::\(truncated) more \(truncated == 1 ? "problem was" : "problems were") not shown\n")
      }
    case .sarif:
      output.write(
        SARIFRenderer.render(shown.map { ($0.0, $0.1) }, truncated: truncated, version: Help.version, notRead: notRead))
    }
    return errors > 0 ? ExitCode.inputErrors : ExitCode.success
  }

  /// `--budget`: per campaign, the worst case per channel in any 7 and 30 days.
  func budgetTables(_ budgets: [(path: String, name: String, lint: Linter.Result?)]) -> String {
    var out = ""
    for (path, name, lint) in budgets {
      guard let report = lint?.budget else {
        out += "Worst case per contact: \(path)\n  not computed: the campaign has errors\n\n"
        continue
      }
      let table = ReportTable(
        name: "budget", title: "Worst case per contact: \(path) (\"\(name)\")",
        columns: ["channel", "7d", "30d", "why"],
        rows: report.rows.map { row in
          [.text(row.channel), .text(row.sevenDays.description), .text(row.thirtyDays.description), .text(row.reason)]
        }, note: nil)
      out += table.text() + "\n"
    }
    return out
  }

  func renderJSON(
    _ shown: [(Diagnostic, SourceMap)], summary: JSONRenderer.Summary, files: [String], notRead: [ReadProblem]
  ) -> String {
    // Diagnostics from several campaigns: render each with its own sources, then merge.
    var merged = SourceMap()
    var remapped: [Diagnostic] = []
    var fileIDs: [String: FileID] = [:]
    func map(_ range: SourceRange, _ sources: SourceMap) -> SourceRange {
      let file = sources[range.file]
      let id = fileIDs[file.path] ?? merged.add(path: file.path, bytes: file.bytes).id
      fileIDs[file.path] = id
      return SourceRange(file: id, start: range.start, end: range.end)
    }
    for (diagnostic, sources) in shown {
      var copy = diagnostic
      copy.range = map(diagnostic.range, sources)
      copy.notes = diagnostic.notes.map { note in Note(note.message, at: note.range.map { map($0, sources) }) }
      remapped.append(copy)
    }
    return JSONRenderer.render(remapped, sources: merged, summary: summary, files: files, notRead: notRead)
  }

  /// `checked 2 files: no problems`; files read because a checked file imports them are
  /// mentioned (`checked 1 file (and 1 imported)`); libraries read on their own (no
  /// campaign imports them) are counted apart, since only their syntax and imports were
  /// checked.
  func summary(errors: Int, warnings: Int, files: Int, libraries: Int = 0, imported: Int = 0) -> String {
    func count(_ number: Int, _ word: String) -> String { "\(number) \(word)\(number == 1 ? "" : "s")" }
    var checked = "checked \(count(files, "file"))"
    if imported > 0 { checked += " (and \(imported) imported)" }
    if libraries > 0 {
      let which =
        libraries == files
        ? (files == 1 ? "a library" : "all libraries")
        : libraries == 1 ? "1 of them a library" : "\(libraries) of them libraries"
      checked += ", \(which) (names are checked through the campaigns that import \(libraries == 1 ? "it" : "them"))"
    }
    if errors == 0 && warnings == 0 { return "\(checked): no problems" }
    return "\(checked): \(count(errors, "error")), \(count(warnings, "warning"))"
  }
}
