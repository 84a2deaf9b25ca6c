/// The fields of one JSON Lines object, refilled by `JSONLinesReader.next(into:)` line
/// after line: its storage grows to the widest object and is then reused.
public struct JSONRecord: Sendable {
  /// The key-value pairs in the order written.
  public internal(set) var fields: [JSONField]
  /// The 1-based line of the object.
  public internal(set) var line: Int

  public init() {
    self.fields = []
    self.line = 0
  }
}
