/// The type of a data column, which says how its text is read (see `ValueParser`).
public enum ColumnKind: Sendable, Hashable {
  case int
  case decimal
  case bool
  case string
  case date
  case timestamp
  case duration
  case percent
  /// One of the declared case names, matched exactly.
  case enumeration([String])
}
