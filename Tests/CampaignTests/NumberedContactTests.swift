import Foundation
import Testing

@testable import Evaluator

/// Contact keys numbered alike go in without the hash table (`KeyIndex.init(numbering:)`,
/// `TakenNumbers`): the repeated ids found, the contacts kept and every look-up after
/// must be exactly those of the table, whatever the keys (a shape that changes early or
/// late, repeats before and after it does, numbers too spread out to number).
@Suite struct NumberedContactTests {
  /// Key sequences, by name: each is read as `Loader.commit` reads contact keys.
  static let cases: [String: [String]] = {
    let inOrder = (1...300).map { String(format: "c%07d", $0) }
    var random = SplitMix(seed: 11)
    let shuffled = inOrder.shuffled(using: &random)
    let repeats = shuffled + (0..<40).map { _ in inOrder[random.below(inOrder.count)] } + ["c0000301"]
    let late =
      Array(inOrder.prefix(250)) + ["customer-42"] + Array(inOrder.suffix(60))
      + ["customer-42", "c0000001", "c0000302"]
    return [
      "in order": inOrder,
      "shuffled, with repeats": repeats,
      "mixed": (0..<120).map { $0 % 5 == 3 ? "customer-\($0)" : String(format: "c%07d", $0) } + [
        "customer-3", "c0000000",
      ],
      "late switch, repeats before and after": late,
      "a longer key": ["c01", "c02", "c01", "c003", "c02", "c003"],
      "another prefix": ["c01", "c02", "d01", "c01", "d01", "d02"],
      "a byte not a digit": ["c01", "cx1", "c01", "cx1"],
      "spread out": ["00000001", "99999999", "00000001", "50000000", "99999999"],
      "first key too long": ["customer-number-1", "c0000001", "customer-number-1", "c0000001"],
      "first key without digits": ["abc", "c01", "abc", "c01"],
      "digits only": ["7", "8", "7", "10", "8", "10"],
      "the first key again": ["c1", "c1", "c1", "c2"],
      "one key": ["c0000001"],
      "no keys": [],
    ]
  }()

  /// Reads `keys` into a store and `index`, leaving repeats out as `Loader.commit` does;
  /// which rows were repeats, and the store.
  static func read(_ keys: [String], into index: inout KeyIndex, numbering: Bool) -> ([Bool], KeyStore) {
    var store = KeyStore()
    var repeats: [Bool] = []
    for key in keys {
      store.append(key)
      let contact = store.count - 1
      let hash = store.withKey(contact) { KeyIndex.hash($0) }
      // As `Loader.commit` does: no hash while numbering.
      let isNew =
        numbering
        ? index.add(storedKeyOf: Int32(contact), hash: index.isNumbering ? nil : hash, keys: store)
        : index.insert(storedKeyOf: Int32(contact), hash: hash, keys: store) == nil
      repeats.append(!isNew)
      if !isNew { store.remove(at: contact) }
    }
    index.numberKeys(store)
    return (repeats, store)
  }

  @Test(arguments: cases.keys.sorted())
  func numberingFindsWhatTheTableFinds(name: String) throws {
    let keys = try #require(NumberedContactTests.cases[name])
    // A small capacity: the table, once built, grows as keys go in.
    var numbered = KeyIndex(numbering: 4)
    var hashed = KeyIndex(capacity: 4)
    let (repeats, store) = NumberedContactTests.read(keys, into: &numbered, numbering: true)
    let (expectedRepeats, expectedStore) = NumberedContactTests.read(keys, into: &hashed, numbering: false)
    // The reference: a key repeats exactly when an earlier row has it.
    let firstRow = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: min)
    #expect(expectedRepeats == keys.indices.map { firstRow[keys[$0]] != $0 }, "\(name)")
    #expect(repeats == expectedRepeats, "\(name)")
    #expect(numbered.count == hashed.count)
    let contacts = (0..<store.count).map { store.string($0) }
    #expect(contacts == (0..<expectedStore.count).map { expectedStore.string($0) })
    #expect(contacts == keys.enumerated().filter { firstRow[$1] == $0 }.map(\.1))

    let contactOf = Dictionary(uniqueKeysWithValues: contacts.enumerated().map { ($1, Int32($0)) })
    let probes =
      keys + (0..<400).map { String(format: "c%07d", $0) } + [
        "customer-42", "customer-43", "c00000001", "c000001", "00000002", "99999998", "c1", "c3", "c03", "d03",
        "", "x", "abcdefghijk",
      ]
    for probe in probes {
      let found = Array(probe.utf8).withUnsafeBufferPointer { numbered.find($0, keys: store) }
      #expect(found == contactOf[probe], "\(name): \(probe)")
    }
    let short = probes.compactMap { probe in Array(probe.utf8).withUnsafeBufferPointer { KeyIndex.short($0) } }
    var found: [Int32] = []
    short.withUnsafeBufferPointer { numbered.find($0, into: &found) }
    #expect(found == short.map { contactOf[$0.text] ?? -1 }, "\(name)")
  }

  /// A key's shape and number, and `TakenNumbers` noting a number once.
  @Test func shapesNumbersAndTakenNumbers() throws {
    func shape(_ key: String) -> NumberedKeys.Shape? { Array(key.utf8).withUnsafeBufferPointer { .init(of: $0) } }
    for key in ["customer-1", "abc", "c000000001", ""] { #expect(shape(key) == nil, "\(key)") }
    let c = try #require(shape("c01"))
    #expect((c.length, c.prefixLength, c.digits) == (3, 1, 2))
    let numbers = ["c01", "c99", "c00", "c1", "d01", "c0x", "c001"].map { key in
      Array(key.utf8).withUnsafeBufferPointer { c.number($0) }
    }
    #expect(numbers == [1, 99, 0, nil, nil, nil, nil])
    let eight = try #require(shape("99999999"))
    #expect((eight.prefixLength, eight.digits) == (0, 8))
    var taken = TakenNumbers(shape: eight)
    #expect(
      [99_999_999, 0, 99_999_999, 12_345_678, 0, 63, 64].map { taken.insert($0) } == [
        true, true, false, true, false, true, true,
      ])
  }

  /// An events file with no rows (of `PlainEventRowTests.campaign`'s columns).
  static let noEvents = PlainEventRowTests.file([], quoted: false)

  /// The error for repeated ids, from the rows that repeat, in order.
  func repeatedRows(_ keys: [String]) throws -> [String] {
    let contacts = "contact_id,email_opt_in\n" + keys.map { "\($0),true\n" }.joined()
    do {
      _ = try loadData(PlainEventRowTests.campaign, contacts: contacts, events: NumberedContactTests.noEvents)
      return []
    } catch let error as LoadError {
      #expect(error.message.hasPrefix("contact ids must be unique"))
      return ["\(error.problemCount)"] + error.problems.map { "\($0.line) \($0.message)" }
    }
  }

  @Test func repeatedIdsAreTheRowsThatRepeatOne() throws {
    // Numbered alike throughout.
    #expect(
      try repeatedRows(["c01", "c02", "c01", "c03", "c02"]) == [
        "2", "4 \"c01\" is the id of an earlier contact", "6 \"c02\" is the id of an earlier contact",
      ])
    // A repeat before the shape changes, and repeats after it of keys before and after.
    #expect(
      try repeatedRows(["c01", "c02", "c01", "x-1", "c02", "x-1", "c03"]) == [
        "3", "4 \"c01\" is the id of an earlier contact", "6 \"c02\" is the id of an earlier contact",
        "7 \"x-1\" is the id of an earlier contact",
      ])
    #expect(try repeatedRows(["c01", "c02", "x-1", "c03"]) == [])
  }

  @Test func explainFindsNumberedContactsByKey() throws {
    for keys in [["c0000002", "c0000001", "c0000003"], ["00000001", "99999999", "00000003"]] {
      let contacts = "contact_id,email_opt_in\n" + keys.map { "\($0),true\n" }.joined()
      let (program, data) = try loadData(
        PlainEventRowTests.campaign, contacts: contacts, events: NumberedContactTests.noEvents)
      let simulation = Simulation(campaign: program, data: data)
      for (contact, key) in keys.enumerated() { #expect(simulation.contact(withKey: key) == contact) }
      for key in ["c0000004", "c00000001", "0000001", "customer-number-1", "", "c000000x"] {
        #expect(simulation.contact(withKey: key) == nil, "\(key)")
      }
    }
  }
}
