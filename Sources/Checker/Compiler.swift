import CampaignLang
import Parser

/// The front end's facade: parse the entry file and everything it imports, check them
/// together, and return the checked program (nil when there are errors, a malformed
/// suppression comment aside) with every diagnostic. File access goes through `load`, so tests run without a disk.
public struct Compilation: Sendable {
  public var sources: SourceMap
  public var syntax: [FileSyntax]
  public var program: CheckedCampaign?
  public var diagnostics: [Diagnostic]
  /// How many of `diagnostics`, at the start, came from reading the files (lexical and
  /// syntax errors, imports that cannot be read) rather than from the checker: what
  /// `print ast` reports. The checker's come after them.
  public var readingCount: Int = 0

  /// The diagnostics of reading the files into syntax trees, without the checker's.
  public var readingDiagnostics: ArraySlice<Diagnostic> { diagnostics.prefix(readingCount) }
  /// Set by `asLibrary`: the file was read as a library, not checked as a campaign.
  public private(set) var checkedAsLibrary = false

  /// Whether the entry file is a library: it has declarations, but no campaign header,
  /// no `states` block and no flow (those make a campaign whose header is missing,
  /// E0511). An empty or binary file has none, and is reported as such.
  public var entryIsLibrary: Bool {
    guard let entry = syntax.first, !entry.declarations.isEmpty else { return false }
    return !entry.declarations.contains { declaration in
      switch declaration {
      case .campaign, .states, .flow: true
      default: false
      }
    }
  }

  /// The file read as a library on its own, when no campaign of the run imports it: its
  /// syntax and imports are checked; its names and the campaign's rules are not, since
  /// they depend on the campaign that imports it. No program, so nothing is linted.
  public func asLibrary() -> Compilation {
    var library = self
    library.diagnostics = Array(diagnostics.prefix(readingCount))
    library.program = nil
    library.checkedAsLibrary = true
    return library
  }
}

public enum Compiler {
  /// Reads a file by its normalized path (relative to the project root, `/`-separated);
  /// nil when it does not exist or cannot be read.
  public typealias Loader = @Sendable (String) -> [UInt8]?

  /// What loading an import found: its bytes, nothing, or a file that exists but whose
  /// real path (a symbolic link resolved) lies outside the project folder.
  public enum LoadResult: Sendable {
    case bytes([UInt8])
    case missing
    case outsideProject
  }

  /// Like `Loader`, but tells a missing file from one outside the project folder.
  public typealias FileLoader = @Sendable (String) -> LoadResult

  /// Compiles with a loader that only finds or misses files.
  public static func compile(entryPath: String, bytes: [UInt8], displayPrefix: String = "", load: @escaping Loader)
    -> Compilation
  {
    compile(entryPath: entryPath, bytes: bytes, displayPrefix: displayPrefix) { path -> LoadResult in
      load(path).map(LoadResult.bytes) ?? .missing
    }
  }

  /// Compiles `entryPath`, whose bytes are `bytes`. Imports are resolved relative to the
  /// importing file and must stay inside the project root (the entry file's folder).
  public static func compile(entryPath: String, bytes: [UInt8], displayPrefix: String = "", loadFile: FileLoader)
    -> Compilation
  {
    var sources = SourceMap()
    var syntax: [FileSyntax] = []
    var diagnostics: [Diagnostic] = []
    let entry = sources.add(path: displayPrefix + entryPath, bytes: bytes)
    var queue: [(file: SourceFile, logical: String, chain: [String])] = [(entry, entryPath, [entryPath])]
    var loaded: [String: FileID] = [entryPath: entry.id]
    var declarationsLost = false
    // An import that could not be read may have declared any name the campaign uses, so
    // unknown names are not reported while one is unread: one message, at the import.
    var namesIncomplete = false
    let unreadNote = Note("names it would supply are not checked until it can be read")
    while !queue.isEmpty {
      let (file, logical, chain) = queue.removeFirst()
      let (parsed, parseDiagnostics) = Parser.parse(file)
      // Only a declaration the parser could not read makes "X is missing" errors
      // unreliable; a recovered mistake inside a declaration (`AND`, `=`, a curly quote)
      // loses nothing, so those checks still run.
      // An empty or binary file has been reported as such; it is not also "missing" things.
      if parsed.declarations.isEmpty || parsed.declarations.contains(where: \.isInvalid) { declarationsLost = true }
      diagnostics += parseDiagnostics
      // A malformed suppression comment is reported with the file's other errors; it
      // changes nothing the checker reads, so it does not take the checked program away.
      for comment in parsed.comments {
        if let problem = SuppressionComment.read(comment)?.problem { diagnostics.append(problem) }
      }
      syntax.append(parsed)
      for case .importFile(let decl) in parsed.declarations {
        guard let target = resolveImport(decl.path.value, from: logical) else {
          diagnostics.append(
            Diagnostic(
              .importOutsideProject, "imports must stay inside the project folder", at: decl.path.range,
              notes: [unreadNote],
              help: "import by a relative path below the main campaign's folder, like \"lib/schema.campaign\""))
          declarationsLost = true
          namesIncomplete = true
          continue
        }
        if chain.contains(target) {
          diagnostics.append(
            Diagnostic(
              .importCycle,
              "this import makes a cycle: " + (chain + [target]).map { "`\($0)`" }.joined(separator: " -> "),
              at: decl.path.range, help: "move what both files need into a third file that imports neither"))
          declarationsLost = true
          continue
        }
        if loaded[target] != nil { continue }
        let targetBytes: [UInt8]
        switch loadFile(target) {
        case .bytes(let found): targetBytes = found
        case .outsideProject:
          diagnostics.append(
            Diagnostic(
              .importOutsideProject, "`\(decl.path.value)` leads out of the project folder through a symbolic link",
              at: decl.path.range, notes: [unreadNote],
              help: "copy the file into the main campaign's folder, or link to a file inside it"))
          declarationsLost = true
          namesIncomplete = true
          continue
        case .missing:
          // `import "lib/schema"`: the extension is part of the name.
          let help =
            decl.path.value.hasSuffix(".campaign")
            ? "the path is relative to this file's folder; check the spelling and that the file exists"
            : "write the file's full name, with `.campaign`: `import \"\(decl.path.value).campaign\"`"
          diagnostics.append(
            Diagnostic(
              .importNotFound, "cannot find `\(decl.path.value)`", at: decl.path.range, notes: [unreadNote], help: help)
          )
          declarationsLost = true
          namesIncomplete = true
          continue
        }
        let file = sources.add(path: displayPrefix + target, bytes: targetBytes)
        loaded[target] = file.id
        queue.append((file, target, chain + [target]))
      }
    }
    let readingCount = diagnostics.count
    let (program, checkDiagnostics) = Checker.check(
      files: syntax, entry: entry.id, declarationsLost: declarationsLost, namesIncomplete: namesIncomplete,
      sources: sources)
    diagnostics += checkDiagnostics
    // Any error, a recovered syntax error included, means there is no checked program;
    // except a malformed suppression comment (E0601), which the lint pass still reads.
    let checked = diagnostics.contains { $0.severity == .error && $0.code != .badSuppression } ? nil : program
    return Compilation(
      sources: sources, syntax: syntax, program: checked, diagnostics: diagnostics, readingCount: readingCount)
  }

  /// Joins an import path to the importing file's folder and normalizes it; nil when it
  /// is absolute or climbs out of the project root.
  public static func resolveImport(_ path: String, from importer: String) -> String? {
    guard !path.isEmpty, !path.hasPrefix("/"), !path.hasPrefix("~"), !path.contains("\\") else { return nil }
    var parts = importer.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    parts.removeLast()
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        guard !parts.isEmpty else { return nil }
        parts.removeLast()
      default: parts.append(String(part))
      }
    }
    return parts.isEmpty ? nil : parts.joined(separator: "/")
  }
}
