import CampaignLang
import Checker
import DataReader

extension Loader {
  mutating func readEvents(file: String, store: ByteStore) throws(LoadError) {
    // Room for as many rows as the file can plausibly hold (a row with a timestamp
    // takes at least about 32 bytes), so the columns do not grow by copying; memory
    // reserved but never filled costs nothing.
    let plausibleRows = store.count / 32
    var reader = try makeRecordReader(file: file, store: store)
    let keyName = program.attributes[program.keyAttribute].name
    // Which of the accepted names the file uses for time and type (CSV knows from
    // its header; JSON Lines takes the first name).
    func pick(_ names: [String], _ reader: inout any RecordReader) -> String? {
      let absent = Set(reader.select(names))
      return names.first { !absent.contains($0) }
    }
    guard let timeName = pick(DataLoader.timeColumns, &reader) else {
      throw LoadError(
        "\(file) has no time column; name it `ts` (or timestamp, time, at), with values such as "
          + "2026-01-31T09:30:00Z")
    }
    guard let typeName = pick(DataLoader.typeColumns, &reader) else {
      throw LoadError("\(file) has no column `type` naming each row's event (such as open or click)")
    }
    let names = [keyName, timeName, typeName] + slots.columns.map(\.name)
    let absent = Set(reader.select(names))
    if absent.contains(keyName) {
      throw LoadError("\(file) has no column `\(keyName)`, the contact id that the campaign's schema declares as key")
    }
    for event in program.events {
      if let field = event.fields.first(where: { absent.contains($0.name) && !$0.type.isOptional }) {
        throw LoadError(
          "\(file) has no column `\(field.name)`, which event `\(event.name)` declares required "
            + "(add `?` to its type if it may be empty)")
      }
    }
    var eventNames = StringPool()
    for event in program.events { _ = eventNames.intern(event.name) }
    let kinds = slots.columns.map { Loader.kind(of: $0.type) }
    let fieldCount = slots.columns.count
    events.contact.reserveCapacity(plausibleRows)
    events.time.reserveCapacity(plausibleRows)
    events.type.reserveCapacity(plausibleRows)
    for slot in 0..<fieldCount { events.fields[slot].reserveCapacity(plausibleRows) }
    var batch = EventBatch(fieldCount: fieldCount)
    var contactsFound: [Int32] = []
    var unknownExamples: [String] = []
    var atEnd = false
    while !atEnd {
      // Read a batch: everything about each row but its contact.
      while !batch.isFull {
        reader.releaseReadRows()
        do {
          guard try reader.next() else {
            atEnd = true
            break
          }
        } catch {
          batch.outcomes.append(.problem(error))
          continue
        }
        report.eventRows += 1
        batch.outcomes.append(
          readEventRow(
            &reader, file: file, names: names, kinds: kinds, eventNames: eventNames, batch: &batch))
      }
      // Find the batch's contacts at once, then settle its rows in file order.
      keyIndex.find(batch.keys, into: &contactsFound)
      for outcome in batch.outcomes {
        switch outcome {
        case .problem(let problem): reject(problem)
        case .undeclared(let name): undeclared[name, default: 0] += 1
        case .unknown(let id):
          report.eventsForUnknownContacts += 1
          if unknownExamples.count < 5 { unknownExamples.append(id) }
        case .row(let row):
          let contact = row.probe >= 0 ? contactsFound[Int(row.probe)] : row.contact
          guard contact >= 0 else {
            report.eventsForUnknownContacts += 1
            if unknownExamples.count < 5 { unknownExamples.append(batch.keys[Int(row.probe)].text) }
            continue
          }
          if let problem = row.problem {
            reject(problem)
            continue
          }
          events.contact.append(contact)
          events.time.append(row.time)
          events.type.append(row.type)
          let first = Int(row.values)
          for slot in 0..<fieldCount { events.fields[slot].append(batch.values[first + slot]) }
          events.count += 1
        }
      }
      batch.removeAll()
    }
    report.unknownContactExamples = unknownExamples
  }

  /// Reads the current row of an events file as far as it can without its contact:
  /// the type, the time, the key (looked up now only when it is too long to pack) and
  /// the fields. Columns: the key, the time, the type, then one per field slot.
  mutating func readEventRow(
    _ reader: inout any RecordReader, file: String, names: [String], kinds: [ColumnKind], eventNames: StringPool,
    batch: inout EventBatch
  ) -> EventBatch.Outcome {
    let line = reader.line
    // The event type first: rows of undeclared types are counted, not read.
    let typeID: Int32? = reader.field(2) { bytes in bytes.flatMap { eventNames.find($0) } }
    guard let typeID else {
      let name = reader.field(2) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } } ?? ""
      if name.isEmpty {
        return .problem(
          RowProblem(
            file: file, line: line, column: names[2], message: "the event type is missing", kind: "missing value"))
      }
      return .undeclared(name)
    }
    let time: Result<Int64?, ValueError> = reader.field(1) { bytes in
      guard let bytes else { return .success(nil) }
      return Result { () throws(ValueError) -> Int64? in try ValueParser.timestamp(bytes) }
    }
    let instant: Int64
    switch time {
    case .failure(let error): return .problem(RowProblem(file: file, line: line, column: names[1], value: error))
    case .success(nil): return .problem(.missing(file: file, line: line, column: names[1]))
    case .success(let seconds?): instant = seconds
    }
    // A key of up to 8 bytes is looked up with the batch's; a longer one now.
    enum Key {
      case missing
      case short(KeyIndex.ShortKey)
      case found(Int32)
      case unknown(String)
    }
    let key: Key = reader.field(0) { bytes in
      guard let bytes else { return .missing }
      if let short = KeyIndex.short(bytes) { return .short(short) }
      if let contact = keyIndex.find(bytes, pool: pool) { return .found(contact) }
      return .unknown(String(decoding: bytes, as: UTF8.self))
    }
    var row = EventBatch.Row(
      line: line, type: typeID, time: instant, contact: -1, probe: -1, values: Int32(batch.values.count), problem: nil)
    switch key {
    case .missing: return .problem(.missing(file: file, line: line, column: names[0]))
    case .unknown(let id): return .unknown(id)
    case .found(let contact): row.contact = contact
    case .short(let short):
      row.probe = Int32(batch.keys.count)
      batch.keys.append(short)
    }
    // Fields this event type lacks are stored as missing, so every column stays aligned.
    let fieldCount = slots.columns.count
    batch.values.append(contentsOf: repeatElement(.missing, count: fieldCount))
    let event = program.events[Int(typeID)]
    for (field, slot) in zip(event.fields, slots.slot[Int(typeID)]) {
      switch read(reader, column: 3 + slot, kind: kinds[slot]) {
      case .failure(let error):
        row.problem = RowProblem(file: file, line: line, column: field.name, value: error)
      case .success(nil) where !field.type.isOptional:
        row.problem = RowProblem(
          file: file, line: line, column: field.name,
          message: "the value is missing, and event `\(event.name)` declares it required "
            + "(add `?` to its type if it may be empty)",
          kind: "missing value")
      case .success(let value):
        batch.values[Int(row.values) + slot] = value ?? .missing
      }
      if row.problem != nil { break }
    }
    return .row(row)
  }

  /// Settles the window, groups the window's events by contact in time order, and
  /// hands over the data.
  mutating func finish(from: Int64?, to: Int64?) -> DataSet {
    let start = from ?? events.time.min() ?? 0
    let end = to ?? events.time.max().map { $0 + 1 } ?? start + 1
    let contactCount = contacts.count
    var counts = [Int32](repeating: 0, count: contactCount + 1)
    for row in 0..<events.count {
      let time = events.time[row]
      if time < start {
        report.eventsBeforeWindow += 1
      } else if time >= end {
        report.eventsAfterWindow += 1
      } else {
        counts[Int(events.contact[row]) + 1] += 1
      }
    }
    for index in 0..<contactCount { counts[index + 1] += counts[index] }
    // Each window row's place: after its contact's earlier rows, so each contact's
    // rows end up one after another and a replay reads them in order.
    var next = Array(counts.prefix(contactCount))
    var place = [Int32](repeating: -1, count: events.count)
    for row in 0..<events.count {
      let time = events.time[row]
      guard time >= start && time < end else { continue }
      let contact = Int(events.contact[row])
      place[row] = next[contact]
      next[contact] += 1
    }
    let total = Int(counts[contactCount])
    events.time = scatter(events.time, to: place, count: total)
    events.type = scatter(events.type, to: place, count: total)
    for slot in events.fields.indices { events.fields[slot] = events.fields[slot].scattered(to: place, count: total) }
    // Rows are in input order within each contact; sort by time where they are not,
    // keeping input order for ties (a file sorted by time needs nothing here).
    for contact in 0..<contactCount {
      let range = Int(counts[contact])..<Int(counts[contact + 1])
      var sorted = true
      for index in range.dropFirst() where events.time[index - 1] > events.time[index] {
        sorted = false
        break
      }
      guard !sorted else { continue }
      let times = Array(events.time[range])
      let order = range.sorted { a, b in
        let (x, y) = (times[a - range.lowerBound], times[b - range.lowerBound])
        return x != y ? x < y : a < b
      }
      events.time.reorder(range, by: order)
      events.type.reorder(range, by: order)
      for slot in events.fields.indices { events.fields[slot].reorder(range, by: order) }
    }
    events.contact = []
    events.count = total
    events.first = counts
    report.undeclaredEventTypes = undeclared.sorted { $0.key < $1.key }.map { .init(name: $0.key, count: $0.value) }
    report.skipped = skipped.values.sorted {
      ($0.file, $0.column ?? "", $0.kind) < ($1.file, $1.column ?? "", $1.kind)
    }
    return DataSet(
      contacts: contacts, events: events, pool: pool, zones: zones, window: Window(start: start, end: end),
      report: report, slots: slots, keyIndex: keyIndex,
      unstoredText: Set(
        storesText.indices.filter { !storesText[$0] && Loader.kind(of: program.attributes[$0].type) == .string }))
  }
}
