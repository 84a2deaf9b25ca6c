import CampaignLang
import Foundation
import Testing

/// Every diagnostic code has documentation and a fixture, and the generated reference
/// (docs/diagnostics.md) is up to date.
@Suite struct CatalogueCoverageTests {
  /// Every code the sources declare, read from DiagnosticCode.swift, so a code added
  /// there without an entry fails here.
  static let declaredCodes: [String] = {
    let path = repositoryRoot.appendingPathComponent("Sources/CampaignLang/DiagnosticCode.swift").path
    let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    var codes: [String] = []
    var rest = Substring(text)
    while let start = rest.range(of: "DiagnosticCode(\"") {
      rest = rest[start.upperBound...]
      guard let end = rest.firstIndex(of: "\"") else { break }
      codes.append(String(rest[..<end]))
      rest = rest[end...]
    }
    return codes
  }()

  @Test func everyDeclaredCodeIsFound() {
    #expect(Self.declaredCodes.count >= 50)
    #expect(Set(Self.declaredCodes).count == Self.declaredCodes.count, "a code is declared twice")
  }

  @Test(arguments: declaredCodes)
  func codeIsDocumented(code: String) throws {
    let entry = try #require(DiagnosticCatalogue.entry(for: DiagnosticCode(code)), "\(code) has no catalogue entry")
    for (field, text) in [
      ("name", entry.name), ("title", entry.title), ("explanation", entry.explanation), ("wrong", entry.wrong),
      ("corrected", entry.corrected),
    ] {
      #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(code) has an empty \(field)")
    }
    #expect(entry.wrong != entry.corrected, "\(code): the corrected example is the wrong one")
  }

  @Test(arguments: declaredCodes)
  func codeHasAFixtureThatGivesIt(code: String) {
    let golden = repositoryRoot.appendingPathComponent("examples/invalid/\(code).expected").path
    let text = FileManager.default.contents(atPath: golden).map { String(decoding: $0, as: UTF8.self) }
    #expect(text?.contains("[\(code)]") == true, "examples/invalid/\(code).campaign must exist and give \(code)")
  }

  @Test func catalogueHasNoEntryWithoutACode() {
    let entries = DiagnosticCatalogue.entries.map(\.code.rawValue)
    #expect(entries.sorted() == Self.declaredCodes.sorted())
  }

  @Test func diagnosticsReferenceIsGeneratedFromTheCatalogue() {
    let (status, markdown, _) = runDriver(["explain-code", "--markdown"], files: MemoryFileSystem([:]))
    #expect(status == 0)
    assertGolden(markdown, path: "docs/diagnostics.md")
  }

  @Test func explainCodePrintsAnEntryAndRejectsUnknownCodes() {
    let (status, text, _) = runDriver(["explain-code", "E0301"], files: MemoryFileSystem([:]))
    #expect(status == 0)
    #expect(text.contains(DiagnosticCatalogue.entry(for: DiagnosticCode("E0301"))!.title))
    let (unknown, _, error) = runDriver(["explain-code", "E9999"], files: MemoryFileSystem([:]))
    #expect(unknown == 2)
    #expect(error.contains("E9999"))
  }
}
