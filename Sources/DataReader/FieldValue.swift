import CampaignLang

/// A typed value read from a data field. A missing value (an empty field) is not a
/// `FieldValue`: parsers return nil for it, and the caller decides whether the column
/// may be missing.
public enum FieldValue: Sendable, Hashable {
  case int(Int64)
  case decimal(ExactDecimal)
  case bool(Bool)
  case string(String)
  case date(CivilDate)
  /// A point in time, as whole seconds since 1970-01-01T00:00:00Z.
  case timestamp(secondsSinceEpoch: Int64)
  /// A span of time in seconds.
  case duration(seconds: Int64)
  /// `10%` is the decimal 10.
  case percent(ExactDecimal)
  /// The 0-based index of the matching case name.
  case enumeration(caseIndex: Int)
}
