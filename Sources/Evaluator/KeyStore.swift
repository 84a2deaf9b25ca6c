/// Every contact's key as written, one after another: contact `c`'s bytes are
/// `bytes[ends[c - 1]..<ends[c]]`. Keys are unique, so they need no pool: appending one
/// is a copy, where interning a million of them cost a look-up each in a table that
/// outgrew the cache (and made every other pooled text's look-up miss too).
struct KeyStore: Sendable {
  private var bytes: [UInt8] = []
  private var ends: [Int] = []

  init(capacity: Int = 0) {
    ends.reserveCapacity(capacity)
  }

  var count: Int { ends.count }

  mutating func append(_ key: UnsafeBufferPointer<UInt8>) {
    bytes.append(contentsOf: key)
    ends.append(bytes.count)
  }

  mutating func append(_ key: String) {
    var key = key
    key.withUTF8 { append($0) }
  }

  /// Takes the key of `contact` out; the later contacts' keys move down by one. For a
  /// contact found to repeat an earlier one's key after its key went in (see
  /// `Loader.commit`): rare, and near the end.
  mutating func remove(at contact: Int) {
    let start = contact == 0 ? 0 : ends[contact - 1]
    let length = ends[contact] - start
    bytes.removeSubrange(start..<ends[contact])
    ends.remove(at: contact)
    for later in contact..<ends.count { ends[later] -= length }
  }

  /// Calls `body` with the key of `contact`.
  func withKey<R>(_ contact: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
    let start = contact == 0 ? 0 : ends[contact - 1]
    return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<ends[contact]])) }
  }

  /// The key of `contact` as text.
  func string(_ contact: Int) -> String {
    withKey(contact) { String(decoding: $0, as: UTF8.self) }
  }
}
