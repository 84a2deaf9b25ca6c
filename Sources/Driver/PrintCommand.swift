import CampaignLang
import Checker
import Render

/// `campaignc print ast|checked FILE`
struct PrintCommand {
  let driver: Driver

  func run(_ arguments: [String]) -> Int32 {
    if arguments.contains("--help") || arguments.contains("-h") {
      driver.output.write(Help.printTree)
      return ExitCode.success
    }
    // `--color` colours the diagnostics (on standard error; off by default).
    let color = arguments.last { Arguments.colorSwitches.contains($0) } == "--color"
    let arguments = arguments.filter { !Arguments.colorSwitches.contains($0) }
    guard arguments.count == 2, ["ast", "checked"].contains(arguments[0]) else {
      return driver.usageError("`print` takes `ast` or `checked` and one file", command: "print")
    }
    let path = arguments[1]
    if driver.fileSystem.isDirectory(path) {
      return driver.usageError("`\(path)` is a folder; `print` takes one .campaign file", command: "print")
    }
    guard let bytes = driver.fileSystem.read(path) else {
      driver.output.writeError("error: cannot read `\(path)`: no such file\n")
      return ExitCode.usage
    }
    guard bytes.count <= SourceRange.maxFileSize else { return driver.tooLarge(path) }
    let compilation = driver.compile(path, bytes: bytes)
    // A file that does not read as a tree (syntax errors, an import that cannot be read)
    // is reported by those errors alone: the checker has nothing reliable to say about
    // a tree the parser had to patch, and `check` shows everything.
    let reading = Array(compilation.readingDiagnostics)
    let readingFailed = reading.contains { $0.severity == .error }
    if arguments[0] == "ast" {
      for syntax in compilation.syntax {
        if compilation.syntax.count > 1 { driver.output.write("# \(compilation.sources[syntax.file].path)\n") }
        driver.output.write(SyntaxPrinter.print(syntax))
      }
      // The tree is printed even when the file has errors (the parser recovered what it
      // could); the errors go to standard error so the tree stays clean to read or diff.
      // The checker's errors are not shown: the tree is what was asked for.
      report(reading, compilation.sources, color: color)
      return readingFailed ? ExitCode.inputErrors : ExitCode.success
    }
    guard let program = compilation.program else {
      report(readingFailed ? reading : compilation.diagnostics, compilation.sources, color: color)
      driver.output.writeError("the campaign has errors, so there is no checked program to print\n")
      return ExitCode.inputErrors
    }
    driver.output.write(CheckedPrinter.print(program))
    return ExitCode.success
  }

  /// Writes `diagnostics` to standard error, in display order, at most 100.
  func report(_ diagnostics: [Diagnostic], _ sources: SourceMap, color: Bool) {
    let problems = Diagnostic.sortedForDisplay(diagnostics)
    var tables: [FileID: LineTable] = [:]
    let renderer = TextRenderer(color: color)
    for diagnostic in problems.prefix(100) {
      driver.output.writeError(renderer.render(diagnostic, sources: sources, tables: &tables) + "\n")
    }
    if problems.count > 100 { driver.output.writeError("\(problems.count - 100) more problems were not shown\n") }
  }
}
