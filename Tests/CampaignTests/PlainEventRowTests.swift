import DataReader
import Foundation
import Testing

@testable import Evaluator

/// The fast path of reading events (`Loader.readPlainEventRow`, `TimestampReader`,
/// `RecentTexts`, `NumberedKeys`) must load exactly what the full read loads: the same
/// rows, values, pool ids, counts and problems. A quoted field always takes the full
/// read, so the same rows written with every value quoted are the reference.
@Suite struct PlainEventRowTests {
  static let campaign = """
    campaign "Plain rows" {
      owner "crm@example.com"
      timezone "UTC"
    }
    contact {
      contact_id string key
      email_opt_in bool
    }
    event open { channel string }
    event view { channel string, page enum(home, pricing, checkout) }
    event purchase { channel string?, amount decimal }
    event note { memo string? }
    event unsubscribe
    event send { channel string }
    engagement open, view, purchase
    score heat {
      open +5
      purchase +25
      view +15 where page in (pricing, checkout)
      decay half-life 30d
    }
    states {
      initial active
      final gone
      any -> gone on unsubscribe
      active -> gone when heat > 90
    }
    """

  /// Rows of every kind the loader meets, many of them wrong, from a seeded generator.
  static func rows(keys: [String], count: Int, seed: UInt64) -> [[String]] {
    var random = SplitMix(seed: seed)
    // More distinct channels than `RecentTexts` has entries, some longer than 8 bytes.
    let channels = (0..<90).map { index in index % 3 == 0 ? "channel-number-\(index)" : "ch\(index)" }
    let strangeKeys = ["c0000999", "c000001x", "x", "c00000001", "d0000001", "c-000001", "c000000/", ""]
    let times = [
      "2026-01-01 10:00:00Z", "2026-01-01T10:00:00+02:00", "2026-01-01T10:00:00.5Z", "2026-01-01t10:00:00z",
      "2026-02-30T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T10:60:00Z", "2026-01-01T10:00:0aZ",
      "2026-01-0110:00:00Z", " 2026-01-01T10:00:00Z", "", "2026-01-01",
    ]
    let types = ["open", "view", "purchase", "note", "unsubscribe", "send", "mystery", ""]
    let pages = ["home", "pricing", "checkout", "Pricing", ""]
    let amounts = ["12.50", "3", "", "12.5x", "-0.01"]
    var day = 0
    return (0..<count).map { _ in
      let roll = random.below(100)
      let key = roll < 90 ? keys[random.below(keys.count)] : strangeKeys[random.below(strangeKeys.count)]
      // Mostly the usual layout, on a day that changes now and then (the reader keeps one).
      if random.below(40) == 0 { day = random.below(28) }
      let usual = String(
        format: "2026-03-%02dT%02d:%02d:%02dZ", day + 1, random.below(24), random.below(60), random.below(60))
      let time = random.below(10) < 8 ? usual : times[random.below(times.count)]
      let type = random.below(10) < 8 ? types[random.below(3)] : types[random.below(types.count)]
      let channel = random.below(20) == 0 ? "" : channels[random.below(channels.count)]
      let page = random.below(4) == 0 ? pages[random.below(pages.count)] : "pricing"
      let amount = random.below(3) == 0 ? amounts[random.below(amounts.count)] : "9.99"
      let memo = random.below(2) == 0 ? "" : "memo \(random.below(5))"
      return [key, time, type, channel, page, amount, memo]
    }
  }

  /// The rows as a CSV file, each non-empty value quoted or not (an empty value is a
  /// missing one either way).
  static func file(_ rows: [[String]], quoted: Bool) -> String {
    "contact_id,ts,type,channel,page,amount,memo\n"
      + rows.map { row in
        row.map { quoted && !$0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
      }.joined()
  }

  func load(
    contacts: [String], events: String, skipBadRows: Bool, leavingOut: Bool
  ) throws -> Result<DataSet, LoadError> {
    let program = try #require(compile(PlainEventRowTests.campaign).program)
    var request = LoadRequest(
      contactsFile: "contacts.csv",
      contactsBytes: Array(("contact_id,email_opt_in\n" + contacts.map { "\($0),true\n" }.joined()).utf8),
      eventsFile: "events.csv", eventsBytes: Array(events.utf8), skipBadRows: skipBadRows)
    request.leavesOutInertEvents = leavingOut
    do {
      return .success(try DataLoader.load(program, request))
    } catch {
      return .failure(error)
    }
  }

  /// Everything a load keeps, in a form that compares.
  func contents(_ data: DataSet) -> [String] {
    var lines = ["report \(data.report)", "window \(data.window)", "left out \(data.leftOutEvents)"]
    lines.append("first \(data.events.first)")
    lines.append("before entry \(data.leftOutBeforeEntry)")
    lines.append("pool \((0..<data.pool.count).map { data.pool.string(Int32($0)) })")
    for row in 0..<data.events.count {
      // The fields no rule reads are checked, not stored (`LoadRequest.leavesOutInertEvents`).
      let fields = data.events.fields.indices.filter { !data.unstoredFields.contains($0) }.map {
        "\(data.events.fields.value($0, at: row))"
      }
      lines.append("\(data.events.time[row]) \(data.events.type[row]) \(fields.joined(separator: " "))")
    }
    return lines
  }

  func expectSameLoads(contacts: [String], seed: UInt64) throws {
    let rows = PlainEventRowTests.rows(keys: contacts, count: 3_000, seed: seed)
    // With `simulate`'s leaving out (of `send` rows, and of the fields no rule reads)
    // and without (`explain`, `test`: every value stored).
    for (skipBadRows, leavingOut) in [(true, true), (false, true), (true, false), (false, false)] {
      let plain = try load(
        contacts: contacts, events: PlainEventRowTests.file(rows, quoted: false), skipBadRows: skipBadRows,
        leavingOut: leavingOut)
      let quoted = try load(
        contacts: contacts, events: PlainEventRowTests.file(rows, quoted: true), skipBadRows: skipBadRows,
        leavingOut: leavingOut)
      switch (plain, quoted) {
      case (.success(let plain), .success(let quoted)):
        #expect(plain.leftOutEvents == leavingOut)
        // `channel`, `amount` and `memo` are read by no rule; `page` is.
        #expect(plain.unstoredFields.count == (leavingOut ? 3 : 0))
        #expect(plain.events.count > 1_000)
        let (a, b) = (contents(plain), contents(quoted))
        #expect(a.count == b.count)
        if let index = a.indices.first(where: { $0 < b.count && a[$0] != b[$0] }) {
          Issue.record("line \(index) differs:\n\(a[index])\n\(b[index])")
        }
      case (.failure(let plain), .failure(let quoted)):
        #expect(!skipBadRows)
        #expect(plain.message == quoted.message)
        #expect(plain.problemCount == quoted.problemCount)
        #expect(plain.problems.map(\.line) == quoted.problems.map(\.line))
        #expect(plain.problems.map(\.message) == quoted.problems.map(\.message))
      default:
        Issue.record("one load failed and the other did not: \(plain) against \(quoted)")
      }
    }
  }

  @Test(arguments: [1, 2, 3] as [UInt64])
  func numberedKeysLoadWhatTheFullReadLoads(seed: UInt64) throws {
    // Keys alike (`c` and seven digits): found through `NumberedKeys`.
    let contacts = (0..<60).map { String(format: "c%07d", $0 * 3 + 1) }
    try expectSameLoads(contacts: contacts, seed: seed)
  }

  @Test func keysInOrderLoadWhatTheFullReadLoads() throws {
    // Keys numbered in order with no gaps: a key's number is its contact.
    let contacts = (0..<60).map { String(format: "c%07d", $0 + 1) }
    try expectSameLoads(contacts: contacts, seed: 6)
  }

  @Test(arguments: [4, 5] as [UInt64])
  func mixedKeysLoadWhatTheFullReadLoads(seed: UInt64) throws {
    // Keys of several shapes, some too long to pack: found through the hash table.
    let contacts = (0..<60).map { $0 % 4 == 0 ? "customer-number-\($0)" : String(format: "c%07d", $0) }
    try expectSameLoads(contacts: contacts, seed: seed)
  }

  @Test func theTimestampReaderReadsWhatTheParserReads() {
    let fields = [
      "2026-03-01T10:00:00Z", "2026-03-01T23:59:59Z", "2026-03-01T24:00:00Z", "2026-03-01T10:60:00Z",
      "2026-03-01T10:00:60Z", "2026-03-0aT10:00:00Z", "2026-03-02T00:00:00Z", "2026-02-29T00:00:00Z",
      "2028-02-29T00:00:00Z", "2026-03-02T1a:00:00Z", "2026-03-02t10:00:00Z", "2026-03-02T10:00:00z",
      "2026-03-02T10:00:00+01:00", "2026-03-02 10:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
      "1969-12-31T23:59:59Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z", "2026-03-02T10:00:00Z",
      "2026-03-02T10:00:00ZZ", "2026-03-02T10:00:00", "", "2026-03-02T10:00:00Z ",
    ]
    var reader = TimestampReader()
    // Twice over, so each field is also read with another one's day kept.
    for field in fields + fields.reversed() {
      let bytes = Array(field.utf8)
      let expected = bytes.withUnsafeBufferPointer { field in
        Result { () throws(ValueError) in try ValueParser.timestamp(field) }
      }
      let actual = bytes.withUnsafeBufferPointer { field in Result { () throws(ValueError) in try reader.read(field) } }
      switch (expected, actual) {
      case (.success(let expected), .success(let actual)): #expect(expected == actual, "\(field)")
      case (.failure(let expected), .failure(let actual)): #expect(expected == actual, "\(field)")
      default: Issue.record("\(field): \(expected) against \(actual)")
      }
    }
  }

  /// `CaseNames` finds exactly the first name equal to a field, whatever shares a slot
  /// of its table: short names, long ones alike in their first 8 bytes, repeats, and
  /// more names than slots.
  @Test func caseNamesFindTheFirstEqualName() {
    var random = SplitMix(seed: 11)
    for size in [1, 3, 8, 40, 150] {
      var names = (0..<size).map { index -> String in
        switch random.below(4) {
        case 0: "n\(index)"
        case 1: "page_view_\(index)"
        case 2: "page_vie\(index)"
        default: String(repeating: "x", count: 1 + random.below(12))
        }
      }
      names += names.prefix(2)
      let table = CaseNames(names)
      let probes = names + ["", "n", "page_view", "page_view_", "xxxxxxxxxxxxxxx", "n\(size)", "page_vie"]
      for probe in probes {
        let found = Array(probe.utf8).withUnsafeBufferPointer { table.find($0) }
        #expect(found == (probe.isEmpty ? nil : names.firstIndex(of: probe)), "\(size): \(probe)")
      }
    }
  }

  /// `NumberedKeys` takes keys of one shape only, and finds exactly the keys a
  /// dictionary of them finds.
  @Test func numberedKeysFindExactlyTheContactsKeys() {
    func store(_ keys: [String]) -> KeyStore {
      var store = KeyStore()
      for key in keys { store.append(key) }
      return store
    }
    #expect(NumberedKeys(keys: store(["c01", "c2"])) == nil)
    #expect(NumberedKeys(keys: store(["c01", "d02"])) == nil)
    #expect(NumberedKeys(keys: store(["c000000001", "c000000002"])) == nil)
    #expect(NumberedKeys(keys: store(["c01", "cx2"])) == nil)
    #expect(NumberedKeys(keys: store(["abc"])) == nil)
    // Numbers spread far wider than the contacts: left to the hash table.
    #expect(NumberedKeys(keys: store(["00000001", "99999999"])) == nil)
    var random = SplitMix(seed: 7)
    // Numbers with gaps (a table), in order from 37 with none (no table), and the same
    // shuffled (a table).
    let orders = ["gaps", "in order", "shuffled"]
    for (shape, order) in ["c%07d", "%08d", "%05d", "ab%03d", "%d"].flatMap({ shape in orders.map { (shape, $0) } }) {
      let numbers: [Int]
      switch order {
      case "gaps": numbers = Set((0..<200).map { _ in random.below(shape == "%d" ? 10 : 800) }).sorted()
      case "in order": numbers = Array(37..<(shape == "%d" ? 40 : 237))
      default: numbers = Array(37..<(shape == "%d" ? 40 : 237)).shuffled(using: &random)
      }
      let keys = numbers.map { String(format: shape, $0) }
      guard let numbered = NumberedKeys(keys: store(keys)) else {
        Issue.record("\(shape), \(order) was not numbered")
        continue
      }
      let contactOf = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, Int32($0)) })
      let probes =
        keys + (0..<1_000).map { String(format: shape, $0) } + [
          "c000000a", "d0000001", "c00000010", "0000000:", "0000000/", "ab0-1", "ab 12", "", "1", "-1", "c0",
        ]
      let short = probes.compactMap { probe in Array(probe.utf8).withUnsafeBufferPointer { KeyIndex.short($0) } }
      var found = [Int32](repeating: 0, count: short.count)
      short.withUnsafeBufferPointer { keys in
        found.withUnsafeMutableBufferPointer { numbered.find(keys, into: $0) }
      }
      for (key, contact) in zip(short, found) {
        #expect(contact == contactOf[key.text] ?? -1, "\(shape), \(order): \(key.text)")
      }
    }
  }
}
