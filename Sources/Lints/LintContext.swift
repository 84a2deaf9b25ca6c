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

/// What every lint reads: the checked program, the syntax it came from (for ranges),
/// and indices between them. Built once per lint run.
struct LintContext {
  let compilation: Compilation
  let program: CheckedCampaign
  /// Declarations by name, with the file that declares them (the first, when repeated).
  var segmentDecls: [String: (decl: SegmentDecl, file: FileID)] = [:]
  var scoreDecls: [String: (decl: ScoreDecl, file: FileID)] = [:]
  var variantDecls: [String: (decl: VariantDecl, file: FileID)] = [:]
  var counterDecls: [String: (decl: CounterDecl, file: FileID)] = [:]
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
  /// Every flow's paths (see `paths(_:)`), by flow name: the budget reads them per
  /// channel and window, so they are worked out once.
  private(set) var flowPaths: [String: [[TimedStep]]?] = [:]

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
    for file in compilation.syntax {
      for declaration in file.declarations { index(declaration, file.file) }
    }
    collectReferences()
    for flow in flowDecls where flowPaths[flow.name.text] == nil { flowPaths[flow.name.text] = expandedPaths(flow) }
  }

  private mutating func index(_ declaration: Declaration, _ file: FileID) {
    switch declaration {
    case .segment(let decl): if segmentDecls[decl.name.text] == nil { segmentDecls[decl.name.text] = (decl, file) }
    case .score(let decl): if scoreDecls[decl.name.text] == nil { scoreDecls[decl.name.text] = (decl, file) }
    case .variant(let decl): if variantDecls[decl.name.text] == nil { variantDecls[decl.name.text] = (decl, file) }
    case .counter(let decl): if counterDecls[decl.name.text] == nil { counterDecls[decl.name.text] = (decl, file) }
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
    for file in compilation.syntax {
      for declaration in file.declarations {
        var found: [Entity] = []
        var from: Entity? = nil
        switch declaration {
        case .campaign: if let audience = program.audience { Self.entities(in: audience, into: &found) }
        case .segment(let decl):
          guard let index = segmentIndex(decl.name.text) else { break }
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
          guard let flow = checkedFlow(decl) else { break }
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
