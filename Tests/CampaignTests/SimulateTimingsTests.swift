import Testing

/// `simulate --timings` names every phase on standard error, once, and changes nothing
/// on standard output.
@Suite struct SimulateTimingsTests {
  func run(_ arguments: [String]) -> (Int32, String, String) { SimulateGoldenTests().run(arguments) }

  @Test func everyPhaseIsTimedOnStandardError() throws {
    let command = ["simulate", "examples/winback.campaign"] + SimulateGoldenTests.dataArguments
    let (plainStatus, plainOut, plainErr) = run(command)
    let (status, out, err) = run(command + ["--timings"])
    #expect(plainStatus == 0 && status == 0)
    #expect(out == plainOut)
    #expect(plainErr.isEmpty)
    let phases = try #require(err.split(separator: "\n").first { $0.hasPrefix("timings: ") })
    let names = phases.dropFirst("timings: ".count).split(separator: ";").map {
      $0.split(separator: " ").first.map(String.init) ?? ""
    }
    #expect(names == ["check", "contacts", "events", "grouping", "compile", "run", "report"])
  }
}
