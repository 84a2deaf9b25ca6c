import Driver
import Foundation
import Testing

/// `simulate` against the independent references in ../shared/bench (the DuckDB and
/// Python implementations agree on these oracles byte for byte). The data comes from
/// the seeded generator, so nothing large is kept in the repository.
@Suite struct ReferenceAgreementTests {
  static let bench = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench")

  /// This process's folder for the generated data.
  static var smallFolder: URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("campaignc-bench-small-\(getpid())")
  }

  /// Generates the small data set once per test run, into a temporary folder that goes
  /// when the test process ends.
  static let smallData: URL? = {
    let generator = bench.appendingPathComponent("gen.py")
    guard FileManager.default.fileExists(atPath: generator.path) else { return nil }
    let folder = smallFolder
    atexit { try? FileManager.default.removeItem(at: ReferenceAgreementTests.smallFolder) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", generator.path, "--scale", "small", "--out", folder.path]
    process.standardOutput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return process.terminationStatus == 0 ? folder : nil
  }()

  /// The benchmark kit sits beside the repository (`../shared/bench`), not in a clone:
  /// without it these tests are skipped, and say why.
  static let kitIsPresent = FileManager.default.fileExists(atPath: bench.appendingPathComponent("gen.py").path)
  static let kitMissing: Comment =
    "the benchmark kit is not at ../shared/bench beside the repository (gen.py and oracle/)"

  @Test(.enabled(if: ReferenceAgreementTests.kitIsPresent, ReferenceAgreementTests.kitMissing))
  func theSnapshotMatchesTheSmallOracle() throws {
    let data = try #require(ReferenceAgreementTests.smallData, "gen.py did not run")
    let output = BufferOutput()
    let status = Driver(fileSystem: DiskFileSystem(), output: output).run([
      "simulate", repositoryRoot.appendingPathComponent("examples/bench/winback-snapshot.campaign").path,
      "--contacts", data.appendingPathComponent("contacts.csv").path,
      "--events", data.appendingPathComponent("events.csv").path,
      "--from", "2025-06-30", "--to", "2026-06-30", "--by", "tier", "--format", "csv",
    ])
    #expect(status == 0, "\(output.standardError)")
    // The first table is the final states: the oracle's rows under its own header.
    let table = output.standardOutput.components(separatedBy: "\n\n")[0]
      .split(separator: "\n").dropFirst().joined(separator: "\n")
      .replacingOccurrences(of: "engagement_sum", with: "score_sum")
    let oracle = try String(
      contentsOf: ReferenceAgreementTests.bench.appendingPathComponent("oracle/small.txt"), encoding: .utf8)
    #expect(table + "\n" == oracle)
  }

  @Test(.enabled(if: ReferenceAgreementTests.kitIsPresent, ReferenceAgreementTests.kitMissing))
  func theJourneyMatchesTheSmallOracle() throws {
    let data = try #require(ReferenceAgreementTests.smallData, "gen.py did not run")
    let output = BufferOutput()
    let status = Driver(fileSystem: DiskFileSystem(), output: output).run([
      "simulate", repositoryRoot.appendingPathComponent("examples/bench/winback-journey.campaign").path,
      "--contacts", data.appendingPathComponent("contacts.csv").path,
      "--events", data.appendingPathComponent("events.csv").path,
      "--from", "2025-06-30", "--to", "2026-06-30", "--format", "csv",
    ])
    #expect(status == 0, "\(output.standardError)")
    // The canonical form is made by the same script the benchmark uses.
    let report = data.appendingPathComponent("journey-report.csv")
    try output.standardOutput.write(to: report, atomically: true, encoding: .utf8)
    let process = Process()
    let pipe = Pipe()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", repositoryRoot.appendingPathComponent("scripts/journey-canonical.py").path, report.path,
    ]
    process.standardOutput = pipe
    try process.run()
    let canonical = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    let oracle = try String(
      contentsOf: ReferenceAgreementTests.bench.appendingPathComponent("oracle/journey-small.txt"), encoding: .utf8)
    #expect(canonical == oracle)
  }
}
