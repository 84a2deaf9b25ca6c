extension UnsafeMutablePointer {
  /// New storage for `count` values, each `value`: the stages' scratch columns (see
  /// `ContactStage`, `EventStage`), freed by their owner.
  static func filled(with value: Pointee, count: Int) -> UnsafeMutablePointer {
    let storage = allocate(capacity: count)
    storage.initialize(repeating: value, count: count)
    return storage
  }
}
