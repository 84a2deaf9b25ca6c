import DataReader

extension Loader {
  /// Reads the current row of an events file on the fast path when it is the common
  /// kind: the fields it needs are unquoted, its type is declared, its time reads, its
  /// key has up to 8 bytes and every field fits. It is stored exactly as
  /// `readEventRow` stores it (the same columns, batch entries and pool ids, in the
  /// same order), in fewer steps: each field's bytes are taken in place instead of
  /// through a closure, the time is read by `TimestampReader` and short text found in
  /// `RecentTexts`. Returns false, having stored nothing, for any other row:
  /// `readEventRow` then reads it, and says what is wrong with it.
  @inline(__always)
  mutating func readPlainEventRow(
    _ reader: some RecordReader, plan: EventReadPlan, into batch: inout EventBatch
  ) -> Bool {
    guard let typeBytes = reader.bytesInPlace(2), !typeBytes.isEmpty, let type = plan.eventNames.find(typeBytes),
      let timeBytes = reader.bytesInPlace(1), let instant = try? timestamps.read(timeBytes),
      let keyBytes = reader.bytesInPlace(0), !keyBytes.isEmpty, let key = KeyIndex.short(keyBytes)
    else { return false }
    let fields = plan.fields.range(type)
    let isLeftOut = plan.leftOut[type]
    for place in fields where !readPlainField(reader, plan.fields.items[place], plan: plan, storing: !isLeftOut) {
      if !isLeftOut {
        for earlier in fields.lowerBound..<place { events.fields[Int(plan.fields.items[earlier].slot)].removeLast() }
      }
      return false
    }
    let stored: Int
    if isLeftOut {
      stored = batch.leftOutTimes.count
      batch.leftOutTimes.append(instant)
    } else {
      for place in plan.absentSlots.range(type) { events.fields[Int(plan.absentSlots.items[place])].appendMissing() }
      stored = events.count
      events.contact.append(-1)
      events.time.append(instant)
      events.type.append(Int32(truncatingIfNeeded: type))
      events.count += 1
    }
    batch.rows.append(
      EventBatch.Row(
        outcome: isLeftOut ? .leftOut : .row, line: reader.line, contact: -1,
        probe: Int32(truncatingIfNeeded: batch.keys.count), stored: Int32(truncatingIfNeeded: stored), detail: -1))
    batch.keys.append(key)
    return true
  }

  /// Reads `field` of the current row in place into its column (only checks it when
  /// not `storing`); false, storing nothing, when it is quoted, missing but required,
  /// or does not read.
  @inline(__always)
  private mutating func readPlainField(
    _ reader: some RecordReader, _ field: EventReadPlan.Field, plan: EventReadPlan, storing: Bool
  ) -> Bool {
    let slot = Int(field.slot)
    guard let bytes = reader.bytesInPlace(3 + slot) else { return false }
    if bytes.isEmpty {
      if storing && field.isOptional { events.fields[slot].appendMissing() }
      return field.isOptional
    }
    switch plan.storage[slot] {
    case .text:
      if storing { events.fields[slot].codes.append(recentTexts.id(bytes, pool: &pool)) }
    case .enumCase:
      guard let index = plan.caseNames[slot].find(bytes) else { return false }
      if storing { events.fields[slot].codes.append(Int32(truncatingIfNeeded: index)) }
    case .parsed:
      guard let value = try? value(bytes, kind: plan.kinds[slot]) else { return false }
      if storing { events.fields[slot].append(value) }
    }
    return true
  }
}
