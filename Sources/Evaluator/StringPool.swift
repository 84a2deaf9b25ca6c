import CampaignLang
import DataReader

/// Interns text read from data files: each distinct byte string gets a small id, found
/// again by hashing its bytes, so reading a row creates no `String`. Ids are handed out
/// in first-seen order, which depends only on the input; nothing sorts by id.
///
/// Finding a string is the hot part of loading events (one contact id a row, among a
/// million or more), so a lookup touches two places only: a table slot, which holds the
/// hash's top half, the id and where the text is, and the text itself.
public struct StringPool: Sendable {
  /// Each string as its length (4 bytes, little-endian), then its bytes.
  private var bytes: [UInt8] = []
  /// `starts[i]`: where string `i` (its length) starts in `bytes`.
  private var starts: [Int] = []
  /// Open addressing, at most half full; the slot is chosen by the hash's top half.
  private var table: [Slot] = Array(repeating: Slot(entry: 0, start: 0), count: 1024)

  struct Slot {
    /// The hash's top 32 bits, then `id + 1`; 0 for an empty slot.
    var entry: UInt64
    /// Where the string starts in `bytes`.
    var start: Int
  }

  public init() {}

  public var count: Int { starts.count }

  /// The id of `text`, adding it when new.
  public mutating func intern(_ text: UnsafeBufferPointer<UInt8>) -> Int32 {
    let hash = StringPool.hash(text)
    if let found = find(text, hash: hash) { return found }
    if (starts.count + 1) * 2 > table.count { grow() }
    let id = starts.count
    precondition(text.count <= Int(UInt32.max) && id < Int(Int32.max), "text too long, or too many strings")
    let start = bytes.count
    withUnsafeBytes(of: UInt32(text.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: text)
    starts.append(start)
    insert(Slot(entry: (hash >> 32) << 32 | UInt64(id + 1), start: start))
    return Int32(id)
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
    let start = starts[Int(id)]
    return bytes.withUnsafeBufferPointer { bytes in
      String(decoding: StringPool.text(in: bytes, at: start), as: UTF8.self)
    }
  }

  private func find(_ text: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? {
    let tag = hash >> 32
    return table.withUnsafeBufferPointer { table in
      bytes.withUnsafeBufferPointer { bytes in
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: tag) & mask
        while true {
          let entry = table[slot].entry
          if entry == 0 { return nil }
          if entry >> 32 == tag && ByteEquality.equal(StringPool.text(in: bytes, at: table[slot].start), text) {
            return Int32(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
          }
          slot = (slot + 1) & mask
        }
      }
    }
  }

  /// The string whose length starts at `start` in `bytes`.
  private static func text(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UnsafeBufferPointer<UInt8> {
    let length = UInt32(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt32.self))
    return UnsafeBufferPointer(rebasing: bytes[(start + 4)..<(start + 4 + Int(length))])
  }

  private mutating func insert(_ item: Slot) {
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: item.entry >> 32) & mask
    while table[slot].entry != 0 { slot = (slot + 1) & mask }
    table[slot] = item
  }

  private mutating func grow() {
    let old = table
    // A large table is read at random: with huge pages, fewer lookups miss the TLB too.
    table = Array(unsafeUninitializedCapacity: old.count * 2) { buffer, count in
      DataFile.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
      buffer.initialize(repeating: Slot(entry: 0, start: 0))
      count = buffer.count
    }
    for item in old where item.entry != 0 { insert(item) }
  }

  /// The table's hash: eight bytes at a time (a short string is one or two loads), each
  /// word multiplied in, finished with a 64-bit mix so the top bits (the slot) depend on
  /// every byte. Only for tables: it may change; `stableHash` may not.
  @inline(__always)
  static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = text.count
    guard let base = text.baseAddress, count > 0 else { return mix(0) }
    let raw = UnsafeRawPointer(base)
    var hash = UInt64(truncatingIfNeeded: count) &* 0x9e37_79b9_7f4a_7c15
    if count >= 8 {
      // Whole words, then the last eight bytes (overlapping the words before).
      var offset = 0
      while offset &+ 8 < count {
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xbf58_476d_1ce4_e5b9
        hash ^= hash >> 29
        offset &+= 8
      }
      hash ^= raw.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
    } else {
      hash ^= word(text)
    }
    return mix(hash)
  }

  /// Up to 8 bytes as one word, zero-padded (byte `i` in bits `8i..<8i+8`).
  @inline(__always)
  static func word(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
    let count = text.count
    guard let base = text.baseAddress, count > 0 else { return 0 }
    let raw = UnsafeRawPointer(base)
    switch count {
    case 8...: return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    case 4...:
      // Two overlapping loads: bytes 0..<4 and count-4..<count, in place.
      let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
      let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)))
      return low | high << (8 &* UInt64(count &- 4))
    default:
      var word: UInt64 = 0
      for index in 0..<count { word |= UInt64(base[index]) << (8 &* UInt64(index)) }
      return word
    }
  }

  /// FNV-1a 64 over the bytes, finished with SplitMix64's mixer: the hash that variants
  /// are assigned by (grammar.md §8), the same on every machine and in every version.
  static func stableHash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
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
