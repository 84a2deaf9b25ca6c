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
    let plan = EventReadPlan(program: program, slots: slots, leftOut: leftOut.types, stores: storesField)
    let fieldCount = slots.columns.count
    events.contact.reserveCapacity(plausibleRows)
    events.time.reserveCapacity(plausibleRows)
    events.type.reserveCapacity(plausibleRows)
    for slot in 0..<fieldCount { events.fields[slot].reserveCapacity(plausibleRows) }
    // The row loop is specialised for the reader's type: through `any RecordReader`
    // every field's bytes came through an unspecialised generic closure.
    if var csv = reader as? CSVRecordReader {
      readEventRows(&csv, file: file, columns: names, plan: plan)
    } else if var json = reader as? JSONLinesRecordReader {
      readEventRows(&json, file: file, columns: names, plan: plan)
    } else {
      readEventRows(&reader, file: file, columns: names, plan: plan)
    }
  }

  /// Reads every row of an events file, a batch at a time (see `EventBatch`). A row is
  /// stored as it is read, before its contact is known; settling the batch gives it its
  /// contact, or leaves it with none (-1: an unknown contact or a field that does not
  /// fit), and `finish` leaves such rows out.
  mutating func readEventRows(
    _ reader: inout some RecordReader, file: String, columns names: [String], plan: EventReadPlan
  ) {
    var batch = EventBatch()
    let stage = EventStage(slots: plan.fieldCount, capacity: EventBatch.capacity)
    var contactsFound: [Int32] = []
    var unknownExamples: [String] = []
    var atEnd = false
    while !atEnd {
      // Read a batch: everything about each row but its contact. The rows read before
      // it are done with (a batch is a few dozen kilobytes; memory goes 16 MiB at a time).
      reader.releaseReadRows()
      while !batch.isFull {
        do {
          guard try reader.next() else {
            atEnd = true
            break
          }
        } catch {
          batch.add(.problem, line: error.line, problem: error)
          continue
        }
        report.eventRows += 1
        if !readPlainEventRow(reader, plan: plan, stage: stage, into: &batch) {
          stage.flush(into: &events, stores: plan.stores)
          readEventRow(&reader, file: file, columns: names, plan: plan, into: &batch)
        }
      }
      // Find the batch's contacts at once, then settle its rows in file order: a row
      // still in the stage gets its contact there, before the stage is flushed.
      keyIndex.find(batch.keys, into: &contactsFound)
      for row in batch.rows {
        switch row.outcome {
        case .problem: reject(batch.problems[Int(row.detail)])
        case .undeclared: undeclared[batch.names[Int(row.detail)], default: 0] += 1
        case .unknown:
          report.eventsForUnknownContacts += 1
          note(unknown: batch.names[Int(row.detail)], in: &unknownExamples)
        case .row, .leftOut:
          let contact = row.probe >= 0 ? contactsFound[Int(row.probe)] : row.contact
          guard contact >= 0 else {
            report.eventsForUnknownContacts += 1
            note(unknown: batch.keys[Int(row.probe)].text, in: &unknownExamples)
            continue
          }
          if row.detail >= 0 {
            reject(batch.problems[Int(row.detail)])
            continue
          }
          if row.outcome == .leftOut {
            leftOut.count(at: batch.leftOutTime(row.stored), contact: contact, report: &report)
          } else if Int(row.stored) >= events.count {
            stage.contact[Int(row.stored) - events.count] = contact
          } else {
            events.contact[Int(row.stored)] = contact
          }
        }
      }
      stage.flush(into: &events, stores: plan.stores)
      batch.removeAll()
    }
    report.unknownContactExamples = unknownExamples
  }

  /// Adds `id` to the report's examples of unknown contacts: the first five ids, each once.
  func note(unknown id: String, in examples: inout [String]) {
    if examples.count < 5 && !examples.contains(id) { examples.append(id) }
  }

  /// Reads the current row of an events file as far as it can without its contact: the
  /// type, the time, the key (looked up now only when it is too long to pack) and the
  /// fields, which go straight into the event columns (the row's contact is -1 until
  /// the batch is settled). `columns`: the key's, the time's, the type's, then one per
  /// field slot.
  mutating func readEventRow(
    _ reader: inout some RecordReader, file: String, columns: [String], plan: EventReadPlan,
    into batch: inout EventBatch
  ) {
    let line = reader.line
    // The event type first: rows of undeclared types are counted, not read.
    let typeID: Int32? = reader.field(2) { bytes in bytes.flatMap { plan.eventNames.find($0) }.map { Int32($0) } }
    guard let typeID else {
      let name = reader.field(2) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } } ?? ""
      if name.isEmpty {
        let problem = RowProblem(
          file: file, line: line, column: columns[2], message: "the event type is missing", kind: "missing value")
        batch.add(.problem, line: line, problem: problem)
      } else {
        batch.add(.undeclared, line: line, name: name)
      }
      return
    }
    let time: Result<Int64?, ValueError> = reader.field(1) { bytes in
      guard let bytes else { return .success(nil) }
      return Result { () throws(ValueError) -> Int64? in try ValueParser.timestamp(bytes) }
    }
    let instant: Int64
    switch time {
    case .failure(let error):
      return batch.add(
        .problem, line: line, problem: RowProblem(file: file, line: line, column: columns[1], value: error))
    case .success(nil):
      return batch.add(.problem, line: line, problem: .missing(file: file, line: line, column: columns[1]))
    case .success(let seconds?): instant = seconds
    }
    // A key of up to 8 bytes is looked up with the batch's; a longer one now.
    let key: EventBatch.Key = reader.field(0) { bytes in
      guard let bytes else { return .missing }
      if let short = KeyIndex.short(bytes) { return .short(short) }
      if let contact = keyIndex.find(bytes, keys: contacts.keys) { return .found(contact) }
      return .unknown(String(decoding: bytes, as: UTF8.self))
    }
    // A row of a type left out is only counted once its contact is known: its time
    // waits in the batch. Any other row is stored now.
    let isLeftOut = plan.leftOut[Int(typeID)]
    var row = EventBatch.Row(
      outcome: isLeftOut ? .leftOut : .row, line: line, contact: -1, probe: -1,
      stored: Int32(truncatingIfNeeded: events.count), detail: -1)
    switch key {
    case .missing: return batch.add(.problem, line: line, problem: .missing(file: file, line: line, column: columns[0]))
    case .unknown(let id): return batch.add(.unknown, line: line, name: id)
    case .found(let contact): row.contact = contact
    case .short(let short): row.probe = batch.append(key: short)
    }
    if isLeftOut {
      row.stored = batch.append(leftOutTime: instant)
    } else {
      events.contact.append(-1)
      events.time.append(instant)
      events.type.append(typeID)
      events.count += 1
    }
    for place in plan.fields.range(Int(typeID)) {
      let field = plan.fields.items[place]
      let slot = Int(field.slot)
      var problem: RowProblem?
      switch appendField(reader, slot: slot, plan: plan, storing: !isLeftOut && plan.stores[slot]) {
      case .failure(let error):
        problem = RowProblem(file: file, line: line, column: slots.columns[slot].name, value: error)
      case .success(false) where !field.isOptional:
        let event = program.events[Int(typeID)]
        problem = RowProblem(
          file: file, line: line, column: slots.columns[slot].name,
          message: "the value is missing, and event `\(event.name)` declares it required "
            + "(add `?` to its type if it may be empty)",
          kind: "missing value")
      case .success: break
      }
      if let problem {
        row.detail = Int32(batch.problems.count)
        batch.problems.append(problem)
        break
      }
    }
    // Fields this event type lacks (or that were not read after a problem) are stored
    // as missing, so every column stays one value a row.
    for slot in 0..<plan.fieldCount where !isLeftOut && plan.stores[slot] && events.fields[slot].count < events.count {
      events.fields[slot].appendMissing()
    }
    batch.append(row)
  }

  /// Reads field slot `slot` of the current row into its column: text by its pool id,
  /// an enum case by a look-up of its name, anything else parsed by its kind. Returns
  /// whether the value is there (a missing one is stored as missing); on an error
  /// nothing is stored. Not `storing` (a row left out): the value is only checked, and
  /// text, which always fits, is not pooled.
  mutating func appendField(
    _ reader: some RecordReader, slot: Int, plan: EventReadPlan, storing: Bool = true
  ) -> Result<Bool, ValueError> {
    let column = 3 + slot
    let code: Int32?? = reader.field(column) { bytes in
      guard let bytes, !bytes.isEmpty else { return .some(nil) }
      switch plan.storage[slot] {
      case .text: return storing ? pool.intern(bytes) : 0
      case .enumCase: return plan.caseNames[slot].find(bytes).map { .some(Int32($0)) }
      case .parsed: return nil
      }
    }
    switch code {
    case .some(.some(let code)):
      if storing { events.fields[slot].codes.append(code) }
      return .success(true)
    case .some(.none):
      if storing { events.fields[slot].appendMissing() }
      return .success(false)
    case .none:
      // Parsed, or an enum name that is not a case (for the error message).
      switch read(reader, column: column, kind: plan.kinds[slot]) {
      case .failure(let error): return .failure(error)
      case .success(let value):
        if storing { events.fields[slot].append(value ?? .missing) }
        return .success(value != nil)
      }
    }
  }

  /// Settles the window, groups the window's events by contact in time order, and
  /// hands over the data.
  mutating func finish(from: Int64?, to: Int64?) -> DataSet {
    // The window's defaults come from the rows kept (those with a contact).
    var earliest = leftOut.earliest
    var latest = leftOut.latest
    if from == nil || to == nil {
      for row in 0..<events.count where events.contact[row] >= 0 {
        earliest = min(earliest, events.time[row])
        latest = max(latest, events.time[row])
      }
    }
    let start = from ?? (earliest == Int64.max ? 0 : earliest)
    let end = to ?? (latest == Int64.min ? start + 1 : latest + 1)
    let contactCount = contacts.count
    let window = events.windowCounts(contacts: contactCount, start: start, end: end)
    report.eventsBeforeWindow += window.before
    report.eventsAfterWindow += window.after
    let counts = window.first
    let inTimeOrder = window.inTimeOrder
    // Each window row's place: after its contact's earlier rows, so each contact's
    // rows end up one after another and a replay reads them in order.
    let place = events.places(first: counts, start: start, end: end)
    let total = Int(counts[contactCount])
    let hasEventOfAContact = leftOut.earliest != Int64.max || total + window.before + window.after > 0
    events.time = scatter(events.time, to: place, count: total)
    events.type = scatter(events.type, to: place, count: total)
    let stored = events.fields.indices.filter { storesField[$0] }
    for slot in stored { events.fields[slot] = events.fields[slot].scattered(to: place, count: total) }
    // Rows are in input order within each contact; sort by time where they are not,
    // keeping input order for ties (a file sorted by time needs nothing here).
    for contact in 0..<contactCount where !inTimeOrder {
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
      for slot in stored { events.fields[slot].reorder(range, by: order) }
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
      report: report, slots: slots, keyIndex: keyIndex, hasEventOfAContact: hasEventOfAContact,
      leftOutEvents: leftOut.types.contains(true),
      leftOutBeforeEntry: leftOut.beforeEntry,
      unstoredText: Set(
        storesText.indices.filter { !storesText[$0] && Loader.kind(of: program.attributes[$0].type) == .string }),
      unstoredFields: Set(storesField.indices.filter { !storesField[$0] }))
  }
}
