import CampaignLang
import Foundation

extension Checker {
  mutating func checkTest(_ decl: TestDecl) {
    guard let index = symbols.tests.owner(decl.name.value, at: decl.name.range) else {
      return
    }
    var contact: [(Int, ConstantValue)] = []
    var contactRange: SourceRange? = nil
    var events: [TestCase.TimedEvent] = []
    var lastEvent: (instant: Int64, range: SourceRange)? = nil
    var hasAtLine = false  // an `at` line, even one with a mistake, means E0516 does not apply
    var expectations: [TestCase.Check] = []
    var runUntil: (Timestamp, SourceRange)? = nil
    var valid = true
    for item in decl.items {
      switch item {
      case .contact(let fields, let range):
        if let first = contactRange {
          repeated(
            "this test gives its contact twice", at: range, first: first,
            help: "a test has one contact; put every value in one `contact { ... }`")
          valid = false
          continue
        }
        contactRange = range
        // A misspelt attribute is probably one the schema requires: one mistake, one message.
        var unknownGiven = false
        contact.reserveCapacity(fields.count)  // see `checkCreatives`
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
            unknownGiven = true
            // The schema may be in an import that could not be read (see `namesIncomplete`).
            if !namesIncomplete {
              error(
                .unknownField, "the contact schema has no attribute `\(field.name.text)`", at: field.name.range,
                help: suggestion(field.name.text, symbols.attributes.names) ?? "declare it in `contact { ... }` first")
            }
            valid = false
            continue
          }
          guard let value = testValue(field, type: symbols.attributeTypes[attribute]) else {
            valid = false
            continue
          }
          contact.append((attribute, value))
        }
        if requiredAttributes == nil {
          requiredAttributes = symbols.attributeTypes.indices.filter { attribute in
            !symbols.attributeTypes[attribute].isOptional && !symbols.attributeTypes[attribute].base.isError
          }
        }
        let missing = (requiredAttributes ?? []).compactMap { attribute -> String? in
          let name = symbols.attributes.items[attribute].name
          return seen[name] == nil ? name : nil
        }
        if !missing.isEmpty && !unknownGiven {
          reportMissing(missing, of: "this test contact", "the contact schema", at: range)
          valid = false
        }
      case .event(let at, let atRange, let eventName, let fields, let range):
        hasAtLine = true
        guard let event = lookupEvent(eventName) else {
          valid = false
          continue
        }
        var values: [(Int, ConstantValue)] = []
        values.reserveCapacity(fields.count)  // see `checkCreatives`
        var given = Array(repeating: false, count: symbols.eventFieldTypes[event].count)
        for field in fields {
          guard let slot = lookupField(field.name, of: event) else {
            given = given.map { _ in true }  // as for the contact: one mistake, one message
            valid = false
            continue
          }
          given[slot] = true
          guard let value = testValue(field, type: symbols.eventFieldTypes[event][slot]) else {
            valid = false
            continue
          }
          values.append((slot, value))
        }
        let fieldTypes = symbols.eventFieldTypes[event]
        let missing = symbols.eventFieldIndex[event].names.enumerated().filter { slot, _ in
          !given[slot] && !fieldTypes[slot].isOptional && !fieldTypes[slot].base.isError
        }.map(\.element)
        if !missing.isEmpty {
          reportMissing(missing, of: "this `\(eventName.text)` event", "event `\(eventName.text)`", at: range)
          valid = false
        }
        let instant = testInstant(at)
        if lastEvent == nil || instant >= lastEvent!.instant { lastEvent = (instant, atRange) }
        events.append(TestCase.TimedEvent(at: at, event: event, fields: values))
      case .expect(let expectation, let range):
        if let checked = checkExpectation(expectation) {
          expectations.append(TestCase.Check(expectation: checked, range: range))
        } else {
          valid = false
        }
      case .run(let until, let untilRange, let range):
        if let first = runUntil {
          repeated("this test gives `run until` twice", at: range, first: first.1, help: "keep one end for the run")
          valid = false
          continue
        }
        runUntil = (until, untilRange)
      case .invalid:
        valid = false
      }
    }
    // An item the parser could not read (or a broken header) may be the missing piece.
    let itemsLost = decl.items.contains { if case .invalid = $0 { true } else { false } }
    if contactRange == nil && !itemsLost {
      error(
        .testMissingValue, "test \"\(decl.name.value)\" has no contact", at: decl.name.range,
        help: "describe the contact, like `contact { id \"c1\", ltv 600 }`")
      valid = false
    }
    if let lastEvent {
      if let (until, range) = runUntil, testInstant(until) <= lastEvent.instant {
        error(
          .testWindow, "the run must end after the test's last event", at: range,
          notes: [Note("the last event is here", at: lastEvent.range)],
          help: "end the run after every event, or leave `run until` out to end just after the last one")
        valid = false
      }
    } else if !hasAtLine && !itemsLost {
      error(
        .testWindow, "test \"\(decl.name.value)\" has no `at` event, so its run has no start", at: decl.name.range,
        help: "the run starts at the first event; add one, like `at 2026-01-01T10:00 email_open`")
      valid = false
    }
    if valid {
      program.tests[index] = TestCase(
        name: decl.name.value, range: decl.name.range, contact: contact, events: events, expectations: expectations,
        runUntil: runUntil?.0)
    }
  }

  /// One diagnostic for every required value a test contact or event leaves out.
  mutating func reportMissing(_ names: [String], of what: String, _ owner: String, at range: SourceRange) {
    let list = names.map { "`\($0)`" }.joined(separator: ", ")
    let plural = names.count > 1
    error(
      .testMissingValue, "\(what) leaves out \(list), which \(owner) requires", at: range,
      help: "give \(plural ? "them values" : "it a value"), or make \(plural ? "them" : "it") optional with `?` "
        + "in the declaration if \(plural ? "they" : "it") may be missing")
  }

  /// The instant of a test's timestamp: its own offset, else the campaign's time zone
  /// (as the evaluator reads it), for comparing the run's end with the events.
  func testInstant(_ stamp: Timestamp) -> Int64 {
    let local = stamp.date.daysSinceEpoch * 86_400 + Int64(stamp.secondOfDay)
    if let offset = stamp.utcOffset { return local - Int64(offset) }
    var zoneName = "UTC"
    for case .timezone(let name, _) in symbols.campaign?.items ?? [] { zoneName = name.value }
    guard let zone = TimeZone(identifier: zoneName) else { return local }
    func offset(_ instant: Int64) -> Int64 {
      Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
    }
    return local - offset(local - offset(local))
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
