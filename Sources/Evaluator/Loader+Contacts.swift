import CampaignLang
import Checker
import DataReader

extension Loader {
  mutating func readContacts(file: String, store: ByteStore) throws(LoadError) {
    // Every contact is a line at least: the key table and the columns are sized once
    // (growing the key table rehashed a million keys, about 3% of a large run).
    let plausibleRows = store.lineFeedCount() + 1
    keyIndex = KeyIndex(capacity: plausibleRows)
    contacts.keys = KeyStore(capacity: plausibleRows)
    for index in contacts.columns.indices { contacts.columns[index].reserveCapacity(plausibleRows) }
    var reader = try makeRecordReader(file: file, store: store)
    // The row loop is specialised for the reader's type (see `readEvents`).
    if var csv = reader as? CSVRecordReader {
      try readContacts(file: file, from: &csv)
    } else if var json = reader as? JSONLinesRecordReader {
      try readContacts(file: file, from: &json)
    } else {
      try readContacts(file: file, from: &reader)
    }
  }

  mutating func readContacts(file: String, from reader: inout some RecordReader) throws(LoadError) {
    let attributes = program.attributes
    let absent = Set(reader.select(attributes.map(\.name)))
    let required = attributes.filter { absent.contains($0.name) && !$0.type.isOptional }.map(\.name)
    if !required.isEmpty {
      let names = required.map { "`\($0)`" }.joined(separator: ", ")
      throw LoadError(
        "\(file) has no column \(names); the campaign's contact schema declares "
          + (required.count == 1 ? "it" : "them") + " required (columns are matched by name)")
    }
    report.absentOptionalColumns = attributes.filter { absent.contains($0.name) }.map(\.name)
    let key = program.keyAttribute
    let plan = ContactReadPlan(attributes: attributes, columns: contacts.columns, key: key, storesText: storesText)
    let textKey = plan.reads[key] == .key
    // The zone's name is read as text: its pool id is the last code of its column.
    let zoneColumn = attributes.firstIndex { $0.name == "timezone" && $0.type.base == .string }
      .flatMap { plan.reads[$0] == .text ? $0 : nil }
    // Per pool id: the zone of that name (-1: not looked up yet). An array, as pool ids
    // are small and dense: hashing the id per contact cost more than the rest of this.
    var zoneOfName: [Int32] = []
    // The keys in the store but not yet in the key index, and their rows' lines.
    var pendingHashes: [UInt64] = []
    var pendingLines: [Int] = []
    pendingHashes.reserveCapacity(Loader.keyBatch)
    pendingLines.reserveCapacity(Loader.keyBatch)
    while nextRow(&reader) {
      report.contactRows += 1
      var problem: RowProblem?
      for index in 0..<plan.reads.count {
        switch appendAttribute(reader, index, plan: plan) {
        case .present: continue
        case .missing where plan.optional[index]: continue
        case .missing: problem = .missing(file: file, line: reader.line, column: attributes[index].name)
        case .failed(let error):
          problem = RowProblem(file: file, line: reader.line, column: attributes[index].name, value: error)
        }
        break
      }
      if let problem {
        dropPartialContact()
        reject(problem)
        continue
      }
      var zone: Int32 = 0
      if let zoneColumn, case let id = contacts.columns[zoneColumn].codes[contacts.count], id != Column.missingCode {
        // By the name's pool id: a million contacts name a few dozen zones.
        let known = Int(id) < zoneOfName.count && zoneOfName[Int(id)] >= 0 ? zoneOfName[Int(id)] : nil
        guard let found = known ?? self.zone(named: pool.string(id)) else {
          dropPartialContact()
          reject(
            RowProblem(
              file: file, line: reader.line, column: "timezone",
              message: "\"\(pool.string(id))\" is not a time zone; use an IANA name such as Asia/Jakarta or UTC",
              kind: "unknown time zone"))
          continue
        }
        zone = found
        if known == nil {
          if zoneOfName.count <= Int(id) { zoneOfName += repeatElement(-1, count: Int(id) + 1 - zoneOfName.count) }
          zoneOfName[Int(id)] = found
        }
      }
      // The key, as text, finds the contact's events. It goes in the store now and in
      // the key index with the next batch (see `settleKeys`); it is pooled only as an
      // attribute the run reads or shows (see `KeyStore`). A repeated key is pooled
      // already (by the contact that has it), so pooling it here adds nothing.
      let line = reader.line
      let keyRead: KeyRead = reader.field(key) { bytes in
        guard let bytes, !bytes.isEmpty else { return .missing }
        contacts.keys.append(bytes)
        pendingHashes.append(KeyIndex.hash(bytes))
        pendingLines.append(line)
        return .read(pooled: textKey && storesText[key] ? pool.intern(bytes) : nil)
      }
      guard case .read(let keyID) = keyRead else {
        dropPartialContact()
        reject(
          RowProblem(
            file: file, line: line, column: attributes[key].name,
            message: "the contact's id is missing; every contact needs one (it ties the contact to its events)",
            kind: "missing value"))
        continue
      }
      if textKey { contacts.columns[key].append(keyID.map(Value.string) ?? .missing) }
      contacts.zones.append(zone)
      contacts.count += 1
      if pendingHashes.count == Loader.keyBatch {
        settleKeys(&pendingHashes, lines: &pendingLines, file: file, column: attributes[key].name)
      }
    }
    settleKeys(&pendingHashes, lines: &pendingLines, file: file, column: attributes[key].name)
  }

  /// What reading a contact's key found.
  enum KeyRead {
    case missing
    /// The key, in the store; its pool id when the run reads it as an attribute.
    case read(pooled: Int32?)
  }

  /// How many contacts' keys go in the key index at a time: enough for their cache
  /// misses to overlap (see `KeyIndex.touch`), few enough for their slots to stay in
  /// the cache until they are inserted.
  static let keyBatch = 128

  /// Puts the keys of the last `hashes.count` contacts (`hashes`: their hashes,
  /// `lines`: their rows' lines) in the key index, in row order, and empties both. A
  /// contact whose key an earlier one has is taken out again, as a duplicate: so the
  /// contacts are the same, and numbered the same, as if each key had been looked up
  /// before its row went in.
  mutating func settleKeys(_ hashes: inout [UInt64], lines: inout [Int], file: String, column: String) {
    keyIndex.touch(hashes)
    var contact = contacts.count - hashes.count
    for (hash, line) in zip(hashes, lines) {
      guard keyIndex.insert(storedKeyOf: Int32(contact), hash: hash, keys: contacts.keys) != nil else {
        contact += 1
        continue
      }
      duplicates.append(
        RowProblem(
          file: file, line: line, column: column,
          message: "\"\(contacts.keys.string(contact))\" is the id of an earlier contact", kind: "duplicate id"))
      removeContact(contact)
    }
    hashes.removeAll(keepingCapacity: true)
    lines.removeAll(keepingCapacity: true)
  }

  /// Takes contact `contact` out again; the later ones move down by one.
  mutating func removeContact(_ contact: Int) {
    for index in contacts.columns.indices { contacts.columns[index].remove(at: contact) }
    contacts.zones.remove(at: contact)
    contacts.keys.remove(at: contact)
    contacts.count -= 1
  }

  mutating func zone(named name: String) -> Int32? {
    if let index = zoneIndex[name] { return index }
    guard let rules = ZoneRules(identifier: name) else { return nil }
    zones.append(rules)
    zoneIndex[name] = Int32(zones.count - 1)
    return Int32(zones.count - 1)
  }
}
