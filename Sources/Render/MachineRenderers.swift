import CampaignLang
import Foundation

/// A diagnostic's position, resolved for machine formats.
public struct ResolvedLocation: Sendable {
  public var path: String
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int
}

/// Resolves ranges to lines and columns, building each file's line table once.
public struct Locator {
  let sources: SourceMap
  var tables: [FileID: LineTable] = [:]

  public init(sources: SourceMap) { self.sources = sources }

  public mutating func locate(_ range: SourceRange) -> ResolvedLocation {
    let file = sources[range.file]
    let table = tables[file.id] ?? LineTable(file)
    tables[file.id] = table
    let start = table.location(of: range.start)
    let end = table.location(of: range.end)
    return ResolvedLocation(
      path: RepositoryPath.clean(file.path), line: start.line, column: start.column, endLine: end.line,
      endColumn: end.column)
  }
}

/// `--format json`: one object with the files read, the paths that could not be read
/// (`notRead`; when it is not empty the run was incomplete and exits 2), the diagnostics
/// and a summary. The summary counts every problem found, like the text summary, also
/// those `--max-errors` left out.
public enum JSONRenderer {
  public struct Summary {
    public var errors: Int
    public var warnings: Int
    public var truncated: Int

    public init(errors: Int, warnings: Int, truncated: Int) {
      self.errors = errors
      self.warnings = warnings
      self.truncated = truncated
    }
  }

  public static func render(
    _ diagnostics: [Diagnostic], sources: SourceMap, summary: Summary, files: [String], notRead: [ReadProblem] = []
  ) -> String {
    var locator = Locator(sources: sources)
    func location(_ range: SourceRange) -> JSON {
      let place = locator.locate(range)
      return .object([
        ("file", .string(place.path)), ("line", .number(place.line)), ("column", .number(place.column)),
        ("endLine", .number(place.endLine)), ("endColumn", .number(place.endColumn)),
        ("byteOffset", .number(range.start)), ("byteLength", .number(range.length)),
      ])
    }
    let items: [JSON] = diagnostics.map { diagnostic in
      var members: [(String, JSON)] = [
        ("code", .string(diagnostic.code.rawValue)), ("severity", .string(diagnostic.severity.rawValue)),
        ("message", .string(diagnostic.message)), ("location", location(diagnostic.range)),
      ]
      if let label = diagnostic.label { members.append(("label", .string(label))) }
      members.append(
        (
          "notes",
          .array(
            diagnostic.notes.map { note in
              .object([("message", .string(note.message))] + (note.range.map { [("location", location($0))] } ?? []))
            })
        ))
      members.append(("help", diagnostic.help.map(JSON.string) ?? .null))
      return .object(members)
    }
    return JSON.object([
      ("version", .number(1)),
      ("files", .array(files.map(JSON.string))),
      ("notRead", .array(notRead.map(\.json))),
      ("diagnostics", .array(items)),
      (
        "summary",
        .object([
          ("errors", .number(summary.errors)), ("warnings", .number(summary.warnings)),
          ("truncated", .number(summary.truncated)),
        ])
      ),
    ]).serialized() + "\n"
  }
}

/// `--format github`: workflow commands that GitHub Actions shows as annotations, with
/// clean paths (`RepositoryPath`).
public enum GitHubRenderer {
  public static func render(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
    var locator = Locator(sources: sources)
    var out = ""
    for diagnostic in diagnostics {
      let place = locator.locate(diagnostic.range)
      let kind = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
      var message = diagnostic.message
      for note in diagnostic.notes {
        message += "\nnote: " + note.message
        if let range = note.range {
          let at = locator.locate(range)
          message += " (\(RepositoryPath.clean(at.path)):\(at.line):\(at.column))"
        }
      }
      if let help = diagnostic.help { message += "\nhelp: " + help }
      let properties = [
        "file=\(property(RepositoryPath.clean(place.path)))", "line=\(place.line)", "col=\(place.column)",
        "endLine=\(place.endLine)", "endColumn=\(place.endColumn)",
        "title=\(property("\(diagnostic.code)"))",
      ].joined(separator: ",")
      out += "::\(kind) \(properties)::\(data(message))\n"
    }
    return out
  }

  /// One `::error` annotation (not tied to a line) per path that could not be read.
  public static func render(_ notRead: [ReadProblem]) -> String {
    notRead.map { "::error title=\(property("campaignc"))::\(data($0.fullMessage))\n" }.joined()
  }

  /// Escaping for the message part of a workflow command.
  static func data(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  /// Escaping for property values (also `:` and `,`).
  static func property(_ text: String) -> String {
    data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
  }
}
