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
    guard arguments.count == 2, ["ast", "checked"].contains(arguments[0]) else {
      return driver.usageError("`print` takes `ast` or `checked` and one file", command: "print")
    }
    let path = arguments[1]
    guard let bytes = driver.fileSystem.read(path) else {
      driver.output.writeError("error: cannot read `\(path)`: no such file\n")
      return ExitCode.usage
    }
    guard bytes.count <= SourceRange.maxFileSize else { return driver.tooLarge(path) }
    let compilation = driver.compile(path, bytes: bytes)
    if arguments[0] == "ast" {
      for syntax in compilation.syntax {
        if compilation.syntax.count > 1 { driver.output.write("# \(compilation.sources[syntax.file].path)\n") }
        driver.output.write(SyntaxPrinter.print(syntax))
      }
      return compilation.diagnostics.contains { $0.severity == .error } ? ExitCode.inputErrors : ExitCode.success
    }
    guard let program = compilation.program else {
      var tables: [FileID: LineTable] = [:]
      let renderer = TextRenderer(color: false)
      for diagnostic in Diagnostic.sortedForDisplay(compilation.diagnostics).prefix(100) {
        driver.output.write(renderer.render(diagnostic, sources: compilation.sources, tables: &tables) + "\n")
      }
      driver.output.write("the campaign has errors, so there is no checked program to print\n")
      return ExitCode.inputErrors
    }
    driver.output.write(CheckedPrinter.print(program))
    return ExitCode.success
  }
}
