import CampaignLang
import Checker

/// The campaign files a command names, as `check` and `test` read them: folders are
/// searched for .campaign files, each file is read once, and files that another named
/// file imports are libraries, handled through their importers.
enum CampaignFiles {
  /// The files `paths` name, folders expanded, each once (where it is first named), or
  /// the exit code after reporting a path that cannot be read (an I/O problem, exit 2).
  static func expand(_ paths: [String], driver: Driver) -> Result<[String], ExitStatus> {
    var entries: [String] = []
    for path in paths {
      if driver.fileSystem.isDirectory(path) {
        guard let found = filesInFolder(path, driver: driver) else {
          return .failure(ExitStatus(code: ExitCode.usage))
        }
        entries += found
      } else if driver.fileSystem.exists(path) {
        entries.append(path)
      } else {
        driver.output.writeError("error: cannot read `\(path)`: no such file or folder\n")
        return .failure(ExitStatus(code: ExitCode.usage))
      }
    }
    // The same file named twice (`a.campaign ./a.campaign`, a folder and a file in it, an
    // absolute and a relative path) is read once, where it is first named.
    var seenFiles: Set<String> = []
    return .success(entries.filter { seenFiles.insert(driver.fileSystem.resolved($0)).inserted })
  }

  /// The .campaign files below the folder `path`, sorted; nil after reporting a folder
  /// with none, or with a symbolic link (to a file or to a folder) that leads out of it.
  /// Such a file or folder is not read: a folder names what is inside it, and a link
  /// out could read (or, for `fmt --write`, rewrite) anything. Each is reported, then
  /// the command stops (an I/O problem, exit 2); a file or folder named on the command
  /// line itself is read wherever its link leads. A link to a folder inside `path` is
  /// not followed either: what it leads to is read where it is.
  static func filesInFolder(_ path: String, driver: Driver) -> [String]? {
    let scan = driver.fileSystem.scan(path, suffix: ".campaign")
    let root = driver.fileSystem.resolved(path)
    let prefix = root.hasSuffix("/") ? root : root + "/"
    let outside = driver.fileSystem.outside(scan.files, prefix)
    let outsideFolders = driver.fileSystem.outside(scan.linkedFolders, prefix)
    for file in outside {
      driver.output.writeError(
        "error: `\(file)` is a symbolic link that leads out of `\(path)`, so it was not read\n"
          + "  help: copy the file into `\(path)`, or name it on the command line to read it anyway\n")
    }
    for folder in outsideFolders {
      driver.output.writeError(
        "error: `\(folder)` is a symbolic link to a folder outside `\(path)`, so it was not read\n"
          + "  help: copy the folder into `\(path)`, or name it on the command line to read it anyway\n")
    }
    guard outside.isEmpty && outsideFolders.isEmpty else { return nil }
    guard !scan.files.isEmpty else {
      driver.output.writeError("error: `\(path)` holds no .campaign files\n")
      return nil
    }
    return scan.files
  }

  /// Compiles each of `entries`, or the exit code after reporting one that cannot be read.
  static func compile(_ entries: [String], driver: Driver) -> Result<
    [(path: String, compilation: Compilation)], ExitStatus
  > {
    var compiled: [(path: String, compilation: Compilation)] = []
    for path in entries {
      guard let bytes = driver.fileSystem.read(path) else {
        driver.output.writeError("error: cannot read `\(path)`\n")
        return .failure(ExitStatus(code: ExitCode.usage))
      }
      guard bytes.count <= SourceRange.maxFileSize else { return .failure(ExitStatus(code: driver.tooLarge(path))) }
      compiled.append((path, driver.compile(path, bytes: bytes)))
    }
    return .success(compiled)
  }

  /// The campaigns among `compiled`: a file that another compiled file imports is a
  /// library (it has no campaign header of its own) unless it was named itself.
  static func roots(_ compiled: [(path: String, compilation: Compilation)], named paths: [String]) -> [(
    path: String, compilation: Compilation
  )] {
    let imported = Set(compiled.flatMap { entry in entry.compilation.sources.files.dropFirst().map(\.path) })
    var roots = compiled.filter { !imported.contains($0.path) || paths.contains($0.path) }.map(library)
    // Files that only import each other (a cycle) have no importer outside the cycle:
    // take the first of them on its own, so the cycle is reported and nothing is skipped.
    var reached = Set(roots.flatMap { entry in entry.compilation.sources.files.map(\.path) })
    for entry in compiled where !reached.contains(entry.path) {
      roots.append(library(entry))
      reached.formUnion(entry.compilation.sources.files.map(\.path))
    }
    return roots
  }

  /// A file that is checked on its own although it is a library (no campaign header,
  /// no states, no flows: grammar.md, "Imports"), because no file of the run imports
  /// it or it was named itself: read as a library, not as a campaign missing its header.
  static func library(_ entry: (path: String, compilation: Compilation)) -> (path: String, compilation: Compilation) {
    entry.compilation.entryIsLibrary ? (entry.path, entry.compilation.asLibrary()) : entry
  }
}

extension FileSystem {
  /// Those of `paths` whose links lead out of the folder `prefix` (a resolved path ending in `/`).
  func outside(_ paths: [String], _ prefix: String) -> [String] {
    paths.filter { !resolved($0).hasPrefix(prefix) }
  }
}
