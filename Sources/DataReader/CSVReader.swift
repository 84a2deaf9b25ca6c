/// A CSV reader over the bytes of a whole file (RFC 4180).
///
/// Quoted fields may hold commas, doubled quotes (`""`) and line breaks; rows end with
/// LF or CRLF; a UTF-8 byte-order mark at the start is skipped; the last row may lack
/// its line break; blank lines are skipped. The reader never builds a `String` per
/// line or per field: `next()` fills a reusable `CSVRecord` with byte ranges into the
/// buffer, and a field is decoded only when the caller asks for it.
///
/// Errors are data (`CSVError`) with the line where the record starts. After an error
/// the reader has moved past the bad record, so a caller that skips bad rows can go on.
public struct CSVReader {
  public let bytes: [UInt8]
  /// The byte offset of the next record.
  public private(set) var offset: Int
  /// The 1-based line number of the next record.
  public private(set) var line: Int

  public init(bytes: [UInt8]) {
    self.bytes = bytes
    self.offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    self.line = 1
  }

  /// Reads the next record into `record`: true when there was one, false at the end.
  public mutating func next(into record: inout CSVRecord) throws(CSVError) -> Bool {
    record.removeAll()
    let bytes = self.bytes
    var cursor = Cursor(offset: offset, line: line)
    let outcome = bytes.withUnsafeBufferPointer { buffer in Self.scan(buffer, &cursor, &record) }
    offset = cursor.offset
    line = cursor.line
    switch outcome {
    case .record: return true
    case .end: return false
    case .error(let error): throw error
    }
  }

  struct Cursor {
    var offset: Int
    var line: Int
  }

  enum Outcome {
    case record, end
    case error(CSVError)
  }

  static func scan(_ buffer: UnsafeBufferPointer<UInt8>, _ cursor: inout Cursor, _ record: inout CSVRecord) -> Outcome {
    let count = buffer.count
    var position = cursor.offset
    // Blank lines (between records or at the end) are not records.
    while position < count && (buffer[position] == newline || buffer[position] == carriageReturn) {
      if buffer[position] == newline { cursor.line += 1 }
      position += 1
    }
    guard position < count else {
      cursor.offset = count
      return .end
    }
    record.line = cursor.line
    record.start = position
    var fieldStart = position
    while true {
      if position < count && buffer[position] == quote {
        // A quoted field: runs to the quote that is not doubled.
        var end = position + 1
        var escaped = false
        while true {
          guard end < count else {
            cursor.offset = count
            return .error(CSVError(line: record.line, field: record.count + 1, reason: .unterminatedQuote))
          }
          let byte = buffer[end]
          if byte == quote {
            if end + 1 < count && buffer[end + 1] == quote {
              escaped = true
              end += 2
              continue
            }
            break
          }
          if byte == newline { cursor.line += 1 }
          end += 1
        }
        record.append(CSVField(start: position + 1, end: end, isQuoted: true, hasEscapes: escaped))
        position = end + 1
        if position < count && buffer[position] != comma && buffer[position] != newline
          && !(buffer[position] == carriageReturn && (position + 1 == count || buffer[position + 1] == newline))
        {
          let field = record.count
          skipLine(buffer, from: position, &cursor)
          return .error(CSVError(line: record.line, field: field, reason: .textAfterClosingQuote))
        }
      } else {
        // A plain field: runs to a comma or the end of the line. A CR that is not
        // part of a CRLF stays in the field.
        while position < count {
          let byte = buffer[position]
          if byte == comma || byte == newline { break }
          if byte == carriageReturn && (position + 1 == count || buffer[position + 1] == newline) { break }
          if byte == quote {
            let field = record.count + 1
            skipLine(buffer, from: position, &cursor)
            return .error(CSVError(line: record.line, field: field, reason: .quoteInUnquotedField))
          }
          position += 1
        }
        record.append(CSVField(start: fieldStart, end: position, isQuoted: false, hasEscapes: false))
      }
      if position < count && buffer[position] == comma {
        position += 1
        fieldStart = position
        continue
      }
      // The end of the record: CRLF, LF or the end of the file.
      if position < count && buffer[position] == carriageReturn { position += 1 }
      if position < count && buffer[position] == newline {
        position += 1
        cursor.line += 1
      }
      cursor.offset = position
      return .record
    }
  }

  /// Moves past the rest of a bad record's line (quotes are not followed).
  static func skipLine(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, _ cursor: inout Cursor) {
    var position = start
    while position < buffer.count && buffer[position] != newline { position += 1 }
    if position < buffer.count {
      position += 1
      cursor.line += 1
    }
    cursor.offset = position
  }

  /// The bytes of a field, with doubled quotes undone.
  public func value(_ field: CSVField) -> ArraySlice<UInt8> {
    guard field.hasEscapes else { return bytes[field.start..<field.end] }
    var result: [UInt8] = []
    result.reserveCapacity(field.end - field.start)
    var position = field.start
    while position < field.end {
      let byte = bytes[position]
      result.append(byte)
      position += byte == quote ? 2 : 1
    }
    return result[...]
  }

  /// A field as text; nil when its bytes are not valid UTF-8.
  public func string(_ field: CSVField) -> String? {
    String(validating: value(field), as: UTF8.self)
  }
}

private let comma = UInt8(ascii: ",")
private let quote = UInt8(ascii: "\"")
private let newline = UInt8(ascii: "\n")
private let carriageReturn = UInt8(ascii: "\r")
