import CampaignLang

/// A value while a campaign runs. Text is an id in the run's `StringPool`, so comparing
/// two strings is comparing two integers; times are whole seconds since 1970-01-01Z.
public enum Value: Sendable, Hashable {
  /// An optional attribute or aggregate with no value.
  case missing
  case int(Int64)
  case decimal(ExactDecimal)
  /// A score: float64, because decay is continuous.
  case real(Double)
  case bool(Bool)
  case string(Int32)
  /// Days since 1970-01-01.
  case date(Int64)
  case timestamp(Int64)
  case duration(Int64)
  case percent(ExactDecimal)
  case enumCase(Int)
  case state(Int)

  var isTrue: Bool {
    if case .bool(true) = self { return true }
    return false
  }

  /// The value as a float64, for comparing scores with numbers.
  var real: Double? {
    switch self {
    case .int(let value): Double(value)
    case .decimal(let value), .percent(let value): value.approximate
    case .real(let value): value
    default: nil
    }
  }
}
