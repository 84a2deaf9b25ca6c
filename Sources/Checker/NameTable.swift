/// A value for each distinct name, in the order the names were first added: a
/// `[String: Value]` that hashes with `NameIndex` (see there for why). Names are
/// never removed.
struct NameTable<Value> {
  private(set) var index = NameIndex()
  /// Parallel to `index.names`.
  private(set) var values: [Value] = []

  init() {}

  /// A table with room for `count` names (see `NameIndex.init(minimumCapacity:)`).
  init(minimumCapacity count: Int) {
    index = NameIndex(minimumCapacity: count)
    values.reserveCapacity(count)
  }

  var names: [String] { index.names }

  /// Setting replaces the value of a name already there, like a dictionary's subscript.
  subscript(_ name: String) -> Value? {
    get { index.position(of: name).map { values[$0] } }
    set {
      guard let newValue else { preconditionFailure("a NameTable never removes a name") }
      let (inserted, position) = index.insert(name)
      if inserted {
        values.append(newValue)
      } else {
        values[position] = newValue
      }
    }
  }
}
