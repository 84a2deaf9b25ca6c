/// A problem on one line of a JSON Lines file, as data. `description` words it for the
/// person who made the file.
public struct JSONLinesError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What breaks the JSON syntax.
  public enum SyntaxProblem: Sendable, Hashable {
    /// A key in double quotes was expected (after `{` or `,`).
    case expectedKey
    /// A `:` was expected after a key.
    case expectedColon
    /// A value was expected after `:`.
    case expectedValue
    /// A `,` or `}` was expected after a value.
    case expectedCommaOrEnd
    /// A string is not closed before the end of the line.
    case unterminatedString
    /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
    case invalidEscape
    /// A `\uD800`-`\uDFFF` escape that is not half of a surrogate pair.
    case unpairedSurrogate
    /// A control character (such as a tab) written as is inside a string.
    case controlCharacter
    /// A number that JSON does not allow (`01`, `1.`, `.5`, `+1`, `NaN`).
    case invalidNumber
    /// Something after the object's closing `}`.
    case textAfterObject
  }

  public enum Reason: Sendable, Hashable {
    /// The JSON is malformed at a 1-based column (counted in characters).
    case invalidJSON(column: Int, SyntaxProblem)
    /// The line holds a JSON value that is not an object (an array, a string, ...).
    case notAnObject
    /// A key appears twice in the object.
    case duplicateKey(String)
    /// The value of `key` is an object or an array; values must be strings, numbers,
    /// `true`, `false` or `null`.
    case nestedValue(key: String)
    /// Bytes that are not UTF-8, at a 1-based column.
    case invalidUTF8(column: Int)
  }

  /// The 1-based line.
  public var line: Int
  public var reason: Reason

  public init(line: Int, reason: Reason) {
    self.line = line
    self.reason = reason
  }

  public var description: String { "line \(line): \(message)" }

  /// The reason in words, with what to do about it.
  public var message: String {
    switch reason {
    case .invalidJSON(let column, let problem):
      return "invalid JSON at column \(column): \(Self.explain(problem))"
    case .notAnObject:
      return "each line must be one JSON object, {\"key\": value, ...}"
    case .duplicateKey(let key):
      return "the key \"\(key)\" appears twice in the object; keep one"
    case .nestedValue(let key):
      return
        "the value of \"\(key)\" is an object or a list; values must be text, numbers, true, false or null"
    case .invalidUTF8(let column):
      return "column \(column) is not valid UTF-8 text; save the file as UTF-8"
    }
  }

  static func explain(_ problem: SyntaxProblem) -> String {
    switch problem {
    case .expectedKey: "expected a key in double quotes"
    case .expectedColon: "expected a colon (:) after the key"
    case .expectedValue: "expected a value: text in double quotes, a number, true, false or null"
    case .expectedCommaOrEnd: "expected a comma (,) or the end of the object (})"
    case .unterminatedString: "the text in quotes is not closed on this line"
    case .invalidEscape: "unknown backslash escape; write a backslash as \\\\"
    case .unpairedSurrogate: "a \\u escape names half of a character (an unpaired surrogate)"
    case .controlCharacter: "a control character inside quotes; write it as an escape such as \\t or \\n"
    case .invalidNumber: "invalid number (JSON numbers look like 12, -3.5 or 1e6)"
    case .textAfterObject: "text after the end of the object"
    }
  }
}
