import CampaignLang
import Formatter
import Foundation
import Parser
import Testing

/// grammar.md stays in step with the parser: every ```campaign block in it parses
/// without a diagnostic. (Snippets name things declared in other snippets, so they are
/// parsed, not checked; the examples/ campaigns are checked in full elsewhere.) Every
/// such block in grammar.md and the README is in the canonical layout (§9), so what
/// readers copy is what `campaignc fmt` writes.
@Suite struct GrammarSnippetTests {
  struct Snippet: CustomTestStringConvertible, Sendable {
    var line: Int
    var text: String
    var document = "grammar.md"
    var testDescription: String { "\(document) line \(line)" }
  }

  static let snippets: [Snippet] = snippets(in: "grammar.md")

  static func snippets(in document: String) -> [Snippet] {
    let path = repositoryRoot.appendingPathComponent(document).path
    let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    var snippets: [Snippet] = []
    var current: Snippet? = nil
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if current == nil, line == "```campaign" {
        current = Snippet(line: number + 1, text: "", document: document)
      } else if var snippet = current {
        if line == "```" {
          snippets.append(snippet)
          current = nil
        } else {
          snippet.text += line + "\n"
          current = snippet
        }
      }
    }
    return snippets
  }

  @Test func grammarHasSnippets() {
    #expect(Self.snippets.count >= 15)
  }

  @Test(arguments: snippets)
  func snippetParses(snippet: Snippet) {
    let file = SourceFile(id: FileID(0), path: "grammar.md", text: snippet.text)
    let (syntax, diagnostics) = Parser.parse(file)
    #expect(diagnostics.isEmpty, "grammar.md line \(snippet.line): \(diagnostics.map(\.message))")
    #expect(!syntax.declarations.isEmpty)
  }

  @Test(arguments: snippets + snippets(in: "README.md"))
  func snippetIsInTheCanonicalLayout(snippet: Snippet) {
    let file = SourceFile(id: FileID(0), path: "snippet.campaign", text: snippet.text)
    guard case .formatted(let formatted) = CampaignFormatter.format(file) else {
      Issue.record("\(snippet.document) line \(snippet.line): does not format")
      return
    }
    #expect(
      formatted == snippet.text,
      "\(snippet.document) line \(snippet.line) is not in the canonical layout; `campaignc fmt -` prints:\n\(formatted)"
    )
  }

  /// The README's tour is a whole campaign: it must check clean (lints included), not only parse.
  @Test func readmeTourChecksClean() {
    let tour = Self.snippets(in: "README.md")
    #expect(tour.count == 1)
    for snippet in tour {
      let result = compile(snippet.text)
      #expect(checkCodes(result).isEmpty, "README.md line \(snippet.line): \(result.diagnostics.map(\.message))")
    }
  }
}
