import CampaignLang
import DataReader

/// Finds a contact by its key as written, from the bytes of an events row: the hot
/// look-up of loading (one a row, among a million contacts or more, in no useful order).
///
/// A look-up reads one table slot. A key of up to 8 bytes (such as `c0012345`) lives in
/// its slot, so finding it touches nothing else; a longer key is compared with the
/// contact's key in the `KeyStore`. The table holds contact keys only and
/// is at most half full, so it stays as small as the contacts allow.
///
/// Contact keys numbered alike (see `NumberedKeys`) need no table: one made with
/// `init(numbering:)` notes their numbers while they go in (see `TakenNumbers`), and
/// builds the table only when a key does not have the first one's shape, or when their
/// numbers are too spread out to number them.
///
/// INVARIANT: the keys of contacts `0..<count` are in, and no other; once every key is
/// in (`numberKeys(_:)`), they are in `numbered`, or in `table`, or both.
struct KeyIndex: Sendable {
  /// Empty until built (see `init(numbering:)`).
  private var table: [Slot]
  private var used = 0
  /// How many keys to size the table for when it is built.
  private var capacity = 0
  /// Whether keys go in as numbers, without the table (see `init(numbering:)`): until
  /// a key does not have the first one's shape, or every key is in.
  private(set) var isNumbering = false
  /// The numbers of the keys in while `isNumbering`, once a key is in.
  private var taken: TakenNumbers?
  /// What `touch(_:)` read, summed and kept only so that its reads are not optimised
  /// away (Swift has no prefetch).
  private var touched: Int32 = 0
  /// The contacts by number, when their keys are numbers written alike (see
  /// `NumberedKeys`); set by `numberKeys(_:)` once every contact is in.
  private var numbered: NumberedKeys?

  struct Slot {
    /// A short key's bytes (little-endian, zero-padded); 0 for a long key (the
    /// contact's key in the `KeyStore` says it).
    var word: UInt64
    /// The hash's top 24 bits, then the key's length (255 for 255 bytes or more).
    var tag: UInt32
    /// The contact; -1 for an empty slot.
    var contact: Int32
  }

  private static let empty = Slot(word: 0, tag: 0, contact: -1)
  private static let inlineLength = 8

  init(capacity: Int = 0) {
    var size = 1024
    while size < capacity * 2 { size *= 2 }
    table = KeyIndex.makeTable(size)
  }

  /// An index for about `capacity` keys that starts without its table, finding repeated
  /// keys by their numbers while they are numbered alike (see `TakenNumbers`).
  init(numbering capacity: Int) {
    table = []
    self.capacity = capacity
    isNumbering = true
  }

  var count: Int { used }

  /// The contact of `key`, or nil. Call it once every key is in (see `numberKeys(_:)`).
  func find(_ key: UnsafeBufferPointer<UInt8>, keys: KeyStore) -> Int32? {
    // Exact without the table (which may not be built): a key longer than 8 bytes
    // does not have the contacts' shape, so it is no contact's.
    if let numbered { return KeyIndex.short(key).flatMap { numbered.find($0) } }
    return find(key, hash: KeyIndex.hash(key), keys: keys)
  }

  /// A short key's hash comes from its packed word (no second pass over its bytes).
  @inline(__always)
  static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
    key.count <= inlineLength ? hash(word: StringPool.word(key), length: key.count) : StringPool.hash(key)
  }

  @inline(__always)
  static func hash(word: UInt64, length: Int) -> UInt64 {
    StringPool.mix(word ^ UInt64(truncatingIfNeeded: length) &* 0x9e37_79b9_7f4a_7c15)
  }

  private func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, keys: KeyStore) -> Int32? {
    if key.count <= KeyIndex.inlineLength {
      let short = ShortKey(word: StringPool.word(key), length: key.count)
      return table.withUnsafeBufferPointer { KeyIndex.probe(short, hash: hash, in: $0) }
    }
    let tag = KeyIndex.tag(hash, length: key.count)
    return table.withUnsafeBufferPointer { table in
      let mask = table.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while true {
        let entry = table[slot]
        if entry.contact < 0 { return nil }
        if entry.tag == tag && keys.withKey(Int(entry.contact), { ByteEquality.equal($0, key) }) {
          return entry.contact
        }
        slot = (slot + 1) & mask
      }
    }
  }

  /// The contact of a short key, or nil: its slot holds the key itself.
  @inline(__always)
  private static func probe(_ key: ShortKey, hash: UInt64, in table: UnsafeBufferPointer<Slot>) -> Int32? {
    let tag = KeyIndex.tag(hash, length: key.length)
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let entry = table[slot]
      if entry.contact < 0 { return nil }
      if entry.tag == tag && entry.word == key.word { return entry.contact }
      slot = (slot + 1) & mask
    }
  }

  /// A key of up to 8 bytes, packed, ready to look up without its bytes. Its hash is
  /// worked out only for a look-up in the table: keys found by number need none, and
  /// hashing every events row's key was a few percent of reading it.
  struct ShortKey {
    var word: UInt64
    var length: Int

    @inline(__always)
    var hash: UInt64 { KeyIndex.hash(word: word, length: length) }

    /// The key as text (for messages).
    var text: String {
      String(decoding: (0..<length).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) }, as: UTF8.self)
    }
  }

  /// `key` packed for `find(_:into:)`; nil when it is longer than 8 bytes.
  static func short(_ key: UnsafeBufferPointer<UInt8>) -> ShortKey? {
    guard key.count <= KeyIndex.inlineLength else { return nil }
    return ShortKey(word: StringPool.word(key), length: key.count)
  }

  /// Looks up every key of `keys`, writing each one's contact (-1: none) to `contacts`.
  /// The look-ups do not depend on one another, so their cache misses overlap.
  func find(_ keys: UnsafeBufferPointer<ShortKey>, into contacts: inout [Int32]) {
    // Sized once, then written through a pointer: an append per key checked the
    // array's uniqueness and capacity between look-ups that should overlap.
    if contacts.count != keys.count { contacts = Array(repeating: -1, count: keys.count) }
    contacts.withUnsafeMutableBufferPointer { found in
      if let numbered { return numbered.find(keys, into: found) }
      table.withUnsafeBufferPointer { table in
        for index in keys.indices {
          found[index] = KeyIndex.probe(keys[index], hash: keys[index].hash, in: table) ?? -1
        }
      }
    }
  }

  /// Sets up the look-up by number when the keys of `keys` allow it (see
  /// `NumberedKeys`), or else builds the table if it is not built yet: call it once
  /// every contact's key is in.
  mutating func numberKeys(_ keys: KeyStore) {
    if isNumbering, let taken, taken.count == keys.count, let lowest = taken.lowestInOrder {
      // Noted in order while they went in: the keys need not be read again.
      numbered = NumberedKeys(shape: taken.shape, inOrderFrom: lowest, count: keys.count)
    } else {
      numbered = NumberedKeys(keys: keys)
    }
    (isNumbering, taken) = (false, nil)
    if numbered == nil && table.isEmpty { buildTable(keys: keys) }
  }

  /// Adds the key of `contact`, already in `keys`, whose hash (`hash(_:)`) is `hash`
  /// (nil: not worked out, as `isNumbering` was true); false when an earlier contact
  /// has it (then it is not added). Contacts are added in order, each with the next
  /// number (`count`).
  ///
  /// While every key has had the first one's shape, a key is only a number noted (see
  /// `TakenNumbers`); the first that has not builds the table, with every key before
  /// it, and the table takes every key from then on.
  mutating func add(storedKeyOf contact: Int32, hash: UInt64?, keys: KeyStore) -> Bool {
    assert(Int(contact) == used, "contacts are added in order")
    if isNumbering {
      if taken == nil, let shape = keys.withKey(Int(contact), { NumberedKeys.Shape(of: $0) }) {
        taken = TakenNumbers(shape: shape)
      }
      if let shape = taken?.shape, let number = keys.withKey(Int(contact), { shape.number($0) }) {
        let isNew = taken!.insert(number)
        if isNew { used += 1 }
        return isNew
      }
      (isNumbering, taken) = (false, nil)
    }
    let hash = hash ?? keys.withKey(Int(contact)) { KeyIndex.hash($0) }
    return insert(storedKeyOf: contact, hash: hash, keys: keys) == nil
  }

  /// Adds `key` for `contact` (whose key in `keys` it is, or is about to be); returns
  /// the contact that already has it instead, without adding.
  mutating func insert(_ key: UnsafeBufferPointer<UInt8>, contact: Int32, keys: KeyStore) -> Int32? {
    insert(key, hash: KeyIndex.hash(key), contact: contact, keys: keys)
  }

  /// Adds the key of `contact`, already in `keys`, whose hash (`hash(_:)`) is `hash`;
  /// returns the contact that already has it instead, without adding.
  mutating func insert(storedKeyOf contact: Int32, hash: UInt64, keys: KeyStore) -> Int32? {
    keys.withKey(Int(contact)) { key in insert(key, hash: hash, contact: contact, keys: keys) }
  }

  /// Reads the slot where the look-up of each of `hashes` starts, one after another
  /// without waiting for any: their cache misses overlap, so inserting the keys next
  /// finds their slots in the cache. Inserted one at a time, a million contacts' keys
  /// missed the cache (and the TLB) one after another: about 150 ns a contact, a
  /// quarter of the contacts phase. A look-up goes on to the next slots while they are
  /// taken, which crosses into the next cache line (four slots) about a third of the
  /// time: the slot three on is read too, which is in that line when it matters (this
  /// halved what the inserts still waited for, about 15 ms of a million contacts).
  mutating func touch(_ hashes: UnsafeBufferPointer<UInt64>) {
    guard !table.isEmpty else { return }
    var sum: Int32 = 0
    table.withUnsafeBufferPointer { table in
      let mask = table.count - 1
      for hash in hashes {
        let slot = Int(truncatingIfNeeded: hash) & mask
        sum &+= table[slot].contact &+ table[(slot &+ 3) & mask].contact
      }
    }
    touched &+= sum
  }

  private mutating func insert(
    _ key: UnsafeBufferPointer<UInt8>, hash: UInt64, contact: Int32, keys: KeyStore
  ) -> Int32? {
    if table.isEmpty {
      (isNumbering, taken) = (false, nil)
      buildTable(keys: keys)
    }
    if let existing = find(key, hash: hash, keys: keys) { return existing }
    // A key added after numbering is not in the numbered table: look up by hash again.
    numbered = nil
    if (used + 1) * 2 > table.count { grow(keys: keys) }
    place(KeyIndex.slot(key, hash: hash, contact: contact), hash: hash)
    used += 1
    return nil
  }

  private static func slot(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, contact: Int32) -> Slot {
    let short = key.count <= KeyIndex.inlineLength
    return Slot(
      word: short ? StringPool.word(key) : 0, tag: KeyIndex.tag(hash, length: key.count), contact: contact)
  }

  /// Builds the table of the keys in (those of contacts `0..<count`, in `keys`), for
  /// `capacity` keys or more: in batches whose slots are touched first, as
  /// `Loader.commit` inserts (see `touch(_:)`). The keys are all different, so each
  /// goes in without a look-up.
  private mutating func buildTable(keys: KeyStore) {
    var size = 1024
    while size < max(capacity, used) * 2 { size *= 2 }
    table = KeyIndex.makeTable(size)
    let batch = 128
    var hashes = [UInt64](repeating: 0, count: batch)
    for start in stride(from: 0, to: used, by: batch) {
      let end = min(start + batch, used)
      for contact in start..<end { hashes[contact - start] = keys.withKey(contact) { KeyIndex.hash($0) } }
      hashes.withUnsafeBufferPointer { touch(UnsafeBufferPointer(rebasing: $0[0..<(end - start)])) }
      for contact in start..<end {
        let hash = hashes[contact - start]
        place(keys.withKey(contact) { KeyIndex.slot($0, hash: hash, contact: Int32(contact)) }, hash: hash)
      }
    }
  }

  private mutating func place(_ item: Slot, hash: UInt64) {
    let mask = table.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while table[slot].contact >= 0 { slot = (slot + 1) & mask }
    table[slot] = item
  }

  /// Doubles the table, hashing each key again (from its slot, or from the store).
  private mutating func grow(keys: KeyStore) {
    let old = table
    table = KeyIndex.makeTable(old.count * 2)
    for item in old where item.contact >= 0 {
      let length = Int(item.tag & 0xFF)
      let hash: UInt64
      if length <= KeyIndex.inlineLength {
        hash = KeyIndex.hash(word: item.word, length: length)
      } else {
        hash = keys.withKey(Int(item.contact)) { StringPool.hash($0) }
      }
      place(item, hash: hash)
    }
  }

  private static func makeTable(_ size: Int) -> [Slot] {
    // A large table is read at random: with huge pages, fewer look-ups miss the TLB too.
    Array(unsafeUninitializedCapacity: size) { buffer, count in
      DataFile.adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
      buffer.initialize(repeating: empty)
      count = buffer.count
    }
  }

  /// The slot is chosen by the hash's low bits; the tag holds its top 24 and the length.
  private static func tag(_ hash: UInt64, length: Int) -> UInt32 {
    UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(min(length, 255))
  }
}
