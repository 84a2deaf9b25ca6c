import Driver
import Testing

/// Smaller findings of a user trial: wording, a note in `fmt --diff`, colour switches,
/// `check -`.
@Suite struct TrialDriverSmallFixTests {
  static let broken = minimalCampaign + "segment s = ltvv > 1\n"

  /// Runs the driver with `input` as standard input.
  static func run(_ arguments: [String], input: String, files: MemoryFileSystem = MemoryFileSystem([:])) -> (
    Int32, String, String
  ) {
    let output = BufferOutput()
    let bytes = Array(input.utf8)
    let status = Driver(fileSystem: files, output: output, standardInput: { bytes }).run(arguments)
    return (status, output.standardOutput, output.standardError)
  }

  @Test func w0404HelpHasNoArticleToGetWrong() {
    let files = repositoryFiles(under: "examples/invalid")
    let (_, output, _) = runDriver(["check", "--no-color", "examples/invalid/W0404.campaign"], files: files)
    #expect(output.contains("declare the event that shows a message on `push` worked"), "\(output)")
  }

  @Test func fmtDiffSaysTheByteOrderMarkIsRemoved() {
    let files = MemoryFileSystem(bytes: ["bom.campaign": [0xEF, 0xBB, 0xBF] + Array(minimalCampaign.utf8)])
    let (status, output, _) = runDriver(["fmt", "--diff", "bom.campaign"], files: files)
    #expect(status == 1)
    #expect(output.hasPrefix("bom.campaign\n(its byte-order mark is removed)\n"), "\(output)")
  }

  /// Every command that prints diagnostics takes `--color` and `--no-color`.
  @Test func everyCommandThatPrintsDiagnosticsTakesTheColourSwitches() {
    let files = MemoryFileSystem(["bad.campaign": Self.broken])
    let red = "\u{1B}[1;31m"
    for command in [
      ["test"], ["fmt", "--check"], ["print", "checked"], ["explain", "--contact", "c1"], ["simulate"],
    ] {
      let extra = ["--contacts", "c.csv", "--events", "e.csv"]
      let data = command[0] == "explain" || command[0] == "simulate" ? extra : []
      let (plain, plainOut, plainErr) = runDriver(command + ["--no-color", "bad.campaign"] + data, files: files)
      #expect(plain != 2 || !plainErr.contains("unknown option"), "\(command): \(plainErr)")
      #expect(!(plainOut + plainErr).contains(red), "\(command)")
      let (_, colourOut, colourErr) = runDriver(command + ["--color", "bad.campaign"] + data, files: files)
      if command[0] != "fmt" {  // bad.campaign parses: fmt shows no diagnostics
        #expect((colourOut + colourErr).contains(red), "\(command): \(colourOut)\(colourErr)")
      }
      #expect(!colourErr.contains("unknown option"), "\(command): \(colourErr)")
    }
  }

  @Test func checkReadsStandardInput() {
    let (status, output, errors) = Self.run(["check", "--no-color", "-"], input: Self.broken)
    #expect(status == 1, "\(errors)")
    #expect(output.hasPrefix("<stdin>:30:13: error[E0301]"), "\(output)")
    let (_, sarif, _) = Self.run(["check", "--format", "sarif", "-"], input: Self.broken)
    #expect(sarif.contains("\"uri\": \"%3Cstdin%3E\""), "\(sarif)")
    let (testStatus, tested, _) = Self.run(["test", "-"], input: minimalCampaign)
    #expect(testStatus == 0)
    #expect(tested.hasPrefix("<stdin>: no test blocks\n"), "\(tested)")
  }
}
