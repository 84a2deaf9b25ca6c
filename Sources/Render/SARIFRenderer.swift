import CampaignLang

/// `--format sarif`: SARIF 2.1.0, as GitHub code scanning accepts it. Columns are in
/// Unicode code points (`columnKind`), matching the text output; paths are clean
/// (`RepositoryPath`). `invocations[0]` says whether the run was complete: a path that
/// could not be read makes `executionSuccessful` false, with one error notification
/// for each (SARIF 2.1.0, appendix I: the results are then not the whole picture).
public enum SARIFRenderer {
  /// `version`: campaignc's version (`campaignc --version`), given as the tool's
  /// `version` and `semanticVersion`. `notRead`: the paths that could not be read.
  public static func render(
    _ diagnostics: [(Diagnostic, SourceMap)], truncated: Int, version: String, notRead: [ReadProblem] = []
  ) -> String {
    var ruleIDs: [String] = []
    for (diagnostic, _) in diagnostics where !ruleIDs.contains(diagnostic.code.rawValue) {
      ruleIDs.append(diagnostic.code.rawValue)
    }
    ruleIDs.sort()
    let rules: [JSON] = ruleIDs.map { id in
      let entry = DiagnosticCatalogue.entry(for: DiagnosticCode(id))
      return .object([
        ("id", .string(id)),
        ("name", .string(entry?.name ?? id)),
        ("shortDescription", .object([("text", .string(entry?.title ?? id))])),
        ("fullDescription", .object([("text", .string(entry?.explanation ?? ""))])),
        (
          "defaultConfiguration",
          .object([("level", .string(DiagnosticCode(id).defaultSeverity == .error ? "error" : "warning"))])
        ),
      ])
    }
    var results: [JSON] = []
    for (diagnostic, sources) in diagnostics {
      var locator = Locator(sources: sources)
      func location(_ range: SourceRange, message: String? = nil) -> JSON {
        let place = locator.locate(range)
        var members: [(String, JSON)] = [
          (
            "physicalLocation",
            .object([
              ("artifactLocation", .object([("uri", .string(uri(RepositoryPath.clean(place.path))))])),
              (
                "region",
                .object([
                  ("startLine", .number(place.line)), ("startColumn", .number(place.column)),
                  ("endLine", .number(place.endLine)),
                  ("endColumn", .number(max(place.endColumn, place.endLine == place.line ? place.column : 1))),
                ])
              ),
            ])
          )
        ]
        if let message { members.append(("message", .object([("text", .string(message))]))) }
        return .object(members)
      }
      var text = diagnostic.message
      if let help = diagnostic.help { text += "\nhelp: " + help }
      var members: [(String, JSON)] = [
        ("ruleId", .string(diagnostic.code.rawValue)),
        ("ruleIndex", .number(ruleIDs.firstIndex(of: diagnostic.code.rawValue) ?? 0)),
        (
          "level",
          .string(diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "note")
        ),
        ("message", .object([("text", .string(text))])),
        ("locations", .array([location(diagnostic.range)])),
      ]
      let related = diagnostic.notes.compactMap { note in note.range.map { location($0, message: note.message) } }
      if !related.isEmpty { members.append(("relatedLocations", .array(related))) }
      results.append(.object(members))
    }
    var run: [(String, JSON)] = [
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", .string("campaignc")),
              ("version", .string(version)),
              ("semanticVersion", .string(version)),
              // No `informationUri`: the project has no public home page to point to yet.
              ("rules", .array(rules)),
            ])
          )
        ])
      ),
      ("invocations", .array([invocation(notRead)])),
      ("columnKind", .string("unicodeCodePoints")),
      ("results", .array(results)),
    ]
    if truncated > 0 {
      run.append(("properties", .object([("truncatedResults", .number(truncated))])))
    }
    return JSON.object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([.object(run)])),
    ]).serialized() + "\n"
  }

  /// `executionSuccessful` and, for each path that could not be read, an error
  /// notification naming it.
  static func invocation(_ notRead: [ReadProblem]) -> JSON {
    var members: [(String, JSON)] = [("executionSuccessful", .bool(notRead.isEmpty))]
    if !notRead.isEmpty {
      let notifications: [JSON] = notRead.map { problem in
        .object([
          ("level", .string("error")),
          ("message", .object([("text", .string(problem.fullMessage))])),
          (
            "locations",
            .array([
              .object([
                (
                  "physicalLocation",
                  .object([("artifactLocation", .object([("uri", .string(uri(RepositoryPath.clean(problem.path))))]))])
                )
              ])
            ])
          ),
        ])
      }
      members.append(("toolExecutionNotifications", .array(notifications)))
    }
    return .object(members)
  }
}
