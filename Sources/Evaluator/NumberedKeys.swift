import DataReader

/// A direct table of contacts by number, for contact keys that are numbers written the
/// same way: every key the same length (at most 8 bytes), a common prefix, then digits
/// (`c0012345`, `100234`), the numbers not spread over much more than the contacts.
/// Such a key is found by reading its number out of its packed word and one table
/// entry, where the `KeyIndex` hashes it and probes a table several times the size (a
/// cache miss a row, among a million contacts). The idea is a database's perfect hash
/// join on a dense integer key.
///
/// Exact: an events row's key that lacks the shape (another length or prefix, a byte
/// not a digit) is no contact's key, since every contact's key has it.
struct NumberedKeys: Sendable {
  /// Every key's length in bytes, and how many of them are the prefix.
  private let length: Int
  private let prefixLength: Int
  /// The prefix's bytes, packed as in `StringPool.word(_:)`.
  private let prefix: UInt64
  /// The smallest number; `contacts[n - lowest]` is the contact numbered `n`, or -1.
  private let lowest: Int
  private let contacts: [Int32]
  /// Whether the contacts are numbered in order with no gaps (contact `c` has number
  /// `lowest + c`), as in a file exported in the order of sequential ids: then a key's
  /// number is its contact, and the table (empty) is not read at all. Reading it cost a
  /// cache miss a row, a tenth of the events phase.
  private let inOrder: Bool
  /// How many contacts there are.
  private let count: Int

  /// How many table entries a contact may take at most: numbers spread wider than
  /// this are left to the hash table.
  static let spread = 4

  /// The table of `keys`, or nil when they do not all have the shape or their numbers
  /// are too spread out.
  init?(keys: KeyStore) {
    guard keys.count > 0, let shape = keys.withKey(0, { Shape(of: $0) }) else { return nil }
    var numbers = [Int](repeating: 0, count: keys.count)
    for contact in 0..<keys.count {
      guard let number = keys.withKey(contact, { shape.number($0) }) else { return nil }
      numbers[contact] = number
    }
    let lowest = numbers.min()!
    let size = numbers.max()! - lowest + 1
    guard size <= max(NumberedKeys.spread * keys.count, 1024) else { return nil }
    if size == keys.count && numbers.indices.allSatisfy({ numbers[$0] == lowest + $0 }) {
      self.init(shape: shape, inOrderFrom: lowest, count: keys.count)
      return
    }
    // Read at random, a row at a time: with huge pages, fewer look-ups miss the TLB too.
    let contacts = [Int32](unsafeUninitializedCapacity: size) { table, count in
      DataFile.adviseHugePages(UnsafeMutableRawBufferPointer(table))
      table.initialize(repeating: -1)
      for (contact, number) in numbers.enumerated() { table[number - lowest] = Int32(contact) }
      count = size
    }
    self.init(shape: shape, lowest: lowest, contacts: contacts, inOrder: false, count: keys.count)
  }

  /// The table of `count` keys of `shape` numbered in order from `lowest` with no gaps
  /// (see `inOrder`), known without reading the keys again (see `TakenNumbers`).
  init(shape: Shape, inOrderFrom lowest: Int, count: Int) {
    self.init(shape: shape, lowest: lowest, contacts: [], inOrder: true, count: count)
  }

  private init(shape: Shape, lowest: Int, contacts: [Int32], inOrder: Bool, count: Int) {
    (length, prefixLength, prefix) = (shape.length, shape.prefixLength, shape.prefix)
    (self.lowest, self.contacts, self.inOrder, self.count) = (lowest, contacts, inOrder, count)
  }

  /// Writes the contact of each of `keys` (-1: none) to `found`, which has room for
  /// them all. A plain loop with nothing between the look-ups, so that the processor
  /// has many of their cache misses under way at once.
  func find(_ keys: UnsafeBufferPointer<KeyIndex.ShortKey>, into found: UnsafeMutableBufferPointer<Int32>) {
    contacts.withUnsafeBufferPointer { table in
      for index in keys.indices { found[index] = contact(of: keys[index], in: table) }
    }
  }

  /// The contact of `key` (-1: none), `table` being `contacts`.
  @inline(__always)
  private func contact(of key: KeyIndex.ShortKey, in table: UnsafeBufferPointer<Int32>) -> Int32 {
    guard key.length == length,
      let number = NumberedKeys.number(word: key.word, length: length, prefixLength: prefixLength, prefix: prefix)
    else { return -1 }
    let entry = number &- lowest
    if inOrder { return entry >= 0 && entry < count ? Int32(truncatingIfNeeded: entry) : -1 }
    return entry >= 0 && entry < table.count ? table[entry] : -1
  }

  /// How keys numbered alike are written, taken from one of them: its length (at most
  /// 8 bytes), its prefix (the bytes before its longest run of digits at the end, at
  /// least one digit) and so how many digits.
  struct Shape: Sendable, Equatable {
    let length: Int
    let prefixLength: Int
    /// The prefix's bytes, packed as in `StringPool.word(_:)`.
    let prefix: UInt64

    /// The shape of `key`; nil when it is longer than 8 bytes or does not end in a digit.
    init?(of key: UnsafeBufferPointer<UInt8>) {
      let digits = NumberedKeys.digitSuffix(key)
      guard key.count <= 8, digits > 0 else { return nil }
      length = key.count
      prefixLength = key.count - digits
      prefix = prefixLength == 0 ? 0 : StringPool.word(key) & ((1 << (8 * UInt64(prefixLength))) - 1)
    }

    /// How many digits a key of this shape has.
    var digits: Int { length - prefixLength }

    /// The number of `key`; nil when it does not have this shape. Keys of one shape
    /// are equal exactly when their numbers are.
    @inline(__always)
    func number(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
      guard key.count == length else { return nil }
      return NumberedKeys.number(word: StringPool.word(key), length: length, prefixLength: prefixLength, prefix: prefix)
    }
  }

  /// The contact of `key`, or nil: the look-up of `find(_:into:)`, for one key.
  func find(_ key: KeyIndex.ShortKey) -> Int32? {
    let found = contacts.withUnsafeBufferPointer { contact(of: key, in: $0) }
    return found < 0 ? nil : found
  }

  /// How many bytes at the end of `key` are ASCII digits.
  private static func digitSuffix(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    while count < key.count && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(key[key.count - 1 - count]) {
      count += 1
    }
    return count
  }

  /// The number written in the digits after the prefix of a key of `length` bytes
  /// packed in `word`; nil when the prefix differs or a byte is not a digit. Eight
  /// digits at once: the digits move to the word's top, zeros fill in before them, and
  /// three multiplications add them up pairwise (as in simdjson's eight-digit parse).
  @inline(__always)
  static func number(word: UInt64, length: Int, prefixLength: Int, prefix: UInt64) -> Int? {
    let prefixBits = 8 &* UInt64(prefixLength)
    let prefixMask: UInt64 = prefixLength == 0 ? 0 : (1 &<< prefixBits) &- 1
    guard word & prefixMask == prefix else { return nil }
    let padBits = 8 &* UInt64(8 &- length &+ prefixLength)
    let zeros: UInt64 = 0x3030_3030_3030_3030
    let padMask: UInt64 = padBits == 0 ? 0 : (1 &<< padBits) &- 1
    let digits = (prefixLength == 0 ? word : word &>> prefixBits)
    let ascii = (padBits == 0 ? digits : digits &<< padBits) | (zeros & padMask)
    let values = ascii &- zeros
    // Every byte a digit: none borrowed below '0' (high bit) nor reaches 10 (+0x76).
    guard (values | (values &+ 0x7676_7676_7676_7676)) & 0x8080_8080_8080_8080 == 0 else { return nil }
    var sum = (values &* 10) &+ (values &>> 8)
    sum = ((sum & 0x00FF_00FF_00FF_00FF) &* 6_553_601) &>> 16
    sum = ((sum & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) &>> 32
    return Int(truncatingIfNeeded: sum & 0xFFFF_FFFF)
  }
}
