/// Distinct names in the order they were first added, each found by its position.
///
/// The checker looks names up several times for every name written in a campaign
/// (about 300,000 lookups for 100,000 lines). A `[String: Int]` spends some 350
/// instructions a lookup on SipHash; the names here are short identifiers, so FNV-1a
/// over the UTF-8 bytes, finished by a mixing step, and linear probing serve them in a
/// fraction of that. Each slot keeps the upper half of its name's hash, so a probe that
/// meets another name almost never compares strings. The hash starts from a seed drawn
/// once per process, so a file cannot be written to make its names collide.
///
/// Up to `linearLimit` names are searched in order, without slots: most tables (the
/// fields of one event, the creatives of one segment) stay that small.
struct NameIndex {
  /// The names, in the order they were added; a name's position is its index here.
  private(set) var names: [String] = []
  /// Open addressing, a power of two long once in use: 0 is an empty slot, otherwise
  /// the upper 32 bits hold the name's hash and the lower 32 its position plus one.
  private var slots: [UInt64] = []

  static let linearLimit = 8

  init() {}

  /// An index with room for `count` names before it reallocates: most indexes are
  /// small and short-lived, and growing one name at a time reallocates twice or more.
  init(minimumCapacity count: Int) {
    names.reserveCapacity(count)
  }

  var count: Int { names.count }

  /// The position of `name`, or nil when it was never added.
  func position(of name: String) -> Int? {
    guard !slots.isEmpty else { return names.firstIndex(of: name) }
    let hash = NameIndex.hash(name)
    let tag = UInt64(truncatingIfNeeded: hash) &>> 32
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { return nil }
      let position = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
      if entry &>> 32 == tag && names[position] == name { return position }
      slot = (slot + 1) & mask
    }
  }

  /// Adds `name` unless it is already there; either way returns its position.
  @discardableResult
  mutating func insert(_ name: String) -> (inserted: Bool, position: Int) {
    if let existing = position(of: name) { return (false, existing) }
    names.append(name)
    if names.count > NameIndex.linearLimit {
      // At most half full, so probe runs stay short.
      if names.count * 2 > slots.count {
        rebuildSlots(count: max(32, slots.count * 2))
      } else {
        place(names.count - 1)
      }
    }
    return (true, names.count - 1)
  }

  private mutating func rebuildSlots(count: Int) {
    slots = Array(repeating: 0, count: count)
    for position in names.indices { place(position) }
  }

  /// Puts the name at `position` into the first free slot of its probe sequence.
  private mutating func place(_ position: Int) {
    let hash = NameIndex.hash(names[position])
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 { slot = (slot + 1) & mask }
    slots[slot] = (UInt64(truncatingIfNeeded: hash) &>> 32) &<< 32 | UInt64(position + 1)
  }

  /// Drawn once per process (see the type's comment).
  private static let seed = UInt64.random(in: 0...UInt64.max)

  static func hash(_ name: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ seed
    let hashed: Void? = name.utf8.withContiguousStorageIfAvailable { bytes in
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
    if hashed == nil {
      for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
    }
    // FNV-1a's low bits mix poorly; the slot is chosen by them.
    hash ^= hash &>> 29
    hash = hash &* 0xBF58_476D_1CE4_E5B9
    return hash ^ (hash &>> 32)
  }
}
