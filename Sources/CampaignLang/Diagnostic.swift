/// How serious a diagnostic is. Errors make `check` exit 1; warnings do only under
/// `--warnings-as-errors`.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
  case error
  case warning
  case note

  private var rank: Int {
    switch self {
    case .error: 0
    case .warning: 1
    case .note: 2
    }
  }

  public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem found in a file: data only. Rendering (text, JSON, GitHub, SARIF) lives
/// in the `Render` target and reads these values.
public struct Diagnostic: Sendable, Hashable {
  public var code: DiagnosticCode
  public var severity: Severity
  /// One line, lowercase, no final period; user text in backticks.
  public var message: String
  /// The primary range: what the caret underlines.
  public var range: SourceRange
  /// Optional text shown beside the caret underline.
  public var label: String?
  /// Related places ("first declared here"), each with its own range.
  public var notes: [Note]
  /// A concrete fix, often the corrected form.
  public var help: String?

  public init(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
    notes: [Note] = [], help: String? = nil, severity: Severity? = nil
  ) {
    self.code = code
    self.severity = severity ?? code.defaultSeverity
    self.message = message
    self.range = range
    self.label = label
    self.notes = notes
    self.help = help
  }

  /// The order diagnostics are shown in: by file, position, then code.
  public static func sortedForDisplay(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { lhs, rhs in
      let a = lhs.element
      let b = rhs.element
      if a.range != b.range { return a.range < b.range }
      if a.code != b.code { return a.code.rawValue < b.code.rawValue }
      return lhs.offset < rhs.offset
    }.map(\.element)
  }
}

/// A secondary message, optionally pointing at another place in the sources.
public struct Note: Sendable, Hashable {
  public var message: String
  public var range: SourceRange?

  public init(_ message: String, at range: SourceRange? = nil) {
    self.message = message
    self.range = range
  }
}

/// Collects diagnostics during one pass. Passes accumulate; they do not throw.
public struct DiagnosticBag: Sendable {
  public private(set) var diagnostics: [Diagnostic] = []

  public init() {}

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }

  public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  public mutating func add(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

  /// Rewrites the message and help of the diagnostic with `code` at `range`, when there is
  /// one: a later stage that knows what was meant there (the parser, after the lexer)
  /// sharpens that message rather than adding a second one. Returns whether it did.
  @discardableResult
  public mutating func amend(_ code: DiagnosticCode, at range: SourceRange, message: String, help: String?) -> Bool {
    guard let index = diagnostics.lastIndex(where: { $0.code == code && $0.range == range }) else { return false }
    diagnostics[index].message = message
    diagnostics[index].help = help
    return true
  }

  public mutating func error(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
    notes: [Note] = [], help: String? = nil
  ) {
    add(Diagnostic(code, message, at: range, label: label, notes: notes, help: help))
  }
}
