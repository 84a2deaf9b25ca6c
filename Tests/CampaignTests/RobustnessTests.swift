import CampaignLang
import Testing

/// Any input gets diagnostics and exit 1: never a crash, a hang or exit 0.
@Suite struct RobustnessTests {
  static let hostile: [(String, [UInt8])] = {
    var cases: [(String, [UInt8])] = []
    cases.append(("empty", []))
    cases.append(("only a comment", Array("# nothing\n".utf8)))
    cases.append(("binary junk", (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }))
    cases.append(("NUL bytes", [0x63, 0x00, 0x00, 0x61]))
    cases.append(("invalid UTF-8", [0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0x0A]))
    cases.append(("BOM only", [0xEF, 0xBB, 0xBF]))
    cases.append(("CRLF junk", Array("segment\r\n=\r\n{\r\n".utf8)))
    cases.append(("100,000 nested parentheses", Array(("segment a = " + String(repeating: "(", count: 100_000)).utf8)))
    cases.append(("100,000 nested braces", Array(String(repeating: "{", count: 100_000).utf8)))
    cases.append(
      ("100,000 nested if", Array(("flow f for A {\n" + String(repeating: "if engaged {\n", count: 100_000)).utf8)))
    cases.append(("2 MB line", Array(("segment a = " + String(repeating: "x and ", count: 350_000)).utf8)))
    cases.append(("unterminated string", Array("campaign \"never closed\n".utf8)))
    cases.append(("thousands of digits", Array(("cap " + String(repeating: "9", count: 5000) + "\n").utf8)))
    cases.append(("tens of thousands of errors", Array(String(repeating: "segment = = =\n", count: 30_000).utf8)))
    cases.append(("missing closing brace", Array("campaign \"x\" {\n  owner \"y\"\n".utf8)))
    return cases
  }()

  @Test(arguments: hostile.map(\.0))
  func hostileInputGetsDiagnosticsAndExitOne(name: String) {
    let bytes = Self.hostile.first { $0.0 == name }!.1
    let files = MemoryFileSystem(bytes: ["input.campaign": bytes])
    let (status, output, _) = runDriver(["check", "input.campaign"], files: files)
    #expect(status == 1, "\(name)")
    #expect(output.contains("error["), "\(name)")
    // Output is capped: tens of thousands of errors do not flood the terminal.
    #expect(output.count < 200_000, "\(name)")
  }

  @Test func theSameInputGivesTheSameBytes() {
    let files = MemoryFileSystem(bytes: ["input.campaign": Self.hostile.last!.1 + Array(minimalCampaign.utf8)])
    let first = runDriver(["check", "input.campaign", "--format", "json"], files: files)
    let second = runDriver(["check", "input.campaign", "--format", "json"], files: files)
    #expect(first.1 == second.1)
  }
}
