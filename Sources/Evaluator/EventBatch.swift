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
    /// (its time is `leftOutTimes[row.stored]`; see `LeftOutEvents`).
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

  var rows: [Row] = []
  var keys: [KeyIndex.ShortKey] = []
  var problems: [RowProblem] = []
  var names: [String] = []
  var leftOutTimes: [Int64] = []

  init() {
    rows.reserveCapacity(EventBatch.capacity)
    keys.reserveCapacity(EventBatch.capacity)
  }

  var isFull: Bool { rows.count >= EventBatch.capacity }

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
    rows.append(
      Row(outcome: outcome, line: line, contact: -1, probe: -1, stored: -1, detail: detail))
  }

  mutating func removeAll() {
    rows.removeAll(keepingCapacity: true)
    keys.removeAll(keepingCapacity: true)
    problems.removeAll(keepingCapacity: true)
    names.removeAll(keepingCapacity: true)
    leftOutTimes.removeAll(keepingCapacity: true)
  }
}
