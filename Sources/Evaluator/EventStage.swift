import CampaignLang

/// Events rows read on the fast path (`Loader.readPlainEventRow`) but not yet in the
/// event columns, up to `capacity` of them: their times, types and, per field slot,
/// cells in the storage of the slot's column kind, written through pointers. The rows
/// go into the columns at once (`flush`), once the batch is settled (which gives them
/// their contacts) or before any row the full read stores, so the columns keep file
/// order.
///
/// Appending to the columns a value at a time checked, per value, that neither the
/// table of columns nor the column was shared (two calls), and that it had room: the
/// larger part of reading a plain row. A row that turns out not to fit is not counted,
/// so the next one overwrites it (the model is `ContactStage`).
final class EventStage {
  let capacity: Int
  /// The rows staged.
  var count = 0
  let time: UnsafeMutablePointer<Int64>
  let type: UnsafeMutablePointer<Int32>
  /// -1 until the batch is settled (and for a row whose contact is not found).
  let contact: UnsafeMutablePointer<Int32>
  /// Cell `row` of slot `s` is at `s * capacity + row` in the storage of its kind.
  let codes: UnsafeMutablePointer<Int32>
  let integers: UnsafeMutablePointer<Int64>
  let decimals: UnsafeMutablePointer<ExactDecimal?>

  init(slots: Int, capacity: Int) {
    self.capacity = capacity
    let cells = max(slots, 1) * capacity
    time = .filled(with: 0, count: capacity)
    type = .filled(with: 0, count: capacity)
    contact = .filled(with: -1, count: capacity)
    codes = .filled(with: Column.missingCode, count: cells)
    integers = .filled(with: Column.missingInteger, count: cells)
    decimals = .filled(with: nil, count: cells)
  }

  deinit {
    time.deallocate()
    type.deallocate()
    contact.deallocate()
    codes.deallocate()
    integers.deallocate()
    decimals.deallocate()
  }

  /// Where cell `row` of `slot` is.
  @inline(__always)
  func cell(_ slot: Int, _ row: Int) -> Int { slot &* capacity &+ row }

  /// Stores `value` (nil: missing) in cell `row` of `slot`, whose column is of `kind`;
  /// false when the value is not of that kind (text, which the fast path pools itself).
  @inline(__always)
  func store(_ value: Value?, kind: Column.Kind, slot: Int, row: Int) -> Bool {
    let at = cell(slot, row)
    switch (kind, value) {
    case (.int, nil), (.date, nil), (.timestamp, nil), (.duration, nil), (.none, _):
      integers[at] = Column.missingInteger
    case (.int, .int(let number)), (.date, .date(let number)), (.timestamp, .timestamp(let number)),
      (.duration, .duration(let number)):
      integers[at] = number
    case (.bool, nil), (.string, nil), (.enumCase, nil), (.state, nil): codes[at] = Column.missingCode
    case (.bool, .bool(let flag)): codes[at] = flag ? 1 : 0
    case (.enumCase, .enumCase(let index)): codes[at] = Int32(truncatingIfNeeded: index)
    case (.decimal, nil), (.percent, nil): decimals[at] = nil
    case (.decimal, .decimal(let number)), (.percent, .percent(let number)): decimals[at] = number
    default: return false
    }
    return true
  }

  /// Moves the staged rows into `events`, leaving the stage empty; the slots not
  /// `stores` (see `Loader.storesField`) stay empty.
  func flush(into events: inout EventTable, stores: [Bool]) {
    guard count > 0 else { return }
    let rows = count
    events.time.append(contentsOf: UnsafeBufferPointer(start: time, count: rows))
    events.type.append(contentsOf: UnsafeBufferPointer(start: type, count: rows))
    events.contact.append(contentsOf: UnsafeBufferPointer(start: contact, count: rows))
    for slot in events.fields.indices where stores[slot] {
      let start = cell(slot, 0)
      switch events.fields[slot].kind {
      case .int, .date, .timestamp, .duration, .none:
        events.fields[slot].integers.append(contentsOf: UnsafeBufferPointer(start: integers + start, count: rows))
      case .bool, .string, .enumCase, .state:
        events.fields[slot].codes.append(contentsOf: UnsafeBufferPointer(start: codes + start, count: rows))
      case .decimal, .percent:
        for row in 0..<rows {
          guard let number = decimals[start + row] else {
            events.fields[slot].decimalRows.append(Column.missingCode)
            continue
          }
          events.fields[slot].decimalRows.append(Int32(events.fields[slot].decimals.count))
          events.fields[slot].decimals.append(number)
        }
      }
    }
    events.count += rows
    count = 0
  }
}
