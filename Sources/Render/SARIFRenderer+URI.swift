extension SARIFRenderer {
  /// A path as a SARIF `uri` (RFC 3986): every byte but the unreserved characters and `/`
  /// percent-encoded, so spaces, `#`, `?` and `%` survive; an absolute path becomes a
  /// `file://` URI, a relative one a relative reference.
  public static func uri(_ path: String) -> String {
    let hex = Array("0123456789ABCDEF".utf8)
    var encoded: [UInt8] = []
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        encoded.append(byte)
      default:
        encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      }
    }
    let text = String(decoding: encoded, as: UTF8.self)
    return path.hasPrefix("/") ? "file://" + text : text
  }
}
