import CampaignLang

/// A constant in a checked program.
public enum ConstantValue: Sendable, Hashable {
  case int(Int64)
  case decimal(ExactDecimal)
  case percent(ExactDecimal)
  case bool(Bool)
  case string(String)
  case date(CivilDate)
  case timestamp(Timestamp)
  case duration(Duration)
  /// A case of an enumeration, by index into its `EnumType.cases`.
  case enumCase(Int)
  /// A state, by index into `CheckedCampaign.states`.
  case state(Int)
}

/// A resolved, typed expression. Every name is a slot index: evaluating it needs no
/// name look-up and no string comparison.
///
/// The slot cases are held in place and the others are `indirect` (boxed): a wholly
/// indirect enum allocates a box for every attribute, score or field named.
public enum CheckedExpr: Sendable, Hashable {
  indirect case constant(ConstantValue)
  /// A contact attribute, by index into `CheckedCampaign.attributes`.
  case attribute(Int)
  /// A field of the event being matched (in `where` conditions), by field index.
  case eventField(Int)
  case score(Int)
  case segment(Int)
  case counter(Int)
  /// The contact's current state.
  case currentState
  /// Inside a flow: whether the contact has engaged since the flow started.
  case engaged
  /// The simulated clock's date and instant.
  case today
  case now
  indirect case exists(CheckedExpr)
  indirect case not(CheckedExpr)
  indirect case negate(CheckedExpr)
  indirect case binary(BinaryOperator, CheckedExpr, CheckedExpr, operand: ValueType)
  indirect case aggregate(CheckedAggregate)
  indirect case membership(CheckedExpr, [CheckedExpr], negated: Bool)
}

/// `count(email_click where ... within 30d)` after resolution.
public struct CheckedAggregate: Sendable, Hashable {
  public var kind: AggregateKind
  public var event: Int
  public var field: Int?
  public var condition: CheckedExpr?
  /// Window length in seconds; nil: the whole history.
  public var window: Int64?

  public init(kind: AggregateKind, event: Int, field: Int?, condition: CheckedExpr?, window: Int64?) {
    self.kind = kind
    self.event = event
    self.field = field
    self.condition = condition
    self.window = window
  }
}
