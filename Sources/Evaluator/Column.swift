import CampaignLang
import Checker

/// One attribute of every contact, or one field of every event, stored compactly by
/// its declared type. Whole numbers, booleans, dates, times, durations, enum cases and
/// pooled strings share one `Int64` layout; decimals and percents keep their exact form.
public enum Column: Sendable {
  case integers([Int64])
  case decimals([ExactDecimal])

  /// Marks a missing value in an integer column.
  static let missingInteger = Int64.min
  /// Marks a missing value in a decimal column.
  static let missingDecimal = ExactDecimal(units: 0, scale: -1)

  static func empty(for type: ValueType) -> Column {
    switch type.base {
    case .decimal, .percent: .decimals([])
    default: .integers([])
    }
  }

  var count: Int {
    switch self {
    case .integers(let values): values.count
    case .decimals(let values): values.count
    }
  }

  /// Appends `value` (nil: missing). The value's kind matches the column's type.
  mutating func append(_ value: Value) {
    switch self {
    case .integers(var values):
      self = .integers([])
      values.append(Column.cell(value))
      self = .integers(values)
    case .decimals(var values):
      self = .decimals([])
      switch value {
      case .decimal(let number), .percent(let number): values.append(number)
      default: values.append(Column.missingDecimal)
      }
      self = .decimals(values)
    }
  }

  static func cell(_ value: Value) -> Int64 {
    switch value {
    case .int(let number), .date(let number), .timestamp(let number), .duration(let number): number
    case .bool(let flag): flag ? 1 : 0
    case .string(let id): Int64(id)
    case .enumCase(let index), .state(let index): Int64(index)
    default: missingInteger
    }
  }

  /// The column with rows `order[0]`, `order[1]`, ... of this one.
  func gathered(_ order: [Int32]) -> Column {
    switch self {
    case .integers(let values): .integers(order.map { values[Int($0)] })
    case .decimals(let values): .decimals(order.map { values[Int($0)] })
    }
  }

  /// The value at `row`, read as `type`.
  func value(at row: Int, as type: ValueType) -> Value {
    switch self {
    case .integers(let values):
      let cell = values[row]
      if cell == Column.missingInteger { return .missing }
      switch type.base {
      case .int: return .int(cell)
      case .bool: return .bool(cell != 0)
      case .string: return .string(Int32(truncatingIfNeeded: cell))
      case .date: return .date(cell)
      case .timestamp: return .timestamp(cell)
      case .duration: return .duration(cell)
      case .enumeration: return .enumCase(Int(cell))
      case .state: return .state(Int(cell))
      default: return .missing
      }
    case .decimals(let values):
      let number = values[row]
      if number.scale < 0 { return .missing }
      if case .percent = type.base { return .percent(number) }
      return .decimal(number)
    }
  }
}
