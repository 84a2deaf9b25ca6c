import CampaignLang

/// Contact rows read but not yet in their columns, up to `capacity` of them: per
/// attribute, its cells for these rows side by side, in the storage its read gives (see
/// `ContactReadPlan.Read`), written through pointers. A batch goes into the columns at
/// once, when its keys have gone into the key index (see `Loader.commit`).
///
/// Appending to a column a cell at a time checked, twice a cell, that neither the
/// table of columns nor the column was shared (two calls): about a tenth of the contacts
/// phase. A row that turns out not to fit is not counted, so the next one overwrites it.
final class ContactStage {
  let capacity: Int
  /// The rows staged.
  var count = 0
  /// Cell `row` of attribute `a` is at `a * capacity + row` in the storage of its read.
  let codes: UnsafeMutablePointer<Int32>
  let integers: UnsafeMutablePointer<Int64>
  let decimals: UnsafeMutablePointer<ExactDecimal?>
  let values: UnsafeMutablePointer<Value>
  /// Per row: its time zone, its key's hash (`KeyIndex.hash`) and its line.
  let zones: UnsafeMutablePointer<Int32>
  let hashes: UnsafeMutablePointer<UInt64>
  let lines: UnsafeMutablePointer<Int>

  init(attributes: Int, capacity: Int) {
    self.capacity = capacity
    let cells = max(attributes, 1) * capacity
    codes = .filled(with: Column.missingCode, count: cells)
    integers = .filled(with: Column.missingInteger, count: cells)
    decimals = .filled(with: nil, count: cells)
    values = .filled(with: .missing, count: cells)
    zones = .filled(with: 0, count: capacity)
    hashes = .filled(with: 0, count: capacity)
    lines = .filled(with: 0, count: capacity)
  }

  deinit {
    codes.deallocate()
    integers.deallocate()
    decimals.deallocate()
    values.deallocate()
    zones.deallocate()
    hashes.deallocate()
    lines.deallocate()
  }

  var isFull: Bool { count == capacity }

  /// Where cell `row` of `attribute` is.
  @inline(__always)
  func cell(_ attribute: Int, _ row: Int) -> Int { attribute &* capacity &+ row }

  /// The staged rows' hashes, for `KeyIndex.touch`.
  var stagedHashes: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: hashes, count: count) }

  /// Copies row `row` over row `target` (before it): a row whose key repeats an
  /// earlier one's is left out so. Rare: every storage is copied, used or not.
  func move(_ row: Int, to target: Int, attributes: Int) {
    for attribute in 0..<attributes {
      codes[cell(attribute, target)] = codes[cell(attribute, row)]
      integers[cell(attribute, target)] = integers[cell(attribute, row)]
      decimals[cell(attribute, target)] = decimals[cell(attribute, row)]
      values[cell(attribute, target)] = values[cell(attribute, row)]
    }
    zones[target] = zones[row]
    lines[target] = lines[row]
    hashes[target] = hashes[row]
  }

  /// Appends the first `rows` staged cells of `attribute`, read as `read`, to `column`.
  func append(_ attribute: Int, read: ContactReadPlan.Read, rows: Int, to column: inout Column) {
    let start = cell(attribute, 0)
    switch read {
    case .presence:
      for _ in 0..<rows { column.appendMissing() }
    case .key where column.kind != .string:
      // Text in a column that stores none (see `ContactReadPlan`).
      for _ in 0..<rows { column.appendMissing() }
    case .key, .text, .enumCase, .bool:
      column.codes.append(contentsOf: UnsafeBufferPointer(start: codes + start, count: rows))
    case .date:
      column.integers.append(contentsOf: UnsafeBufferPointer(start: integers + start, count: rows))
    case .decimal:
      for row in 0..<rows {
        guard let number = decimals[start + row] else {
          column.decimalRows.append(Column.missingCode)
          continue
        }
        column.decimalRows.append(Int32(column.decimals.count))
        column.decimals.append(number)
      }
    case .other:
      for row in 0..<rows { column.append(values[start + row]) }
    }
  }
}
