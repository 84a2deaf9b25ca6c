/// Interns text read from data files: each distinct byte string gets a small id, found
/// again by hashing its bytes, so reading a row creates no `String`. Ids are handed out
/// in first-seen order, which depends only on the input; nothing sorts by id.
public struct StringPool: Sendable {
  private var bytes: [UInt8] = []
  /// `ends[i]` is where string `i` ends in `bytes`; it starts where `i - 1` ends.
  private var ends: [Int] = []
  private var hashes: [UInt64] = []
  /// Open addressing: `id + 1`, 0 for an empty slot.
  private var table: [Int32] = Array(repeating: 0, count: 1024)

  public init() {}

  public var count: Int { ends.count }

  /// The id of `text`, adding it when new.
  public mutating func intern(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = StringPool.hash(text)
    if let found = find(text, hash: hash) { return found }
    if (ends.count + 1) * 2 > table.count { grow() }
    let id = Int32(ends.count)
    bytes.append(contentsOf: text)
    ends.append(bytes.count)
    hashes.append(hash)
    insert(id, hash: hash)
    return id
  }

  public mutating func intern(_ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { intern($0) }
  }

  /// The id of `text`, or nil when it was never interned.
  public func find(_ text: UnsafeBufferPointer<UInt8>) -> Int32? {
    find(text, hash: StringPool.hash(text))
  }

  public func find(_ text: String) -> Int32? {
    var text = text
    return text.withUTF8 { find($0) }
  }

  public func string(_ id: Int32) -> String {
    let index = Int(id)
    let start = index == 0 ? 0 : ends[index - 1]
    return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
  }

  private func find(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = table[slot]
      if entry == 0 { return nil }
      let id = Int(entry - 1)
      if hashes[id] == hash && equals(id, text) { return Int32(id) }
      slot = (slot + 1) & mask
    }
  }

  private func equals(_ id: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = id == 0 ? 0 : ends[id - 1]
    guard ends[id] - start == text.count else { return false }
    var index = 0
    while index < text.count {
      if bytes[start + index] != text[index] { return false }
      index += 1
    }
    return true
  }

  private mutating func insert(_ id: Int32, hash: UInt64) {
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while table[slot] != 0 { slot = (slot + 1) & mask }
    table[slot] = id + 1
  }

  private mutating func grow() {
    table = Array(repeating: 0, count: table.count * 2)
    for id in 0..<ends.count { insert(Int32(id), hash: hashes[id]) }
  }

  /// FNV-1a, finished with a 64-bit mix so the low bits (the slot) depend on every byte.
  static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01b3
    }
    return mix(hash)
  }

  /// The finaliser of SplitMix64.
  static func mix(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9e37_79b9_7f4a_7c15
    z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
    z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
    return z ^ (z >> 31)
  }
}
