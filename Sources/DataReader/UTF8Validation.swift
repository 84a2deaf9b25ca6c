/// Strict UTF-8 validation over a byte range, without building a `String`.
///
/// Rejects what `String(validating:)` rejects: stray continuation bytes, truncated
/// sequences, overlong forms, UTF-16 surrogates (U+D800 to U+DFFF) and code points
/// above U+10FFFF.
enum UTF8Validation {
  /// The offset of the first byte in `start..<end` that does not begin a well-formed
  /// sequence, or nil when the whole range is valid UTF-8.
  static func firstInvalidByte(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var index = start
    while index < end {
      let lead = bytes[index]
      if lead < 0x80 {
        index += 1
        continue
      }
      let length = sequenceLength(bytes, at: index, end: end)
      if length == 0 { return index }
      index += length
    }
    return nil
  }

  /// The length (2 to 4) of the well-formed non-ASCII sequence at `index`, or 0.
  static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
    let lead = bytes[index]
    func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
      index + offset < end && (low...high).contains(bytes[index + offset])
    }
    switch lead {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : 0
    case 0xE0:
      return continuation(1, 0xA0) && continuation(2) ? 3 : 0
    case 0xED:
      return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
    case 0xE1...0xEC, 0xEE...0xEF:
      return continuation(1) && continuation(2) ? 3 : 0
    case 0xF0:
      return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF1...0xF3:
      return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
    case 0xF4:
      return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
    default:
      return 0
    }
  }

  /// The number of Unicode scalars in `start..<end` (bytes that start a character), for
  /// reporting columns the way an editor shows them.
  static func scalarCount(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
    var count = 0
    for index in start..<end where bytes[index] & 0xC0 != 0x80 { count += 1 }
    return count
  }
}
