import CampaignLang
import Formatter
import Render

/// `campaignc fmt [--write | --check | --diff] FILE|DIR|-...` (`--diff` implies `--check`)
struct FmtCommand {
  let driver: Driver

  enum Mode {
    /// Print the formatted text to standard output.
    case print
    /// Rewrite the files that change (atomically).
    case write
    /// List the files that would change; with `diff`, show how. `--diff` alone is this
    /// mode too: a diff is only ever shown instead of changing anything.
    case check(diff: Bool)
  }

  struct Options {
    var paths: [String] = []
    var mode = Mode.print
    /// `--color`: parse errors (on standard error) in colour; off by default.
    var color = false
  }

  func parse(_ arguments: [String]) -> Result<Options, UsageError> {
    var options = Options()
    var write = false
    var check = false
    var diff = false
    for argument in arguments {
      switch argument {
      case "--write", "-w": write = true
      case "--check": check = true
      case "--diff": diff = true
      case "--color": options.color = true
      case "--no-color": options.color = false
      default:
        if argument.hasPrefix("-") && argument != "-" {
          let hint =
            Spelling.closest(to: argument, among: ["--write", "--check", "--diff", "--color", "--no-color"]).map {
              "; did you mean `\($0)`?"
            } ?? ""
          return .failure(UsageError("unknown option `\(argument)`\(hint)"))
        }
        options.paths.append(argument)
      }
    }
    if write && (check || diff) {
      return .failure(UsageError("`--write` cannot be combined with `--check` or `--diff`"))
    }
    if options.paths.isEmpty { return .failure(UsageError("`fmt` needs at least one file or folder (or `-`)")) }
    if write && options.paths.contains("-") {
      return .failure(UsageError("`--write` cannot rewrite standard input; leave it out to print the result"))
    }
    options.mode = write ? .write : check || diff ? .check(diff: diff) : .print
    return .success(options)
  }

  func run(_ arguments: [String]) -> Int32 {
    let options: Options
    switch driver.options(arguments, command: "fmt", help: Help.fmt, parse: parse) {
    case .success(let parsed): options = parsed
    case .failure(let status): return status.code
    }
    var entries: [String] = []
    for path in options.paths {
      if path == "-" {
        entries.append(path)
      } else if driver.fileSystem.isDirectory(path) {
        // fmt may write: it stops at a folder it cannot read whole.
        let (found, notRead) = CampaignFiles.filesInFolder(path, driver: driver)
        guard notRead.isEmpty else { return ExitCode.usage }
        entries += found
      } else if driver.fileSystem.exists(path) {
        entries.append(path)
      } else {
        driver.output.writeError("error: cannot read `\(path)`: no such file or folder\n")
        return ExitCode.usage
      }
    }
    var seen: Set<String> = []
    entries = entries.filter { $0 == "-" || seen.insert(driver.fileSystem.resolved($0)).inserted }
    var status = ExitCode.success
    for path in entries {
      let bytes: [UInt8]
      if path == "-" {
        bytes = driver.standardInput()
      } else {
        guard let read = driver.fileSystem.read(path) else {
          driver.output.writeError("error: cannot read `\(path)`\n")
          return ExitCode.usage
        }
        bytes = read
      }
      guard bytes.count <= SourceRange.maxFileSize else { return driver.tooLarge(path) }
      let result = format(path == "-" ? "<stdin>" : path, bytes, options.mode, color: options.color)
      if result == ExitCode.usage { return result }
      status = max(status, result)
    }
    return status
  }

  /// Formats one file in `mode`; the exit code for it.
  func format(_ path: String, _ bytes: [UInt8], _ mode: Mode, color: Bool = false) -> Int32 {
    var sources = SourceMap()
    let file = sources.add(path: path, bytes: bytes)
    let output = driver.output
    switch CampaignFormatter.format(file) {
    case .doesNotParse(let diagnostics):
      report(diagnostics, sources, color: color)
      output.writeError("error: `\(path)` does not parse, so it was not formatted\n")
      return ExitCode.inputErrors
    case .refused(let reason):
      output.writeError(
        "error: refusing to format `\(path)`: \(reason); the file is left as it was (this is a bug in campaignc fmt)\n"
      )
      return ExitCode.inputErrors
    case .formatted(let text):
      let original = String(decoding: bytes, as: UTF8.self)
      let changed = Array(text.utf8) != bytes
      switch mode {
      case .print:
        output.write(text)
        return ExitCode.success
      case .check(let diff):
        guard changed else { return ExitCode.success }
        output.write(path + "\n")
        guard diff else { return ExitCode.inputErrors }
        // Changes a diff cannot show: the lines would look the same.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { output.write("(its byte-order mark is removed)\n") }
        if bytes.contains(UInt8(ascii: "\r")) { output.write("(its CR or CRLF line ends become LF)\n") }
        output.write(UnifiedDiff.diff(old: original, new: text, path: path))
        return ExitCode.inputErrors
      case .write:
        guard changed else { return ExitCode.success }
        if let problem = driver.fileSystem.write(path, Array(text.utf8)) {
          output.writeError("error: \(problem)\n")
          return ExitCode.usage
        }
        output.write("formatted \(path)\n")
        return ExitCode.success
      }
    }
  }

  /// A file's parse errors, rendered as `check` renders them, on standard error.
  func report(_ diagnostics: [Diagnostic], _ sources: SourceMap, color: Bool) {
    var tables: [FileID: LineTable] = [:]
    let renderer = TextRenderer(color: color)
    let sorted = Diagnostic.sortedForDisplay(diagnostics)
    for diagnostic in sorted.prefix(100) {
      driver.output.writeError(renderer.render(diagnostic, sources: sources, tables: &tables) + "\n")
    }
    if sorted.count > 100 { driver.output.writeError("\(sorted.count - 100) more problems were not shown\n") }
  }
}
