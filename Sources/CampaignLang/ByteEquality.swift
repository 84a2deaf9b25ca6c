/// Byte comparison for the hot look-ups of names and pooled text (the lexer's
/// spellings, the evaluator's string pool).
public enum ByteEquality {
  /// Whether the `length` bytes at `a` and `b` are the same. Names and field values are
  /// short, so they are compared here, eight bytes at a time, rather than through a call
  /// to `memcmp` (or a byte-by-byte `elementsEqual`) for each of the millions a large
  /// input holds.
  @inlinable @inline(__always)
  public static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    var offset = 0
    while offset + 8 <= length {
      let x = UnsafeRawPointer(a + offset).loadUnaligned(as: UInt64.self)
      let y = UnsafeRawPointer(b + offset).loadUnaligned(as: UInt64.self)
      if x != y { return false }
      offset += 8
    }
    while offset < length {
      if a[offset] != b[offset] { return false }
      offset += 1
    }
    return true
  }

  /// Whether `a` and `b` hold the same bytes.
  @inlinable @inline(__always)
  public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    guard let x = a.baseAddress, let y = b.baseAddress else { return true }
    return equal(x, y, a.count)
  }
}
