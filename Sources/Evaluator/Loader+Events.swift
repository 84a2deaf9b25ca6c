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
    var values: [Value] = Array(repeating: .missing, count: fieldCount)
    events.contact.reserveCapacity(plausibleRows)
    events.time.reserveCapacity(plausibleRows)
    events.type.reserveCapacity(plausibleRows)
    for slot in 0..<fieldCount { events.fields[slot].reserveCapacity(plausibleRows) }
    var unknownExamples: [String] = []
    while nextRow(&reader) {
      report.eventRows += 1
      let line = reader.line
      // The event type first: rows of undeclared types are counted, not read.
      let typeID: Int32? = reader.field(2) { bytes in bytes.flatMap { eventNames.find($0) } }
      guard let typeID else {
        let name = reader.field(2) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } } ?? ""
        if name.isEmpty {
          reject(
            RowProblem(
              file: file, line: line, column: typeName, message: "the event type is missing",
              kind: "missing value"))
        } else {
          undeclared[name, default: 0] += 1
        }
        continue
      }
      let time: Result<Int64?, ValueError> = reader.field(1) { bytes in
        guard let bytes else { return .success(nil) }
        return Result { () throws(ValueError) -> Int64? in try ValueParser.timestamp(bytes) }
      }
      let instant: Int64
      switch time {
      case .failure(let error):
        reject(RowProblem(file: file, line: line, column: timeName, value: error))
        continue
      case .success(nil):
        reject(.missing(file: file, line: line, column: timeName))
        continue
      case .success(let seconds?):
        instant = seconds
      }
      let contact: Int32? = reader.field(0) { bytes in
        bytes.flatMap { keyIndex.find($0, pool: pool) }
      }
      guard let contact else {
        let id = reader.field(0) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } } ?? ""
        if id.isEmpty {
          reject(.missing(file: file, line: line, column: keyName))
        } else {
          report.eventsForUnknownContacts += 1
          if unknownExamples.count < 5 { unknownExamples.append(id) }
        }
        continue
      }
      let event = program.events[Int(typeID)]
      let eventSlots = slots.slot[Int(typeID)]
      var fits = true
      for (field, slot) in zip(event.fields, eventSlots) {
        switch read(reader, column: 3 + slot, kind: kinds[slot]) {
        case .failure(let error):
          reject(RowProblem(file: file, line: line, column: field.name, value: error))
          fits = false
        case .success(nil) where !field.type.isOptional:
          reject(
            RowProblem(
              file: file, line: line, column: field.name,
              message: "the value is missing, and event `\(event.name)` declares it required "
                + "(add `?` to its type if it may be empty)",
              kind: "missing value"))
          fits = false
        case .success(let value):
          values[slot] = value ?? .missing
        }
        if !fits { break }
      }
      guard fits else { continue }
      events.contact.append(contact)
      events.time.append(instant)
      events.type.append(typeID)
      // Fields this event type lacks are stored as missing, so every column stays aligned.
      for slot in 0..<fieldCount {
        events.fields[slot].append(eventSlots.contains(slot) ? values[slot] : .missing)
        values[slot] = .missing
      }
      events.count += 1
    }
    report.unknownContactExamples = unknownExamples
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
    var next = Array(counts.prefix(contactCount))
    var order = [Int32](repeating: 0, count: Int(counts[contactCount]))
    for row in 0..<events.count {
      let time = events.time[row]
      guard time >= start && time < end else { continue }
      let contact = Int(events.contact[row])
      order[Int(next[contact])] = Int32(row)
      next[contact] += 1
    }
    // Rows are in input order within each contact; sort by time, keeping that order for ties.
    let times = events.time
    for contact in 0..<contactCount {
      let range = Int(counts[contact])..<Int(counts[contact + 1])
      var sorted = true
      for index in range.dropFirst() where times[Int(order[index - 1])] > times[Int(order[index])] {
        sorted = false
        break
      }
      if !sorted {
        order[range].sort { times[Int($0)] != times[Int($1)] ? times[Int($0)] < times[Int($1)] : $0 < $1 }
      }
    }
    // Store the rows in that order, so a contact's replay reads its events one after
    // another instead of jumping about the whole table; rows outside the window go.
    let types = events.type
    events.time = order.map { times[Int($0)] }
    events.type = order.map { types[Int($0)] }
    for slot in events.fields.indices { events.fields[slot] = events.fields[slot].gathered(order) }
    events.contact = []
    events.count = order.count
    events.first = counts
    report.undeclaredEventTypes = undeclared.sorted { $0.key < $1.key }.map { .init(name: $0.key, count: $0.value) }
    report.skipped = skipped.values.sorted {
      ($0.file, $0.column ?? "", $0.kind) < ($1.file, $1.column ?? "", $1.kind)
    }
    return DataSet(
      contacts: contacts, events: events, pool: pool, zones: zones, window: Window(start: start, end: end),
      report: report, slots: slots, keyIndex: keyIndex)
  }
}
