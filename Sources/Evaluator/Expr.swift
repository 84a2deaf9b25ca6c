import CampaignLang
import Checker

/// A compiled expression: where its root lies in `ExprCode.nodes`.
struct Expr: Sendable, Hashable {
  let root: Int32
  /// For an expression that reads only the contact's attributes and constants (`not
  /// email_opt_in`, a consent, an `if` on the tier) and does more than read one: its
  /// place among the values a run keeps per contact (see `ContactRun.memo`); -1 for any
  /// other. Such an expression is the same at every event of a contact, and the run
  /// tries transitions after every event.
  var memo: Int32 = -1
}

/// Every compiled expression of a program, as nodes in one flat array: constants are
/// runtime values (text already in the pool), event fields are columns, operands are
/// node indices. Evaluating needs no name look-up, no string comparison, and, since a
/// node is plain data, no reference counting (a tree of indirect enums cost a retain
/// and a release at every node it visited).
struct ExprCode: Sendable {
  var nodes: [ExprNode] = []
  var constants: [Value] = []
  var aggregates: [Aggregate] = []
  /// The items of `in (...)` lists, as node indices; a node holds where its run starts.
  var lists: [Int32] = []
  /// How many expressions have a `memo` place.
  var memos: Int32 = 0
  /// The comparisons of a score with a number (see `ExprNode.c`).
  var comparisons: [ScoreComparison] = []

  mutating func append(_ node: ExprNode) -> Int32 {
    nodes.append(node)
    return Int32(nodes.count - 1)
  }

  /// Whether the value of node `index` depends only on the contact (its attributes) and
  /// constants: not on time, events, scores, counters, state or segments.
  func readsOnlyContact(node index: Int32) -> Bool {
    let node = nodes[Int(index)]
    switch node.kind {
    case .constant, .attribute: return true
    case .exists, .not, .negate: return readsOnlyContact(node: node.a)
    case .and, .or, .orDefault, .binary: return readsOnlyContact(node: node.a) && readsOnlyContact(node: node.b)
    case .member, .notMember:
      return readsOnlyContact(node: node.a)
        && (Int(node.b)..<Int(node.b + node.c)).allSatisfy { readsOnlyContact(node: lists[$0]) }
    case .eventField, .score, .segment, .counter, .currentState, .engaged, .today, .now, .aggregate: return false
    }
  }

  /// A comparison of a score with a constant number, as a timer reads it: the
  /// comparison's truth flips once the score, decaying, reads below `value`, or at or
  /// below it when `inclusive` (`score <= 20` and `score > 20` flip at 20 itself).
  struct Threshold: Sendable {
    var score: Int
    var value: Double
    var inclusive: Bool
  }

  /// The comparisons of a score with a constant number inside `expr`.
  func thresholds(in expr: Expr) -> [Threshold] {
    thresholds(node: expr.root)
  }

  private func thresholds(node index: Int32) -> [Threshold] {
    if let threshold = threshold(node: index) { return [threshold] }
    let node = nodes[Int(index)]
    switch node.kind {
    case .binary, .and, .or, .orDefault: return thresholds(node: node.a) + thresholds(node: node.b)
    case .not, .exists, .negate: return thresholds(node: node.a)
    default: return []
    }
  }

  /// Node `index` as a threshold, when it compares a score with a constant number.
  func threshold(node index: Int32) -> Threshold? {
    let node = nodes[Int(index)]
    guard node.kind == .binary, [.less, .lessEqual, .greater, .greaterEqual].contains(node.op) else { return nil }
    let (lhs, rhs) = (nodes[Int(node.a)], nodes[Int(node.b)])
    if lhs.kind == .score, rhs.kind == .constant, let value = constants[Int(rhs.a)].real {
      return Threshold(score: Int(lhs.a), value: value, inclusive: [.lessEqual, .greater].contains(node.op))
    }
    if lhs.kind == .constant, rhs.kind == .score, let value = constants[Int(lhs.a)].real {
      return Threshold(score: Int(rhs.a), value: value, inclusive: [.greaterEqual, .less].contains(node.op))
    }
    return nil
  }
}

/// A comparison of a score with a constant number (`when engagement >= 20`), resolved
/// when compiled: the run reads one of these instead of the node, its operands' nodes
/// and the number, each a load that waited on the one before.
struct ScoreComparison: Sendable {
  var score: Int
  /// The number, as float64 (a score is compared as `Operators.apply` compares a `.real`).
  var number: Double
  /// Whether the score is the left operand.
  var scoreFirst: Bool
  var op: BinaryOperator
}

/// One node of `ExprCode`; what `a`, `b` and `c` hold depends on the kind.
struct ExprNode: Sendable {
  enum Kind: UInt8, Sendable {
    /// `a`: index into `constants`.
    case constant
    /// `a`: the attribute's column.
    case attribute
    /// `a`: the field's column (of the event being matched).
    case eventField
    /// `a`: the score, segment or counter.
    case score, segment, counter
    case currentState, engaged, today, now
    /// `a`: the operand.
    case exists, not, negate
    /// `a`, `b`: the operands; `op` for `binary`. A comparison of a score with a number
    /// also has `c`: 1 + its place in `comparisons` (0: any other `binary`). `when
    /// engagement >= 20` is read after every event; this spares it two node visits and
    /// the generic compare.
    case and, or, orDefault, binary
    /// `a`: index into `aggregates`.
    case aggregate
    /// `a`: the item; `b`, `c`: where its list starts in `lists`, and how long it is.
    case member, notMember
  }

  var kind: Kind
  var op: BinaryOperator = .and
  var a: Int32 = 0
  var b: Int32 = 0
  var c: Int32 = 0
}

/// `count(event where ... within 30d)`, ready to run.
struct Aggregate: Sendable {
  var kind: AggregateKind
  var event: Int32
  /// The summed field's column, or -1.
  var slot: Int
  /// The sum of no values, in the field's type.
  var zero: Value
  var condition: Expr?
  var window: Int64?
}

/// Turns checked expressions into `ExprCode`, interning their text into the data's pool.
struct ExprCompiler {
  let program: CheckedCampaign
  let slots: FieldSlots
  let zone: ZoneRules
  var pool: StringPool
  var code = ExprCode()

  init(program: CheckedCampaign, slots: FieldSlots, zone: ZoneRules, pool: StringPool) {
    self.program = program
    self.slots = slots
    self.zone = zone
    self.pool = pool
  }

  /// `event`: the event type whose fields `where` conditions read.
  mutating func compile(_ expr: CheckedExpr, event: Int? = nil) -> Expr {
    let root = node(expr, event: event)
    let kind = code.nodes[Int(root)].kind
    guard kind != .constant && kind != .attribute && code.readsOnlyContact(node: root) else { return Expr(root: root) }
    code.memos += 1
    return Expr(root: root, memo: code.memos - 1)
  }

  private mutating func node(_ expr: CheckedExpr, event: Int?) -> Int32 {
    switch expr {
    case .constant(let constant): return self.constant(value(constant))
    case .attribute(let index): return code.append(ExprNode(kind: .attribute, a: Int32(index)))
    case .eventField(let field):
      guard let event else { return self.constant(.missing) }
      return code.append(ExprNode(kind: .eventField, a: Int32(slots.slot[event][field])))
    case .score(let index): return code.append(ExprNode(kind: .score, a: Int32(index)))
    case .segment(let index): return code.append(ExprNode(kind: .segment, a: Int32(index)))
    case .counter(let index): return code.append(ExprNode(kind: .counter, a: Int32(index)))
    case .currentState: return code.append(ExprNode(kind: .currentState))
    case .engaged: return code.append(ExprNode(kind: .engaged))
    case .today: return code.append(ExprNode(kind: .today))
    case .now: return code.append(ExprNode(kind: .now))
    case .exists(let inner): return unary(.exists, inner, event: event)
    case .not(let inner): return unary(.not, inner, event: event)
    case .negate(let inner): return unary(.negate, inner, event: event)
    case .binary(let op, let lhs, let rhs, _):
      let kind: ExprNode.Kind =
        switch op {
        case .and: .and
        case .or: .or
        case .orDefault: .orDefault
        default: .binary
        }
      let a = node(lhs, event: event)
      let b = node(rhs, event: event)
      return code.append(ExprNode(kind: kind, op: op, a: a, b: b, c: scoreComparison(op, a, b)))
    case .aggregate(let aggregate):
      let eventType = program.events[aggregate.event]
      let zero = aggregate.field.map { Operators.zero(of: eventType.fields[$0].type) } ?? .int(0)
      let compiled = Aggregate(
        kind: aggregate.kind, event: Int32(aggregate.event),
        slot: aggregate.field.map { slots.slot[aggregate.event][$0] } ?? -1, zero: zero,
        condition: aggregate.condition.map { compile($0, event: aggregate.event) }, window: aggregate.window)
      code.aggregates.append(compiled)
      return code.append(ExprNode(kind: .aggregate, a: Int32(code.aggregates.count - 1)))
    case .membership(let item, let list, let negated):
      let a = node(item, event: event)
      let items = list.map { node($0, event: event) }
      let start = Int32(code.lists.count)
      code.lists.append(contentsOf: items)
      return code.append(
        ExprNode(kind: negated ? .notMember : .member, a: a, b: start, c: Int32(items.count)))
    }
  }

  /// `ExprNode.c` of a `binary` node: where the number is when it compares a score with one.
  private mutating func scoreComparison(_ op: BinaryOperator, _ a: Int32, _ b: Int32) -> Int32 {
    guard [.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual].contains(op) else { return 0 }
    let (lhs, rhs) = (code.nodes[Int(a)], code.nodes[Int(b)])
    if lhs.kind == .score, rhs.kind == .constant, let value = code.constants[Int(rhs.a)].real {
      code.comparisons.append(ScoreComparison(score: Int(lhs.a), number: value, scoreFirst: true, op: op))
    } else if lhs.kind == .constant, rhs.kind == .score, let value = code.constants[Int(lhs.a)].real {
      code.comparisons.append(ScoreComparison(score: Int(rhs.a), number: value, scoreFirst: false, op: op))
    } else {
      return 0
    }
    return Int32(code.comparisons.count)
  }

  private mutating func unary(_ kind: ExprNode.Kind, _ inner: CheckedExpr, event: Int?) -> Int32 {
    let a = node(inner, event: event)
    return code.append(ExprNode(kind: kind, a: a))
  }

  private mutating func constant(_ value: Value) -> Int32 {
    code.constants.append(value)
    return code.append(ExprNode(kind: .constant, a: Int32(code.constants.count - 1)))
  }

  mutating func value(_ constant: ConstantValue) -> Value {
    switch constant {
    case .int(let number): return .int(number)
    case .decimal(let number): return .decimal(number)
    case .percent(let number): return .percent(number)
    case .bool(let flag): return .bool(flag)
    case .string(let text): return .string(pool.intern(text))
    case .date(let date): return .date(date.daysSinceEpoch)
    case .timestamp(let stamp):
      let local = stamp.date.daysSinceEpoch * 86_400 + Int64(stamp.secondOfDay)
      if let offset = stamp.utcOffset { return .timestamp(local - Int64(offset)) }
      return .timestamp(local - zone.offset(at: local - zone.offset(at: local)))
    case .duration(let duration): return .duration(duration.seconds)
    case .enumCase(let index): return .enumCase(index)
    case .state(let index): return .state(index)
    }
  }
}
