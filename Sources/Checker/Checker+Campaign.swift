import CampaignLang

extension Checker {
  /// Rules about the campaign as a whole, after every declaration was checked.
  mutating func checkWholeCampaign() {
    checkInitialState()
    checkTransitionCycles()
    checkThresholds()
    checkSegmentCycles()
  }

  mutating func checkInitialState() {
    let initials = symbols.initialStates
    if initials.isEmpty && !declarationsLost && symbols.campaign != nil {
      let statesBlock = files.lazy.flatMap(\.declarations).compactMap { declaration -> SourceRange? in
        if case .states(let decl) = declaration {
          return SourceRange(file: decl.range.file, start: decl.range.start, end: decl.range.start + 6)
        }
        return nil
      }.first
      error(
        .noInitialState, "the campaign has no initial state", at: statesBlock ?? symbols.campaign!.name.range,
        help: "say which state every contact starts in: `states { initial Active ... }`")
    }
    for extra in initials.dropFirst() {
      error(
        .severalInitialStates, "there is more than one initial state", at: extra.range,
        notes: [Note("`\(initials[0].text)` is already the initial state", at: initials[0].range)],
        help: "keep one `initial`; list the other states with `state \(extra.text)`")
    }
  }

  // MARK: - Cycles of transitions that need no input

  /// Transitions with no trigger or a `when` condition fire without any new event or
  /// time passing. A cycle of them whose conditions can all hold at once would loop
  /// forever. Conditions that are simple comparisons with constants are checked for
  /// overlap (`>= 20` then `< 10` cannot both hold); anything else is assumed to.
  mutating func checkTransitionCycles() {
    let stateCount = symbols.states.count
    guard stateCount > 0 else { return }
    var edges: [[Int]] = Array(repeating: [], count: stateCount)
    for (index, transition) in program.transitions.enumerated() {
      switch transition.trigger {
      case .immediately, .when: break
      default: continue
      }
      if let from = transition.from {
        edges[from].append(index)
      } else {
        // `any` leaves every state but its own target and the final states.
        for state in 0..<stateCount where state != transition.to && !symbols.states[state].declaration.isFinal {
          edges[state].append(index)
        }
      }
    }
    var reported: Set<[Int]> = []
    var budget = 5000
    for start in 0..<stateCount {
      var path: [Int] = []
      var found: [Int]? = nil
      func search(_ node: Int) {
        guard found == nil, budget > 0 else { return }
        budget -= 1
        for edge in edges[node] {
          let target = program.transitions[edge].to
          if target == start {
            let cycle = path + [edge]
            if conditionsCanHoldTogether(cycle) {
              found = cycle
              return
            }
          } else if target > start && !path.contains(where: { program.transitions[$0].to == target }) {
            path.append(edge)
            search(target)
            path.removeLast()
            if found != nil { return }
          }
        }
      }
      search(start)
      guard let cycle = found, reported.insert(cycle.sorted()).inserted else { continue }
      let syntax = cycle.map { transitionRanges[$0] }
      let names =
        [syntax[0].from.text == "any" ? symbols.states[start].name : syntax[0].from.text] + syntax.map(\.to.text)
      error(
        .transitionCycle,
        "these transitions can fire forever in a loop: " + names.map { "`\($0)`" }.joined(separator: " -> "),
        at: syntax.last!.range,
        notes: syntax.dropLast().map { Note("part of the loop", at: $0.range) },
        help:
          "give one of them a trigger that needs something new, like `on email_click` or `after 7d`, or conditions that cannot hold together"
      )
    }
  }

  /// Whether the `when` conditions along a cycle might all hold at the same time.
  func conditionsCanHoldTogether(_ cycle: [Int]) -> Bool {
    var bounds: [String: Interval] = [:]
    for edge in cycle {
      guard case .when(let expr)? = transitionRanges[edge].trigger else { continue }
      for (name, interval) in constraints(expr) {
        let combined = (bounds[name] ?? Interval()).intersect(interval)
        if combined.isEmpty { return false }
        bounds[name] = combined
      }
    }
    return true
  }

  /// The bounds a condition puts on names when it is a conjunction of comparisons
  /// with numbers (`engagement >= 20 and cycles < 2`); other parts are ignored.
  func constraints(_ expr: Expr) -> [(String, Interval)] {
    switch expr {
    case .parenthesized(let inner, _): return constraints(inner)
    case .binary(.and, let lhs, let rhs, _): return constraints(lhs) + constraints(rhs)
    case .binary(let op, let lhs, let rhs, _) where op.isComparison && op != .notEqual:
      if case .name(let name) = lhs, let value = numberValue(rhs) {
        return [(name.text, Interval(op, value))]
      }
      if case .name(let name) = rhs, let value = numberValue(lhs), let flipped = op.flipped {
        return [(name.text, Interval(flipped, value))]
      }
      return []
    default: return []
    }
  }

  func numberValue(_ expr: Expr) -> Double? {
    switch expr {
    case .literal(.int(let value), _): Double(value)
    case .literal(.decimal(let value), _): value.approximate
    case .unary(.negate, let inner, _): numberValue(inner).map { -$0 }
    case .parenthesized(let inner, _): numberValue(inner)
    default: nil
    }
  }

  /// A number literal's exact value as text (`numberValue` is a double, which rounds
  /// 999999999999999999 up), for messages.
  func exactNumberText(_ expr: Expr) -> String? {
    switch expr {
    case .literal(.int(let value), _): String(value)
    case .literal(.decimal(let value), _): value.description
    case .unary(.negate, let inner, _): exactNumberText(inner).map { "-" + $0 }
    case .parenthesized(let inner, _): exactNumberText(inner)
    default: nil
    }
  }

  // MARK: - Thresholds no contact can reach

  /// A score's possible values: from 0 (scores never go below zero) up to its cap, or
  /// without bound when some event adds points and there is no cap.
  func scoreRange(_ decl: ScoreDecl) -> (maximum: Double, reason: String) {
    var gainsPoints = false
    var cap: Double? = nil
    for item in decl.items {
      if case .points(_, let points, _) = item, points.value.approximate > 0 { gainsPoints = true }
      if case .cap(let value, _) = item { cap = value.value.approximate }
    }
    guard gainsPoints else { return (0, "no event gives it points") }
    if let cap { return (cap, "its cap is \(formatNumber(cap))") }
    return (.infinity, "")
  }

  func formatNumber(_ value: Double) -> String {
    value == value.rounded() ? String(Int64(value)) : String(value)
  }

  mutating func checkThresholds() {
    forEachDeclaration { checker, declaration, _ in checker.checkThresholds(of: declaration) }
  }

  /// Checks the thresholds in one declaration's conditions.
  mutating func checkThresholds(of declaration: Declaration) {
    switch declaration {
    case .states(let decl):
      for item in decl.items {
        if case .transition(let transition) = item, case .when(let expr)? = transition.trigger {
          checkThresholds(in: expr)
        }
      }
    case .segment(let decl): checkThresholds(in: decl.condition)
    case .flow(let decl): if let condition = decl.condition { checkThresholds(in: condition) }
    default: break
    }
  }

  mutating func checkThresholds(in expr: Expr) {
    switch expr {
    case .parenthesized(let inner, _), .unary(_, let inner, _):
      checkThresholds(in: inner)
    case .binary(let op, let lhs, let rhs, _):
      if op.isComparison {
        if case .name(let name) = lhs, let value = numberValue(rhs) {
          checkThreshold(name, op, value, expr.range, written: exactNumberText(rhs))
        } else if case .name(let name) = rhs, let value = numberValue(lhs), let flipped = op.flipped {
          checkThreshold(name, flipped, value, expr.range, written: exactNumberText(lhs))
        }
      } else {
        checkThresholds(in: lhs)
        checkThresholds(in: rhs)
      }
    default:
      break
    }
  }

  mutating func checkThreshold(
    _ name: Name, _ op: BinaryOperator, _ value: Double, _ range: SourceRange, written: String? = nil
  ) {
    guard case (.score(let index), _)? = symbols.expressionNames[name.text] else { return }
    let decl = symbols.scores[index].declaration
    let (maximum, reason) = scoreRange(decl)
    let unreachable: Bool
    switch op {
    case .greaterEqual: unreachable = value > maximum
    case .greater: unreachable = value >= maximum
    case .equal: unreachable = value > maximum || value < 0
    case .lessEqual: unreachable = value < 0
    case .less: unreachable = value <= 0
    default: unreachable = false
    }
    guard unreachable else { return }
    let why = value < 0 || (op == .less && value <= 0) ? "scores never go below 0" : reason
    error(
      .unreachableThreshold, "no contact can ever have `\(name.text) \(op.rawValue) \(written ?? formatNumber(value))`",
      at: range, notes: [Note("score `\(name.text)` is declared here: \(why)", at: decl.name.range)],
      help: maximum.isFinite && value > 0
        ? "use a threshold of at most \(formatNumber(maximum)), or raise the cap"
        : "check the threshold against the points the score can collect")
  }

  // MARK: - Segments defined through each other

  mutating func checkSegmentCycles() {
    let count = symbols.segments.count
    var references: [[Int]] = Array(repeating: [], count: count)
    for index in 0..<count {
      if let segment = program.segments[index] { collectSegments(in: segment.condition, into: &references[index]) }
    }
    // 0 unvisited, 1 on the current path, 2 done.
    var mark = Array(repeating: 0, count: count)
    for start in 0..<count where mark[start] == 0 {
      var stack: [(node: Int, next: Int)] = [(start, 0)]
      mark[start] = 1
      while let top = stack.last {
        if top.next < references[top.node].count {
          stack[stack.count - 1].next += 1
          let target = references[top.node][top.next]
          if mark[target] == 1 {
            let cycle = stack.map(\.node).drop { $0 != target }
            let names = cycle.map { symbols.segments[$0].name } + [symbols.segments[target].name]
            error(
              .transitionCycle,
              "segments are defined through each other: " + names.map { "`\($0)`" }.joined(separator: " -> "),
              at: symbols.segments[top.node].range!,
              help: "define one of them without the others")
          } else if mark[target] == 0 {
            mark[target] = 1
            stack.append((target, 0))
          }
        } else {
          mark[top.node] = 2
          stack.removeLast()
        }
      }
    }
  }

  /// Appends the segments `expr` names, in order, to `segments` (one array for the
  /// whole condition rather than one per node, joined on the way up).
  func collectSegments(in expr: CheckedExpr, into segments: inout [Int]) {
    switch expr {
    case .segment(let index): segments.append(index)
    case .exists(let inner), .not(let inner), .negate(let inner): collectSegments(in: inner, into: &segments)
    case .binary(_, let lhs, let rhs, _):
      collectSegments(in: lhs, into: &segments)
      collectSegments(in: rhs, into: &segments)
    case .membership(let lhs, let values, _):
      collectSegments(in: lhs, into: &segments)
      for value in values { collectSegments(in: value, into: &segments) }
    default: break
    }
  }
}

/// A range of numbers with inclusive or exclusive ends, for checking whether
/// comparisons can hold together.
struct Interval {
  var lower = -Double.infinity
  var lowerInclusive = false
  var upper = Double.infinity
  var upperInclusive = false

  init() {}

  init(_ op: BinaryOperator, _ value: Double) {
    switch op {
    case .greater: lower = value
    case .greaterEqual: (lower, lowerInclusive) = (value, true)
    case .less: upper = value
    case .lessEqual: (upper, upperInclusive) = (value, true)
    case .equal: (lower, lowerInclusive, upper, upperInclusive) = (value, true, value, true)
    default: break
    }
  }

  func intersect(_ other: Interval) -> Interval {
    var result = self
    if other.lower > lower || (other.lower == lower && !other.lowerInclusive) {
      (result.lower, result.lowerInclusive) = (other.lower, other.lowerInclusive)
    }
    if other.upper < upper || (other.upper == upper && !other.upperInclusive) {
      (result.upper, result.upperInclusive) = (other.upper, other.upperInclusive)
    }
    return result
  }

  var isEmpty: Bool { lower > upper || (lower == upper && !(lowerInclusive && upperInclusive)) }
}

extension BinaryOperator {
  /// The operator with its operands swapped (`5 < x` is `x > 5`).
  var flipped: BinaryOperator? {
    switch self {
    case .less: .greater
    case .lessEqual: .greaterEqual
    case .greater: .less
    case .greaterEqual: .lessEqual
    case .equal: .equal
    case .notEqual: .notEqual
    default: nil
    }
  }
}
