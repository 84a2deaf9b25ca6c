import DataReader

extension Loader {
  /// Reads the current row of an events file on the fast path when it is the common
  /// kind: the fields it needs are unquoted, its type is declared, its time reads, its
  /// key has up to 8 bytes and every field fits. It is stored as `readEventRow` stores
  /// it (the same values, batch entries and pool ids, in the same order), in fewer
  /// steps: each field's bytes are taken in place instead of through a closure, the
  /// time is read by `TimestampReader`, short text found in `RecentTexts`, and the
  /// values go to `stage`, which reaches the columns a batch at a time. Returns false,
  /// having stored nothing, for any other row: flush the stage, then `readEventRow`
  /// reads it and says what is wrong with it.
  @inline(__always)
  mutating func readPlainEventRow(
    _ reader: some RecordReader, plan: EventReadPlan, stage: EventStage, into batch: inout EventBatch
  ) -> Bool {
    reader.withFieldsInPlace { fields in
      guard let fields else { return false }
      return readPlainEventRow(fields, line: reader.line, plan: plan, stage: stage, into: &batch)
    }
  }

  @inline(__always)
  private mutating func readPlainEventRow(
    _ fields: FieldsInPlace, line: Int, plan: EventReadPlan, stage: EventStage, into batch: inout EventBatch
  ) -> Bool {
    guard let typeBytes = fields[2], !typeBytes.isEmpty, let type = plan.eventNames.find(typeBytes),
      let timeBytes = fields[1], let instant = try? timestamps.read(timeBytes),
      let keyBytes = fields[0], !keyBytes.isEmpty, let key = KeyIndex.short(keyBytes)
    else { return false }
    let isLeftOut = plan.leftOut[type]
    let row = stage.count
    for place in plan.fields.range(type)
    where !readPlainField(fields, plan.fields.items[place], plan: plan, stage: stage, row: row, keeping: !isLeftOut) {
      return false
    }
    let stored: Int32
    if isLeftOut {
      stored = batch.append(leftOutTime: instant)
    } else {
      for place in plan.absentSlots.range(type) {
        let slot = Int(plan.absentSlots.items[place])
        _ = stage.store(nil, kind: plan.columnKinds[slot], slot: slot, row: row)
      }
      stage.time[row] = instant
      stage.type[row] = Int32(truncatingIfNeeded: type)
      stage.contact[row] = -1
      stored = Int32(truncatingIfNeeded: events.count + row)
      stage.count = row + 1
    }
    let probe = batch.append(key: key)
    batch.append(
      EventBatch.Row(
        outcome: isLeftOut ? .leftOut : .row, line: line, contact: -1, probe: probe, stored: stored, detail: -1))
    return true
  }

  /// Reads `field` of the current row in place into row `row` of `stage` (only checks
  /// it when the row is not `keeping` or its slot is not stored); false when it is
  /// quoted, missing but required, or does not read.
  @inline(__always)
  private mutating func readPlainField(
    _ fields: FieldsInPlace, _ field: EventReadPlan.Field, plan: EventReadPlan, stage: EventStage, row: Int,
    keeping: Bool
  ) -> Bool {
    let slot = Int(field.slot)
    let storing = keeping && plan.stores[slot]
    guard let bytes = fields[3 + slot] else { return false }
    if bytes.isEmpty {
      guard field.isOptional else { return false }
      return !storing || stage.store(nil, kind: plan.columnKinds[slot], slot: slot, row: row)
    }
    switch plan.storage[slot] {
    case .text:
      if storing { stage.codes[stage.cell(slot, row)] = recentTexts.id(bytes, pool: &pool) }
    case .enumCase:
      guard let index = plan.caseNames[slot].find(bytes) else { return false }
      if storing { stage.codes[stage.cell(slot, row)] = Int32(truncatingIfNeeded: index) }
    case .parsed:
      guard let value = try? value(bytes, kind: plan.kinds[slot]) else { return false }
      return !storing || stage.store(value, kind: plan.columnKinds[slot], slot: slot, row: row)
    }
    return true
  }
}
