import CampaignLang
import Lexer

/// Indentation as a hint for a nested block whose `}` is missing: the enclosing block's
/// `}` (or its next item) comes back out to the left of the line that opened the inner
/// block, so the inner block is the one reported, not the enclosing one.
extension Parser {
  /// The blanks at the start of the line that holds `offset`.
  func indentation(ofLineAt offset: Int) -> ArraySlice<UInt8> {
    let bytes = file.bytes
    var start = offset
    while start > 0 && bytes[start - 1] != UInt8(ascii: "\n") && bytes[start - 1] != UInt8(ascii: "\r") { start -= 1 }
    var end = start
    while end < bytes.count && (bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\t")) { end += 1 }
    return bytes[start..<end]
  }

  /// Whether `a` is a strict prefix of `b` (shallower, with the same kind of blanks).
  func isShallower(_ a: ArraySlice<UInt8>, than b: ArraySlice<UInt8>) -> Bool {
    a.count < b.count && b.starts(with: a)
  }

  /// Inside a nested block whose statement starts on a line indented by `opener`,
  /// whether the current token, at the start of a line, has come back out of it: a `}`
  /// left of the opening line, or an item no deeper than the opening line when the
  /// block's first item was deeper.
  func leavesNestedBlock(_ opener: ArraySlice<UInt8>, body: ArraySlice<UInt8>?) -> Bool {
    guard depth > 1, current.startsLine else { return false }
    let here = indentation(ofLineAt: current.range.start)
    if current.kind == .rightBrace { return isShallower(here, than: opener) }
    guard let body, isShallower(opener, than: body) else { return false }
    return here.count <= opener.count && opener.starts(with: here)
  }
}
