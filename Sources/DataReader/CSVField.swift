/// Where one field of a CSV record lies in the file's bytes. Nothing is copied: the
/// reader hands out offsets, and the caller reads the bytes only of the fields it needs.
public struct CSVField: Sendable, Hashable {
  /// Offset of the field's first content byte (after the opening quote, if quoted).
  public var start: Int
  /// Offset just past the field's last content byte (before the closing quote, if quoted).
  public var end: Int
  /// Whether the field was written in quotes (`""` is a quoted empty field).
  public var isQuoted: Bool
  /// Whether the content holds doubled quotes (`""`) that stand for one `"`: then the
  /// bytes in `start..<end` are not the value as is, and `unescaped(in:)` gives it.
  public var hasDoubledQuotes: Bool

  public init(start: Int, end: Int, isQuoted: Bool, hasDoubledQuotes: Bool) {
    self.start = start
    self.end = end
    self.isQuoted = isQuoted
    self.hasDoubledQuotes = hasDoubledQuotes
  }

  /// The number of content bytes as written (doubled quotes count twice).
  public var byteCount: Int { end - start }

  /// Whether the field is empty (`a,,b` or `a,"",b`): a missing value.
  public var isEmpty: Bool { end == start }

  /// The content as written, a slice of `buffer` (the whole file). When
  /// `hasDoubledQuotes` is set, each `""` in it stands for one `"`.
  @inlinable
  public func rawBytes(in buffer: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: buffer[start..<end])
  }

  /// The value's bytes, with each `""` turned into `"`.
  public func unescaped(in buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    guard hasDoubledQuotes else { return Array(rawBytes(in: buffer)) }
    var result: [UInt8] = []
    result.reserveCapacity(end - start)
    var index = start
    while index < end {
      let byte = buffer[index]
      result.append(byte)
      // A quote inside a quoted field is always doubled: skip its twin.
      index += byte == UInt8(ascii: "\"") ? 2 : 1
    }
    return result
  }

  /// Calls `body` with the value's bytes: a slice of `buffer` when the field has no
  /// doubled quotes (no copy), otherwise a temporary unescaped copy.
  @inlinable
  public func withValueBytes<R, E: Error>(
    in buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
  ) throws(E) -> R {
    if !hasDoubledQuotes { return try body(rawBytes(in: buffer)) }
    let copy = unescaped(in: buffer)
    do {
      return try copy.withUnsafeBufferPointer { (bytes) throws(E) -> R in try body(bytes) }
    }
  }

  /// The value as a string. The reader has already checked that it is valid UTF-8.
  public func string(in buffer: UnsafeBufferPointer<UInt8>) -> String {
    if !hasDoubledQuotes { return String(decoding: rawBytes(in: buffer), as: UTF8.self) }
    return String(decoding: unescaped(in: buffer), as: UTF8.self)
  }
}
