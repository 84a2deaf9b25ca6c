import Driver
import Foundation
import Testing

/// The driver on the real disk, as the command line runs it: FixtureGoldenTests reads
/// the fixtures into memory, so this checks that the disk gives the same bytes, and
/// that a symbolic link cannot carry an import out of the project folder.
@Suite struct DiskFileSystemTests {
  static func runOnDisk(_ arguments: [String]) -> (Int32, String, String) {
    let output = BufferOutput()
    let status = Driver(fileSystem: DiskFileSystem(), output: output).run(arguments)
    return (status, output.standardOutput, output.standardError)
  }

  @Test(arguments: repositoryFileNames(in: "examples/invalid", suffix: ".campaign"))
  func fixtureOnDiskGivesItsGoldenOutput(name: String) throws {
    // An absolute path, so the test does not depend on the working directory; the
    // output then names the file by that path, which is cut back to the relative path
    // `scripts/check-invalid-fixtures.sh` uses.
    let root = repositoryRoot.path + "/"
    let (status, output, _) = Self.runOnDisk(["check", "--no-color", root + "examples/invalid/" + name])
    #expect(status == (name.hasPrefix("W") ? 0 : 1))
    var trimmed = Substring(output.replacingOccurrences(of: root, with: ""))
    while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
    let golden = repositoryRoot.appendingPathComponent(
      "examples/invalid/" + name.dropLast(".campaign".count) + ".expected")
    let expected = String(decoding: try #require(FileManager.default.contents(atPath: golden.path)), as: UTF8.self)
    #expect(String(trimmed) + "\n" == expected, "\(name)")
  }

  @Test func symbolicLinksMayNotLeadOutOfTheProject() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("campaignc-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: base) }
    let project = base.appendingPathComponent("project")
    let lib = project.appendingPathComponent("lib")
    try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
    let schema = "contact {\n  id string key\n}\n"
    try Data(schema.utf8).write(to: base.appendingPathComponent("outside.campaign"))
    try Data(schema.utf8).write(to: lib.appendingPathComponent("schema.campaign"))
    try FileManager.default.createSymbolicLink(
      at: lib.appendingPathComponent("inside.campaign"),
      withDestinationURL: lib.appendingPathComponent("schema.campaign"))
    try FileManager.default.createSymbolicLink(
      at: lib.appendingPathComponent("escape.campaign"),
      withDestinationURL: base.appendingPathComponent("outside.campaign"))
    let body = "campaign \"T\" { owner \"x\" }\nstates {\n  initial A\n}\n"
    try Data(("import \"lib/inside.campaign\"\n" + body).utf8).write(to: project.appendingPathComponent("ok.campaign"))
    try Data(("import \"lib/escape.campaign\"\n" + body).utf8).write(to: project.appendingPathComponent("bad.campaign"))

    let (okStatus, okOutput, _) = Self.runOnDisk([
      "check", "--no-color", project.appendingPathComponent("ok.campaign").path,
    ])
    #expect(okStatus == 0, "\(okOutput)")
    let (badStatus, badOutput, _) = Self.runOnDisk(
      ["check", "--no-color", project.appendingPathComponent("bad.campaign").path])
    #expect(badStatus == 1)
    #expect(badOutput.contains("error[E0313]"), "\(badOutput)")
    #expect(!badOutput.contains("error[E0312]"), "\(badOutput)")
  }
}
