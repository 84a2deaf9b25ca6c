import Testing

/// Golden files for what users and CI systems read: the machine formats of `check`,
/// and the trees `print` shows. Rewrite with `UPDATE_GOLDENS=1 swift test`.
@Suite struct OutputGoldenTests {
  static let files = repositoryFiles(under: "examples")

  @Test(arguments: ["json", "github", "sarif"])
  func machineFormats(format: String) {
    // A duplicate (a note at the first declaration) and a restricted attribute (a note
    // and a help line): every part of a diagnostic shows.
    for fixture in ["E0311", "E0406"] {
      let (status, output, _) = runDriver(
        ["check", "--format", format, "examples/invalid/\(fixture).campaign"], files: Self.files)
      #expect(status == 1)
      assertGolden(output, path: "Tests/CampaignTests/Goldens/\(fixture).\(format)")
    }
  }

  @Test(arguments: ["ast", "checked"])
  func printedTrees(tree: String) {
    let (status, output, _) = runDriver(["print", tree, "examples/winback.campaign"], files: Self.files)
    #expect(status == 0)
    assertGolden(output, path: "Tests/CampaignTests/Goldens/winback.\(tree).txt")
  }

  @Test func printCheckedRefusesACampaignWithErrors() {
    let (status, _, _) = runDriver(["print", "checked", "examples/invalid/E0301.campaign"], files: Self.files)
    #expect(status == 1)
  }
}
