import DataReader

/// A data row that does not fit the campaign's schema: where it is, which column, and
/// why, worded for the person who made the file.
public struct RowProblem: Error, Sendable, Hashable {
  public var file: String
  public var line: Int
  /// The column's name, when one column is at fault.
  public var column: String?
  /// The whole explanation, with the value as written.
  public var message: String
  /// A short label shared by rows with the same kind of fault, to count them by.
  public var kind: String

  public var description: String {
    "\(file):\(line): " + (column.map { "column `\($0)`: " } ?? "") + message
  }
}

extension RowProblem {
  init(file: String, line: Int, column: String, value: ValueError) {
    self.init(file: file, line: line, column: column, message: value.description, kind: value.kind)
  }

  init(file: String, csv: CSVError) {
    let kind: String =
      switch csv.reason {
      case .wrongFieldCount, .blankLine: "wrong number of fields"
      case .invalidUTF8: "not UTF-8 text"
      default: "broken quoting"
      }
    self.init(file: file, line: csv.line, column: csv.columnName, message: csv.message, kind: kind)
  }

  init(file: String, json: JSONLinesError) {
    self.init(file: file, line: json.line, column: nil, message: json.message, kind: "not a JSON object")
  }

  static func missing(file: String, line: Int, column: String) -> RowProblem {
    RowProblem(
      file: file, line: line, column: column,
      message: "the value is missing, and the campaign declares it required (add `?` to its type if it may be empty)",
      kind: "missing value")
  }
}

extension ValueError {
  /// A short label for counting rows by fault.
  var kind: String {
    switch reason {
    case .notAWholeNumber, .wholeNumberOutOfRange: "not a whole number"
    case .notADecimal, .tooManyDigits: "not a decimal number"
    case .notAPercent: "not a percentage"
    case .notTrueOrFalse: "not true or false"
    case .notADate: "not a date"
    case .notATimestamp: "not a timestamp"
    case .notADuration: "not a duration"
    case .notACase: "not one of the declared values"
    }
  }
}

/// Why data cannot be read at all: the run stops (exit 1).
public struct LoadError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  /// Rows that did not fit, when that is the reason (shown in full, up to a few).
  public var problems: [RowProblem]
  /// How many rows did not fit in all (may exceed `problems.count`).
  public var problemCount: Int

  public init(_ message: String, problems: [RowProblem] = [], problemCount: Int = 0) {
    self.message = message
    self.problems = problems
    self.problemCount = max(problemCount, problems.count)
  }

  public var description: String { message }
}
