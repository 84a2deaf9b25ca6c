/// The fields of one CSV record, refilled by `CSVReader.next(into:)` for every record so
/// that reading a file allocates nothing per row: the storage is sized once, to the
/// number of columns in the header.
public struct CSVRecord: Sendable {
  @usableFromInline var storage: [CSVField]
  /// The number of fields in the record (always the header's column count once
  /// `next(into:)` has returned true).
  public internal(set) var count: Int
  /// The 1-based line on which the record starts.
  public internal(set) var line: Int
  /// The offset in the file of the record's first byte.
  public internal(set) var startOffset: Int

  /// An empty record with room for `columnCount` fields.
  public init(columnCount: Int) {
    let empty = CSVField(start: 0, end: 0, isQuoted: false, hasDoubledQuotes: false)
    self.storage = Array(repeating: empty, count: max(columnCount, 1))
    self.count = 0
    self.line = 0
    self.startOffset = 0
  }

  /// The field in the 0-based column `column`.
  @inlinable
  public subscript(column: Int) -> CSVField { storage[column] }

  /// Calls `body` with the fields in place (as many as the header has columns).
  @inlinable
  public func withUnsafeFields<R>(_ body: (UnsafeBufferPointer<CSVField>) -> R) -> R {
    storage.withUnsafeBufferPointer(body)
  }

  /// All fields, in column order.
  public var fields: ArraySlice<CSVField> { storage[0..<count] }
}
