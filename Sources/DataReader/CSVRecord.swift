/// Where one field of a CSV record lies in the file's bytes (quotes excluded).
public struct CSVField: Sendable, Hashable {
  public var start: Int
  public var end: Int
  /// Whether the field was written in quotes (an empty quoted field is an empty string,
  /// not a missing value, to callers that care).
  public var isQuoted: Bool
  /// Whether it holds doubled quotes, so its bytes must be unescaped before use.
  public var hasEscapes: Bool

  public var isEmpty: Bool { start == end }
}

/// One record of a CSV file: its fields and the line where it starts. Reused from one
/// record to the next, so reading a file allocates once, not per row.
public struct CSVRecord: Sendable {
  public private(set) var fields: [CSVField] = []
  /// The 1-based line number where the record starts.
  public internal(set) var line = 0
  /// The byte offset where the record starts.
  public internal(set) var start = 0

  public init() {}

  public var count: Int { fields.count }
  public subscript(_ index: Int) -> CSVField { fields[index] }

  mutating func removeAll() { fields.removeAll(keepingCapacity: true) }
  mutating func append(_ field: CSVField) { fields.append(field) }
}

/// A record the reader could not read.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Reason: Sendable, Hashable {
    case unterminatedQuote
    case quoteInUnquotedField
    case textAfterClosingQuote
  }

  /// The 1-based line where the record starts.
  public var line: Int
  /// The 1-based position of the field in the record.
  public var field: Int
  public var reason: Reason

  public init(line: Int, field: Int, reason: Reason) {
    self.line = line
    self.field = field
    self.reason = reason
  }

  public var description: String {
    switch reason {
    case .unterminatedQuote: "field \(field) opens a quote that is never closed"
    case .quoteInUnquotedField:
      "field \(field) has a quote inside it; quote the whole field and double the quote (\"\")"
    case .textAfterClosingQuote: "field \(field) has text after its closing quote"
    }
  }
}
