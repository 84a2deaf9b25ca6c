import CampaignLang
import Checker
import DataReader

extension Loader {
  mutating func readContacts(file: String, store: ByteStore) throws(LoadError) {
    // Every contact is a line at least: the key table (if the keys need one, see
    // `KeyIndex.init(numbering:)`) and the columns are sized once (growing the key
    // table rehashed a million keys, about 3% of a large run).
    let plausibleRows = store.lineFeedCount() + 1
    keyIndex = KeyIndex(numbering: plausibleRows)
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
    keyIndex.numberKeys(contacts.keys)
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
    // The zone's name is read as text: its pool id is the row's code of its column.
    let zoneColumn = attributes.firstIndex { $0.name == "timezone" && $0.type.base == .string }
      .flatMap { plan.reads[$0] == .text ? $0 : nil }
    // Per pool id: the zone of that name (-1: not looked up yet). An array, as pool ids
    // are small and dense: hashing the id per contact cost more than the rest of this.
    var zoneOfName: [Int32] = []
    let stage = ContactStage(attributes: attributes.count, capacity: Loader.keyBatch)
    // Whether the key index takes hashes (see `commit`, the only place that changes it).
    var hashesKeys = !keyIndex.isNumbering
    while nextRow(&reader) {
      report.contactRows += 1
      var problem: RowProblem?
      for index in 0..<plan.reads.count {
        switch stageAttribute(reader, index, plan: plan, stage: stage) {
        case .present: continue
        case .missing where plan.optional[index]: continue
        case .missing: problem = .missing(file: file, line: reader.line, column: attributes[index].name)
        case .failed(let error):
          problem = RowProblem(file: file, line: reader.line, column: attributes[index].name, value: error)
        }
        break
      }
      if let problem {
        reject(problem)
        continue
      }
      var zone: Int32 = 0
      if let zoneColumn, case let id = stage.codes[stage.cell(zoneColumn, stage.count)], id != Column.missingCode {
        // By the name's pool id: a million contacts name a few dozen zones.
        let known = Int(id) < zoneOfName.count && zoneOfName[Int(id)] >= 0 ? zoneOfName[Int(id)] : nil
        guard let found = known ?? self.zone(named: pool.string(id)) else {
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
      // the key index with the rest of the stage (see `commit`); it is pooled only as an
      // attribute the run reads or shows (see `KeyStore`). A repeated key is pooled
      // already (by the contact that has it), so pooling it here adds nothing.
      let line = reader.line
      let row = stage.count
      let keyRead: KeyRead = reader.field(key) { bytes in
        guard let bytes, !bytes.isEmpty else { return .missing }
        contacts.keys.append(bytes)
        // Numbered keys need no hash (see `commit`): not working it out saves a few ms
        // of a million contacts.
        if hashesKeys { stage.hashes[row] = KeyIndex.hash(bytes) }
        return .read(pooled: textKey && storesText[key] ? pool.intern(bytes) : nil)
      }
      guard case .read(let keyID) = keyRead else {
        reject(
          RowProblem(
            file: file, line: line, column: attributes[key].name,
            message: "the contact's id is missing; every contact needs one (it ties the contact to its events)",
            kind: "missing value"))
        continue
      }
      if textKey { stage.codes[stage.cell(key, row)] = keyID ?? Column.missingCode }
      stage.zones[row] = zone
      stage.lines[row] = line
      stage.count += 1
      if stage.isFull {
        commit(stage, plan: plan, file: file, column: attributes[key].name)
        hashesKeys = !keyIndex.isNumbering
      }
    }
    commit(stage, plan: plan, file: file, column: attributes[key].name)
  }

  /// What reading a contact's key found.
  enum KeyRead {
    case missing
    /// The key, in the store; its pool id when the run reads it as an attribute.
    case read(pooled: Int32?)
  }

  /// How many contact rows are staged before they go in (see `ContactStage`): enough
  /// for their keys' cache misses to overlap (see `KeyIndex.touch`), few enough for
  /// their slots to stay in the cache until the keys are inserted.
  static let keyBatch = 128

  /// Puts the staged rows' keys in the key index, in row order, then the rows in their
  /// columns, and empties the stage. A row whose key an earlier contact has is left out,
  /// as a duplicate (its key taken out of the store again): so the contacts, and their
  /// numbers, are those of a look-up per row before it went in.
  mutating func commit(_ stage: ContactStage, plan: ContactReadPlan, file: String, column: String) {
    // The index numbers keys or hashes them from the first key on, and only this
    // switches it: the whole stage was read in the state it is in now.
    let hashed = !keyIndex.isNumbering
    if hashed { keyIndex.touch(stage.stagedHashes) }
    var kept = 0
    for row in 0..<stage.count {
      let contact = contacts.count + kept
      let hash = hashed ? stage.hashes[row] : nil
      guard !keyIndex.add(storedKeyOf: Int32(contact), hash: hash, keys: contacts.keys) else {
        if kept != row { stage.move(row, to: kept, attributes: plan.reads.count) }
        kept += 1
        continue
      }
      duplicates.append(
        RowProblem(
          file: file, line: stage.lines[row], column: column,
          message: "\"\(contacts.keys.string(contact))\" is the id of an earlier contact", kind: "duplicate id"))
      contacts.keys.remove(at: contact)
    }
    for index in plan.reads.indices {
      stage.append(index, read: plan.reads[index], rows: kept, to: &contacts.columns[index])
    }
    contacts.zones.append(contentsOf: UnsafeBufferPointer(start: stage.zones, count: kept))
    contacts.count += kept
    stage.count = 0
  }

  mutating func zone(named name: String) -> Int32? {
    if let index = zoneIndex[name] { return index }
    guard let rules = ZoneRules(identifier: name) else { return nil }
    zones.append(rules)
    zoneIndex[name] = Int32(zones.count - 1)
    return Int32(zones.count - 1)
  }
}
