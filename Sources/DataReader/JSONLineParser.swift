/// A hand-written, byte-level parser for one line of JSON Lines: a flat object. It
/// records where keys and values lie and checks everything, but decodes nothing.
struct JSONLineParser {
  let buffer: UnsafeBufferPointer<UInt8>
  var index: Int
  /// Where the line starts, for columns in messages.
  let lineStart: Int

  static let quote = UInt8(ascii: "\"")
  static let backslash = UInt8(ascii: "\\")
  static let lineFeed = UInt8(ascii: "\n")

  /// JSON whitespace within a line (a line feed ends the line instead).
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D
  }

  /// The byte at `index`, or 0 past the end (0 is never valid outside a string).
  @inline(__always)
  var current: UInt8 { index < buffer.count ? buffer[index] : 0 }

  @inline(__always)
  mutating func skipSpace() {
    while index < buffer.count && JSONLineParser.isSpace(buffer[index]) { index += 1 }
  }

  /// The 1-based column, in characters, of `offset`.
  func column(_ offset: Int) -> Int {
    UTF8Validation.scalarCount(in: buffer, from: lineStart, to: min(offset, buffer.count)) + 1
  }

  func syntax(_ problem: JSONLinesError.SyntaxProblem, at offset: Int) -> JSONLinesError.Reason {
    .invalidJSON(column: column(offset), problem)
  }

  /// Parses the object that starts at `index` (after any spaces) through the end of
  /// the line, appending its fields; returns what is wrong, or nil.
  mutating func parseObject(into fields: inout [JSONField]) -> JSONLinesError.Reason? {
    skipSpace()
    guard current == UInt8(ascii: "{") else {
      return current == 0 || current == JSONLineParser.lineFeed ? syntax(.expectedValue, at: index) : .notAnObject
    }
    index += 1
    skipSpace()
    if current == UInt8(ascii: "}") {
      index += 1
      return endOfLine()
    }
    while true {
      skipSpace()
      guard current == JSONLineParser.quote else { return syntax(.expectedKey, at: index) }
      let key: (start: Int, end: Int, escapes: Bool)
      switch scanString() {
      case .string(let start, let end, let escapes): key = (start, end, escapes)
      case .failure(let reason): return reason
      }
      let keyIsNew = fields.allSatisfy { field in
        !JSONLineParser.sameKey(
          buffer, field.keyStart, field.keyEnd, field.keyHasEscapes, key.start, key.end, key.escapes)
      }
      if !keyIsNew {
        let name = String(decoding: JSONEscapes.decoded(buffer, key.start, key.end, key.escapes), as: UTF8.self)
        return .duplicateKey(name)
      }
      skipSpace()
      guard current == UInt8(ascii: ":") else { return syntax(.expectedColon, at: index) }
      index += 1
      skipSpace()
      var field = JSONField(
        keyStart: key.start, keyEnd: key.end, keyHasEscapes: key.escapes, kind: .null, valueStart: index,
        valueEnd: index, valueHasEscapes: false)
      switch current {
      case JSONLineParser.quote:
        switch scanString() {
        case .string(let start, let end, let escapes):
          field.valueStart = start
          field.valueEnd = end
          field.valueHasEscapes = escapes
          field.kind = .string
        case .failure(let reason): return reason
        }
      case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
        if let reason = scanNumber() { return reason }
        field.kind = .number
        field.valueEnd = index
      case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
        guard let kind = scanWord() else { return syntax(.expectedValue, at: index) }
        field.kind = kind
        field.valueEnd = index
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        return .nestedValue(
          key: String(decoding: JSONEscapes.decoded(buffer, key.start, key.end, key.escapes), as: UTF8.self))
      default:
        return syntax(
          current == UInt8(ascii: "+") || current == UInt8(ascii: ".") ? .invalidNumber : .expectedValue, at: index)
      }
      fields.append(field)
      skipSpace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      guard current == UInt8(ascii: "}") else { return syntax(.expectedCommaOrEnd, at: index) }
      index += 1
      return endOfLine()
    }
  }

  /// Only spaces may follow the object on its line.
  mutating func endOfLine() -> JSONLinesError.Reason? {
    skipSpace()
    guard index >= buffer.count || buffer[index] == JSONLineParser.lineFeed else {
      return syntax(.textAfterObject, at: index)
    }
    return nil
  }

  /// A string's content range, or what is wrong with it.
  enum StringScan {
    case string(start: Int, end: Int, escapes: Bool)
    case failure(JSONLinesError.Reason)
  }

  /// Scans the string whose opening quote is at `index`; leaves `index` after the
  /// closing quote. The range is the content between the quotes.
  mutating func scanString() -> StringScan {
    let opening = index
    index += 1
    let start = index
    var escapes = false
    let count = buffer.count
    while true {
      // Fast path: plain ASCII text.
      while index < count {
        let byte = buffer[index]
        if byte == JSONLineParser.quote || byte == JSONLineParser.backslash || byte < 0x20 || byte >= 0x80 { break }
        index += 1
      }
      guard index < count else { return .failure(syntax(.unterminatedString, at: opening)) }
      let byte = buffer[index]
      if byte == JSONLineParser.quote {
        index += 1
        return .string(start: start, end: index - 1, escapes: escapes)
      }
      if byte == JSONLineParser.lineFeed { return .failure(syntax(.unterminatedString, at: opening)) }
      if byte < 0x20 { return .failure(syntax(.controlCharacter, at: index)) }
      if byte >= 0x80 {
        let length = UTF8Validation.sequenceLength(buffer, at: index, end: count)
        guard length > 0 else { return .failure(.invalidUTF8(column: column(index))) }
        index += length
        continue
      }
      // A backslash.
      escapes = true
      let escapeStart = index
      guard index + 1 < count else { return .failure(syntax(.unterminatedString, at: opening)) }
      switch buffer[index + 1] {
      case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
        UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
        index += 2
      case UInt8(ascii: "u"):
        let unit = JSONEscapes.hexValue(buffer, index + 2)
        guard unit >= 0 else { return .failure(syntax(.invalidEscape, at: escapeStart)) }
        index += 6
        if (0xDC00...0xDFFF).contains(unit) { return .failure(syntax(.unpairedSurrogate, at: escapeStart)) }
        if (0xD800...0xDBFF).contains(unit) {
          let low =
            index + 1 < count && buffer[index] == JSONLineParser.backslash && buffer[index + 1] == UInt8(ascii: "u")
            ? JSONEscapes.hexValue(buffer, index + 2) : -1
          guard (0xDC00...0xDFFF).contains(low) else {
            return .failure(syntax(.unpairedSurrogate, at: escapeStart))
          }
          index += 6
        }
      default:
        return .failure(syntax(.invalidEscape, at: escapeStart))
      }
    }
  }

  /// Scans a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
  mutating func scanNumber() -> JSONLinesError.Reason? {
    let start = index
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
    if current == UInt8(ascii: "-") { index += 1 }
    guard isDigit(current) else { return syntax(.invalidNumber, at: start) }
    if current == UInt8(ascii: "0") {
      index += 1
      if isDigit(current) { return syntax(.invalidNumber, at: start) }
    } else {
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard isDigit(current) else { return syntax(.invalidNumber, at: start) }
      while isDigit(current) { index += 1 }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard isDigit(current) else { return syntax(.invalidNumber, at: start) }
      while isDigit(current) { index += 1 }
    }
    return nil
  }

  /// Scans `true`, `false` or `null`.
  mutating func scanWord() -> JSONField.Kind? {
    for (word, kind) in [("true", JSONField.Kind.true), ("false", .false), ("null", .null)] {
      let utf8 = word.utf8
      if index + utf8.count <= buffer.count && buffer[index..<(index + utf8.count)].elementsEqual(utf8) {
        index += utf8.count
        return kind
      }
    }
    return nil
  }

  /// Whether two keys are equal once escapes are decoded.
  static func sameKey(
    _ buffer: UnsafeBufferPointer<UInt8>, _ start1: Int, _ end1: Int, _ escapes1: Bool, _ start2: Int, _ end2: Int,
    _ escapes2: Bool
  ) -> Bool {
    if !escapes1 && !escapes2 {
      return end1 - start1 == end2 - start2 && buffer[start1..<end1].elementsEqual(buffer[start2..<end2])
    }
    return JSONEscapes.decoded(buffer, start1, end1, escapes1) == JSONEscapes.decoded(buffer, start2, end2, escapes2)
  }
}
