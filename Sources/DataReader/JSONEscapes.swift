/// Decoding JSON string escapes (`\n`, `\"`, `\u00e9`, surrogate pairs `\ud83d\ude00`)
/// into UTF-8. The reader has already checked the escapes, so decoding cannot fail.
enum JSONEscapes {
  /// The bytes in `start..<end`, with escapes decoded when `hasEscapes`.
  static func decoded(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ hasEscapes: Bool) -> [UInt8] {
    guard hasEscapes else { return Array(buffer[start..<end]) }
    var result: [UInt8] = []
    result.reserveCapacity(end - start)
    var index = start
    while index < end {
      let byte = buffer[index]
      guard byte == UInt8(ascii: "\\") else {
        result.append(byte)
        index += 1
        continue
      }
      let escape = buffer[index + 1]
      index += 2
      switch escape {
      case UInt8(ascii: "b"): result.append(0x08)
      case UInt8(ascii: "f"): result.append(0x0C)
      case UInt8(ascii: "n"): result.append(0x0A)
      case UInt8(ascii: "r"): result.append(0x0D)
      case UInt8(ascii: "t"): result.append(0x09)
      case UInt8(ascii: "u"):
        var scalar = hexValue(buffer, index)
        index += 4
        if (0xD800...0xDBFF).contains(scalar) {
          let low = hexValue(buffer, index + 2)
          index += 6
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
        }
        appendUTF8(UInt32(scalar), to: &result)
      default: result.append(escape)  // \" \\ \/
      }
    }
    return result
  }

  /// The value of the four hex digits at `index`, or -1 if they are not hex digits.
  static func hexValue(_ buffer: UnsafeBufferPointer<UInt8>, _ index: Int) -> Int {
    guard index + 4 <= buffer.count else { return -1 }
    var value = 0
    for offset in 0..<4 {
      let byte = buffer[index + offset]
      let digit: Int
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = Int(byte - UInt8(ascii: "a")) + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = Int(byte - UInt8(ascii: "A")) + 10
      default: return -1
      }
      value = value * 16 + digit
    }
    return value
  }

  static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
    switch scalar {
    case 0..<0x80:
      bytes.append(UInt8(scalar))
    case 0x80..<0x800:
      bytes.append(UInt8(0xC0 | scalar >> 6))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    case 0x800..<0x10000:
      bytes.append(UInt8(0xE0 | scalar >> 12))
      bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    default:
      bytes.append(UInt8(0xF0 | scalar >> 18))
      bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
      bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
      bytes.append(UInt8(0x80 | scalar & 0x3F))
    }
  }
}
