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
  /// Per slot of a small table, chosen by a name's packed word and length: the index
  /// of the one name there, plus 1; 0 for none; -1 when two names share the slot (then
  /// every name is compared). One look at the table and one name compared per field:
  /// comparing the names one after another was a fifth of reading a plain events row.
  private var slots = [Int16](repeating: 0, count: CaseNames.slotCount)
  private static let slotCount = 64

  init(_ names: [String]) {
    for name in names {
      var name = name
      name.withUTF8 { bytes in
        let word = StringPool.word(bytes)
        let slot = CaseNames.slot(word, bytes.count)
        // A repeated name keeps its first index (`find` returns the first).
        let repeated = zip(words, lengths).contains { $0 == (word, bytes.count) } && bytes.count <= 8
        if !repeated { slots[slot] = slots[slot] == 0 && words.count < Int16.max ? Int16(words.count + 1) : -1 }
        words.append(word)
        lengths.append(bytes.count)
        tails.append(bytes.count > 8 ? Array(bytes[8...]) : [])
      }
    }
  }

  @inline(__always)
  private static func slot(_ word: UInt64, _ count: Int) -> Int {
    Int(truncatingIfNeeded: ((word ^ UInt64(truncatingIfNeeded: count)) &* 0x9e37_79b9_7f4a_7c15) >> 58)
  }

  /// The index of the first name that is exactly `bytes` (not empty), or nil.
  @inline(__always)
  func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let word = StringPool.word(bytes)
    let count = bytes.count
    let entry = slots[CaseNames.slot(word, count)]
    if entry > 0 { return matches(Int(entry) - 1, word, bytes) ? Int(entry) - 1 : nil }
    if entry == 0 { return nil }
    for index in words.indices where matches(index, word, bytes) { return index }
    return nil
  }

  /// Whether name `index` is exactly `bytes`, whose packed word is `word`.
  @inline(__always)
  private func matches(_ index: Int, _ word: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard words[index] == word && lengths[index] == bytes.count else { return false }
    if bytes.count <= 8 { return true }
    let rest = UnsafeBufferPointer(rebasing: bytes[8...])
    return tails[index].withUnsafeBufferPointer { ByteEquality.equal(rest, $0) }
  }
}
