/// Rows of an events file read but not yet settled: the loader reads a batch of rows,
/// then finds all their contacts at once, then settles the rows in file order.
///
/// Finding a contact is one read at a random place in a table of millions of keys, a
/// cache miss. One row at a time, each miss waits for the last; a batch's look-ups do
/// not depend on one another, so the processor overlaps their misses.
struct EventBatch {
  /// How many rows a batch holds.
  static let capacity = 512

  /// What reading a row found, before its contact is known.
  enum Outcome {
    /// The row does not fit (or could not be read).
    case problem(RowProblem)
    /// Its event type is not declared: counted by name.
    case undeclared(String)
    /// Its contact id is not a contact's: counted, with a few examples.
    case unknown(String)
    case row(Row)
  }

  struct Row {
    var line: Int
    var type: Int32
    var time: Int64
    /// The contact, when its key was found while reading (a long key); else -1 and
    /// `probe` says which of `keys` to look up.
    var contact: Int32
    var probe: Int32
    /// The first of the row's values in `values` (one per field slot).
    var values: Int32
    /// Why a field does not fit, if one does not: reported only when the contact is
    /// known (an unknown contact's row is counted as such, whatever its fields).
    var problem: RowProblem?
  }

  var outcomes: [Outcome] = []
  var keys: [KeyIndex.ShortKey] = []
  var values: [Value] = []

  init(fieldCount: Int) {
    outcomes.reserveCapacity(EventBatch.capacity)
    keys.reserveCapacity(EventBatch.capacity)
    values.reserveCapacity(EventBatch.capacity * fieldCount)
  }

  var isFull: Bool { outcomes.count >= EventBatch.capacity }

  mutating func removeAll() {
    outcomes.removeAll(keepingCapacity: true)
    keys.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
  }
}
