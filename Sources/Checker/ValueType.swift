import CampaignLang

/// An enumeration type: the cases of one `enum(...)` declaration, or the campaign's states.
public struct EnumType: Sendable, Hashable {
  /// Where the type was declared (`page_visit.intent`), for messages.
  public var owner: String
  public var cases: [String]

  public init(owner: String, cases: [String]) {
    self.owner = owner
    self.cases = cases
  }
}

/// The type of a value in a checked program.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
  case int, decimal, bool, string, date, timestamp, duration, percent
  case enumeration(EnumType)
  /// The campaign's states (`state == Inactive`).
  case state
  case timeOfDay
  /// May be missing: must be guarded with `exists(...)` or given a default with `??`.
  case optional(ValueType)
  /// The type of something already reported; it absorbs follow-on errors.
  case error

  // Pattern matches rather than `==`: derived equality on an indirect enum is slow, and
  // these run for every operator the checker sees.
  public var isNumeric: Bool {
    switch self {
    case .int, .decimal: true
    default: false
    }
  }
  public var isError: Bool {
    if case .error = self { return true }
    return false
  }
  public var isDecimal: Bool {
    if case .decimal = self { return true }
    return false
  }
  public var isBool: Bool {
    if case .bool = self { return true }
    return false
  }
  /// Whether `<`, `<=`, `>` and `>=` apply.
  public var isOrdered: Bool {
    switch self {
    case .int, .decimal, .date, .timestamp, .duration, .percent: true
    default: false
    }
  }

  /// The type without `optional`.
  public var base: ValueType {
    if case .optional(let inner) = self { return inner }
    return self
  }

  public var isOptional: Bool {
    if case .optional = self { return true }
    return false
  }

  /// How the type is named to a marketer: "a number", "a date", ...
  public var description: String {
    switch self {
    case .int: "a whole number"
    case .decimal: "a number"
    case .bool: "true or false"
    case .string: "text"
    case .date: "a date"
    case .timestamp: "a timestamp"
    case .duration: "a duration"
    case .percent: "a percentage"
    case .enumeration(let type): "one of " + type.cases.map { "`\($0)`" }.joined(separator: ", ")
    case .state: "a state"
    case .timeOfDay: "a time of day"
    case .optional(let inner): "\(inner) that may be missing"
    case .error: "an unknown value"
    }
  }

  /// The type as written in a schema (`decimal`, `date?`).
  public var keyword: String {
    switch self {
    case .int: "int"
    case .decimal: "decimal"
    case .bool: "bool"
    case .string: "string"
    case .date: "date"
    case .timestamp: "timestamp"
    case .duration: "duration"
    case .percent: "percent"
    case .enumeration(let type): "enum(" + type.cases.joined(separator: ", ") + ")"
    case .state: "state"
    case .timeOfDay: "time"
    case .optional(let inner): inner.keyword + "?"
    case .error: "error"
    }
  }
}
