import Driver
import Foundation
import Testing

/// Every example command in every `--help` text runs as written from the repository
/// root: exit 0 and nothing on standard error. Globs (`examples/*.campaign`) are
/// expanded as a shell would; `> FILE` sends the output nowhere and `< FILE` reads
/// standard input from the file.
@Suite struct HelpExampleTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var command: String
    var testDescription: String { command }
  }

  /// The help texts: the main one and each command's.
  static let helps: [String] = {
    let help = { (arguments: [String]) in runDriver(arguments, files: MemoryFileSystem(bytes: [:])).1 }
    return [help(["--help"])]
      + ["check", "test", "simulate", "explain", "explain-code", "print", "fmt"].map {
        help([$0, "--help"])
      }
  }()

  /// The lines under `example:` or `examples:` that start with `campaignc`, with lines
  /// continued by `\` joined.
  static let examples: [Example] = {
    var examples: [Example] = []
    for help in helps {
      var inExamples = false
      var pending = ""
      for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text == "example:" || text == "examples:" {
          inExamples = true
        } else if text.isEmpty {
          inExamples = false
        } else if inExamples {
          pending += text
          if pending.hasSuffix("\\") {
            pending = String(pending.dropLast()).trimmingCharacters(in: .whitespaces) + " "
          } else {
            examples.append(Example(command: pending))
            pending = ""
          }
        }
      }
    }
    return examples
  }()

  @Test func everyHelpHasExamples() {
    #expect(Self.helps.count == 8)
    #expect(Self.helps.allSatisfy { $0.contains("example") })
    #expect(Self.examples.count >= 15)
    #expect(Self.examples.allSatisfy { $0.command.hasPrefix("campaignc ") })
  }

  @Test(arguments: examples)
  func exampleRunsAsWritten(_ example: Example) throws {
    let files = repositoryFiles(under: "examples")
    var words = example.command.split(separator: " ").map(String.init).dropFirst()
    var input: [UInt8] = []
    if let index = words.firstIndex(of: ">") { words.removeSubrange(index...(index + 1)) }
    if let index = words.firstIndex(of: "<") {
      input = try #require(files.read(words[index + 1]), "\(words[index + 1]) exists")
      words.removeSubrange(index...(index + 1))
    }
    let arguments = words.flatMap { word -> [String] in
      guard let star = word.firstIndex(of: "*"), let slash = word.lastIndex(of: "/") else { return [word] }
      let folder = String(word[..<slash])
      let suffix = String(word[word.index(after: star)...])
      let matches = repositoryFileNames(in: folder, suffix: suffix).map { folder + "/" + $0 }
      return matches.isEmpty ? [word] : matches
    }
    let output = BufferOutput()
    let bytes = input
    let status = Driver(fileSystem: files, output: output, standardInput: { bytes }).run(arguments)
    #expect(status == 0, "\(example.command)\n\(output.standardError)")
    #expect(output.standardError == "", "\(example.command)")
  }
}
