import CampaignLang

/// A few names (an enum's cases, the event types) matched against a field's bytes
/// without hashing: each name's first 8 bytes are packed in a word, kept with its
/// length, so a field is matched by comparing words, and only a name longer than 8
/// bytes compares the rest. For a handful of names this is a few compares; a look-up
/// in a `StringPool` hashed the field and probed a table, about 17 ns a row.
struct CaseNames {
  private var words: [UInt64] = []
  private var lengths: [Int] = []
  /// Per name: its bytes after the first 8 (empty for shorter names).
  private var tails: [[UInt8]] = []

  init(_ names: [String]) {
    for name in names {
      var name = name
      name.withUTF8 { bytes in
        words.append(StringPool.word(bytes))
        lengths.append(bytes.count)
        tails.append(bytes.count > 8 ? Array(bytes[8...]) : [])
      }
    }
  }

  /// The index of the first name that is exactly `bytes` (not empty), or nil.
  @inline(__always)
  func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let word = StringPool.word(bytes)
    let count = bytes.count
    for index in words.indices where words[index] == word && lengths[index] == count {
      if count <= 8 { return index }
      let rest = UnsafeBufferPointer(rebasing: bytes[8...])
      if tails[index].withUnsafeBufferPointer({ ByteEquality.equal(rest, $0) }) { return index }
    }
    return nil
  }
}
