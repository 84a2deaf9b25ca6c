/// Reads JSON Lines: one flat JSON object per line, from the bytes of a whole file.
///
/// - Lines end at `\n`; a `\r` before it (CRLF) is whitespace. Blank lines (nothing but
///   spaces, tabs and `\r`) are skipped. A UTF-8 byte order mark at the start is skipped.
/// - Each other line is one object whose values are strings (all JSON escapes, including
///   surrogate pairs), numbers (kept as their source text), `true`, `false` or `null`
///   (a missing value). An object or array as a value is an error naming its key.
/// - The JSON is checked strictly (RFC 8259): no trailing commas, no comments, no
///   single quotes, no `NaN`; duplicate keys are an error.
///
/// An error concerns one line; calling `next(into:)` again reads on from the next line.
public struct JSONLinesReader: Sendable {
  /// The whole file.
  public let bytes: [UInt8]
  /// The offset at which the next line starts.
  public private(set) var position: Int
  /// The 1-based number of the next line.
  public private(set) var line: Int

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    self.position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    self.line = 1
  }

  /// Reads the next object into `record`; returns false at the end of the file.
  public mutating func next(into record: inout JSONRecord) throws(JSONLinesError) -> Bool {
    record.fields.removeAll(keepingCapacity: true)
    let firstLineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var start = position
    var lineNumber = line
    let outcome: (end: Int, failure: JSONLinesError.Reason?)? = bytes.withUnsafeBufferPointer { buffer in
      // Skip blank lines.
      while true {
        var index = start
        while index < buffer.count && JSONLineParser.isSpace(buffer[index]) { index += 1 }
        if index >= buffer.count { return nil }
        if buffer[index] != UInt8(ascii: "\n") { break }
        start = index + 1
        lineNumber += 1
      }
      var parser = JSONLineParser(buffer: buffer, index: start, lineStart: max(start, firstLineStart))
      let failure = parser.parseObject(into: &record.fields)
      var end = parser.index
      if failure != nil {
        while end < buffer.count && buffer[end] != UInt8(ascii: "\n") { end += 1 }
      }
      return (min(end + 1, buffer.count), failure)
    }
    guard let outcome else {
      position = bytes.count
      line = lineNumber
      return false
    }
    position = outcome.end
    line = lineNumber + 1
    record.line = lineNumber
    if let reason = outcome.failure {
      record.fields.removeAll(keepingCapacity: true)
      throw JSONLinesError(line: lineNumber, reason: reason)
    }
    return true
  }

  /// The key of `field` (from a record of this reader).
  public func key(_ field: JSONField) -> String { bytes.withUnsafeBufferPointer { field.key(in: $0) } }

  /// The value of `field` (from a record of this reader).
  public func value(_ field: JSONField) -> JSONValue { bytes.withUnsafeBufferPointer { field.value(in: $0) } }

  /// The field of `record` whose key is `name`.
  public func field(named name: String, in record: JSONRecord) -> JSONField? {
    bytes.withUnsafeBufferPointer { buffer in record.fields.first { $0.keyEquals(name, in: buffer) } }
  }

  /// Every object as key-value pairs: for tests and small files (it allocates).
  public static func readAll(_ bytes: [UInt8]) throws(JSONLinesError) -> [[(key: String, value: JSONValue)]] {
    var reader = JSONLinesReader(bytes: bytes)
    var record = JSONRecord()
    var objects: [[(key: String, value: JSONValue)]] = []
    while try reader.next(into: &record) {
      objects.append(record.fields.map { (reader.key($0), reader.value($0)) })
    }
    return objects
  }
}
