import Driver
import Render
import Testing

/// `--format github` and `--format sarif` name files by clean paths, as GitHub matches
/// them against the repository (`./x`, `a/../b` and `a//b` match nothing), however the
/// user named the file or its folder; SARIF names campaignc's version.
@Suite struct CIPathTests {
  /// The repository's examples as the disk file system lists a folder: below the
  /// folder exactly as it was written (`./examples/invalid/E0311.campaign`).
  struct SpelledFileSystem: FileSystem {
    let base = repositoryFiles(under: "examples")
    func read(_ path: String) -> [UInt8]? { base.read(path) }
    func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }
    func exists(_ path: String) -> Bool { base.exists(path) }
    func files(under directory: String, suffix: String) -> [String] {
      let prefix = base.normalize(directory) + "/"
      return base.files(under: directory, suffix: suffix).map { directory + "/" + $0.dropFirst(prefix.count) }
    }
    func resolved(_ path: String) -> String { base.resolved(path) }
    func write(_ path: String, _ bytes: [UInt8]) -> String? { "read-only" }
  }

  static func check(_ arguments: [String]) -> String {
    let output = BufferOutput()
    _ = Driver(fileSystem: SpelledFileSystem(), output: output).run(["check"] + arguments)
    return output.standardOutput
  }

  @Test(arguments: [
    "a.campaign", "./a.campaign", "././a.campaign", "lib/../a.campaign", "lib//./../a.campaign", "x/y/../../a.campaign",
  ])
  func relativePathsAreCleaned(path: String) {
    #expect(RepositoryPath.clean(path) == "a.campaign")
  }

  @Test func edgeCases() {
    #expect(RepositoryPath.clean("../shared/a.campaign") == "../shared/a.campaign")
    #expect(RepositoryPath.clean("lib/../../a.campaign") == "../a.campaign")
    #expect(RepositoryPath.clean("/repo/./lib/../a.campaign") == "/repo/a.campaign")
    #expect(RepositoryPath.clean("/../a.campaign") == "/a.campaign")
    #expect(RepositoryPath.clean("./") == ".")
    #expect(RepositoryPath.clean("campaigns/") == "campaigns")
  }

  @Test(arguments: ["github", "sarif"])
  func filesAndFoldersNamedWithDotsGiveTheCleanPaths(format: String) {
    let clean = Self.check(["--format", format, "examples/invalid/E0311.campaign"])
    #expect(clean.contains("examples/invalid/E0311.campaign"))
    for spelling in [
      "./examples/invalid/E0311.campaign", "examples/./invalid//E0311.campaign",
      "examples/lib/../invalid/E0311.campaign",
    ] {
      #expect(Self.check(["--format", format, spelling]) == clean, "\(spelling)")
    }
    // A folder: its files are listed below the folder as written.
    let folder = Self.check(["--format", format, "./examples/invalid/lib"])
    #expect(folder == Self.check(["--format", format, "examples/invalid/lib"]))
    #expect(!folder.contains("./") && !folder.contains("/.."))
  }

  @Test func sarifNamesTheVersionThatVersionPrints() throws {
    let output = BufferOutput()
    _ = Driver(fileSystem: SpelledFileSystem(), output: output).run(["--version"])
    let version = try #require(output.standardOutput.split(separator: " ").last?.dropLast())
    let sarif = Self.check(["--format", "sarif", "examples/invalid/E0311.campaign"])
    #expect(sarif.contains("\"version\": \"\(version)\",\n          \"semanticVersion\": \"\(version)\""))
  }
}
