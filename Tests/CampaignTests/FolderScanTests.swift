import Driver
import Foundation
import Testing

/// What a command reads when it is given a folder: the .campaign files below it, never
/// through a symbolic link that leads out of it.
@Suite struct FolderScanTests {
  /// A temporary folder, removed when `body` returns.
  static func withTemporaryFolder(_ body: (URL) throws -> Void) throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("campaignc-scan-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: base) }
    try body(base)
  }

  /// A link to a folder outside is reported as a linked file is (not read, exit 2), by
  /// every command that reads folders; named itself, it is read.
  @Test func aLinkedFolderThatLeadsOutIsReported() throws {
    try Self.withTemporaryFolder { base in
      let files = FileManager.default
      let project = base.appendingPathComponent("project")
      let shared = base.appendingPathComponent("shared")
      try files.createDirectory(at: project, withIntermediateDirectories: true)
      try files.createDirectory(at: shared, withIntermediateDirectories: true)
      try Data(minimalCampaign.utf8).write(to: project.appendingPathComponent("main.campaign"))
      try Data(minimalCampaign.utf8).write(to: shared.appendingPathComponent("other.campaign"))
      try files.createSymbolicLink(
        atPath: project.appendingPathComponent("linked").path, withDestinationPath: "../shared")
      for arguments in [["check", "--no-color"], ["test"], ["fmt", "--check"]] {
        let (status, output, errors) = DiskFileSystemTests.runOnDisk(arguments + [project.path])
        #expect(status == 2, "\(arguments): \(output)\(errors)")
        #expect(
          errors.contains(
            "error: `\(project.path)/linked` is a symbolic link to a folder outside `\(project.path)`, so it was not read\n"
          ), "\(arguments): \(errors)")
        #expect(!output.contains("other.campaign") && !errors.contains("other.campaign"), "\(output)\(errors)")
      }
      // Named on the command line, the linked folder is read where it leads.
      let (status, output, errors) = DiskFileSystemTests.runOnDisk([
        "check", "--no-color", project.appendingPathComponent("linked").path,
      ])
      #expect(status == 0, "\(output)\(errors)")
      #expect(output.contains("checked 1 file"), "\(output)")
    }
  }

  /// A link to a folder inside the scanned folder is not followed: its files are read
  /// where they are, once.
  @Test func aLinkedFolderInsideIsNotReadTwice() throws {
    try Self.withTemporaryFolder { base in
      let files = FileManager.default
      let real = base.appendingPathComponent("real")
      try files.createDirectory(at: real, withIntermediateDirectories: true)
      try Data(minimalCampaign.utf8).write(to: real.appendingPathComponent("main.campaign"))
      try files.createSymbolicLink(atPath: base.appendingPathComponent("alias").path, withDestinationPath: "real")
      let (status, output, errors) = DiskFileSystemTests.runOnDisk(["check", "--no-color", base.path])
      #expect(status == 0, "\(output)\(errors)")
      #expect(output.contains("checked 1 file"), "\(output)")
    }
  }

  /// Hidden folders (`.campaignc`, the checkout docs/ci.md's recipe makes) and
  /// `node_modules` are not scanned, by any command; named, they are read.
  @Test func hiddenFoldersAndNodeModulesAreSkipped() throws {
    try Self.withTemporaryFolder { base in
      let files = FileManager.default
      let broken = minimalCampaign + "segment s = ltvv > 1\n"
      for folder in [".campaignc/examples", "node_modules/pkg", "campaigns"] {
        try files.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
      }
      try Data(broken.utf8).write(to: base.appendingPathComponent(".campaignc/examples/x.campaign"))
      try Data(broken.utf8).write(to: base.appendingPathComponent("node_modules/pkg/y.campaign"))
      try Data(minimalCampaign.utf8).write(to: base.appendingPathComponent("campaigns/ok.campaign"))
      for arguments in [["check", "--no-color"], ["test"], ["fmt", "--check"]] {
        let (status, output, errors) = DiskFileSystemTests.runOnDisk(arguments + [base.path])
        #expect(status == 0, "\(arguments): \(output)\(errors)")
        #expect(!output.contains("x.campaign") && !output.contains("y.campaign"), "\(arguments): \(output)")
      }
      let (status, output, _) = DiskFileSystemTests.runOnDisk([
        "check", "--no-color", base.appendingPathComponent(".campaignc").path,
      ])
      #expect(status == 1, "\(output)")
      #expect(output.contains("x.campaign"), "\(output)")
    }
    // The same rule on any file system.
    let memory = MemoryFileSystem([
      "repo/.git/a.campaign": "broken",
      "repo/web/node_modules/b.campaign": "broken",
      "repo/c.campaign": minimalCampaign,
    ])
    let (status, output, _) = runDriver(["check", "--no-color", "repo"], files: memory)
    #expect(status == 0, "\(output)")
    #expect(output.hasSuffix("checked 1 file: 0 errors, 1 warning\n"), "\(output)")
  }
}
