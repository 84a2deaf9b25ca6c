/// The byte loop at the heart of `CSVReader`: finds one record's fields in the whole
/// file's bytes, writing their offsets into caller-owned storage. It allocates nothing.
enum CSVScanner {
  static let comma = UInt8(ascii: ",")
  static let quote = UInt8(ascii: "\"")
  static let lineFeed = UInt8(ascii: "\n")
  static let carriageReturn = UInt8(ascii: "\r")

  /// What breaks a record (the reader turns it into a `CSVError.Reason`).
  enum Failure: UInt8 {
    case unterminatedQuotedField
    case quoteInUnquotedField
    case textAfterClosingQuote
    case blankLine
    case wrongFieldCount
    case invalidUTF8
  }

  /// What scanning one record found. A trivial value, so returning it costs nothing.
  struct Outcome {
    /// Where the next record starts (past this record's line break).
    var end: Int
    /// The line on which the next record starts.
    var nextLine: Int
    /// Fields found; only the first `storage.count` are stored.
    var fieldCount: Int
    /// Whether any byte of the record is not ASCII (so UTF-8 must be checked).
    var hasNonASCII: Bool
    /// Set when the record is malformed; `end` and `nextLine` then point past the damage.
    var failure: Failure?
    /// The 1-based field in which `failure` was found.
    var failureColumn: Int
  }

  static let lowBits: UInt64 = 0x0101_0101_0101_0101
  static let highBits: UInt64 = 0x8080_8080_8080_8080

  /// The offset of the first byte at or after `position` that is below `limit` or not
  /// ASCII, or `count` if there is none; eight bytes at a time (SWAR). Every byte that
  /// matters here (`,` `"` `\n` `\r`) is below `limit`; the caller looks at the byte
  /// found and goes on if it is harmless (a space, say).
  @inline(__always)
  static func skipOrdinary(
    _ base: UnsafePointer<UInt8>, from position: Int, count: Int, below limit: UInt64
  ) -> Int {
    var index = position
    let subtrahend = lowBits &* limit
    while index &+ 8 <= count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
      // The lowest flagged byte is exact: a byte sets its high bit in `word - subtrahend` if
      // it is below `limit` (and bytes before it, all in limit..<0x80, borrow nothing).
      let flagged = ((word &- subtrahend) | word) & highBits
      if flagged != 0 { return index &+ (flagged.trailingZeroBitCount &>> 3) }
      index &+= 8
    }
    while index < count {
      let byte = base[index]
      if byte < limit || byte >= 0x80 { return index }
      index &+= 1
    }
    return count
  }

  /// Scans a plain record, the common case in large files: no quotes, no carriage
  /// returns, ASCII only, ended by a line feed with eight bytes to spare before the end
  /// of the buffer. Eight bytes at a time, it flags every byte below `-` (0x2D) or not
  /// ASCII: the four bytes that matter (`,` `"` `\n` `\r`) are all below it, and in
  /// most data little else is (a space, `!`, `#`...), so one subtraction finds the
  /// candidates and each is then looked at. A flag can be wrong only above a byte truly
  /// below the limit (a borrow), never missing, and every flagged byte's value decides.
  /// Returns nil for any other record, which `scanRecord` then scans (from the same
  /// start: nothing is written that it does not write again).
  @inline(__always)
  static func scanPlainRecord(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, into fields: UnsafeMutableBufferPointer<CSVField>
  ) -> Outcome? {
    let base = bytes.baseAddress!
    let count = bytes.count
    let capacity = fields.count
    let subtrahend = lowBits &* 0x2D
    var position = start
    var fieldStart = start
    var fieldCount = 0
    while position &+ 8 <= count {
      let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
      var flagged = ((word &- subtrahend) | word) & highBits
      while flagged != 0 {
        let at = position &+ (flagged.trailingZeroBitCount &>> 3)
        flagged &= flagged &- 1
        let byte = base[at]
        if byte == comma || byte == lineFeed {
          if fieldCount < capacity {
            fields[fieldCount] = CSVField(start: fieldStart, end: at, isQuoted: false, hasDoubledQuotes: false)
          }
          fieldCount &+= 1
          fieldStart = at &+ 1
          if byte == lineFeed {
            return Outcome(
              end: at &+ 1, nextLine: line &+ 1, fieldCount: fieldCount, hasNonASCII: false, failure: nil,
              failureColumn: 0)
          }
        } else if byte == quote || byte == carriageReturn || byte >= 0x80 {
          return nil
        }
      }
      position &+= 8
    }
    return nil
  }

  /// Whether only line breaks remain from `start` to the end of the buffer.
  static func onlyLineBreaksRemain(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    var index = start
    while index < bytes.count {
      let byte = bytes[index]
      if byte != lineFeed && byte != carriageReturn { return false }
      index += 1
    }
    return true
  }

  /// Scans the record that starts at `start` (on line `line`), which must be before the
  /// end of `bytes`. Fields beyond `fields.count` are counted but not stored.
  static func scanRecord(
    _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, line startLine: Int,
    into fields: UnsafeMutableBufferPointer<CSVField>
  ) -> Outcome {
    let base = bytes.baseAddress!
    let count = bytes.count
    let capacity = fields.count
    var position = start
    var line = startLine
    var fieldCount = 0
    var nonASCII = false

    while true {
      var fieldStart = position
      let fieldEnd: Int
      var quoted = false
      var doubled = false
      if position < count && base[position] == quote {
        quoted = true
        position += 1
        fieldStart = position
        while true {
          while true {
            position = skipOrdinary(base, from: position, count: count, below: 0x23)
            guard position < count else { break }
            let byte = base[position]
            if byte == quote { break }
            if byte == lineFeed {
              line += 1
            } else if byte == carriageReturn {
              if position + 1 >= count || base[position + 1] != lineFeed { line += 1 }
            } else if byte >= 0x80 {
              nonASCII = true
            }
            position += 1
          }
          if position >= count {
            return Outcome(
              end: count, nextLine: line, fieldCount: fieldCount, hasNonASCII: nonASCII,
              failure: .unterminatedQuotedField, failureColumn: fieldCount + 1)
          }
          if position + 1 < count && base[position + 1] == quote {
            doubled = true
            position += 2
            continue
          }
          break
        }
        fieldEnd = position
        position += 1
        if position < count {
          let byte = base[position]
          if byte != comma && byte != lineFeed && byte != carriageReturn {
            return skipLine(
              bytes, from: position, line: line, fieldCount: fieldCount, reason: .textAfterClosingQuote)
          }
        }
      } else {
        while true {
          position = skipOrdinary(base, from: position, count: count, below: 0x2D)
          guard position < count else { break }
          let byte = base[position]
          // Most often the field ends here.
          if byte == comma || byte == lineFeed || byte == carriageReturn { break }
          if byte == quote {
            return skipLine(
              bytes, from: position, line: line, fieldCount: fieldCount, reason: .quoteInUnquotedField)
          }
          if byte >= 0x80 { nonASCII = true }
          position &+= 1
        }
        fieldEnd = position
      }
      if fieldCount < capacity {
        fields[fieldCount] = CSVField(start: fieldStart, end: fieldEnd, isQuoted: quoted, hasDoubledQuotes: doubled)
      }
      fieldCount &+= 1
      if position >= count {
        return Outcome(
          end: count, nextLine: line + 1, fieldCount: fieldCount, hasNonASCII: nonASCII, failure: nil,
          failureColumn: 0)
      }
      let separator = base[position]
      position &+= 1
      if separator == comma { continue }
      if separator == carriageReturn && position < count && base[position] == lineFeed { position += 1 }
      return Outcome(
        end: position, nextLine: line + 1, fieldCount: fieldCount, hasNonASCII: nonASCII, failure: nil,
        failureColumn: 0)
    }
  }

  /// The outcome of a record broken at `position`. Best effort: reading goes on after the
  /// next line break, so later records can still be read.
  static func skipLine(
    _ bytes: UnsafeBufferPointer<UInt8>, from position: Int, line: Int, fieldCount: Int, reason: Failure
  ) -> Outcome {
    var index = position
    while index < bytes.count && bytes[index] != lineFeed && bytes[index] != carriageReturn { index += 1 }
    if index < bytes.count {
      if bytes[index] == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == lineFeed { index += 1 }
      index += 1
    }
    return Outcome(
      end: index, nextLine: line + 1, fieldCount: fieldCount, hasNonASCII: false, failure: reason,
      failureColumn: fieldCount + 1)
  }
}
