/// Rows of an events file read but not yet settled: the loader reads a batch of rows
/// (storing the good ones without their contact), then finds all their contacts at
/// once, then settles the rows in file order.
///
/// Finding a contact is one read at a random place in a table of millions of keys, a
/// cache miss. One row at a time, each miss waits for the last; a batch's look-ups do
/// not depend on one another, so the processor overlaps their misses.
struct EventBatch {
  /// How many rows a batch holds.
  static let capacity = 512

  /// What reading a row found, before its contact is known.
  enum Outcome: UInt8 {
    /// The row does not fit (or could not be read): `problems[row.detail]`.
    case problem
    /// Its event type is not declared: counted by name, `names[row.detail]`.
    case undeclared
    /// Its contact id, `names[row.detail]`, is not a contact's: counted, with examples.
    case unknown
    /// A row to keep once its contact is found (unless `detail` names a problem).
    case row
    /// A row of a type left out of the data set: settled like `row`, then only counted
    /// (its time is `leftOutTime(row.stored)`; see `LeftOutEvents`).
    case leftOut
  }

  /// Plain data, so a batch of rows is copied and read without reference counting.
  struct Row {
    var outcome: Outcome
    var line: Int
    /// The contact, when its key was found while reading (a long key); else -1 and
    /// `probe` says which of `keys` to look up.
    var contact: Int32
    var probe: Int32
    /// For `row`: where the row is stored in the event columns.
    var stored: Int32
    /// For `problem`, `undeclared` and `unknown`, where the detail is; for `row`, the
    /// problem with a field (-1: none), reported only when the contact is known (an
    /// unknown contact's row is counted as such, whatever its fields).
    var detail: Int32
  }

  /// A row's contact key as read: missing, to look up with the batch (up to 8
  /// bytes), or already looked up (a longer one).
  enum Key {
    case missing
    case short(KeyIndex.ShortKey)
    case found(Int32)
    case unknown(String)
  }

  /// The batch's rows, the keys to look up and the times of rows left out, each in
  /// storage of `capacity` places written through pointers (see `Places`): an append
  /// to an array checked, per row and per array, that the array was not shared and had
  /// room, a tenth of reading a plain row.
  private let places = Places()
  var problems: [RowProblem] = []
  var names: [String] = []

  /// Fixed storage for a batch's rows, keys and times of rows left out. A batch never
  /// holds more than `capacity` rows, and each row adds at most one key and one time.
  private final class Places {
    let rows = UnsafeMutablePointer<Row>.allocate(capacity: EventBatch.capacity)
    let keys = UnsafeMutablePointer<KeyIndex.ShortKey>.allocate(capacity: EventBatch.capacity)
    let times = UnsafeMutablePointer<Int64>.allocate(capacity: EventBatch.capacity)
    var rowCount = 0
    var keyCount = 0
    var timeCount = 0

    deinit {
      rows.deallocate()
      keys.deallocate()
      times.deallocate()
    }
  }

  var isFull: Bool { places.rowCount >= EventBatch.capacity }

  /// The rows read, in file order.
  var rows: UnsafeBufferPointer<Row> { UnsafeBufferPointer(start: places.rows, count: places.rowCount) }
  /// The short keys to look up, in the order of the rows' `probe`.
  var keys: UnsafeBufferPointer<KeyIndex.ShortKey> {
    UnsafeBufferPointer(start: places.keys, count: places.keyCount)
  }

  /// Adds `row` (the batch is not full).
  @inline(__always)
  func append(_ row: Row) {
    (places.rows + places.rowCount).initialize(to: row)
    places.rowCount += 1
  }

  /// Adds a key to look up; returns its place (a row's `probe`).
  @inline(__always)
  func append(key: KeyIndex.ShortKey) -> Int32 {
    (places.keys + places.keyCount).initialize(to: key)
    places.keyCount += 1
    return Int32(truncatingIfNeeded: places.keyCount - 1)
  }

  /// Adds the time of a row left out; returns its place (the row's `stored`).
  @inline(__always)
  func append(leftOutTime time: Int64) -> Int32 {
    places.times[places.timeCount] = time
    places.timeCount += 1
    return Int32(truncatingIfNeeded: places.timeCount - 1)
  }

  /// The time of the row left out at `place`.
  func leftOutTime(_ place: Int32) -> Int64 { places.times[Int(place)] }

  /// Adds a row that goes no further than `outcome` (not `row`), with its detail.
  mutating func add(_ outcome: Outcome, line: Int, problem: RowProblem? = nil, name: String? = nil) {
    var detail: Int32 = -1
    if let problem {
      detail = Int32(problems.count)
      problems.append(problem)
    } else if let name {
      detail = Int32(names.count)
      names.append(name)
    }
    append(Row(outcome: outcome, line: line, contact: -1, probe: -1, stored: -1, detail: detail))
  }

  mutating func removeAll() {
    // Rows and keys are plain data: nothing to deinitialize.
    (places.rowCount, places.keyCount, places.timeCount) = (0, 0, 0)
    problems.removeAll(keepingCapacity: true)
    names.removeAll(keepingCapacity: true)
  }
}
