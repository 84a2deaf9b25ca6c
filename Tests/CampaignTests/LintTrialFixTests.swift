import Testing

/// Findings from a user trial of the lints, one test (or more) each: what was reported
/// wrongly, twice, or not at all.
@Suite struct LintTrialFixTests {
  static func check(_ text: String, files extra: [String: String] = [:], _ options: [String] = []) -> String {
    var files = extra
    files["lint.campaign"] = text
    return runDriver(["check", "--no-color"] + options + ["lint.campaign"], files: MemoryFileSystem(files)).1
  }

  static func count(_ code: String, in output: String) -> Int {
    output.components(separatedBy: "[\(code)]").count - 1
  }

  // MARK: - W0303: every overlapping pair

  @Test func everyOverlappingPersonaPairIsReported() {
    let personas = (1...3).map { "segment p\($0) = ltv >= \($0 * 100) {\n  offer \"P\($0)\"\n}\n" }.joined()
    let output = Self.check(LintCommandTests.clean + personas)
    #expect(Self.count("W0303", in: output) == 3, "\(output)")
    let pairs = ["`p1` and `p2`", "`p1` and `p3`", "`p2` and `p3`"]
    let positions = pairs.map { output.range(of: "personas \($0) can both match")?.lowerBound }
    #expect(positions.allSatisfy { $0 != nil }, "\(output)")
    #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "in declared order")
  }

  /// `maxOverlapsPerPersona` in the lints.
  static let maxOverlaps = 5

  @Test func overlapsOfOnePersonaAreCappedWithACount() {
    let count = Self.maxOverlaps + 3
    let personas = (0...count).map { "segment p\($0) = ltv >= \($0) {\n  offer \"P\($0)\"\n}\n" }.joined()
    let output = Self.check(LintCommandTests.clean + personas, ["--max-errors", "0"])
    let last = "p\(count)"
    #expect(output.components(separatedBy: "and `\(last)` can both match").count - 1 == Self.maxOverlaps)
    #expect(output.contains("3 more declared before `\(last)` can match with it too: `p5`, `p6`, `p7`"), "\(output)")
  }
}
