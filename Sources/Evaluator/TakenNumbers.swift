/// Which numbers the contact keys read so far have, while every one of them has the
/// first one's shape (see `NumberedKeys.Shape`): a key of the shape repeats an earlier
/// one exactly when its number does, so a repeated contact id is found by testing a bit.
///
/// The `KeyIndex` hashed every key into a table of twice as many 16-byte slots as
/// contacts, built before the first row and missing the cache a key: skipping it for
/// keys numbered alike (the usual export) saves about 40 ms of a million contacts. The
/// events then find contacts through `NumberedKeys` and never read the table.
struct TakenNumbers: Sendable {
  /// The shape of every key noted.
  let shape: NumberedKeys.Shape
  /// Bit `n % 64` of word `n / 64`: whether a key numbered `n` has come. Grown as
  /// numbers come, never past what the shape's digits can write (10^8 bits, 12.5 MB, for
  /// eight digits): keys numbered from 1 in order take a bit a contact.
  private var bits: [UInt64] = []
  /// How many words `bits` may take.
  private let limit: Int
  /// How many numbers are noted, the first of them, and whether each came right after
  /// the one before (`first`, `first + 1`, ...): then `NumberedKeys` needs no second
  /// pass over the keys (see `lowestInOrder`).
  private(set) var count = 0
  private var first = 0
  private var inOrder = true

  /// The first number, when the numbers noted came in order from it with no gaps.
  var lowestInOrder: Int? { count > 0 && inOrder ? first : nil }

  init(shape: NumberedKeys.Shape) {
    self.shape = shape
    var numbers = 1
    for _ in 0..<shape.digits { numbers *= 10 }
    limit = (numbers + 63) / 64
  }

  /// Notes `number` (of a key of `shape`): true when no earlier key had it, false when
  /// one did.
  ///
  /// Called on the stored value itself (not inside a closure that captures it), so
  /// that `bits` is not shared while it changes: a copy of it on write cost 20 ms.
  @inline(__always)
  mutating func insert(_ number: Int) -> Bool {
    let (word, bit) = (number >> 6, UInt64(1) << UInt64(number & 63))
    if word >= bits.count { grow(toHold: word) }
    if bits[word] & bit != 0 { return false }
    bits[word] |= bit
    if count == 0 { first = number } else if number != first &+ count { inOrder = false }
    count += 1
    return true
  }

  /// Grows `bits` to hold word `word`, at least doubling (within `limit`).
  private mutating func grow(toHold word: Int) {
    let count = min(max(word + 1, bits.count * 2, 64), limit)
    bits += repeatElement(0, count: count - bits.count)
  }
}
