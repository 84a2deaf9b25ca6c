import CampaignLang
import Checker

/// A declaration that other declarations use by name.
enum Entity: Hashable {
  case segment(Int)
  case score(Int)
  case counter(Int)
  case variant(Int)
}

/// One use of an entity: the file of the declaration that uses it, and that declaration
/// when it is itself an entity (a segment using another).
struct Reference {
  var file: FileID
  var from: Entity?
  var to: Entity
}

/// What the lints read of a segment's declaration.
struct DeclaredSegment {
  var name: Name
  var condition: SourceRange
  /// Whether it has creative variables (is a persona).
  var isPersona: Bool

  init(_ decl: SegmentDecl) {
    name = decl.name
    condition = decl.condition.range
    isPersona = !decl.creatives.isEmpty
  }
}

/// What every lint reads: the checked program, the syntax it came from (for ranges),
/// and indices between them. Built once per lint run.
struct LintContext {
  let compilation: Compilation
  let program: CheckedCampaign
  /// The declaration of each segment, score, variant and counter, by slot (parallel to
  /// the program's lists): the lints read them once per slot, and a look-up by name would
  /// hash the name each time.
  /// Only what the lints read of each is kept: copying a whole declaration (its syntax
  /// tree) retains everything in it, once per read.
  private(set) var segmentDecls: [DeclaredSegment?]
  private(set) var scoreDecls: [Name?]
  private(set) var variantDecls: [Name?]
  private(set) var counterDecls: [Name?]
  /// Where each state is declared (`initial`, `state` or `final`).
  var stateNames: [String: Name] = [:]
  /// The cooldown declarations by state name.
  var cooldownDecls: [String: CooldownDecl] = [:]
  /// Every flow as written, in declared order (parallel to `program.flows`).
  var flowDecls: [FlowDecl] = []
  /// Every transition as written, in declared order (parallel to `program.transitions`).
  var transitionDecls: [Transition] = []
  var limitDecls: [LimitDecl] = []
  var budgetDecls: [LimitDecl] = []
  var guardrailDecls: [GuardrailDecl] = []
  var references: [Reference] = []
  /// Slots by name (and tests by where their name is), so look-ups do not scan: a
  /// campaign may have thousands of segments, flows and tests.
  private let segmentSlots: [String: Int]
  private let stateSlots: [String: Int]
  private let flowSlots: [String: Int]
  private let testSlots: [Int: Int]

  init(compilation: Compilation, program: CheckedCampaign) {
    self.compilation = compilation
    self.program = program
    segmentSlots = Self.firstSlots(program.segments.map(\.name))
    stateSlots = Self.firstSlots(program.states.map(\.name))
    flowSlots = Self.firstSlots(program.flows.map(\.name))
    var tests: [Int: Int] = [:]
    for (index, test) in program.tests.enumerated() where tests[test.range.start] == nil {
      tests[test.range.start] = index
    }
    testSlots = tests
    segmentDecls = Array(repeating: nil, count: program.segments.count)
    scoreDecls = Array(repeating: nil, count: program.scores.count)
    variantDecls = Array(repeating: nil, count: program.variants.count)
    counterDecls = Array(repeating: nil, count: program.counters.count)
    var next = NextSlots()
    for file in compilation.syntax {
      for declaration in file.declarations { index(declaration, &next) }
    }
    collectReferences()
  }

  /// The slot each kind's next declaration should have: the checker gives slots in
  /// declaration order, so the next one is almost always right, and its name is
  /// compared to be sure (a look-up by name otherwise).
  private struct NextSlots {
    var segment = 0
    var score = 0
    var variant = 0
    var counter = 0
  }

  private static func slot(_ name: String, next: inout Int, names: (Int) -> String?, lookUp: () -> Int?) -> Int? {
    if let expected = names(next), expected == name {
      next += 1
      return next - 1
    }
    return lookUp()
  }

  private mutating func index(_ declaration: Declaration, _ next: inout NextSlots) {
    let program = program
    switch declaration {
    case .segment(let decl):
      let slot = Self.slot(
        decl.name.text, next: &next.segment,
        names: { $0 < program.segments.count ? program.segments[$0].name : nil },
        lookUp: { segmentSlots[decl.name.text] })
      if let slot, segmentDecls[slot] == nil { segmentDecls[slot] = DeclaredSegment(decl) }
    case .score(let decl):
      let slot = Self.slot(
        decl.name.text, next: &next.score, names: { $0 < program.scores.count ? program.scores[$0].name : nil },
        lookUp: { program.scores.firstIndex { $0.name == decl.name.text } })
      if let slot, scoreDecls[slot] == nil { scoreDecls[slot] = decl.name }
    case .variant(let decl):
      let slot = Self.slot(
        decl.name.text, next: &next.variant, names: { $0 < program.variants.count ? program.variants[$0].name : nil },
        lookUp: { program.variants.firstIndex { $0.name == decl.name.text } })
      if let slot, variantDecls[slot] == nil { variantDecls[slot] = decl.name }
    case .counter(let decl):
      let slot = Self.slot(
        decl.name.text, next: &next.counter, names: { $0 < program.counters.count ? program.counters[$0] : nil },
        lookUp: { program.counters.firstIndex(of: decl.name.text) })
      if let slot, counterDecls[slot] == nil { counterDecls[slot] = decl.name }
    case .states(let decl):
      for item in decl.items {
        switch item {
        case .initial(let name, _): if stateNames[name.text] == nil { stateNames[name.text] = name }
        case .state(let names, _), .final(let names, _):
          for name in names where stateNames[name.text] == nil { stateNames[name.text] = name }
        case .transition(let transition): transitionDecls.append(transition)
        case .invalid: break
        }
      }
    case .cooldown(let decl): cooldownDecls[decl.state.text] = decl
    case .flow(let decl): flowDecls.append(decl)
    case .limit(let decl): limitDecls.append(decl)
    case .budget(let decl): budgetDecls.append(decl)
    case .guardrail(let decl): guardrailDecls.append(decl)
    default: break
    }
  }

  // MARK: - Look-ups

  func channelIndex(_ name: String) -> Int? { program.channels.firstIndex(of: name) }
  func stateIndex(_ name: String) -> Int? { stateSlots[name] }
  func segmentIndex(_ name: String) -> Int? { segmentSlots[name] }

  /// The checked flow written as `decl`.
  func checkedFlow(_ decl: FlowDecl) -> Flow? { flowSlots[decl.name.text].map { program.flows[$0] } }

  /// The checked flow of `flowDecls[index]` (they are parallel).
  func checkedFlow(at index: Int) -> Flow? { index < program.flows.count ? program.flows[index] : nil }

  /// Each name's first position in `names`.
  static func firstSlots(_ names: [String]) -> [String: Int] {
    var slots: [String: Int] = [:]
    for (index, name) in names.enumerated() where slots[name] == nil { slots[name] = index }
    return slots
  }

  /// The state's cooldown in seconds, if it has one.
  func cooldown(ofState state: Int) -> Int64? { program.states[state].cooldown }

  /// The longest quiet-hours span that applies to `channel`, in seconds: a send there
  /// may be put off by at most this long.
  func quietSpan(channel: Int) -> Int64 {
    program.quietHours.filter { $0.channels.isEmpty || $0.channels.contains(channel) }.map { quiet in
      Int64((quiet.to - quiet.from + 1440) % 1440) * 60
    }.max() ?? 0
  }

  // MARK: - References

  private mutating func collectReferences() {
    var transitionIndex = 0
    // Segments and flows have their slots in declaration order (see `NextSlots`).
    var nextSegment = 0
    var nextFlow = 0
    for file in compilation.syntax {
      for declaration in file.declarations {
        var found: [Entity] = []
        var from: Entity? = nil
        switch declaration {
        case .campaign: if let audience = program.audience { Self.entities(in: audience, into: &found) }
        case .segment(let decl):
          let expected = nextSegment < program.segments.count && program.segments[nextSegment].name == decl.name.text
          guard let index = expected ? nextSegment : segmentIndex(decl.name.text) else { break }
          if expected { nextSegment += 1 }
          from = .segment(index)
          Self.entities(in: program.segments[index].condition, into: &found)
        case .consent(let decl):
          if let channel = channelIndex(decl.channel.text), let condition = program.consent[channel] {
            Self.entities(in: condition, into: &found)
          }
        case .states(let decl):
          for item in decl.items {
            guard case .transition = item, transitionIndex < program.transitions.count else { continue }
            let transition = program.transitions[transitionIndex]
            transitionIndex += 1
            Self.entities(in: transition.trigger, into: &found)
            if let condition = transition.condition { Self.entities(in: condition, into: &found) }
          }
        case .flow(let decl):
          let expected = nextFlow < program.flows.count && program.flows[nextFlow].name == decl.name.text
          guard let flow = expected ? program.flows[nextFlow] : checkedFlow(decl) else { break }
          if expected { nextFlow += 1 }
          if let condition = flow.condition { Self.entities(in: condition, into: &found) }
          Self.entities(in: flow.steps, into: &found)
        case .test(let decl):
          guard let slot = testSlots[decl.name.range.start], program.tests[slot].range == decl.name.range else { break }
          let test = program.tests[slot]
          for check in test.expectations {
            switch check.expectation {
            case .score(let index, _): found.append(.score(index))
            case .counter(let index, _): found.append(.counter(index))
            case .segment(let index, _): found.append(.segment(index))
            case .state, .sends: break
            }
          }
        default: break
        }
        for entity in found where entity != from {
          references.append(Reference(file: file.file, from: from, to: entity))
        }
      }
    }
  }

  static func entities(in trigger: CheckedTrigger, into out: inout [Entity]) {
    switch trigger {
    case .when(let condition): entities(in: condition, into: &out)
    case .allOf(let parts): for part in parts { entities(in: part, into: &out) }
    case .immediately, .on, .sendsWithoutEngagement, .idle, .timeInState: break
    }
  }

  static func entities(in steps: [CheckedStep], into out: inout [Entity]) {
    for step in steps {
      switch step {
      case .wait: break
      case .send(let send):
        if let variant = send.variant { out.append(.variant(variant)) }
        if let unless = send.unless { entities(in: unless, into: &out) }
      case .branch(let condition, let then, let otherwise):
        entities(in: condition, into: &out)
        entities(in: then, into: &out)
        entities(in: otherwise, into: &out)
      case .exit(let unless), .suppress(_, let unless), .moveTo(_, let unless), .setState(_, let unless):
        if let unless { entities(in: unless, into: &out) }
      case .increment(let counter): out.append(.counter(counter))
      }
    }
  }

  static func entities(in expr: CheckedExpr, into out: inout [Entity]) {
    switch expr {
    case .score(let index): out.append(.score(index))
    case .segment(let index): out.append(.segment(index))
    case .counter(let index): out.append(.counter(index))
    case .constant, .attribute, .eventField, .currentState, .engaged, .today, .now: break
    case .exists(let inner), .not(let inner), .negate(let inner): entities(in: inner, into: &out)
    case .binary(_, let lhs, let rhs, _):
      entities(in: lhs, into: &out)
      entities(in: rhs, into: &out)
    case .aggregate(let aggregate): if let condition = aggregate.condition { entities(in: condition, into: &out) }
    case .membership(let value, let list, _):
      entities(in: value, into: &out)
      for item in list { entities(in: item, into: &out) }
    }
  }
}
