import CampaignLang

/// The distinct identifiers of one file, each made into a String once.
///
/// A large campaign writes the same few thousand names hundreds of thousands of times.
/// Making a String from a token's bytes validates and copies them every time (about 160
/// instructions); finding the spelling here compares a few bytes instead, and every use
/// of a name shares the one String. The lexer hashes the bytes while it scans them.
struct Spellings {
  /// Where a spelling was first seen in the file, and its hash (to skip most compares
  /// and to grow without reading the bytes again).
  private struct Entry {
    /// Byte offsets, 32-bit like `SourceRange`'s: files are at most 4 GiB.
    var start: UInt32
    var length: UInt32
    var hash: UInt32
  }

  /// Each distinct spelling, in the order first seen; an identifier token's
  /// `valueIndex` points here.
  private(set) var names: [String] = []
  /// Parallel to `names`.
  private var entries: [Entry] = []
  /// Open addressing, a power of two long: 0 is empty, otherwise a spelling's index + 1.
  private var slots = [Int32](repeating: 0, count: 1024)

  /// FNV-1a from a seed drawn once per process, so that a file cannot be written to
  /// make its names collide (which would make lexing quadratic in them).
  static let processSeed = UInt32.random(in: 0...UInt32.max)
  /// `processSeed`, read once per file rather than through its lazy global each time.
  let seed = Spellings.processSeed

  static func mix(_ hash: UInt32, _ byte: UInt8) -> UInt32 { (hash ^ UInt32(byte)) &* 0x0100_0193 }

  /// The index of the spelling `bytes[start..<end]`, whose hash (from `seed`, through
  /// `mix`) is `hash`; added when new. `bytes` is the whole file.
  mutating func index(of bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, hash: UInt32) -> Int32 {
    let length = end - start
    let mask = slots.count - 1
    var slot = Int(hash) & mask
    while slots[slot] != 0 {
      let candidate = Int(slots[slot]) - 1
      let entry = entries[candidate]
      if entry.hash == hash && Int(entry.length) == length
        && ByteEquality.equal(bytes.baseAddress! + Int(entry.start), bytes.baseAddress! + start, length)
      {
        return Int32(candidate)
      }
      slot = (slot + 1) & mask
    }
    let index = names.count
    names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
    entries.append(
      Entry(start: UInt32(truncatingIfNeeded: start), length: UInt32(truncatingIfNeeded: length), hash: hash))
    slots[slot] = Int32(index + 1)
    // At most half full, so probe runs stay short.
    if names.count * 2 > slots.count { grow() }
    return Int32(index)
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for index in entries.indices {
      var slot = Int(entries[index].hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index + 1)
    }
  }
}
