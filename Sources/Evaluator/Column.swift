import CampaignLang
import Checker

/// One attribute of every contact, or one field of every event, stored compactly by
/// its declared type: whole numbers, dates, times and durations as `Int64`; booleans,
/// enum cases, states and pooled strings as `Int32`; decimals and percents, often
/// missing (an `amount` only purchases have), as an `Int32` per row into a list of the
/// values present. Only the storage of its kind is used.
public struct Column: Sendable {
  enum Kind: UInt8, Sendable {
    case int, date, timestamp, duration, bool, string, enumCase, state, decimal, percent
    /// A type no data file holds (time of day): always missing.
    case none
  }

  let kind: Kind
  /// Per row, for int, date, timestamp and duration.
  var integers: [Int64] = []
  /// Per row, for bool, string (a pool id), enum case and state.
  var codes: [Int32] = []
  /// Per row, for decimal and percent: an index into `decimals`.
  var decimalRows: [Int32] = []
  var decimals: [ExactDecimal] = []

  /// Marks a missing value in `integers`.
  static let missingInteger = Int64.min
  /// Marks a missing value in `codes` and `decimalRows`.
  static let missingCode = Int32.min

  init(for type: ValueType) {
    switch type.base {
    case .int: kind = .int
    case .date: kind = .date
    case .timestamp: kind = .timestamp
    case .duration: kind = .duration
    case .bool: kind = .bool
    case .string: kind = .string
    case .enumeration: kind = .enumCase
    case .state: kind = .state
    case .decimal: kind = .decimal
    case .percent: kind = .percent
    default: kind = .none
    }
  }

  var count: Int {
    switch kind {
    case .int, .date, .timestamp, .duration, .none: integers.count
    case .bool, .string, .enumCase, .state: codes.count
    case .decimal, .percent: decimalRows.count
    }
  }

  /// Appends `value` (`.missing`: missing). The value's kind matches the column's type.
  mutating func append(_ value: Value) {
    switch (kind, value) {
    case (.int, .int(let number)), (.date, .date(let number)), (.timestamp, .timestamp(let number)),
      (.duration, .duration(let number)):
      integers.append(number)
    case (.int, _), (.date, _), (.timestamp, _), (.duration, _), (.none, _): integers.append(Column.missingInteger)
    case (.bool, .bool(let flag)): codes.append(flag ? 1 : 0)
    case (.string, .string(let id)): codes.append(id)
    case (.enumCase, .enumCase(let index)), (.state, .state(let index)): codes.append(Int32(index))
    case (.bool, _), (.string, _), (.enumCase, _), (.state, _): codes.append(Column.missingCode)
    case (.decimal, .decimal(let number)), (.percent, .percent(let number)):
      decimalRows.append(Int32(decimals.count))
      decimals.append(number)
    case (.decimal, _), (.percent, _): decimalRows.append(Column.missingCode)
    }
  }

  /// Appends a missing value: what most event rows hold in most field columns (only
  /// page views have a page), so it goes without a look at a value.
  @inline(__always)
  mutating func appendMissing() {
    switch kind {
    case .int, .date, .timestamp, .duration, .none: integers.append(Column.missingInteger)
    case .bool, .string, .enumCase, .state: codes.append(Column.missingCode)
    case .decimal, .percent: decimalRows.append(Column.missingCode)
    }
  }

  /// Makes room for `rows` rows in all, so that appending them does not copy the column.
  mutating func reserveCapacity(_ rows: Int) {
    switch kind {
    case .int, .date, .timestamp, .duration, .none: integers.reserveCapacity(rows)
    case .bool, .string, .enumCase, .state: codes.reserveCapacity(rows)
    case .decimal, .percent: decimalRows.reserveCapacity(rows)
    }
  }

  /// The column with row `row` of this one at `place[row]`, for the rows whose place is
  /// not negative; `count` is how many those are (the places are 0..<count, each once).
  func scattered(to place: [Int32], count: Int) -> Column {
    var result = Column(kind: kind)
    switch kind {
    case .int, .date, .timestamp, .duration, .none: result.integers = scatter(integers, to: place, count: count)
    case .bool, .string, .enumCase, .state: result.codes = scatter(codes, to: place, count: count)
    case .decimal, .percent:
      result.decimalRows = scatter(decimalRows, to: place, count: count)
      result.decimals = decimals
    }
    return result
  }

  /// Puts rows `range.lowerBound + k` in the order `order[k]` (rows of `range`).
  mutating func reorder(_ range: Range<Int>, by order: [Int]) {
    switch kind {
    case .int, .date, .timestamp, .duration, .none: integers.reorder(range, by: order)
    case .bool, .string, .enumCase, .state: codes.reorder(range, by: order)
    case .decimal, .percent: decimalRows.reorder(range, by: order)
    }
  }

  private init(kind: Kind) {
    self.kind = kind
  }

  /// The value at `row`.
  @inline(__always)
  func value(at row: Int) -> Value {
    switch kind {
    case .int, .date, .timestamp, .duration, .none:
      let cell = integers[row]
      if cell == Column.missingInteger { return .missing }
      switch kind {
      case .int: return .int(cell)
      case .date: return .date(cell)
      case .timestamp: return .timestamp(cell)
      case .duration: return .duration(cell)
      default: return .missing
      }
    case .bool, .string, .enumCase, .state:
      let cell = codes[row]
      if cell == Column.missingCode { return .missing }
      switch kind {
      case .bool: return .bool(cell != 0)
      case .string: return .string(cell)
      case .enumCase: return .enumCase(Int(cell))
      default: return .state(Int(cell))
      }
    case .decimal, .percent:
      let index = decimalRows[row]
      if index == Column.missingCode { return .missing }
      return kind == .percent ? .percent(decimals[Int(index)]) : .decimal(decimals[Int(index)])
    }
  }
}

extension [Column] {
  /// The value at `row` of column `column`, read in place: `self[column].value(at:)`
  /// copied the column out first, a retain and a release of each of its arrays, and the
  /// run reads a field at nearly every event.
  func value(_ column: Int, at row: Int) -> Value {
    withUnsafeBufferPointer { $0[column].value(at: row) }
  }
}

extension [Column] {
  /// The code (bool, pool id, case or state) at `row` of column `column`, read in place.
  func code(_ column: Int, at row: Int) -> Int32 {
    withUnsafeBufferPointer { $0[column].codes[row] }
  }
}

/// `values` with the value of row `row` at `place[row]`, rows with a negative place
/// left out; `count`: how many places there are (0..<count, each taken once).
///
/// Reading in order and writing at random places beats the reverse (a gather): a
/// write that misses the cache does not hold up the next one, a read does.
func scatter<T: BitwiseCopyable>(_ values: [T], to place: [Int32], count: Int) -> [T] {
  Array(unsafeUninitializedCapacity: count) { buffer, initialized in
    values.withUnsafeBufferPointer { values in
      place.withUnsafeBufferPointer { place in
        for row in values.indices where place[row] >= 0 {
          (buffer.baseAddress! + Int(place[row])).initialize(to: values[row])
        }
      }
    }
    initialized = count
  }
}

extension Array {
  /// Puts elements `range.lowerBound + k` in the order `order[k]` (indices in `range`).
  mutating func reorder(_ range: Range<Int>, by order: [Int]) {
    let old = Array(self[range])
    for (offset, index) in order.enumerated() { self[range.lowerBound + offset] = old[index - range.lowerBound] }
  }
}
