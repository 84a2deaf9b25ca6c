/// Campaign programs made from a small seeded grammar: every kind of declaration, with
/// random names, types and expressions. A `strict` program follows the checker's rules
/// (types, required declarations, consent, subjects, weights, thresholds), so it should
/// check clean; otherwise references and types are sometimes deliberately wrong
/// (undeclared names, a state where a number goes, a channel without consent, ...).
/// Every program is meant to parse: only the checker's rules are broken.
struct ProgramGenerator {
  enum ValueKind: CaseIterable {
    case int, decimal, bool, string, date, timestamp, duration, percent, enumeration
  }

  struct Field {
    var name: String
    var kind: ValueKind
    var optional = false
    var values: [String] = []  // the enum's values
  }

  struct Event {
    var name: String
    var fields: [Field]
  }

  var random: SplitMix
  let strict: Bool
  var lines: [String] = []
  var attributes: [Field] = []
  var events: [Event] = []
  var segments: [String] = []
  var scores: [String] = []
  var counters: [String] = []
  var states: [String] = []
  var finals: [String] = []
  var consented: [String] = []
  var cooldowns: [String] = []
  var variants: [String] = []
  var usedNames: Set<String> = []
  var comments = 0
  /// Optional attributes already guarded with `exists` in the condition being made: a
  /// second `exists` on one of them is an error (it is known to be present there).
  var guarded: Set<String> = []

  static let words = [
    "ltv", "tier", "orders", "visits", "spend", "opt_in", "signup", "last_seen", "plan", "region", "gold", "vip",
    "lapsed", "trial", "churn", "heat", "promo", "welcome", "nudge", "cart", "wave", "count", "wait", "flow",
  ]
  static let channels = ["email", "push", "in_app", "sms", "whatsapp", "ads"]

  init(seed: UInt64) {
    random = SplitMix(seed: seed)
    strict = seed % 3 == 0
  }

  /// The program's text.
  static func program(seed: UInt64) -> String {
    var generator = ProgramGenerator(seed: seed)
    return generator.generate()
  }

  // MARK: - Randomness

  mutating func chance(_ percent: Int) -> Bool { random.below(100) < percent }
  mutating func pick<T>(_ items: [T]) -> T { items[random.below(items.count)] }
  /// A deliberate mistake, never in a strict program.
  mutating func mistake(_ percent: Int = 8) -> Bool { !strict && chance(percent) }

  /// A fresh name, unique in the program (attributes, scores, segments and counters
  /// share a namespace; unique everywhere keeps things simple).
  mutating func name(_ prefix: String) -> String {
    while true {
      let candidate = prefix + "_" + pick(Self.words) + String(random.below(100))
      if usedNames.insert(candidate).inserted { return candidate }
    }
  }

  mutating func stateName() -> String {
    let base = pick(["Active", "Engaged", "Inactive", "Lapsed", "Won", "Lost", "Trial", "Paused"])
    while true {
      let candidate = base + String(random.below(50))
      if usedNames.insert(candidate).inserted { return candidate }
    }
  }

  /// A name nothing declares, or one of the wrong kind.
  mutating func wrongName() -> String {
    pick(
      ["ltvv", "undeclared_thing", "Activ", "email_open", "today_x"] + states + variants + counters.map { $0 + "s" })
  }

  mutating func emit(_ line: String, _ indent: Int = 0) {
    if chance(4) {
      comments += 1
      lines.append(String(repeating: "  ", count: indent) + "# comment \(comments): " + pick(["why", "todo", "€ ü"]))
    }
    let trailing = chance(4) && !line.hasSuffix("{") ? "  # note \(comments + 1)" : ""
    if !trailing.isEmpty { comments += 1 }
    lines.append(String(repeating: "  ", count: indent) + line + trailing)
    if chance(5) { lines.append("") }
  }

  // MARK: - The program

  mutating func generate() -> String {
    declareNames()
    if !mistake(5) { header() }
    if !mistake(3) { contact() }
    for event in events { eventDecl(event) }
    if chance(30) { emit("channel " + name("ch")) }
    if strict || chance(80) { engagement() }
    segmentDecls()
    consents()
    for score in scores { scoreDecl(score) }
    if !mistake(3) { statesDecl() }
    for counter in counters { emit("counter \(counter)") }
    limitsAndHolds()
    for variant in variants { variantDecl(variant) }
    for _ in 0..<random.below(3) { flow() }
    if chance(40) { guardrail() }
    if chance(40) { test() }
    if mistake(10) { emit("import \"lib/missing.campaign\"") }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Names first, so declarations may refer to those written after them.
  mutating func declareNames() {
    attributes.append(Field(name: name("id"), kind: pick([.string, .int])))
    for _ in 0..<(3 + random.below(8)) {
      var field = Field(name: name("a"), kind: pick(ValueKind.allCases), optional: chance(25))
      if field.kind == .enumeration { field.values = enumValues() }
      attributes.append(field)
    }
    for _ in 0..<(1 + random.below(4)) {
      var fields: [Field] = []
      for _ in 0..<random.below(3) {
        var field = Field(name: name("f"), kind: pick([.int, .decimal, .string, .enumeration, .bool]))
        if field.kind == .enumeration { field.values = enumValues() }
        fields.append(field)
      }
      events.append(Event(name: name("ev"), fields: fields))
    }
    for _ in 0..<random.below(4) { segments.append(name("seg")) }
    for _ in 0..<random.below(3) { scores.append(name("score")) }
    for _ in 0..<random.below(3) { counters.append(name("n")) }
    for _ in 0..<(1 + random.below(4)) { states.append(stateName()) }
    if chance(50) { finals.append(stateName()) }
    for _ in 0..<random.below(3) { variants.append(name("var")) }
  }

  mutating func enumValues() -> [String] {
    var values: [String] = []
    for _ in 0..<(1 + random.below(4)) { values.append(name("v")) }
    return values
  }

  mutating func header() {
    emit("campaign \(stringLiteral()) {")
    if chance(70) { emit("owner \"crm@example.com\"", 1) }
    if chance(70) {
      emit("timezone \"\(mistake(20) ? "Mars/Olympus" : pick(["UTC", "Asia/Jakarta", "Europe/Berlin"]))\"", 1)
    }
    if chance(40) { emit("description \(stringLiteral())", 1) }
    if chance(60) { emit("audience " + condition(2), 1) }
    let times = attributes.filter { $0.kind == .date || $0.kind == .timestamp }
    if chance(30), let time = times.first { emit("enter at \(mistake(30) ? wrongName() : time.name)", 1) }
    emit("}")
  }

  mutating func contact() {
    var items: [String] = []
    for (index, field) in attributes.enumerated() {
      var text = fieldText(field)
      if index == 0 { text += " key" }
      if index > 0 && mistake(5) { text += " key" }
      if field.kind == .string && chance(30) { text += " pii" }
      items.append(text)
    }
    block("contact", items, commas: chance(30))
  }

  mutating func fieldText(_ field: Field) -> String {
    let type: String
    switch field.kind {
    case .int: type = "int"
    case .decimal: type = "decimal"
    case .bool: type = "bool"
    case .string: type = "string"
    case .date: type = "date"
    case .timestamp: type = "timestamp"
    case .duration: type = "duration"
    case .percent: type = "percent"
    case .enumeration: type = "enum(" + field.values.joined(separator: ", ") + ")"
    }
    return field.name + (chance(10) ? ": " : " ") + type + (field.optional ? "?" : "")
  }

  /// A block of items on one line with commas, or one a line.
  mutating func block(_ opener: String, _ items: [String], commas: Bool, indent: Int = 0) {
    if commas {
      emit(opener + " { " + items.joined(separator: ", ") + " }", indent)
    } else {
      emit(opener + " {", indent)
      for item in items { emit(item, indent + 1) }
      emit("}", indent)
    }
  }

  mutating func eventDecl(_ event: Event) {
    if event.fields.isEmpty {
      emit("event \(event.name)" + (chance(20) ? " {}" : ""))
    } else {
      let fields = event.fields.map { fieldText($0) }
      block("event \(event.name)", fields, commas: chance(60))
    }
  }

  mutating func engagement() {
    var patterns: [String] = []
    for event in events where chance(60) || patterns.isEmpty { patterns.append(pattern(event)) }
    emit("engagement " + patterns.joined(separator: ", "))
  }

  /// `EVENT [where CONDITION-ON-ITS-FIELDS]`.
  mutating func pattern(_ event: Event) -> String {
    guard !event.fields.isEmpty, chance(40) else { return mistake(5) ? wrongName() : event.name }
    return event.name + " where " + eventCondition(event)
  }

  mutating func segmentDecls() {
    for (index, segment) in segments.enumerated() {
      // Strict: a segment uses only segments declared before it (no loops).
      let usable = strict ? Array(segments[..<index]) : segments
      let text = "segment \(segment) = " + condition(3, segments: usable)
      if chance(30) {
        let creatives = (0..<(1 + random.below(3))).map { _ in pick(["message", "visual", "offer"]) }
        var seen: [String] = []
        for creative in creatives where !seen.contains(creative) { seen.append(creative) }
        block(text, seen.map { "\($0) \(stringLiteral())" }, commas: chance(50))
      } else {
        emit(text)
      }
    }
  }

  mutating func consents() {
    for channel in Self.channels where strict || chance(70) {
      consented.append(channel)
      emit("consent \(channel) when " + condition(2))
    }
  }

  mutating func scoreDecl(_ score: String) {
    emit("score \(score) {")
    var rules = 0
    for event in events where chance(70) || rules == 0 {
      rules += 1
      let sign = strict || chance(80) ? "+" : "-"
      var rule = "\(event.name) \(sign)\(1 + random.below(30))"
      if !event.fields.isEmpty && chance(40) { rule += " where " + eventCondition(event) }
      emit(rule, 1)
    }
    switch random.below(3) {
    case 0:
      emit("decay \(1 + random.below(50))% every \(duration())" + (chance(50) ? " after \(duration()) idle" : ""), 1)
    case 1: emit("decay half-life \(duration())", 1)
    default: break
    }
    if !strict && chance(30) { emit("cap \(1 + random.below(200))", 1) }
    emit("}")
  }

  mutating func statesDecl() {
    emit("states {")
    emit("initial \(states[0])", 1)
    if mistake(5) { emit("initial \(pick(states))", 1) }
    if states.count > 1 { emit("state " + states.dropFirst().joined(separator: ", "), 1) }
    if !finals.isEmpty { emit("final " + finals.joined(separator: ", "), 1) }
    for _ in 0..<(1 + random.below(5)) {
      let from = chance(15) ? "any" : pick(states)
      let targets = (states + finals).filter { $0 != from }
      if targets.isEmpty { continue }
      let to = mistake() ? wrongName() : pick(targets)
      var text = "\(from) -> \(to)"
      switch random.below(5) {
      case 0 where finals.contains(to) || !strict:
        text += " when " + condition(2)
      case 1:
        if let event = pickEvent() { text += " on " + pattern(event) } else { text += " after \(duration())" }
      case 2:
        text += " after \(1 + random.below(5)) sends without engagement"
      case 3:
        text += " after \(duration()) idle" + (chance(30) ? " and \(duration())" : "")
      default:
        text += " after \(duration())"
      }
      if chance(20) { text += " if " + condition(2) }
      emit(text, 1)
    }
    emit("}")
  }

  mutating func pickEvent() -> Event? { events.isEmpty ? nil : pick(events) }

  mutating func limitsAndHolds() {
    if chance(40) {
      let state = pick(states)
      cooldowns.append(state)
      emit("cooldown \(mistake() ? wrongName() : state) \(duration())")
    }
    if chance(30), let event = pickEvent() {
      emit("hold \(pick(Self.channels)) \(duration()) after \(mistake() ? wrongName() : event.name)")
    }
    if chance(30) { emit("limit \(pick(Self.channels)) \(1 + random.below(5)) per \(period())") }
    if chance(30) {
      let from = String(format2: random.below(24)) + ":" + pick(["00", "30"])
      let to = String(format2: random.below(24)) + ":" + pick(["00", "15"])
      let channels = chance(50) ? " for " + [pick(Self.channels), pick(["sms", "push"])].joined(separator: ", ") : ""
      if !(strict && from == to) { emit("quiet hours \(from) to \(to)\(channels)") }
    }
  }

  mutating func variantDecl(_ variant: String) {
    var arms: [String] = []
    let count = 1 + random.below(3)
    let holdout = chance(30)
    // A holdout without a weight takes what the other arms leave.
    var left = holdout ? 90 : 100
    for index in 0..<count {
      let weight = index == count - 1 ? left : 1 + random.below(max(1, left - (count - index)))
      left -= weight
      var arm = name("arm") + " \(weight)%"
      // Every arm has a subject, so the variant serves email sends in a strict program.
      arm += " { subject \(stringLiteral())" + (chance(30) ? ", text \"short\"" : "") + " }"
      arms.append(arm)
    }
    if holdout { arms.append("holdout") }
    if mistake(15) { arms.append(name("arm") + " 10%") }
    block("variant \(variant)", arms, commas: false)
  }

  mutating func flow() {
    let state = pick(states)
    var head = "flow \(name("flow")) for \(mistake() ? wrongName() : state)"
    if chance(30) { head += " when " + condition(2) }
    emit(head + " {")
    steps(1, state: state, depth: 0)
    emit("}")
  }

  mutating func steps(_ indent: Int, state: String, depth: Int) {
    for _ in 0..<(1 + random.below(4)) { step(indent, state: state, depth: depth) }
  }

  mutating func step(_ indent: Int, state: String, depth: Int) {
    switch random.below(9) {
    case 0: emit("wait " + (cooldowns.contains(state) || mistake(20) ? "cooldown" : duration()), indent)
    case 1, 2: emit(send() + unless(), indent)
    case 3 where depth < 3:
      emit("if \(flowCondition()) {", indent)
      steps(indent + 1, state: state, depth: depth + 1)
      if chance(50) {
        emit("} else {", indent)
        steps(indent + 1, state: state, depth: depth + 1)
      }
      emit("}", indent)
    case 4: emit("exit" + unless(), indent)
    case 5:
      emit(
        "suppress" + (chance(60) ? " \(pick(consented.isEmpty ? Self.channels : consented))" : "") + unless(), indent)
    case 6: emit("move to \(pick(["ads", "retargeting", "lookalike"]))" + unless(), indent)
    case 7: emit("set state \(mistake() ? wrongName() : pick(states + finals))" + unless(), indent)
    default:
      if let counter = counters.first, !mistake() {
        emit("increment \(counter)", indent)
      } else if !strict {
        emit("increment \(wrongName())", indent)
      } else {
        emit("wait \(duration())", indent)
      }
    }
  }

  mutating func unless() -> String { chance(25) ? " unless " + flowCondition() : "" }

  /// A send with the options its channel needs in a strict program.
  mutating func send() -> String {
    let usable = strict ? consented : Self.channels
    let channel = pick(usable.isEmpty ? Self.channels : usable)
    var text = "send \(channel) \(stringLiteral())"
    // The variants' arms have subjects: email only, in a strict program.
    if !variants.isEmpty && chance(30) && (channel == "email" || !strict) {
      text += " variant \(pick(variants))"
    } else if channel == "email" && !mistake(20) {
      text += " subject \(stringLiteral())"
    }
    if chance(30) { text += " offer \"CODE\(random.below(100))\"" }
    if chance(20) && (channel != "email" || !strict) { text += " text \(stringLiteral())" }
    if channel == "in_app" && !mistake(20), let event = pickEvent() {
      text += " on \(event.name)"
    } else if channel == "in_app" && strict {
      // No event to show it on: send on email instead.
      return "send email \(stringLiteral()) subject \(stringLiteral())"
    }
    return text
  }

  mutating func guardrail() {
    guard let event = pickEvent() else { return }
    emit(
      "guardrail \(event.name) below \(1 + random.below(9))% of sends"
        + (chance(50) ? " on \(pick(Self.channels))" : ""))
  }

  mutating func test() {
    emit("test \(stringLiteral()) {")
    var fields: [String] = []
    for field in attributes where !field.optional || chance(50) {
      if mistake(5) { continue }
      fields.append("\(field.name) \(mistake(5) ? "\"oops\"" : literal(field))")
    }
    block("contact", fields, commas: chance(50), indent: 1)
    var day = 1
    for _ in 0..<(1 + random.below(3)) {
      guard let event = pickEvent() else { break }
      day += 1 + random.below(5)
      let at = "at 2025-01-\(String(format2: day))T10:00 \(event.name)"
      let values = event.fields.map { "\($0.name) \(literal($0))" }
      if values.isEmpty { emit(at, 1) } else { block(at, values, commas: chance(70), indent: 1) }
    }
    if chance(50) { emit("run until 2025-03-01", 1) }
    switch random.below(4) {
    case 0: emit("expect state \(pick(states + finals))", 1)
    case 1: emit("expect sends" + (chance(50) ? " email" : "") + " \(random.below(3))", 1)
    case 2 where !segments.isEmpty: emit("expect " + (chance(50) ? "not " : "") + "segment \(pick(segments))", 1)
    default:
      if let score = scores.first {
        emit("expect \(score) \(random.below(50))", 1)
      } else if let counter = counters.first {
        emit("expect \(counter) \(random.below(3))", 1)
      }
    }
    emit("}")
  }

  // MARK: - Literals

  mutating func stringLiteral() -> String {
    "\"" + pick(["Welcome", "20% off", "Terima kasih", "a \\\"quoted\\\" word", "tab\\there", "ünïcode €"]) + "\""
  }

  /// A `limit`'s period: a duration, but not `1m` to `12m` (a month written wrong, E0205);
  /// those become hours, so the random sequence is the same as `duration`'s.
  mutating func period() -> String {
    let written = duration()
    guard written.hasSuffix("m"), let amount = Int(written.dropLast()), amount <= 12 else { return written }
    return "\(amount)h"
  }

  mutating func duration() -> String {
    let unit = pick(["d", "d", "h", "w", "m", "s"])
    return "\(1 + random.below(90))\(unit)"
  }

  /// A literal of the field's type (a test's value, an enum's value bare).
  mutating func literal(_ field: Field) -> String {
    switch field.kind {
    case .int: return "\(random.below(1000))"
    case .decimal: return "\(random.below(1000)).\(String(format2: random.below(100)))"
    case .bool: return pick(["true", "false"])
    case .string: return stringLiteral()
    case .date: return "2025-0\(1 + random.below(9))-1\(random.below(10))"
    case .timestamp: return pick(["2025-01-01T10:00", "2026-06-30T00:00:00Z", "2025-03-04T08:30+07:00"])
    case .duration: return duration()
    case .percent: return "\(1 + random.below(100))%"
    case .enumeration: return pick(field.values)
    }
  }

  // MARK: - Expressions

  /// Conditions over the contact: attributes, segments, scores, counters, `state`.
  mutating func condition(_ depth: Int, segments usable: [String]? = nil) -> String {
    guarded = []
    var text = boolExpr(depth, segments: usable ?? segments)
    // A long condition continues on the next line, starting with `and` / `or`.
    if chance(10) { text += "\n    " + pick(["and ", "or "]) + boolExpr(1, segments: usable ?? segments) }
    return text
  }

  /// A flow's condition: may also use `engaged`.
  mutating func flowCondition() -> String {
    chance(40) ? pick(["engaged", "not engaged"]) : condition(2)
  }

  mutating func boolExpr(_ depth: Int, segments usable: [String]) -> String {
    if mistake(6) { return anyExpr(depth) }
    if depth <= 0 || chance(35) { return boolLeaf(usable) }
    switch random.below(4) {
    case 0: return boolExpr(depth - 1, segments: usable) + " and " + boolExpr(depth - 1, segments: usable)
    case 1: return boolExpr(depth - 1, segments: usable) + " or " + boolExpr(depth - 1, segments: usable)
    case 2: return "not " + boolParen(depth - 1, usable)
    default: return boolParen(depth - 1, usable)
    }
  }

  mutating func boolParen(_ depth: Int, _ usable: [String]) -> String {
    "(" + boolExpr(depth, segments: usable) + ")"
  }

  mutating func boolLeaf(_ usable: [String]) -> String {
    switch random.below(9) {
    case 0 where !usable.isEmpty: return pick(usable)
    case 1: return pick(["true", "false"])
    case 2: return "state " + pick(["==", "!="]) + " " + (mistake(20) ? wrongName() : pick(states))
    case 3 where !scores.isEmpty:
      return "\(pick(scores)) \(pick([">=", ">", "<="])) \(1 + random.below(50))"
    case 4 where !counters.isEmpty: return "\(pick(counters)) \(pick(["<", "<=", "==", "!="])) \(random.below(5))"
    case 5:
      guard let event = pickEvent() else { return "true" }
      var inner = event.name
      if !event.fields.isEmpty && chance(40) { inner += " where " + eventCondition(event) }
      if chance(60) { inner += " within \(duration())" }
      return "count(\(inner)) \(pick([">=", "==", ">"])) \(random.below(4))"
    default: return attributeCondition()
    }
  }

  /// A comparison on one attribute, in its type's terms; an optional one is guarded or
  /// given a default (or, sometimes in a loose program, neither).
  mutating func attributeCondition() -> String {
    let field = pick(attributes)
    let (valueText, comparison) = comparisonOf(field, read: field.name)
    guard field.optional else { return comparison }
    if mistake(20) { return comparison }
    switch guarded.contains(field.name) ? 2 : random.below(3) {
    case 0:
      guarded.insert(field.name)
      return "(exists(\(field.name)) and \(comparison))"
    case 1:
      guarded.insert(field.name)
      return "(not exists(\(field.name)) or \(comparison))"
    default:
      if field.kind == .bool { return "(\(field.name) ?? \(valueText))" }
      let (_, withDefault) = comparisonOf(field, read: "(\(field.name) ?? \(literal(field)))")
      return withDefault
    }
  }

  /// A comparison of `read` (the field's value) with something of its type; also a
  /// literal of the type, for `??` defaults.
  mutating func comparisonOf(_ field: Field, read: String) -> (String, String) {
    let ordered = ["==", "!=", "<", "<=", ">", ">="]
    switch field.kind {
    case .int: return ("0", "\(read) \(pick(ordered)) \(numeric(int: true, 2))")
    case .decimal: return ("0", "\(read) \(pick(ordered)) \(numeric(int: false, 2))")
    case .bool: return ("false", chance(50) ? read : "\(read) \(pick(["==", "!="])) \(pick(["true", "false"]))")
    case .string:
      if chance(30) {
        return ("\"\"", "\(read) \(chance(30) ? "not in" : "in") (\(stringLiteral()), \(stringLiteral()))")
      }
      return ("\"\"", "\(read) \(pick(["==", "!="])) \(stringLiteral())")
    case .date:
      let other = pick(["today", "today - \(duration())", "2025-06-01", "today + \(duration())"])
      return ("today", "\(read) \(pick(ordered)) \(other)")
    case .timestamp:
      let other = pick(["now", "now - \(duration())", "2025-06-01T09:00", "now + \(duration()) - \(duration())"])
      return ("now", "\(read) \(pick(ordered)) \(other)")
    case .duration:
      return (
        "1d", "\(read) \(pick(ordered)) \(pick([duration(), "\(duration()) * 2", "\(duration()) + \(duration())"]))"
      )
    case .percent: return ("1%", "\(read) \(pick(ordered)) \(1 + random.below(100))%")
    case .enumeration:
      if field.values.count > 1 && chance(40) {
        let first = pick(field.values)
        let second = pick(field.values.filter { $0 != first })
        return (field.values[0], "\(read) in (\(first), \(second))")
      }
      return (field.values[0], "\(read) \(pick(["==", "!="])) \(pick(field.values))")
    }
  }

  /// A number: literals, non-optional numeric attributes, counters, arithmetic.
  mutating func numeric(int: Bool, _ depth: Int) -> String {
    let kinds: [ValueKind] = int ? [.int] : [.int, .decimal]
    let names = attributes.filter { kinds.contains($0.kind) && !$0.optional }.map(\.name) + counters
    if depth <= 0 || chance(50) {
      if !names.isEmpty && chance(40) { return pick(names) }
      return int || chance(50)
        ? pick(["\(random.below(100))", "1_000", "\(random.below(10))"]) : "\(random.below(100)).5"
    }
    switch random.below(int ? 4 : 5) {
    case 0: return numeric(int: int, depth - 1) + " + " + numeric(int: int, depth - 1)
    case 1: return numeric(int: int, depth - 1) + " - " + numeric(int: int, depth - 1)
    case 2: return numeric(int: int, depth - 1) + " * " + numeric(int: int, depth - 1)
    case 3: return "(" + numeric(int: int, depth - 1) + ")"
    default: return numeric(int: false, depth - 1) + " / " + numeric(int: false, depth - 1)
    }
  }

  /// A condition on an event's own fields (for `where`).
  mutating func eventCondition(_ event: Event) -> String {
    if mistake(10) { return wrongName() + " == 1" }
    let field = pick(event.fields)
    let condition = comparisonOf(field, read: field.name).1
    return chance(20) ? "(\(condition))" : condition
  }

  /// Anything, of any type: the kind of expression a careless author writes.
  mutating func anyExpr(_ depth: Int) -> String {
    let leaves = [
      "\(random.below(100))", "12.50", "10%", "30d", "2026-12-31", "2025-01-01T10:00", "\"text\"", "true", "today",
      "now",
      "state", pick(attributes).name, wrongName(), "exists(\(pick(attributes).name))", "count(\(wrongName()))",
      "sum(\(pick(events).name).\(wrongName()))", "avg(\(pick(events).name))", "foo(1, 2)",
    ]
    if depth <= 0 || chance(40) { return pick(leaves) }
    let op = pick(["+", "-", "*", "/", "??", "==", "<", "and", "or", "in"])
    if op == "in" { return anyExpr(depth - 1) + " in (" + anyExpr(0) + ", " + anyExpr(0) + ")" }
    return pick(["", "not ", "-"]) + anyExpr(depth - 1) + " \(op) " + anyExpr(depth - 1)
  }
}

extension String {
  /// Two digits, zero-padded.
  fileprivate init(format2 value: Int) { self = value < 10 ? "0\(value)" : "\(value)" }
}
