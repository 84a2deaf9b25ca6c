/// A list of items per row (per event type, state or channel), stored flat: one array
/// of items and where each row's run starts. The run reads these after every event; a
/// nested array cost a retain and a release of the inner array at every read, a flat
/// one of plain items costs nothing.
struct Lists<Item: Sendable>: Sendable {
  private(set) var items: [Item] = []
  private var starts: [Int32] = [0]

  init(_ nested: [[Item]]) {
    for list in nested {
      items.append(contentsOf: list)
      starts.append(Int32(items.count))
    }
  }

  /// Where row `row`'s items are in `items`.
  func range(_ row: Int) -> Range<Int> { Int(starts[row])..<Int(starts[row + 1]) }

  /// Row `row`'s items, copied: for code that runs rarely.
  subscript(row: Int) -> ArraySlice<Item> { items[range(row)] }
}
