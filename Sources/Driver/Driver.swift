import CampaignLang
import Checker
import Foundation
import Render

/// Exit codes shared by every command.
public enum ExitCode {
  public static let success: Int32 = 0
  /// The input has errors (diagnostics printed), or a test failed.
  public static let inputErrors: Int32 = 1
  /// Usage or I/O problems: unknown flag, missing file.
  public static let usage: Int32 = 2
}

/// The command line, as a library so tests can run it in-process.
public struct Driver {
  let fileSystem: any FileSystem
  let output: any Output
  let keepAlive: KeepAlive?
  /// Reads all of standard input (`campaignc fmt -`); tests pass their own.
  let standardInput: @Sendable () -> [UInt8]

  /// `keepAlive`: when given, large results are parked there instead of being freed, so a
  /// process that exits right after `run` skips tearing down its syntax trees (the same
  /// idea as a C compiler's `-disable-free`). Tests pass none.
  public init(
    fileSystem: any FileSystem = DiskFileSystem(), output: any Output, keepAlive: KeepAlive? = nil,
    standardInput: (@Sendable () -> [UInt8])? = nil
  ) {
    self.fileSystem = fileSystem
    self.output = output
    self.keepAlive = keepAlive
    self.standardInput = standardInput ?? { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
  }

  /// Runs `campaignc ARGUMENTS...` and returns the exit code.
  public func run(_ arguments: [String]) -> Int32 {
    guard let command = arguments.first else {
      // No command is a usage problem: the help goes to standard error, exit 2.
      output.writeError(Help.main)
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst())
    switch command {
    case "-h", "--help", "help":
      guard let topic = rest.first else {
        output.write(Help.main)
        return ExitCode.success
      }
      guard let text = Help.forCommand(topic) else {
        output.writeError("error: unknown command `\(topic)`\nrun `campaignc --help` to see the commands\n")
        return ExitCode.usage
      }
      output.write(text)
      return ExitCode.success
    case "--version":
      output.write("campaignc \(Help.version)\n")
      return ExitCode.success
    case "check":
      return CheckCommand(driver: self).run(rest)
    case "test":
      return TestCommand(driver: self).run(rest)
    case "explain-code":
      return ExplainCodeCommand(driver: self).run(rest)
    case "print":
      return PrintCommand(driver: self).run(rest)
    case "simulate":
      return SimulateCommand(driver: self).run(rest)
    case "explain":
      return ExplainCommand(driver: self).run(rest)
    case "fmt":
      return FmtCommand(driver: self).run(rest)
    default:
      let suggestion = Spelling.closest(to: command, among: Help.commands)
      output.writeError(
        "error: unknown command `\(command)`" + (suggestion.map { "; did you mean `\($0)`?" } ?? "")
          + "\nrun `campaignc --help` to see the commands\n")
      return ExitCode.usage
    }
  }

  /// A command's options read by `parse`; the exit status instead when the command was
  /// asked for its help (printed, exit 0) or was misused (reported, exit 2).
  func options<Options>(
    _ arguments: [String], command: String, help: String, parse: ([String]) -> Result<Options, UsageError>
  ) -> Result<Options, ExitStatus> {
    if arguments.contains("--help") || arguments.contains("-h") {
      output.write(help)
      return .failure(ExitStatus(code: ExitCode.success))
    }
    return parse(arguments).mapError { ExitStatus(code: usageError($0.message, command: command)) }
  }

  func usageError(_ message: String, command: String) -> Int32 {
    output.writeError("error: \(message)\nrun `campaignc \(command) --help` for usage\n")
    return ExitCode.usage
  }

  /// A file too large to be a campaign (over 4 GiB): an I/O problem, exit 2.
  func tooLarge(_ path: String) -> Int32 {
    report(Self.tooLarge(path))
    return ExitCode.usage
  }

  static func tooLarge(_ path: String) -> ReadProblem {
    ReadProblem(path: path, message: "`\(path)` is larger than 4 GiB; campaign files are text of a few MB at most")
  }

  /// Writes `problem` to standard error and returns it.
  @discardableResult
  func report(_ problem: ReadProblem) -> ReadProblem {
    output.writeError(problem.text)
    return problem
  }

  /// Compiles one entry file from disk; imports are confined to its folder. `folder`:
  /// where imports are read from when `path` names no file (standard input).
  func compile(_ path: String, bytes: [UInt8], from folder: String? = nil) -> Compilation {
    let slash = folder == nil ? path.lastIndex(of: "/") : nil
    let directory = folder ?? slash.map { String(path[..<$0]) } ?? "."
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    // Diagnostics name files by clean paths (`campaigns/a.campaign`, not
    // `./campaigns/a.campaign`), in every format; the file is read as named.
    let display = RepositoryPath.clean(path)
    let prefix = display.lastIndex(of: "/").map { String(display[...$0]) } ?? ""
    let root = fileSystem.resolved(directory)
    let fileSystem = self.fileSystem
    return Compiler.compile(entryPath: name, bytes: bytes, displayPrefix: prefix) { logical -> Compiler.LoadResult in
      let full = directory + "/" + logical
      let real = fileSystem.resolved(full)
      // A symbolic link may not lead out of the project folder (E0313, when it leads to
      // a file; a link to nothing is simply not found, E0312).
      guard real == root || real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
        return fileSystem.exists(full) ? .outsideProject : .missing
      }
      // An import over 4 GiB is treated as unreadable (E0312).
      guard let found = fileSystem.read(full), found.count <= SourceRange.maxFileSize else { return .missing }
      return .bytes(found)
    }
  }
}

/// Holds results until the process exits; see `Driver.init`.
public final class KeepAlive: @unchecked Sendable {
  var values: [Any] = []
  public init() {}
  func park(_ value: Any) { values.append(value) }
}
