/// Line starts of one file, built once when diagnostics are rendered.
///
/// Lines end at `\n`, `\r\n` or a lone `\r` (old Mac files); the `\r` belongs to the
/// line break, not the text.
/// Columns count Unicode scalars from 1 (a tab is one column; a BOM at the very start
/// is not counted), the convention of rustc and of SARIF's `unicodeCodePoints`.
public struct LineTable: Sendable {
  public let lineStarts: [Int]
  private let bytes: [UInt8]

  public init(_ file: SourceFile) {
    var starts = [0]
    let bytes = file.bytes
    for (offset, byte) in bytes.enumerated() {
      let endsLine =
        byte == UInt8(ascii: "\n")
        || (byte == UInt8(ascii: "\r") && (offset + 1 == bytes.count || bytes[offset + 1] != UInt8(ascii: "\n")))
      if endsLine { starts.append(offset + 1) }
    }
    self.lineStarts = starts
    self.bytes = bytes
  }

  /// Zero-based line index containing `offset`.
  public func lineIndex(of offset: Int) -> Int {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// One-based line and column of a byte offset.
  public func location(of offset: Int) -> (line: Int, column: Int) {
    let clamped = max(0, min(offset, bytes.count))
    let line = lineIndex(of: clamped)
    var start = lineStarts[line]
    if line == 0 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) && clamped >= 3 { start = 3 }
    return (line + 1, scalarCount(from: start, to: clamped) + 1)
  }

  /// Byte range of a line's text without its line break (`\n` or `\r\n`).
  public func lineRange(_ index: Int) -> Range<Int> {
    let start = lineStarts[index]
    var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
    if end > start && bytes[end - 1] == UInt8(ascii: "\n") { end -= 1 }
    if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
    return start..<max(start, end)
  }

  /// Number of Unicode scalars in `bytes[from..<to]`: every byte that is not a UTF-8
  /// continuation byte starts one (invalid bytes count one each, like U+FFFD).
  public func scalarCount(from: Int, to: Int) -> Int {
    var count = 0
    var index = from
    while index < to {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }
}
