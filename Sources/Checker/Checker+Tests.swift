import CampaignLang

extension Checker {
  mutating func checkTest(_ decl: TestDecl) {
    guard let index = symbols.tests.owner(decl.name.value, at: decl.name.range) else {
      return
    }
    var contact: [(Int, ConstantValue)] = []
    var events: [TestCase.TimedEvent] = []
    var expectations: [TestCase.Expectation] = []
    var valid = true
    for item in decl.items {
      switch item {
      case .contact(let fields, _):
        contact.reserveCapacity(contact.count + fields.count)  // see `checkCreatives`
        var seen = NameTable<SourceRange>(minimumCapacity: fields.count)
        for field in fields {
          if let first = seen[field.name.text] {
            repeated(
              "this test contact gives `\(field.name.text)` twice", at: field.name.range, first: first,
              help: "remove one of the two")
            valid = false
            continue
          }
          seen[field.name.text] = field.name.range
          guard let attribute = symbols.attributes.lookup(field.name.text) else {
            error(
              .unknownField, "the contact schema has no attribute `\(field.name.text)`", at: field.name.range,
              help: suggestion(field.name.text, symbols.attributes.names) ?? "declare it in `contact { ... }` first")
            valid = false
            continue
          }
          guard let value = testValue(field, type: symbols.attributeTypes[attribute]) else {
            valid = false
            continue
          }
          contact.append((attribute, value))
        }
      case .event(let at, _, let eventName, let fields, _):
        guard let event = lookupEvent(eventName) else {
          valid = false
          continue
        }
        var values: [(Int, ConstantValue)] = []
        values.reserveCapacity(fields.count)  // see `checkCreatives`
        for field in fields {
          guard let slot = lookupField(field.name, of: event),
            let value = testValue(field, type: symbols.eventFieldTypes[event][slot])
          else {
            valid = false
            continue
          }
          values.append((slot, value))
        }
        events.append(TestCase.TimedEvent(at: at, event: event, fields: values))
      case .expect(let expectation, _):
        if let checked = checkExpectation(expectation) { expectations.append(checked) } else { valid = false }
      case .invalid:
        valid = false
      }
    }
    if valid {
      program.tests[index] = TestCase(
        name: decl.name.value, contact: contact, events: events, expectations: expectations)
    }
  }

  /// A test value: a literal of the field's type (an enum value is written bare).
  mutating func testValue(_ field: TestField, type: ValueType) -> ConstantValue? {
    let base = type.base
    if base.isError { return nil }
    var value = field.value
    var negative = false
    if case .unary(.negate, let inner, _) = value {
      negative = true
      value = inner
    }
    switch (base, value) {
    case (.enumeration(let enumType), .name(let name)):
      if let index = enumType.cases.firstIndex(of: name.text) { return .enumCase(index) }
      error(
        .unknownEnumCase, "`\(name.text)` is not one of the values of `\(enumType.owner)`", at: name.range,
        help: suggestion(name.text, enumType.cases) ?? "the values are "
          + enumType.cases.map { "`\($0)`" }.joined(separator: ", "))
      return nil
    case (.int, .literal(.int(let number), _)): return .int(negative ? -number : number)
    case (.decimal, .literal(.int(let number), _)): return .decimal(ExactDecimal(negative ? -number : number))
    case (.decimal, .literal(.decimal(let number), _)):
      return .decimal(ExactDecimal(units: negative ? -number.units : number.units, scale: number.scale))
    case (.percent, .literal(.percent(let number), _)) where !negative: return .percent(number)
    case (.bool, .literal(.bool(let flag), _)) where !negative: return .bool(flag)
    case (.string, .literal(.string(let text), _)) where !negative: return .string(text)
    case (.date, .literal(.date(let date), _)) where !negative: return .date(date)
    case (.timestamp, .literal(.timestamp(let stamp), _)) where !negative: return .timestamp(stamp)
    case (.duration, .literal(.duration(let duration), _)) where !negative: return .duration(duration)
    case (_, .invalid):
      return nil
    default:
      let example: String
      switch base {
      case .int: example = "`3`"
      case .decimal: example = "`600` or `12.50`"
      case .bool: example = "`true` or `false`"
      case .string: example = "`\"text\"` in quotes"
      case .date: example = "`2026-12-31`"
      case .timestamp: example = "`2026-01-31T09:30`"
      case .duration: example = "`30d`"
      case .percent: example = "`10%`"
      case .enumeration(let enumType): example = enumType.cases.prefix(3).map { "`\($0)`" }.joined(separator: " or ")
      default: example = "a value"
      }
      error(
        .wrongLiteralType, "`\(field.name.text)` is \(base), so this value does not fit", at: field.value.range,
        help: "write a value like \(example)")
      return nil
    }
  }

  mutating func checkExpectation(_ expectation: Expectation) -> TestCase.Expectation? {
    switch expectation {
    case .state(let name):
      return lookupState(name).map { .state($0) }
    case .segment(let name, let negated):
      guard let segment = symbols.segments.lookup(name.text) else {
        error(
          .unknownName, "there is no segment called `\(name.text)`", at: name.range,
          help: suggestion(name.text, symbols.segments.names))
        return nil
      }
      return .segment(segment, member: !negated)
    case .sends(let channelName, let count):
      var channel: Int? = nil
      if let channelName {
        guard let index = lookupChannel(channelName) else { return nil }
        channel = index
      }
      guard count.value.scale == 0, count.value.units >= 0 else {
        error(.wrongLiteralType, "a number of sends is a whole number", at: count.range)
        return nil
      }
      return .sends(channel: channel, count: count.value.units)
    case .value(let name, let value):
      switch symbols.expressionNames[name.text]?.0 {
      case .score(let index)?:
        let field = TestField(name: name, value: value, range: name.range.to(value.range))
        guard case .decimal(let number)? = testValue(field, type: .decimal) else { return nil }
        return .score(index, number)
      case .counter(let index)?:
        let field = TestField(name: name, value: value, range: name.range.to(value.range))
        guard case .int(let number)? = testValue(field, type: .int) else { return nil }
        return .counter(index, number)
      default:
        let candidates = symbols.scores.names + symbols.counters.names + ["state", "sends", "segment"]
        error(
          .unknownName, "a test can expect a score or a counter, but there is none called `\(name.text)`",
          at: name.range,
          help: suggestion(name.text, candidates) ?? "expect `state`, `sends`, `segment`, a score or a counter")
        return nil
      }
    }
  }
}
