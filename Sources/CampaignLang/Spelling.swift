/// "Did you mean" suggestions: the closest candidate within a small edit distance.
public enum Spelling {
  /// The candidate nearest to `word` (case-insensitive Levenshtein distance), if it is
  /// close enough: at most 1 edit for short words, 2 for words of 6+ letters, 3 for 10+.
  /// Ties go to the candidate listed first, so the result is deterministic.
  public static func closest(to word: String, among candidates: [String]) -> String? {
    let target = lowercasedBytes(word)
    let limit = target.count >= 10 ? 3 : target.count >= 6 ? 2 : 1
    let targetLetters = letterSet(target)
    var best: (String, Int)? = nil
    for candidate in candidates where candidate != word {
      // Cheap filters first, so a long list costs little: the lengths differ by at most
      // `limit`, and each letter one word has and the other lacks needs an edit of its own.
      guard abs(candidate.utf8.count - target.count) <= limit else { continue }
      let bytes = lowercasedBytes(candidate)
      let letters = letterSet(bytes)
      guard (targetLetters & ~letters).nonzeroBitCount <= limit, (letters & ~targetLetters).nonzeroBitCount <= limit
      else { continue }
      let distance = editDistance(target, bytes, limit: limit)
      if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// The UTF-8 bytes of `word` with ASCII letters lowercased.
  static func lowercasedBytes(_ word: String) -> [UInt8] {
    word.utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
  }

  /// Which bytes occur in `bytes`, folded into 64 bits (a lower bound on edits, never more).
  static func letterSet(_ bytes: [UInt8]) -> UInt64 {
    var set: UInt64 = 0
    for byte in bytes { set |= 1 &<< UInt64(byte & 63) }
    return set
  }

  /// Levenshtein distance with a transposition counted as one edit; stops early past `limit`.
  public static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int = .max) -> Int {
    if abs(a.count - b.count) > limit { return limit + 1 }
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous2 = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var row = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      row[0] = i
      var rowMinimum = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        var value = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          value = min(value, previous2[j - 2] + 1)
        }
        row[j] = value
        rowMinimum = min(rowMinimum, value)
      }
      if rowMinimum > limit { return limit + 1 }
      (previous2, previous, row) = (previous, row, previous2)
    }
    return previous[b.count]
  }
}
