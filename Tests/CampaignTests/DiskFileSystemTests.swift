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

  /// Atomic writes keep what the file was: its permissions, and a symbolic link stays a
  /// link to the file that changes; a read-only file is refused, not replaced.
  @Test func writesKeepPermissionsAndFollowLinks() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaignc-write-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let disk = DiskFileSystem()
    func mode(_ path: String) throws -> Int {
      try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }
    let secret = folder.appendingPathComponent("secret.campaign").path
    #expect(disk.write(secret, Array("a\n".utf8)) == nil)
    try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: secret)
    #expect(disk.write(secret, Array("b\n".utf8)) == nil)
    #expect(try mode(secret) == 0o600)
    #expect(disk.read(secret) == Array("b\n".utf8))

    let link = folder.appendingPathComponent("link.campaign").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "secret.campaign")
    #expect(disk.write(link, Array("c\n".utf8)) == nil)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "secret.campaign")
    #expect(disk.read(secret) == Array("c\n".utf8))

    try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: secret)
    #expect(disk.write(secret, Array("d\n".utf8)) == "cannot write \(secret): the file is read-only")
    #expect(disk.read(secret) == Array("c\n".utf8))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["link.campaign", "secret.campaign"])
  }
}
