import CampaignLang

extension Lexer {
  /// Decodes one UTF-8 scalar at `at`; nil for an invalid or truncated sequence.
  func decodeScalar(at: Int) -> (value: UInt32, length: Int)? {
    let first = bytes[at]
    let length: Int
    var value: UInt32
    switch first {
    case 0xC2...0xDF:
      length = 2
      value = UInt32(first & 0x1F)
    case 0xE0...0xEF:
      length = 3
      value = UInt32(first & 0x0F)
    case 0xF0...0xF4:
      length = 4
      value = UInt32(first & 0x07)
    default: return nil
    }
    guard at + length <= bytes.count else { return nil }
    for offset in 1..<length {
      let byte = bytes[at + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    // Reject overlong forms, surrogates and values past U+10FFFF.
    let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
    guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else {
      return nil
    }
    return (value, length)
  }

  static let spaceScalars: Set<UInt32> = [
    0x00A0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200A, 0x200B, 0x202F, 0x205F, 0x3000, 0xFEFF,
  ]

  /// A byte at or above 0x80 outside strings and comments.
  mutating func lexNonASCII() {
    let start = index
    guard let (scalar, length) = decodeScalar(at: index) else { return notText(at: start) }
    index += length
    switch scalar {
    case _ where Lexer.spaceScalars.contains(scalar):
      while index < bytes.count, bytes[index] >= 0x80, let next = decodeScalar(at: index),
        Lexer.spaceScalars.contains(next.value)
      {
        index += next.length
      }
      let what = scalar == 0x00A0 ? "a non-breaking space" : "an unusual space character"
      diagnostics.error(
        .unusualSpace, "\(what) where a plain space belongs", at: range(start, index),
        help: "retype it as an ordinary space (this often comes from copying out of a document)")
    case 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB:
      diagnostics.error(
        .curlyQuote, "curly quotes do not start a string", at: range(start, index),
        help: "use straight double quotes: \"like this\"")
      index = start
      lexString(closing: [UInt8(ascii: "\"")], openingLength: length, reportedQuote: true)
    case 0x2018, 0x2019:
      diagnostics.error(
        .curlyQuote, "curly quotes do not start a string", at: range(start, index),
        help: "use straight double quotes: \"like this\"")
      index = start
      lexString(closing: [UInt8(ascii: "'")], openingLength: length, reportedQuote: true)
    case 0x2013, 0x2014, 0x2212:
      let name = scalar == 0x2013 ? "an en dash" : scalar == 0x2014 ? "an em dash" : "a minus sign"
      if peek() == UInt8(ascii: ">") {
        index += 1
        diagnostics.error(
          .dash, "\(name) in a transition arrow", at: range(start, index),
          help: "write the arrow with a hyphen: `->`")
        emit(.arrow, from: start)
      } else {
        diagnostics.error(
          .dash, "\(name) where a hyphen-minus `-` belongs", at: range(start, index),
          help: "retype it as `-` (word processors turn hyphens into dashes)")
        emit(.minus, from: start)
      }
    case _ where Lexer.isCurrencySign(scalar) && currencySign(start: start):
      return
    case 0x2265, 0x2264, 0x2260, 0x2192:
      let (kind, ascii): (TokenKind, String) =
        switch scalar {
        case 0x2265: (.greaterEqual, ">=")
        case 0x2264: (.lessEqual, "<=")
        case 0x2260: (.bangEqual, "!=")
        default: (.arrow, "->")
        }
      diagnostics.error(
        .symbolOperator, "write `\(ascii)` instead of `\(file.text(range(start, index)))`",
        at: range(start, index), help: "operators are typed with plain keyboard characters")
      emit(kind, from: start)
    default:
      let text = file.text(range(start, index))
      diagnostics.error(
        .invalidCharacter, "unexpected `\(text)` in a campaign", at: range(start, index),
        help: "names use only the letters a-z and A-Z, digits and `_`; put other text in quotes")
      emit(.invalid, from: start)
    }
  }

  /// The first byte that is not UTF-8: the file is in another encoding (or not text at
  /// all), so every non-ASCII letter in it would be misread. Reported once, with the
  /// number of other places, and the file is read no further.
  mutating func notText(at start: Int) {
    var end = start + 1
    while end < bytes.count && bytes[end] >= 0x80 && decodeScalar(at: end) == nil { end += 1 }
    var others = 0
    var at = end
    while at < bytes.count {
      guard bytes[at] >= 0x80 else {
        at += 1
        continue
      }
      if let (_, length) = decodeScalar(at: at) {
        at += length
        continue
      }
      others += 1
      at += 1
      while at < bytes.count && bytes[at] >= 0x80 && decodeScalar(at: at) == nil { at += 1 }
    }
    let more =
      others == 0
      ? "" : others == 1 ? "; 1 more place is not UTF-8 either" : "; \(others) more places are not UTF-8 either"
    // What was reported before is dropped: in another encoding it was misread too.
    diagnostics = DiagnosticBag()
    diagnostics.error(
      .invalidUTF8, "this file is not UTF-8 text", at: range(start, end), label: "not UTF-8",
      help: "save the file as UTF-8 text (in most editors: Save As, then choose the encoding UTF-8)\(more)")
    isNotText = true
    index = bytes.count
  }

  // MARK: - Strings

  /// A string literal. Stops at the closing quote, or at the end of the line when it
  /// is missing (reported once, at the opening quote).
  mutating func lexString(closing: [UInt8], openingLength: Int = 1, reportedQuote: Bool = false) {
    let start = index
    index += openingLength
    var value: [UInt8] = []
    let close1 = closing.first ?? UInt8(ascii: "\"")
    let close2 = closing.last ?? close1
    while true {
      // Fast path: a run of plain ASCII bytes is copied in one go.
      let run = index
      while index < bytes.count {
        let byte = bytes[index]
        guard byte < 0x80, byte != UInt8(ascii: "\\"), !isLineBreak(byte), byte != close1, byte != close2
        else { break }
        index += 1
      }
      if index > run {
        // Most strings are one such run from quote to quote: their value is made
        // straight from the file's bytes, without filling `value` first.
        if value.isEmpty && index < bytes.count && closing.contains(bytes[index]) {
          let text = String(decoding: bytes[run..<index], as: UTF8.self)
          index += 1
          emit(.string, from: start, literal: .string(text))
          return
        }
        value.append(contentsOf: bytes[run..<index])
      }
      guard index < bytes.count, !isLineBreak(bytes[index]) else {
        diagnostics.error(
          .unterminatedString, "this string has no closing quote", at: range(start, start + openingLength),
          label: "string starts here", help: "end the string with `\"` on the same line")
        break
      }
      let byte = bytes[index]
      if closing.contains(byte) {
        index += 1
        break
      }
      if reportedQuote, byte >= 0x80, let (scalar, length) = decodeScalar(at: index),
        [0x201C, 0x201D, 0x2018, 0x2019, 0x00AB, 0x00BB].contains(scalar)
      {
        index += length
        break
      }
      if byte == UInt8(ascii: "\\") {
        lexEscape(into: &value)
        continue
      }
      if byte >= 0x80 {
        guard let (_, length) = decodeScalar(at: index) else { return notText(at: index) }
        value.append(contentsOf: bytes[index..<(index + length)])
        index += length
        continue
      }
      value.append(byte)
      index += 1
    }
    emit(.string, from: start, literal: .string(String(decoding: value, as: UTF8.self)))
  }

  mutating func lexEscape(into value: inout [UInt8]) {
    let start = index
    index += 1
    let byte = peek()
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"):
      value.append(byte)
      index += 1
    case UInt8(ascii: "n"):
      value.append(UInt8(ascii: "\n"))
      index += 1
    case UInt8(ascii: "t"):
      value.append(UInt8(ascii: "\t"))
      index += 1
    default:
      if !isLineBreak(byte) && index < bytes.count { index += 1 }
      diagnostics.error(
        .invalidEscape, "unknown escape `\(file.text(range(start, index)))` in a string",
        at: range(start, index), help: "the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`")
    }
  }
}
