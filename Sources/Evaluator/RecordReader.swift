import DataReader

/// Rows of a data file, as the loader needs them: the value bytes of named columns.
/// CSV and JSON Lines behave alike: an empty CSV field and a JSON `null` or absent key
/// are a missing value.
protocol RecordReader {
  /// Chooses the columns to read, by name; returns the names the file does not have
  /// (CSV knows from its header; a JSON Lines file may lack a key on any row, so it
  /// reports none here and a missing value per row).
  mutating func select(_ names: [String]) -> [String]
  /// Moves to the next row; false at the end. A row that cannot be read at all throws.
  mutating func next() throws(RowProblem) -> Bool
  /// The line on which the current row starts.
  var line: Int { get }
  /// Calls `body` with the bytes of selected column `index` in the current row, nil
  /// when the value is missing.
  func field<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R
  /// Calls `body` with the current row's fields in place (see `FieldsInPlace`), or with
  /// nil when the reader has none to hand out (JSON Lines): then read them with
  /// `field(_:_:)`. For the fast path of loading (see `Loader.readPlainEventRow`).
  func withFieldsInPlace<R>(_ body: (FieldsInPlace?) -> R) -> R
  /// Lets the memory of the rows before the current one go (see
  /// `CSVReader.releaseBytes(before:)`); a reader may keep it.
  mutating func releaseReadRows()
}

struct CSVRecordReader: RecordReader {
  let file: String
  var reader: CSVReader
  var record: CSVRecord
  /// Per selected name: its column in the file, -1 for a column the file lacks.
  var columnIndices: [Int] = []
  /// The file's first byte: the reader holds the store, so it stays put (see
  /// `ByteStore.start`), and a field is read without a call into the store.
  let base: UnsafePointer<UInt8>?

  init(file: String, store: ByteStore) throws(LoadError) {
    self.file = file
    do {
      reader = try CSVReader(store: store)
    } catch {
      throw LoadError("\(file):\(error.line): \(error.message)")
    }
    record = reader.makeRecord()
    base = store.start
  }

  mutating func select(_ names: [String]) -> [String] {
    columnIndices = names.map { reader.columnIndex(named: $0) ?? -1 }
    return zip(names, columnIndices).filter { $0.1 < 0 }.map(\.0)
  }

  mutating func next() throws(RowProblem) -> Bool {
    do {
      return try reader.next(into: &record)
    } catch {
      throw RowProblem(file: file, csv: error)
    }
  }

  var line: Int { record.line }

  mutating func releaseReadRows() { reader.releaseBytes(before: record.startOffset) }

  func field<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
    let column = columnIndices[index]
    guard column >= 0 else { return body(nil) }
    let field = record[column]
    if field.isEmpty && !field.isQuoted { return body(nil) }
    if !field.hasDoubledQuotes, let base {
      return body(UnsafeBufferPointer(start: base + field.start, count: field.byteCount))
    }
    return reader.bytes.withUnsafeBufferPointer { buffer in field.withValueBytes(in: buffer) { body($0) } }
  }

  @inline(__always)
  func withFieldsInPlace<R>(_ body: (FieldsInPlace?) -> R) -> R {
    guard let base else { return body(nil) }
    return record.withUnsafeFields { fields in
      columnIndices.withUnsafeBufferPointer { columns in
        body(FieldsInPlace(file: base, fields: fields, columns: columns))
      }
    }
  }
}

struct JSONLinesRecordReader: RecordReader {
  let file: String
  var reader: JSONLinesReader
  var record = JSONRecord()
  var names: [String] = []
  /// Per selected name, the index of its field in the current record.
  var found: [Int?] = []

  init(file: String, bytes: [UInt8]) {
    self.file = file
    reader = JSONLinesReader(bytes: bytes)
  }

  mutating func select(_ names: [String]) -> [String] {
    self.names = names
    return []
  }

  mutating func next() throws(RowProblem) -> Bool {
    do {
      guard try reader.next(into: &record) else { return false }
    } catch {
      throw RowProblem(file: file, json: error)
    }
    let fields = record.fields
    found = reader.bytes.withUnsafeBufferPointer { buffer in
      names.map { name in fields.firstIndex { $0.keyEquals(name, in: buffer) } }
    }
    return true
  }

  var line: Int { record.line }

  /// JSON Lines files are kept whole: they are not the large ones.
  mutating func releaseReadRows() {}

  func field<R>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
    guard let position = found[index] else { return body(nil) }
    let field = record.fields[position]
    if case .null = field.kind { return body(nil) }
    return reader.bytes.withUnsafeBufferPointer { buffer in field.withValueBytes(in: buffer) { body($0) } }
  }

  /// JSON Lines rows are read by `field(_:_:)` only: they are not the large files.
  func withFieldsInPlace<R>(_ body: (FieldsInPlace?) -> R) -> R { body(nil) }
}

/// The fields of a CSV row where they lie in the file, by selected column (see
/// `RecordReader.select`): a field is two loads, where going through the reader's
/// arrays checked two indices and the field's bounds again each time, a fifth of
/// reading a plain events row. Valid only inside `withFieldsInPlace`; the selected
/// columns are the loader's own (the key's, the time's, the type's, one per field slot),
/// so an index is always one of them.
struct FieldsInPlace {
  let file: UnsafePointer<UInt8>
  let fields: UnsafeBufferPointer<CSVField>
  let columns: UnsafeBufferPointer<Int>

  /// The bytes of selected column `index` exactly as written (empty when the value is
  /// missing, as an absent column's is); nil when the field is quoted, so it needs
  /// unquoting: then the row takes the full read.
  @inline(__always)
  subscript(index: Int) -> UnsafeBufferPointer<UInt8>? {
    let column = columns[index]
    guard column >= 0 else { return UnsafeBufferPointer(start: nil, count: 0) }
    let field = fields[column]
    guard !field.isQuoted else { return nil }
    return UnsafeBufferPointer(start: file + field.start, count: field.end &- field.start)
  }
}

/// Opens `bytes` by its file name: `.jsonl`, `.ndjson` and `.json` are JSON Lines,
/// anything else CSV.
func makeRecordReader(file: String, store: ByteStore) throws(LoadError) -> any RecordReader {
  let lower = file.lowercased()
  if lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") || lower.hasSuffix(".json") {
    return JSONLinesRecordReader(file: file, bytes: store.array)
  }
  return try CSVRecordReader(file: file, store: store)
}
