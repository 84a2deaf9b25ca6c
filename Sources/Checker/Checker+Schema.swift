import CampaignLang
import Foundation

extension Checker {
  /// Resolves a declared type. Enum cases must be distinct.
  mutating func resolve(_ type: TypeRef, owner: String) -> ValueType {
    let base: ValueType
    switch type.kind {
    case .int: base = .int
    case .decimal: base = .decimal
    case .bool: base = .bool
    case .string: base = .string
    case .date: base = .date
    case .timestamp: base = .timestamp
    case .duration: base = .duration
    case .percent: base = .percent
    case .unknown: return .error
    case .enumeration(let cases):
      var seen = NameTable<SourceRange>()
      for name in cases {
        if let first = seen[name.text] {
          duplicate("value", name, first: first)
        }
        seen[name.text] = name.range
      }
      if cases.isEmpty {
        error(
          .badArguments, "`\(owner)` lists no values", at: type.range, help: "list the values, like `enum(low, high)`")
      }
      var unique: [String] = []
      for name in cases where !unique.contains(name.text) { unique.append(name.text) }
      base = .enumeration(EnumType(owner: owner, cases: unique))
    }
    return type.optional ? .optional(base) : base
  }

  /// Attribute and event field types, and the contact key.
  mutating func checkSchema() {
    symbols.attributeTypes = symbols.attributes.items.map { symbol in
      resolve(symbol.declaration.type, owner: symbol.name)
    }
    var keys: [FieldDecl] = []
    for (index, symbol) in symbols.attributes.items.enumerated() where symbol.declaration.has(.key) {
      keys.append(symbol.declaration)
      if keys.count == 1 { symbols.keyAttribute = index }
    }
    if let contact = symbols.contact {
      let contactWord = SourceRange(file: contact.range.file, start: contact.range.start, end: contact.range.start + 7)
      if keys.isEmpty && !declarationsLost {
        error(
          .contactKey, "the contact schema has no `key` attribute", at: contactWord,
          help: "mark the attribute that identifies a contact, like `id string key`")
      }
      for extra in keys.dropFirst() {
        error(
          .contactKey, "the contact schema has more than one `key` attribute", at: extra.name.range,
          notes: [Note("the first key is here", at: keys[0].name.range)], help: "keep `key` on one attribute")
      }
      if let key = keys.first {
        let type = resolve(key.type, owner: key.name.text)
        if type.isOptional || !(type == .string || type == .int) {
          error(
            .contactKey, "the key `\(key.name.text)` must be a string or int that is never missing",
            at: key.type.range, help: "declare it like `\(key.name.text) string key`")
        }
      }
    } else if !declarationsLost && files.first?.file == entry {
      let header = symbols.campaign?.name.range ?? .point(entry, 0)
      error(
        .contactKey, "the campaign has no contact schema", at: header,
        help: "declare the contact's attributes: `contact { id string key ... }`, or import a shared schema")
    }
    for symbol in symbols.events.items {
      var types: [ValueType] = []
      var index = NameIndex()
      for field in symbol.declaration.fields {
        let (inserted, first) = index.insert(field.name.text)
        guard inserted else {
          duplicate("field", field.name, first: symbol.declaration.fields[first].name.range)
          continue
        }
        types.append(resolve(field.type, owner: "\(symbol.name).\(field.name.text)"))
      }
      symbols.eventFieldTypes.append(types)
      symbols.eventFieldIndex.append(index)
    }
    for type in symbols.attributeTypes + symbols.eventFieldTypes.joined() {
      if case .enumeration(let values) = type.base {
        for value in values.cases { symbols.valueNames.insert(value) }
      }
    }
    for state in symbols.states.names { symbols.valueNames.insert(state) }
  }

  /// The campaign header: present in the entry file, with a valid time zone.
  mutating func checkHeader() {
    guard let header = symbols.campaign else {
      if !declarationsLost {
        error(
          .missingHeader, "this file has no campaign header", at: .point(entry, 0),
          help:
            "start the file with `campaign \"Name\" { owner \"team@example.com\" }`; a file with states or flows is a campaign (shared files hold the other declarations and are imported)"
        )
      }
      return
    }
    var seen = NameTable<SourceRange>()
    for item in header.items {
      let (word, range): (String, SourceRange) =
        switch item {
        case .owner(_, let range): ("owner", range)
        case .timezone(_, let range): ("timezone", range)
        case .audience(_, let range): ("audience", range)
        case .description(_, let range): ("description", range)
        case .enterAt(_, let range): ("enter at", range)
        }
      if let first = seen[word] {
        repeated(
          "the campaign header gives `\(word)` twice", at: range, first: first, help: "remove one of the two")
      }
      seen[word] = range
      switch item {
      case .timezone(let zone, _):
        if TimeZone(identifier: zone.value) == nil || zone.value.isEmpty {
          let known = Checker.timeZoneNames
          error(
            .unknownTimezone, "`\(zone.value)` is not a time zone", at: zone.range,
            help: Checker.timeZoneNamed(zone.value).map { "did you mean `\($0)`?" } ?? suggestion(zone.value, known)
              ?? "use an IANA time zone name such as \"Asia/Jakarta\" or \"Europe/Berlin\"")
        }
      case .audience(let expr, _):
        var context = ExpressionContext(purpose: .plain("the audience"), targeting: true)
        program.audience = checkCondition(expr, &context)
      case .enterAt(let name, _):
        checkEnterAt(name)
      case .owner, .description:
        break
      }
    }
  }
}

extension Checker {
  /// `enter at ATTRIBUTE`: a date or timestamp attribute (optional is fine: a contact
  /// without one enters at the window's start).
  mutating func checkEnterAt(_ name: Name) {
    guard let index = symbols.attributes.lookup(name.text) else {
      error(
        .unknownName, "the contact schema has no attribute `\(name.text)`", at: name.range,
        help: suggestion(name.text, symbols.attributes.names)
          ?? "name a date attribute of the contact, like `enter at signup_date`")
      return
    }
    let type = symbols.attributeTypes[index]
    switch type.base {
    case .date, .timestamp: program.enterAt = index
    case .error: break
    default:
      error(
        .typeMismatch, "`\(name.text)` is \(type.base), but contacts enter at a date or a timestamp",
        at: name.range, help: "name a date or timestamp attribute, like `enter at signup_date`")
    }
  }

  /// The time zone names to suggest from: the system's list, sorted so that ties in a
  /// suggestion always go the same way, or a few common ones when it is not available.
  /// The zone a name written by hand means: `europe/berlin`, `America/New York`, or only
  /// its city, `Berlin`, `new_york`, `New York` (case, spaces and `-` for `_` aside; the
  /// first zone in sorted order when two cities share a name). nil when none matches.
  static func timeZoneNamed(_ written: String) -> String? {
    func normalized<S: StringProtocol>(_ text: S) -> String {
      String(text.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }
    let wanted = normalized(written.trimmingCharacters(in: .whitespaces))
    guard !wanted.isEmpty else { return nil }
    if let zone = timeZoneNames.first(where: { normalized($0) == wanted }) { return zone }
    guard !wanted.contains("/") else { return nil }
    let cities = timeZoneNames.filter { $0.contains("/") }.map { normalized($0.split(separator: "/").last ?? "") }
    // `Berlin`, then a slip of a city's name, `Berln`.
    guard let city = cities.contains(wanted) ? wanted : Spelling.closest(to: wanted, among: cities),
      let index = cities.firstIndex(of: city)
    else { return nil }
    return timeZoneNames.filter { $0.contains("/") }[index]
  }

  static let timeZoneNames: [String] = {
    let names = TimeZone.knownTimeZoneIdentifiers.sorted()
    return names.isEmpty ? ["UTC", "Asia/Jakarta", "Asia/Singapore", "Europe/London", "America/New_York"] : names
  }()
}
