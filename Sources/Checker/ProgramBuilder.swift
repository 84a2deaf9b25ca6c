import CampaignLang

/// The checked pieces, gathered declaration by declaration and assembled into a
/// `CheckedCampaign` only when the whole campaign checked clean.
struct ProgramBuilder {
  var audience: CheckedExpr?
  var enterAt: Int?
  var engagement: [EventMatch] = []
  /// Segments, scores, flows, variants and tests by their index in the symbol table;
  /// nil until checked, and left nil by one with an error. Arrays, sized by
  /// `prepare(for:)` once every name is declared: a large campaign has thousands of
  /// each, and a dictionary hashed every index and rehashed (copying) as it grew.
  var segments: [Segment?] = []
  var consent: [Int: CheckedExpr] = [:]
  var scores: [Score?] = []
  var transitions: [CheckedTransition] = []
  var holds: [Hold] = []
  var limits: [Limit] = []
  var budgets: [Budget] = []
  var quietHours: [QuietHours] = []
  var flows: [Flow?] = []
  var variants: [Variant?] = []
  var guardrails: [Guardrail] = []
  var tests: [TestCase?] = []

  /// Sizes the tables indexed like the symbol table's namespaces (see `segments`).
  mutating func prepare(for symbols: SymbolTable) {
    segments = Array(repeating: nil, count: symbols.segments.count)
    scores = Array(repeating: nil, count: symbols.scores.count)
    flows = Array(repeating: nil, count: symbols.flows.count)
    variants = Array(repeating: nil, count: symbols.variants.count)
    tests = Array(repeating: nil, count: symbols.tests.count)
  }

  /// Assembles the program; nil if a piece is missing (its error was reported).
  func build(symbols: SymbolTable) -> CheckedCampaign? {
    guard let header = symbols.campaign, let key = symbols.keyAttribute,
      let initialName = symbols.initialStates.first,
      let initial = symbols.states.lookup(initialName.text)
    else { return nil }
    /// Every entry, or nil when one is missing.
    func all<T>(_ table: [T?]) -> [T]? {
      var result: [T] = []
      result.reserveCapacity(table.count)
      for value in table {
        guard let value else { return nil }
        result.append(value)
      }
      return result
    }
    guard let segments = all(segments), let scores = all(scores), let flows = all(flows),
      let variants = all(variants), let tests = all(tests)
    else { return nil }
    var owner: String? = nil
    var timezone = "UTC"
    for item in header.items {
      if case .owner(let value, _) = item { owner = value.value }
      if case .timezone(let value, _) = item { timezone = value.value }
    }
    let attributes = symbols.attributes.items.enumerated().map { index, symbol in
      Attribute(
        name: symbol.name, type: symbols.attributeTypes[index], isPII: symbol.declaration.has(.pii),
        isRestricted: symbol.declaration.has(.restricted))
    }
    let events = symbols.events.items.enumerated().map { index, symbol in
      EventType(
        name: symbol.name,
        fields: symbol.declaration.fields.compactMap { field in
          symbols.eventFieldIndex[index].position(of: field.name.text).map { slot in
            Attribute(
              name: field.name.text, type: symbols.eventFieldTypes[index][slot], isPII: field.has(.pii),
              isRestricted: field.has(.restricted))
          }
        })
    }
    let states = symbols.states.items.enumerated().map { index, symbol in
      State(
        name: symbol.name, isFinal: symbol.declaration.isFinal,
        cooldown: symbols.cooldowns[index]?.0.seconds)
    }
    return CheckedCampaign(
      name: header.name.value, owner: owner, timezone: timezone, audience: audience, enterAt: enterAt,
      attributes: attributes, keyAttribute: key, events: events, channels: symbols.channels.names,
      engagement: engagement, segments: segments,
      consent: (0..<symbols.channels.count).map { consent[$0] }, scores: scores, states: states,
      initialState: initial, transitions: transitions, counters: symbols.counters.names, holds: holds,
      limits: limits, budgets: budgets, quietHours: quietHours, flows: flows, variants: variants,
      guardrails: guardrails,
      tests: tests)
  }
}
