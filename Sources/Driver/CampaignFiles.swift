import CampaignLang
import Checker
import Render

/// The campaign files a command names, as `check` and `test` read them: folders are
/// searched for .campaign files, each file is read once, and files that another named
/// file imports are libraries, handled through their importers.
enum CampaignFiles {
  /// How diagnostics and reports name standard input (`-` on the command line).
  static let standardInputName = "<stdin>"

  /// The files `paths` name, folders expanded, each once (where it is first named), and
  /// the paths that could not be read (an I/O problem, exit 2), each already reported
  /// on standard error. The rest is still read: every problem at once.
  static func expand(_ paths: [String], driver: Driver) -> (entries: [String], notRead: [ReadProblem]) {
    var entries: [String] = []
    var notRead: [ReadProblem] = []
    for path in paths {
      if path == "-" {
        entries.append(path)  // standard input
      } else if driver.fileSystem.isDirectory(path) {
        let (found, problems) = filesInFolder(path, driver: driver)
        entries += found
        notRead += problems
      } else if driver.fileSystem.exists(path) {
        entries.append(path)
      } else {
        let shown = RepositoryPath.clean(path)
        notRead.append(
          driver.report(ReadProblem(path: shown, message: "cannot read `\(shown)`: no such file or folder")))
      }
    }
    // The same file named twice (`a.campaign ./a.campaign`, a folder and a file in it, an
    // absolute and a relative path) is read once, where it is first named.
    var seenFiles: Set<String> = []
    return (entries.filter { seenFiles.insert($0 == "-" ? "-" : driver.fileSystem.resolved($0)).inserted }, notRead)
  }

  /// The .campaign files below the folder `path`, sorted, and what could not be read:
  /// a folder with none, or a symbolic link (to a file or to a folder) that leads out of
  /// it. Such a file or folder is not read: a folder names what is inside it, and a link
  /// out could read (or, for `fmt --write`, rewrite) anything. Each is reported on
  /// standard error (an I/O problem, exit 2); `fmt` then stops, `check` and `test` read
  /// the rest. A file or folder named on the command line itself is read wherever its
  /// link leads. A link to a folder inside `path` is not followed either: what it leads
  /// to is read where it is.
  static func filesInFolder(_ path: String, driver: Driver) -> (files: [String], notRead: [ReadProblem]) {
    let scan = driver.fileSystem.scan(path, suffix: ".campaign")
    let root = driver.fileSystem.resolved(path)
    let prefix = root.hasSuffix("/") ? root : root + "/"
    var notRead: [ReadProblem] = []
    let folder = RepositoryPath.clean(path)
    for link in driver.fileSystem.outside(scan.files, prefix) {
      let file = RepositoryPath.clean(link)
      notRead.append(
        driver.report(
          ReadProblem(
            path: file, message: "`\(file)` is a symbolic link that leads out of `\(folder)`, so it was not read",
            help: "copy the file into `\(folder)`, or name it on the command line to read it anyway")))
    }
    for link in driver.fileSystem.outside(scan.linkedFolders, prefix) {
      let linked = RepositoryPath.clean(link)
      notRead.append(
        driver.report(
          ReadProblem(
            path: linked,
            message: "`\(linked)` is a symbolic link to a folder outside `\(folder)`, so it was not read",
            help: "copy the folder into `\(folder)`, or name it on the command line to read it anyway")))
    }
    let files = scan.files.filter { file in !notRead.contains { $0.path == RepositoryPath.clean(file) } }
    if files.isEmpty && notRead.isEmpty {
      notRead.append(driver.report(ReadProblem(path: folder, message: "`\(folder)` holds no .campaign files")))
    }
    return (files, notRead)
  }

  /// Compiles each of `entries` that can be read; those that cannot are reported.
  static func compile(_ entries: [String], driver: Driver) -> (
    compiled: [(path: String, compilation: Compilation)], notRead: [ReadProblem]
  ) {
    var compiled: [(path: String, compilation: Compilation)] = []
    var notRead: [ReadProblem] = []
    for path in entries {
      if path == "-" {
        // Standard input is named `<stdin>`; what it imports is read from the folder
        // campaignc runs in.
        let bytes = driver.standardInput()
        guard bytes.count <= SourceRange.maxFileSize else {
          notRead.append(driver.report(Driver.tooLarge(standardInputName)))
          continue
        }
        compiled.append((standardInputName, driver.compile(standardInputName, bytes: bytes, from: ".")))
        continue
      }
      guard let bytes = driver.fileSystem.read(path) else {
        let shown = RepositoryPath.clean(path)
        notRead.append(driver.report(ReadProblem(path: shown, message: "cannot read `\(shown)`")))
        continue
      }
      guard bytes.count <= SourceRange.maxFileSize else {
        notRead.append(driver.report(Driver.tooLarge(RepositoryPath.clean(path))))
        continue
      }
      compiled.append((RepositoryPath.clean(path), driver.compile(path, bytes: bytes)))
    }
    return (compiled, notRead)
  }

  /// The campaigns among `compiled`: a file that another compiled file imports is a
  /// library (it has no campaign header of its own) unless it was named itself.
  static func roots(_ compiled: [(path: String, compilation: Compilation)], named paths: [String]) -> [(
    path: String, compilation: Compilation
  )] {
    let imported = Set(compiled.flatMap { entry in entry.compilation.sources.files.dropFirst().map(\.path) })
    let named = Set(paths.map { $0 == "-" ? standardInputName : RepositoryPath.clean($0) })
    var roots = compiled.filter { !imported.contains($0.path) || named.contains($0.path) }.map(library)
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
