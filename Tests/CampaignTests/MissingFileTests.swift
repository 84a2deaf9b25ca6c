import Testing

/// `check` reports every problem at once: a missing file does not stop the others.
@Suite struct MissingFileTests {
  @Test func aMissingFileIsReportedAndTheOthersAreChecked() {
    let files = MemoryFileSystem(["bad.campaign": minimalCampaign + "segment s = ltvv > 1\n"])
    let (status, out, err) = runDriver(["check", "nope.campaign", "bad.campaign"], files: files)
    #expect(status == 2)
    #expect(err == "error: cannot read `nope.campaign`: no such file or folder\n")
    #expect(out.contains("error[E0301]"), "\(out)")
  }
}
