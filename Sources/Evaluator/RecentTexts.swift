import DataReader

/// The pool ids of recently read short texts (up to 8 bytes), so that the few values a
/// text field of a large file repeats (a channel: email, push, sms) are found by
/// comparing one word, without hashing into the pool. Direct-mapped: a text's packed
/// word picks its entry; a miss interns the text and takes the entry over. Ids come
/// from the pool either way, in the order the texts are read.
struct RecentTexts {
  private struct Entry {
    var word: UInt64
    /// The text's length; 0 for an entry not yet used (texts looked up here are not empty).
    var length: Int
    var id: Int32
  }

  private var entries = Array(repeating: Entry(word: 0, length: 0, id: 0), count: 64)

  /// The pool id of `text`, interning it when new.
  @inline(__always)
  mutating func id(_ text: UnsafeBufferPointer<UInt8>, pool: inout StringPool) -> Int32 {
    let length = text.count
    guard length > 0 && length <= 8 else { return pool.intern(text) }
    let word = StringPool.word(text)
    let index = Int(truncatingIfNeeded: (word &* 0x9e37_79b9_7f4a_7c15) >> 58)
    let entry = entries[index]
    if entry.word == word && entry.length == length { return entry.id }
    let id = pool.intern(text)
    entries[index] = Entry(word: word, length: length, id: id)
    return id
  }
}
