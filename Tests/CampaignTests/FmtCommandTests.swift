import Driver
import Formatter
import Foundation
import Testing

/// `campaignc fmt` on the command line: modes, standard input, exit codes, writing.
@Suite struct FmtCommandTests {
  static let messy = "segment  vip=ltv>=500\n\n\n# note\nconsent email   when true\n"
  static let tidy = "segment vip = ltv >= 500\n\n# note\nconsent email when true\n"

  /// A file system that records writes (or fails them).
  final class WritableFileSystem: FileSystem, @unchecked Sendable {
    var files: [String: [UInt8]]
    var failWrites = false
    init(_ files: [String: String]) { self.files = files.mapValues { Array($0.utf8) } }
    func read(_ path: String) -> [UInt8]? { files[path] }
    func isDirectory(_ path: String) -> Bool { files.keys.contains { $0.hasPrefix(path + "/") } }
    func exists(_ path: String) -> Bool { files[path] != nil || isDirectory(path) }
    func files(under directory: String, suffix: String) -> [String] {
      files.keys.filter { $0.hasPrefix(directory + "/") && $0.hasSuffix(suffix) }.sorted()
    }
    func resolved(_ path: String) -> String { "/" + path }
    func write(_ path: String, _ bytes: [UInt8]) -> String? {
      if failWrites { return "cannot write \(path): disk full" }
      files[path] = bytes
      return nil
    }
  }

  func run(_ arguments: [String], _ files: WritableFileSystem, input: String = "") -> (Int32, String, String) {
    let output = BufferOutput()
    let bytes = Array(input.utf8)
    let status = Driver(fileSystem: files, output: output, standardInput: { bytes }).run(arguments)
    return (status, output.standardOutput, output.standardError)
  }

  @Test func printsTheFormattedText() {
    let (status, out, _) = run(["fmt", "a.campaign"], WritableFileSystem(["a.campaign": Self.messy]))
    #expect(status == 0)
    #expect(out == Self.tidy)
  }

  @Test func readsStandardInput() {
    let (status, out, _) = run(["fmt", "-"], WritableFileSystem([:]), input: Self.messy)
    #expect(status == 0)
    #expect(out == Self.tidy)
  }

  @Test func checkListsFilesThatWouldChangeAndExitsOne() {
    let files = WritableFileSystem(["c/a.campaign": Self.messy, "c/b.campaign": Self.tidy])
    let (status, out, _) = run(["fmt", "--check", "c"], files)
    #expect(status == 1)
    #expect(out == "c/a.campaign\n")
    #expect(run(["fmt", "--check", "c/b.campaign"], files).0 == 0)
  }

  @Test func checkDiffShowsAUnifiedDiff() {
    let (status, out, _) = run(
      ["fmt", "--check", "--diff", "a.campaign"], WritableFileSystem(["a.campaign": Self.messy]))
    #expect(status == 1)
    let expected = [
      "a.campaign", "--- a/a.campaign", "+++ b/a.campaign", "@@ -1,5 +1,4 @@", "-segment  vip=ltv>=500",
      "+segment vip = ltv >= 500", " ", "-", " # note", "-consent email   when true", "+consent email when true",
    ]
    #expect(out == expected.joined(separator: "\n") + "\n")
  }

  @Test func writeRewritesOnlyFilesThatChange() {
    let files = WritableFileSystem(["a.campaign": Self.messy, "b.campaign": Self.tidy])
    let (status, out, _) = run(["fmt", "--write", "a.campaign", "b.campaign"], files)
    #expect(status == 0)
    #expect(out == "formatted a.campaign\n")
    #expect(files.files["a.campaign"] == Array(Self.tidy.utf8))
  }

  @Test func aFailedWriteIsAnIOErrorAndLeavesTheFile() {
    let files = WritableFileSystem(["a.campaign": Self.messy])
    files.failWrites = true
    let (status, _, errors) = run(["fmt", "--write", "a.campaign"], files)
    #expect(status == 2)
    #expect(errors.contains("disk full"))
    #expect(files.files["a.campaign"] == Array(Self.messy.utf8))
  }

  @Test func aFileThatDoesNotParseIsReportedAndNeverWritten() {
    let broken = "segment vip = ltv >=\n"
    let files = WritableFileSystem(["a.campaign": broken])
    let (status, out, errors) = run(["fmt", "--write", "a.campaign"], files)
    #expect(status == 1)
    #expect(out == "")
    #expect(errors.contains("a.campaign:1:19: error[E0201]: the condition ends with `>=`"))
    #expect(errors.contains("does not parse, so it was not formatted"))
    #expect(files.files["a.campaign"] == Array(broken.utf8))
  }

  @Test(arguments: [
    ["fmt"], ["fmt", "--write", "--check", "a.campaign"], ["fmt", "--wirte", "a.campaign"],
    ["fmt", "--write", "-"], ["fmt", "missing.campaign"],
  ])
  func usageAndMissingFilesExitTwo(arguments: [String]) {
    let (status, _, errors) = run(arguments, WritableFileSystem(["a.campaign": Self.tidy]))
    #expect(status == 2)
    #expect(errors.hasPrefix("error: "))
  }

  @Test func helpHasExamplesAndTheMainHelpListsFmt() {
    let (status, out, _) = run(["fmt", "--help"], WritableFileSystem([:]))
    #expect(status == 0)
    #expect(out.contains("examples:") && out.contains("campaignc fmt --write"))
    #expect(run(["--help"], WritableFileSystem([:])).1.contains("fmt FILE|DIR|-"))
  }

  @Test func diffOfEqualTextsIsEmptyAndHunksAreSeparatedByContext() {
    #expect(UnifiedDiff.diff(old: "a\n", new: "a\n", path: "x") == "")
    let old = (1...20).map { "line \($0)\n" }.joined()
    let new = old.replacingOccurrences(of: "line 2\n", with: "LINE 2\n")
      .replacingOccurrences(of: "line 19\n", with: "")
    #expect(
      UnifiedDiff.diff(old: old, new: new, path: "x") == """
        --- a/x
        +++ b/x
        @@ -1,5 +1,5 @@
         line 1
        -line 2
        +LINE 2
         line 3
         line 4
         line 5
        @@ -16,5 +16,4 @@
         line 16
         line 17
         line 18
        -line 19
         line 20

        """)
    #expect(
      UnifiedDiff.diff(old: "a", new: "b\n", path: "x") == """
        --- a/x
        +++ b/x
        @@ -1 +1 @@
        -a
        \\ No newline at end of file
        +b

        """)
  }
}

/// Line ends and `--diff` without `--check` (grammar.md §9, `fmt --help`).
@Suite struct FmtLineEndAndDiffTests {
  func run(_ arguments: [String], _ files: [String: String], input: String = "") -> (Int32, String, String) {
    FmtCommandTests().run(arguments, FmtCommandTests.WritableFileSystem(files), input: input)
  }

  @Test func crlfLineEndsBecomeLF() {
    let crlf = FmtCommandTests.tidy.replacingOccurrences(of: "\n", with: "\r\n")
    let (status, out, _) = run(["fmt", "a.campaign"], ["a.campaign": crlf])
    #expect(status == 0)
    #expect(Array(out.utf8) == Array(FmtCommandTests.tidy.utf8))
    #expect(run(["fmt", "-"], [:], input: "\u{FEFF}" + crlf).1.utf8.elementsEqual(FmtCommandTests.tidy.utf8))
    // Otherwise canonical, a CRLF file would still change: --check lists it, --write fixes it.
    #expect(run(["fmt", "--check", "a.campaign"], ["a.campaign": crlf]).0 == 1)
    let files = FmtCommandTests.WritableFileSystem(["a.campaign": crlf])
    #expect(FmtCommandTests().run(["fmt", "--write", "a.campaign"], files).0 == 0)
    #expect(files.files["a.campaign"] == Array(FmtCommandTests.tidy.utf8))
  }

  @Test func theDiffOfACRLFFileShowsEveryLineAndSaysWhy() {
    let crlf = "segment a = x\r\n# c\r\n"
    let (status, out, _) = run(["fmt", "--check", "--diff", "a.campaign"], ["a.campaign": crlf])
    #expect(status == 1)
    #expect(
      out == """
        a.campaign
        (its CR or CRLF line ends become LF)
        --- a/a.campaign
        +++ b/a.campaign
        @@ -1,2 +1,2 @@
        -segment a = x\r
        -# c\r
        +segment a = x
        +# c

        """)
  }

  @Test func diffAloneImpliesCheck() {
    let files = ["a.campaign": FmtCommandTests.messy]
    let alone = run(["fmt", "--diff", "a.campaign"], files)
    #expect(alone.0 == 1)
    #expect(alone.1.hasPrefix("a.campaign\n--- a/a.campaign\n"))
    #expect(alone == run(["fmt", "--check", "--diff", "a.campaign"], files))
    #expect(run(["fmt", "--diff", "a.campaign"], ["a.campaign": FmtCommandTests.tidy]) == (0, "", ""))
    let help = run(["fmt", "--help"], [:]).1
    #expect(help.contains("[--write | --check | --diff]") && help.contains("implies\n"))
    #expect(!help.contains("with --check"))
    #expect(run(["fmt", "--write", "--diff", "a.campaign"], files).0 == 2)
  }
}
