/// Reads CSV (RFC 4180) from the bytes of a whole file, one record at a time, handing
/// out where each field lies instead of copying it.
///
/// - The first row is the header: it names the columns, and every record must have one
///   field per column.
/// - Fields are separated by `,`; a field in double quotes may hold commas, line breaks
///   (kept exactly as written: `\n`, `\r\n` or `\r`) and quotes written twice (`""`).
/// - Records end at `\n`, `\r\n` or a lone `\r`; the last record may lack a line break,
///   and blank lines at the very end are ignored. A UTF-8 byte order mark at the start
///   is skipped.
/// - Lines are counted from 1 and each `\n`, `\r\n` or lone `\r` ends one, also inside
///   quoted fields.
/// - Fields must be UTF-8 text; a record is checked only when it holds non-ASCII bytes.
///
/// A malformed record is reported as a `CSVError` and skipped (from the break to the
/// next line break), so calling `next(into:)` again reads on; only an unterminated
/// quoted field ends the file.
///
/// For the fastest loop, share the bytes and read fields straight from them:
///
///     var reader = try CSVReader(bytes: data)
///     var record = reader.makeRecord()
///     let bytes = reader.bytes  // shares storage with the reader: no copy
///     try bytes.withUnsafeBufferPointer { buffer throws(CSVError) in
///       while try reader.next(into: &record) {
///         let field = record[2]
///         // field.rawBytes(in: buffer), field.string(in: buffer), ...
///       }
///     }
public struct CSVReader: Sendable {
  /// The whole file: a mapped file, or a copy of the bytes given. The bytes before the
  /// offset given to `releaseBytes(before:)` are not to be read again.
  public let bytes: ByteStore
  /// The column names, from the first row.
  public let header: [String]
  /// The offset at which the next record starts.
  public private(set) var position: Int
  /// The bytes before this offset are released (see `releaseBytes(before:)`).
  private var released = 0
  /// The line on which the next record starts.
  public private(set) var line: Int

  /// Reads the header row of `bytes`.
  public init(bytes: [UInt8]) throws(CSVError) {
    try self.init(store: ByteStore(copying: bytes))
  }

  /// Reads the header row of `store`.
  public init(store bytes: ByteStore) throws(CSVError) {
    self.bytes = bytes
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let header = bytes.withUnsafeBufferPointer { buffer in CSVReader.readHeader(buffer, from: start) }
    switch header {
    case .failure(let error): throw error
    case .success(let (names, end, nextLine)):
      self.header = names
      self.position = end
      self.line = nextLine
    }
  }

  /// The number of columns the header names.
  public var columnCount: Int { header.count }

  /// The 0-based index of the column named exactly `name`.
  public func columnIndex(named name: String) -> Int? { header.firstIndex(of: name) }

  /// A record with room for this file's columns, to pass to `next(into:)` again and again.
  public func makeRecord() -> CSVRecord { CSVRecord(columnCount: columnCount) }

  /// Reads the next record into `record`; returns false at the end of the file. On an
  /// error the reader has moved past the broken record, so the caller may go on.
  public mutating func next(into record: inout CSVRecord) throws(CSVError) -> Bool {
    let columns = header.count
    if record.storage.count < columns { record = CSVRecord(columnCount: columns) }
    let start = position
    let startLine = line
    guard start < bytes.count else { return false }
    let scanned: CSVScanner.Outcome? = bytes.withUnsafeBufferPointer { buffer in
      let first = buffer[start]
      if first == CSVScanner.lineFeed || first == CSVScanner.carriageReturn {
        if CSVScanner.onlyLineBreaksRemain(buffer, from: start) { return nil }
        if columns > 1 {
          let crlf = first == CSVScanner.carriageReturn && buffer[start + 1] == CSVScanner.lineFeed
          return CSVScanner.Outcome(
            end: start + (crlf ? 2 : 1), nextLine: startLine + 1, fieldCount: 0, hasNonASCII: false,
            failure: .blankLine, failureColumn: 0)
        }
      }
      return record.storage.withUnsafeMutableBufferPointer { fields in
        var outcome =
          CSVScanner.scanPlainRecord(buffer, from: start, line: startLine, into: fields)
          ?? CSVScanner.scanRecord(buffer, from: start, line: startLine, into: fields)
        if outcome.failure == nil && outcome.fieldCount != columns {
          outcome.failure = .wrongFieldCount
        } else if outcome.failure == nil && outcome.hasNonASCII {
          for column in 0..<columns
          where UTF8Validation.firstInvalidByte(in: buffer, from: fields[column].start, to: fields[column].end) != nil {
            outcome.failure = .invalidUTF8
            outcome.failureColumn = column + 1
            break
          }
        }
        return outcome
      }
    }
    guard let outcome = scanned else {
      position = bytes.count
      return false
    }
    position = outcome.end
    line = outcome.nextLine
    if let failure = outcome.failure { throw CSVReader.error(failure, outcome, line: startLine, header: header) }
    record.count = columns
    record.line = startLine
    record.startOffset = start
    return true
  }

  /// Lets the system have the memory of the bytes before `offset` (at most `position`;
  /// for instance the start of the record in hand): they are read no more and read as
  /// zeros afterwards. Reading a large file, call it now and then so the file is not all
  /// in memory at the end; it pays when the reader holds the only copy of the bytes.
  public mutating func releaseBytes(before offset: Int) {
    let end = min(offset, position)
    guard end - released >= 1 << 24 else { return }
    bytes.release(released..<end)
    released = end
  }

  /// The error for a broken record (`header` names the columns, if known yet).
  static func error(
    _ failure: CSVScanner.Failure, _ outcome: CSVScanner.Outcome, line: Int, header: [String]
  ) -> CSVError {
    let reason: CSVError.Reason
    var column: Int? = outcome.failureColumn
    switch failure {
    case .unterminatedQuotedField: reason = .unterminatedQuotedField
    case .quoteInUnquotedField: reason = .quoteInUnquotedField
    case .textAfterClosingQuote: reason = .textAfterClosingQuote
    case .invalidUTF8: reason = .invalidUTF8
    case .blankLine:
      reason = .blankLine(expected: header.count)
      column = nil
    case .wrongFieldCount:
      reason = .wrongFieldCount(expected: header.count, got: outcome.fieldCount)
      column = nil
    }
    let name = column.flatMap { $0 <= header.count ? header[$0 - 1] : nil }
    return CSVError(line: line, column: column, columnName: name, reason: reason)
  }

  /// The value of `field` (from a record of this reader) as a string.
  public func string(_ field: CSVField) -> String {
    bytes.withUnsafeBufferPointer { field.string(in: $0) }
  }

  /// The value of `field` (from a record of this reader) as bytes, `""` unescaped.
  public func valueBytes(_ field: CSVField) -> [UInt8] {
    bytes.withUnsafeBufferPointer { field.unescaped(in: $0) }
  }

  /// All records as strings: for tests and small files (it allocates per field).
  public static func readAll(_ bytes: [UInt8]) throws(CSVError) -> (header: [String], rows: [[String]]) {
    var reader = try CSVReader(bytes: bytes)
    var record = reader.makeRecord()
    var rows: [[String]] = []
    while try reader.next(into: &record) {
      rows.append(record.fields.map { reader.string($0) })
    }
    return (reader.header, rows)
  }

  /// Reads and checks the header row that starts at `start`.
  static func readHeader(
    _ buffer: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Result<([String], Int, Int), CSVError> {
    if CSVScanner.onlyLineBreaksRemain(buffer, from: start) {
      return .failure(CSVError(line: 1, reason: .emptyFile))
    }
    let first = buffer[start]
    if first == CSVScanner.lineFeed || first == CSVScanner.carriageReturn {
      return .failure(CSVError(line: 1, reason: .blankHeader))
    }
    // Count the fields first, then store them: the header is read once.
    let counted = CSVScanner.scanRecord(
      buffer, from: start, line: 1, into: UnsafeMutableBufferPointer(start: nil, count: 0))
    if let failure = counted.failure {
      return .failure(CSVReader.error(failure, counted, line: 1, header: []))
    }
    var fields = Array(
      repeating: CSVField(start: 0, end: 0, isQuoted: false, hasDoubledQuotes: false), count: counted.fieldCount)
    let outcome = fields.withUnsafeMutableBufferPointer {
      CSVScanner.scanRecord(buffer, from: start, line: 1, into: $0)
    }
    var names: [String] = []
    names.reserveCapacity(fields.count)
    for (index, field) in fields.enumerated() {
      if UTF8Validation.firstInvalidByte(in: buffer, from: field.start, to: field.end) != nil {
        return .failure(CSVError(line: 1, column: index + 1, reason: .invalidUTF8))
      }
      let name = field.string(in: buffer)
      if names.contains(name) {
        return .failure(CSVError(line: 1, column: index + 1, columnName: name, reason: .duplicateColumnName(name)))
      }
      names.append(name)
    }
    return .success((names, outcome.end, outcome.nextLine))
  }
}
