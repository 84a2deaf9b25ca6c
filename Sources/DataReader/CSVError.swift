/// A problem in a CSV file, as data: where it is and what is wrong. `description`
/// words it for the person who made the file.
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong.
  public enum Reason: Sendable, Hashable {
    /// The file has no header row (it is empty, or holds only blank lines).
    case emptyFile
    /// The first line is blank, though more follows.
    case blankHeader
    /// Two header columns have the same name.
    case duplicateColumnName(String)
    /// A field opens with a quote that is never closed.
    case unterminatedQuotedField
    /// A quote appears inside a field that does not start with one (`ab"c`).
    case quoteInUnquotedField
    /// Something other than a comma or a line break follows a closing quote (`"ab"c`).
    case textAfterClosingQuote
    /// The record does not have as many fields as the header has columns.
    case wrongFieldCount(expected: Int, got: Int)
    /// A blank line in the middle of a file whose header has more than one column.
    case blankLine(expected: Int)
    /// A field's bytes are not valid UTF-8 (the file was perhaps saved as Latin-1 or
    /// Windows-1252).
    case invalidUTF8
  }

  /// The 1-based line on which the record starts (a quoted field may span lines).
  public var line: Int
  /// The 1-based field index, when the problem is in one field.
  public var column: Int?
  /// The header's name for `column`, when known.
  public var columnName: String?
  public var reason: Reason

  public init(line: Int, column: Int? = nil, columnName: String? = nil, reason: Reason) {
    self.line = line
    self.column = column
    self.columnName = columnName
    self.reason = reason
  }

  public var description: String {
    var place = "line \(line)"
    if let column {
      place += ", column \(column)"
      if let columnName { place += " (\(columnName))" }
    }
    return "\(place): \(message)"
  }

  /// The reason in words, with what to do about it.
  public var message: String {
    switch reason {
    case .emptyFile:
      return "the file is empty; the first line must name the columns, separated by commas"
    case .blankHeader:
      return "the first line is blank; it must name the columns, separated by commas"
    case .duplicateColumnName(let name):
      return "the header names the column \"\(name)\" twice; give each column its own name"
    case .unterminatedQuotedField:
      return "a field starts with a quote that is never closed; add the closing quote (\")"
    case .quoteInUnquotedField:
      return
        "a quote (\") inside a field that does not start with one; put the whole field in quotes and double "
        + "each quote inside it (\"\")"
    case .textAfterClosingQuote:
      return
        "text after the closing quote of a field; a quoted field must end at its closing quote (write a quote "
        + "inside a quoted field as \"\")"
    case .wrongFieldCount(let expected, let got):
      let fields = got == 1 ? "field" : "fields"
      return
        "expected \(expected) fields (one per column of the header), found \(got) \(fields); check for a missing "
        + "or extra comma, or a comma inside a field that is not in quotes"
    case .blankLine(let expected):
      return "the line is blank; expected \(expected) fields (remove the blank line)"
    case .invalidUTF8:
      return "the field is not valid UTF-8 text; save the file as UTF-8"
    }
  }
}
