import CampaignLang
import Lexer

extension Parser {
  // MARK: - import, campaign

  /// `import "lib/schema.campaign"`
  mutating func parseImport() -> ImportDecl? {
    let start = advance().range
    guard let path = expectString("the path of the file to import, in quotes") else { return nil }
    return ImportDecl(path: path, range: start.to(path.range))
  }

  /// `campaign "Name" { owner "..."  timezone "..."  audience EXPR  description "..." }`
  mutating func parseCampaign() -> CampaignDecl? {
    let start = advance().range
    guard let name = expectString("the campaign's name in quotes, like `campaign \"Winback Q4\" {`") else {
      return nil
    }
    let (items, end) = parseBlock("the campaign header") { parser -> CampaignDecl.Item? in
      parser.parseCampaignItem()
    }
    return CampaignDecl(name: name, items: items, range: start.to(end))
  }

  static let campaignItemWords = ["owner", "timezone", "audience", "description", "enter"]

  mutating func parseCampaignItem() -> CampaignDecl.Item? {
    let start = current.range
    if at("audience") {
      advance()
      let expr = parseExpression()
      return .audience(expr, start.to(expr.range))
    }
    if at("enter") {
      advance()
      guard expect("at", context: "as in `enter at signup_date`"),
        let attribute = expectName("the date attribute each contact enters at, like `enter at signup_date`")
      else { return nil }
      return .enterAt(attribute, start.to(attribute.range))
    }
    for word in ["owner", "timezone", "description"] where at(text: word) {
      advance()
      guard let value = expectString("a value in quotes after `\(word)`") else { return nil }
      let range = start.to(value.range)
      switch word {
      case "owner": return .owner(value, range)
      case "timezone": return .timezone(value, range)
      default: return .description(value, range)
      }
    }
    unknownStatement(in: "the campaign header", choices: Parser.campaignItemWords)
    return nil
  }

  /// Reports an unknown word at the start of a statement, with a suggestion.
  mutating func unknownStatement(in owner: @autoclosure () -> String, choices: [String]) {
    guard current.kind == .identifier else {
      expected("one of " + choices.map { "`\($0)`" }.joined(separator: ", "))
      return
    }
    let word = text(current)
    let suggestion = Spelling.closest(to: word, among: choices)
    let place = owner()
    report(
      .unknownStatement, "`\(word)` is not something \(place) can contain", at: current.range,
      help: suggestion.map { "did you mean `\($0)`?" }
        ?? "\(place) can contain " + choices.map { "`\($0)`" }.joined(separator: ", "))
  }

  // MARK: - contact, event, channel

  /// `contact { id string key  ltv decimal ... }`
  mutating func parseContact() -> ContactDecl? {
    let start = advance().range
    let (fields, end) = parseBlock("the contact schema", allowsCommas: true) { parser in
      parser.parseField()
    }
    return ContactDecl(fields: fields, range: start.to(end))
  }

  /// `event email_click { campaign string, url string }` (the block is optional)
  mutating func parseEvent() -> EventDecl? {
    let start = advance().range
    guard let name = expectName("the event's name, like `event email_open`") else { return nil }
    if current.kind == .identifier { return parseUnbracedFields(start: start, name: name) }
    guard atBlockOpen else {
      return EventDecl(name: name, fields: [], range: start.to(name.range))
    }
    let (fields, end) = parseBlock("event `\(name.text)`", allowsCommas: true) { parser in
      parser.parseField()
    }
    return EventDecl(name: name, fields: fields, range: start.to(end))
  }

  /// `event purchase amount decimal`: the fields without their braces. Reported once,
  /// showing the form to write, and read as if the braces were there.
  mutating func parseUnbracedFields(start: SourceRange, name: Name) -> EventDecl {
    var last = position
    while !tokens[last + 1].startsLine && tokens[last + 1].kind != .newline && tokens[last + 1].kind != .endOfFile {
      last += 1
    }
    let fields = file.text(current.range.to(tokens[last].range))
    report(
      .unexpectedToken, "the fields of event `\(name.text)` go in braces", at: current.range.to(tokens[last].range),
      help: "write `event \(name.text) { \(fields) }`")
    panicking = false
    var parsed: [FieldDecl] = []
    while !atStatementEnd {
      let before = position
      if let field = parseField() { parsed.append(field) }
      if current.kind == .comma { advance() }
      if panicking || position == before { break }
    }
    return EventDecl(name: name, fields: parsed, range: start.to(previousRange))
  }

  /// `name [:] type [?] [key] [pii] [restricted]`
  mutating func parseField() -> FieldDecl? {
    guard let name = expectName("a field name") else { return nil }
    if current.kind == .colon { advance() }
    guard let type = parseType() else { return nil }
    var modifiers: [FieldModifier] = []
    while current.kind == .identifier {
      let word = text(current)
      guard let kind = FieldModifier.Kind(rawValue: word) else {
        // `url string campaign string`: the next field, its separator missing (the
        // block reports that).
        let next = peek()
        if next.kind == .colon
          || (next.kind == .identifier && Parser.typeNames[text(next)] != nil && !current.startsLine)
        {
          break
        }
        let suggestion = Spelling.closest(to: word, among: FieldModifier.Kind.allCases.map(\.rawValue))
        report(
          .unexpectedToken, "`\(word)` is not a field modifier", at: current.range,
          help: suggestion.map { "did you mean `\($0)`?" } ?? "fields may be marked `key`, `pii` or `restricted`")
        return FieldDecl(name: name, type: type, modifiers: modifiers, range: name.range.to(previousRange))
      }
      modifiers.append(FieldModifier(kind: kind, range: advance().range))
    }
    return FieldDecl(name: name, type: type, modifiers: modifiers, range: name.range.to(previousRange))
  }

  static let typeNames: [String: TypeRef.Kind] = [
    "int": .int, "decimal": .decimal, "bool": .bool, "string": .string, "date": .date,
    "timestamp": .timestamp, "duration": .duration, "percent": .percent,
  ]
  static let typeAliases: [String: String] = [
    "integer": "int", "number": "decimal", "float": "decimal", "double": "decimal",
    "money": "decimal", "boolean": "bool", "text": "string", "datetime": "timestamp",
    "time": "timestamp",
  ]

  /// `int`, `decimal`, ..., `enum(a, b)`, optionally followed by `?`.
  mutating func parseType() -> TypeRef? {
    guard current.kind == .identifier else {
      expected("a type such as `int`, `decimal`, `string` or `date`")
      return nil
    }
    let token = advance()
    let word = text(token)
    var kind: TypeRef.Kind
    if let known = Parser.typeNames[word] {
      kind = known
    } else if word == "enum" {
      var cases: [Name] = []
      guard let open = expect(.leftParen, "`(` and the values, like `enum(low, high)`") else { return nil }
      // Inside the parentheses line breaks are ignored (grammar.md §1): one value a line
      // is fine, but a line that does not go on with the list leaves the `)` missing there.
      skipNewlines()
      while current.kind == .identifier {
        cases.append(Name(text(current), advance().range))
        skipNewlines(continuingWith: [.comma])
        guard current.kind == .comma else { break }
        advance()
        skipNewlines()
      }
      guard current.kind == .rightParen else {
        missingCloseParen(opened: open.range, what: "the list of values")
        return nil
      }
      advance()
      kind = .enumeration(cases)
    } else {
      let all = Array(Parser.typeNames.keys).sorted() + ["enum"]
      let suggestion = Parser.typeAliases[word.lowercased()] ?? Spelling.closest(to: word, among: all)
      report(
        .unknownType, "`\(word)` is not a type", at: token.range,
        help: suggestion.map { "did you mean `\($0)`?" }
          ?? "the types are int, decimal, bool, string, date, timestamp, duration, percent and enum(...)")
      kind = .unknown
    }
    var optional = false
    if current.kind == .question {
      advance()
      optional = true
    }
    return TypeRef(kind: kind, optional: optional, range: token.range.to(previousRange))
  }

  /// `channel line`
  mutating func parseChannel() -> ChannelDecl? {
    let start = advance().range
    guard let name = expectName("the channel's name, like `channel line`") else { return nil }
    return ChannelDecl(name: name, range: start.to(name.range))
  }

  /// `engagement email_open, email_click, page_visit where intent == high`
  mutating func parseEngagement() -> EngagementDecl? {
    let start = advance().range
    var events: [EventPattern] = []
    repeat {
      if current.kind == .comma {
        advance()
        skipNewlines()
      }
      guard let pattern = parseEventPattern() else { return nil }
      events.append(pattern)
    } while current.kind == .comma
    return EngagementDecl(events: events, range: start.to(previousRange))
  }

  /// `event [where EXPR]`
  mutating func parseEventPattern() -> EventPattern? {
    guard let event = expectName("an event name") else { return nil }
    var condition: Expr? = nil
    if at("where") {
      advance()
      condition = parseExpression()
    }
    return EventPattern(event: event, condition: condition, range: event.range.to(previousRange))
  }
}
