import Testing

/// Every fixture in examples/invalid/ fails (or, for a warning, warns) with exactly its golden output, as
/// `campaignc check --no-color FIXTURE` prints it from the repository root (the same
/// bytes `scripts/check-invalid-fixtures.sh` compares in CI).
@Suite struct FixtureGoldenTests {
  static let fixtures = repositoryFileNames(in: "examples/invalid", suffix: ".campaign")
  static let files = repositoryFiles(under: "examples")

  @Test func thereIsAFixtureForEveryCatalogueEntry() {
    #expect(Self.fixtures.count >= 50)
  }

  @Test(arguments: fixtures)
  func fixtureGivesItsGoldenOutput(name: String) {
    let path = "examples/invalid/" + name
    let (status, output, _) = runDriver(["check", "--no-color", path], files: Self.files)
    // Warnings alone do not fail a check: a warning fixture exits 0.
    #expect(status == (name.hasPrefix("W") ? 0 : 1))
    // The script captures stdout with `$(...)`, which drops trailing line breaks, and
    // writes it back with one.
    var trimmed = Substring(output)
    while trimmed.hasSuffix("\n") { trimmed = trimmed.dropLast() }
    assertGolden(String(trimmed) + "\n", path: "examples/invalid/" + name.dropLast(".campaign".count) + ".expected")
  }

  @Test func validExamplesCheckClean() {
    let examples =
      repositoryFileNames(in: "examples", suffix: ".campaign")
      + repositoryFileNames(in: "examples/bench", suffix: ".campaign").map { "bench/" + $0 }
    #expect(examples.count >= 6)
    for name in examples {
      let (status, output, _) = runDriver(["check", "--no-color", "examples/" + name], files: Self.files)
      #expect(status == 0, "\(name): \(output)")
      #expect(output == "checked 1 file: no problems\n", "\(name)")
    }
  }
}
