/// A name as written, with where it was written.
public struct Name: Sendable, Hashable, CustomStringConvertible {
  public var text: String
  public var range: SourceRange

  public init(_ text: String, _ range: SourceRange) {
    self.text = text
    self.range = range
  }

  public var description: String { text }
}

/// A string literal's decoded value and the range of the whole literal, quotes included.
public struct StringLiteral: Sendable, Hashable {
  public var value: String
  public var range: SourceRange

  public init(_ value: String, _ range: SourceRange) {
    self.value = value
    self.range = range
  }
}

/// A duration literal (`30d`) with its range.
public struct DurationLiteral: Sendable, Hashable {
  public var value: Duration
  public var range: SourceRange

  public init(_ value: Duration, _ range: SourceRange) {
    self.value = value
    self.range = range
  }
}

/// A number literal (`20`, `12.5`) with its range.
public struct NumberLiteral: Sendable, Hashable {
  public var value: ExactDecimal
  public var range: SourceRange

  public init(_ value: ExactDecimal, _ range: SourceRange) {
    self.value = value
    self.range = range
  }
}

public enum UnaryOperator: String, Sendable, Hashable {
  case not
  case negate = "-"
}

public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
  case or
  case and
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessEqual = "<="
  case greater = ">"
  case greaterEqual = ">="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case orDefault = "??"

  /// Binding strength; higher binds tighter.
  public var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: 3
    case .orDefault: 4
    case .add, .subtract: 5
    case .multiply, .divide: 6
    }
  }

  public var isComparison: Bool { precedence == 3 }
}

/// The event aggregates: `count(email_click within 30d)`, `sum(purchase.amount within 90d)`.
public enum AggregateKind: String, Sendable, Hashable, CaseIterable {
  case count
  case sum
  case min
  case max
  case avg
}

/// An aggregate over the contact's event history.
public struct Aggregate: Sendable, Hashable {
  public var kind: AggregateKind
  public var kindRange: SourceRange
  public var event: Name
  /// The summed field in `sum(purchase.amount)`; nil for `count`.
  public var field: Name?
  public var condition: Expr?
  public var window: DurationLiteral?
  public var range: SourceRange

  public init(
    kind: AggregateKind, kindRange: SourceRange, event: Name, field: Name?, condition: Expr?,
    window: DurationLiteral?, range: SourceRange
  ) {
    self.kind = kind
    self.kindRange = kindRange
    self.event = event
    self.field = field
    self.condition = condition
    self.window = window
    self.range = range
  }
}

/// An expression. `invalid` stands where the parser could not read one; the checker
/// gives it an error type that absorbs follow-on errors.
public indirect enum Expr: Sendable, Hashable {
  case name(Name)
  case literal(Literal, SourceRange)
  case unary(UnaryOperator, Expr, SourceRange)
  case binary(BinaryOperator, Expr, Expr, operatorRange: SourceRange)
  /// `f(args)`: `exists(x)` and the other built-in functions.
  case call(Name, [Expr], SourceRange)
  case aggregate(Aggregate)
  /// `x in (a, b)` or `x not in (a, b)`.
  case membership(Expr, [Expr], negated: Bool, SourceRange)
  case parenthesized(Expr, SourceRange)
  case invalid(SourceRange)

  public var range: SourceRange {
    switch self {
    case .name(let name): name.range
    case .literal(_, let range), .unary(_, _, let range), .call(_, _, let range),
      .membership(_, _, _, let range), .parenthesized(_, let range), .invalid(let range):
      range
    case .binary(_, let lhs, let rhs, _): lhs.range.to(rhs.range)
    case .aggregate(let aggregate): aggregate.range
    }
  }
}
