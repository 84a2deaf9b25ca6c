/// Where one key and its value lie in a JSON Lines file. As with CSV, the reader hands
/// out offsets and nothing is copied until asked for.
public struct JSONField: Sendable, Hashable {
  /// The kind of value.
  public enum Kind: Sendable, Hashable {
    case string
    /// A number, kept as its source text so that decimals stay exact.
    case number
    case `true`
    case `false`
    /// `null`: the value is missing.
    case null
  }

  /// The key's bytes, inside its quotes.
  public var keyStart: Int
  public var keyEnd: Int
  /// Whether the key holds backslash escapes (then its bytes are not the key as is).
  public var keyHasEscapes: Bool
  public var kind: Kind
  /// The value's bytes: inside the quotes for a string, the text itself otherwise.
  public var valueStart: Int
  public var valueEnd: Int
  /// Whether a string value holds backslash escapes.
  public var valueHasEscapes: Bool

  public init(
    keyStart: Int, keyEnd: Int, keyHasEscapes: Bool, kind: Kind, valueStart: Int, valueEnd: Int,
    valueHasEscapes: Bool
  ) {
    self.keyStart = keyStart
    self.keyEnd = keyEnd
    self.keyHasEscapes = keyHasEscapes
    self.kind = kind
    self.valueStart = valueStart
    self.valueEnd = valueEnd
    self.valueHasEscapes = valueHasEscapes
  }

  /// The key, escapes decoded.
  public func key(in buffer: UnsafeBufferPointer<UInt8>) -> String {
    String(decoding: JSONEscapes.decoded(buffer, keyStart, keyEnd, keyHasEscapes), as: UTF8.self)
  }

  /// The value, escapes decoded.
  public func value(in buffer: UnsafeBufferPointer<UInt8>) -> JSONValue {
    switch kind {
    case .string:
      return .string(
        String(decoding: JSONEscapes.decoded(buffer, valueStart, valueEnd, valueHasEscapes), as: UTF8.self))
    case .number:
      return .number(String(decoding: UnsafeBufferPointer(rebasing: buffer[valueStart..<valueEnd]), as: UTF8.self))
    case .true: return .bool(true)
    case .false: return .bool(false)
    case .null: return .null
    }
  }

  /// Calls `body` with the value's bytes, for `ValueParser`: a string's text (escapes
  /// decoded, into a temporary copy only when there are escapes), a number's source
  /// text, `true` or `false`, and no bytes at all for `null` (a missing value).
  @inlinable
  public func withValueBytes<R, E: Error>(
    in buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
  ) throws(E) -> R {
    if kind == .null { return try body(UnsafeBufferPointer(rebasing: buffer[valueStart..<valueStart])) }
    if !valueHasEscapes { return try body(UnsafeBufferPointer(rebasing: buffer[valueStart..<valueEnd])) }
    let copy = decodedValue(in: buffer)
    return try copy.withUnsafeBufferPointer { (bytes) throws(E) -> R in try body(bytes) }
  }

  /// A string value's bytes with escapes decoded.
  public func decodedValue(in buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    JSONEscapes.decoded(buffer, valueStart, valueEnd, valueHasEscapes)
  }

  /// Whether the key is `name`.
  public func keyEquals(_ name: String, in buffer: UnsafeBufferPointer<UInt8>) -> Bool {
    if keyHasEscapes { return JSONEscapes.decoded(buffer, keyStart, keyEnd, true).elementsEqual(name.utf8) }
    return keyEnd - keyStart == name.utf8.count && buffer[keyStart..<keyEnd].elementsEqual(name.utf8)
  }
}

/// A JSON Lines value. Objects and arrays are not values here: data is flat.
public enum JSONValue: Sendable, Hashable {
  case string(String)
  /// The number's source text (`12.50`, `-3`, `1e5`), so nothing is lost.
  case number(String)
  case bool(Bool)
  /// `null`: a missing value.
  case null
}
