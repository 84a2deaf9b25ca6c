import CampaignLang
import Lexer

extension Parser {
  static let stepWords = ["wait", "send", "if", "exit", "suppress", "move", "set", "increment"]
  static let sendOptionWords = ["variant", "offer", "subject", "text", "on"]

  /// `flow name for State [when EXPR] { steps }`
  mutating func parseFlow() -> FlowDecl? {
    let start = advance().range
    guard let name = expectName("the flow's name, like `flow reactivation for Inactive {`") else { return nil }
    guard expect("for", context: "and the state the flow runs in, like `flow \(name.text) for Inactive`") else {
      return nil
    }
    guard let state = expectName("the state the flow runs in") else { return nil }
    var condition: Expr? = nil
    if at("when") {
      advance()
      condition = parseExpression()
    }
    let (steps, end) = parseSteps("flow `\(name.text)`")
    return FlowDecl(name: name, state: state, condition: condition, steps: steps, range: start.to(end))
  }

  mutating func parseSteps(_ owner: @autoclosure () -> String) -> ([Step], SourceRange) {
    parseBlock(owner()) { parser in parser.parseStep() }
  }

  mutating func parseStep() -> Step? {
    let start = current.range
    switch current.kind == .identifier ? text(current) : "" {
    case "wait":
      advance()
      if at("cooldown") {
        let step = Step.wait(WaitStep(duration: nil, range: start.to(advance().range)))
        waitTakesNoCondition("wait cooldown")
        return step
      }
      if at("for") && peek().kind == .duration {
        // `wait for 7d`: reported once, then read as meant.
        report(
          .unexpectedToken, "`wait` takes the duration without `for`", at: current.range,
          help: "write `wait \(text(peek()))`")
        advance()
      }
      guard let duration = parseDuration("how long to wait") else { return .invalid(start) }
      waitTakesNoCondition("wait \(file.text(duration.range))")
      return .wait(WaitStep(duration: duration, range: start.to(duration.range)))
    case "send":
      return parseSend()
    case "if":
      return parseBranch()
    case "exit":
      advance()
      let unless = parseUnless()
      return .exit(unless: unless, start.to(previousRange))
    case "suppress":
      advance()
      var channel: Name? = nil
      if current.kind == .identifier && !at("unless") { channel = Name(text(current), advance().range) }
      let unless = parseUnless()
      return .suppress(channel: channel, unless: unless, start.to(previousRange))
    case "move":
      advance()
      guard expect("to", context: "as in `move to ads`"),
        let audience = expectName("the audience to move the contact to, like `ads`")
      else { return .invalid(start) }
      let unless = parseUnless()
      return .moveTo(audience: audience, unless: unless, start.to(previousRange))
    case "set":
      advance()
      guard expect("state", context: "as in `set state Active`"),
        let state = expectName("the state to set")
      else { return .invalid(start) }
      let unless = parseUnless()
      return .setState(state, unless: unless, start.to(previousRange))
    case "increment":
      advance()
      guard let counter = expectName("the counter to increment") else { return .invalid(start) }
      return .increment(counter, start.to(counter.range))
    default:
      unknownStatement(in: "a flow", choices: Parser.stepWords)
      return .invalid(start)
    }
  }

  /// `wait 7d unless engaged`: a wait is never skipped, so it takes no condition. The
  /// condition belongs on the step after the wait (grammar.md, Flows). Reported once;
  /// the rest of the line is skipped and the wait is kept.
  mutating func waitTakesNoCondition(_ wait: String) {
    guard at("unless") else { return }
    // One bare name (`unless engaged`) is shown in the example; a longer condition is
    // not copied into it.
    let next = peek(2).kind
    let single = peek().kind == .identifier && (next == .newline || next == .rightBrace || next == .endOfFile)
    let condition = single ? text(peek()) : "engaged"
    report(
      .unexpectedToken, "a `wait` cannot have an `unless` condition", at: current.range,
      help:
        "write `\(wait)` on its own line, then put the condition on the step it should skip, like `send email \"reminder\" unless \(condition)`"
    )
  }

  /// `unless EXPR` after a step, if present.
  mutating func parseUnless() -> Expr? {
    guard at("unless") else { return nil }
    advance()
    return parseExpression()
  }

  /// `send CHANNEL "template" [variant V] [offer "X"] [subject "S"] [text "T"] [on EVENT] [unless EXPR]`
  mutating func parseSend() -> Step? {
    let start = advance().range
    guard let channel = expectName("a channel, like `send email \"welcome-1\"`") else { return .invalid(start) }
    guard let template = expectString("the template's name in quotes, like `send \(channel.text) \"welcome-1\"`")
    else { return .invalid(start) }
    var options: [SendOption] = []
    while current.kind == .identifier && !at("unless") {
      let optionStart = current.range
      switch text(current) {
      case "variant":
        advance()
        guard let name = expectName("the variant's name") else { return .invalid(start) }
        options.append(.variant(name, optionStart.to(name.range)))
      case "on":
        advance()
        guard let name = expectName("the event that shows the message, like `on app_open`") else {
          return .invalid(start)
        }
        options.append(.trigger(name, optionStart.to(name.range)))
      case "offer", "subject", "text":
        let word = text(advance())
        guard let value = expectString("the \(word) in quotes") else { return .invalid(start) }
        let range = optionStart.to(value.range)
        options.append(
          word == "offer" ? .offer(value, range) : word == "subject" ? .subject(value, range) : .text(value, range))
      default:
        unknownStatement(in: "a send step", choices: Parser.sendOptionWords + ["unless"])
        return .invalid(start)
      }
    }
    let unless = parseUnless()
    return .send(
      SendStep(channel: channel, template: template, options: options, unless: unless, range: start.to(previousRange)))
  }

  /// `if EXPR { steps } [else { steps }]`
  mutating func parseBranch() -> Step? {
    let start = advance().range
    let condition = parseExpression()
    let (then, thenEnd) = parseSteps("the `if` branch")
    var otherwise: [Step]? = nil
    var end = thenEnd
    let save = position
    skipNewlines()
    if at("else") {
      advance()
      if at("if") {
        let nested = parseBranch()
        otherwise = nested.map { [$0] } ?? []
        end = previousRange
      } else {
        let (steps, elseEnd) = parseSteps("the `else` branch")
        otherwise = steps
        end = elseEnd
      }
    } else if at("elif") || at("elsif") || at("elseif") {
      // Other languages' `elif`: reported once, then read as `else if`.
      report(
        .unexpectedToken, "write `else if` instead of `\(text(current))`", at: current.range,
        help: "an `if` goes on with `} else if CONDITION {` or `} else {`")
      panicking = false
      let nested = parseBranch()
      otherwise = nested.map { [$0] } ?? []
      end = previousRange
    } else {
      position = save
    }
    return .branch(BranchStep(condition: condition, then: then, otherwise: otherwise, range: start.to(end)))
  }

  // MARK: - variant

  /// `variant name { arm 50% [{ key "value" }] ... }`
  mutating func parseVariant() -> VariantDecl? {
    let start = advance().range
    guard let name = expectName("the variant's name, like `variant subject_test {`") else { return nil }
    // An arm that could not be read (a malformed share the lexer reported included), or
    // a syntax error in the block, means the shares cannot be added up.
    let errorsBefore = diagnostics.errorCount
    var lostArm = false
    let (arms, end) = parseBlock("variant `\(name.text)`", allowsCommas: true) { parser in
      let arm = parser.parseArm()
      if arm == nil { lostArm = true }
      return arm
    }
    return VariantDecl(
      name: name, arms: arms, range: start.to(end), lostArms: lostArm || diagnostics.errorCount > errorsBefore)
  }

  mutating func parseArm() -> VariantArm? {
    guard let name = expectName("an arm such as `curiosity 50%`") else { return nil }
    if current.kind == .colon || current.kind == .equal {
      // `ten: 50%`: reported once, then read as meant.
      report(
        .unexpectedToken, "an arm's share follows its name without `\(text(current))`", at: current.range,
        help: "write `\(name.text) \(file.text(peek().range))`")
      panicking = false
      advance()
    }
    var weight: NumberLiteral? = nil
    if current.kind == .percent || current.kind == .integer || current.kind == .decimal {
      guard let percent = parsePercent("the share of contacts in `\(name.text)`") else { return nil }
      weight = percent
    } else if name.text != "holdout" {
      expected("the share of contacts in `\(name.text)`, like `\(name.text) 50%`")
      return nil
    }
    var overrides: [CreativeVariable] = []
    if atBlockOpen {
      overrides = parseBlock("arm `\(name.text)`", allowsCommas: true) { parser in parser.parseCreative() }.items
    }
    return VariantArm(name: name, weight: weight, overrides: overrides, range: name.range.to(previousRange))
  }

  // MARK: - test

  /// `test "name" { contact {...}  at TIMESTAMP event [{...}]  expect ... }`
  mutating func parseTest() -> TestDecl? {
    let start = advance().range
    guard let name = expectString("the test's name in quotes, like `test \"a visitor becomes engaged\" {`") else {
      return nil
    }
    // A broken header (`test "a "quiet" one" {`: a stray quote) is its one message: an
    // invalid item tells the checker the test's body may be lost, so it does not also
    // report a missing contact or event.
    let opens = current.kind == .leftBrace || (!panicking && atBlockOpen)
    if !opens && current.kind != .newline && !panicking && lineHasQuote(after: name.range.end) {
      // `test "a "quiet" one" {`: the name ended at the quote meant to be inside it.
      report(
        .unexpectedToken, "the test's name ends at the second `\"`, before `\(text(current))`", at: current.range,
        help: "to put quotes inside a name, write them as `\\\"`, like `test \"a \\\"quiet\\\" one\" {`")
    }
    var (items, end) = parseBlock("test \"\(name.value)\"", words: ["contact"]) { parser in
      parser.parseTestItem()
    }
    if !opens { items.insert(.invalid(name.range), at: 0) }
    return TestDecl(name: name, items: items, range: start.to(end))
  }

  /// Whether a `"` follows `offset` on its line.
  func lineHasQuote(after offset: Int) -> Bool {
    var at = offset
    while at < file.bytes.count && file.bytes[at] != UInt8(ascii: "\n") {
      if file.bytes[at] == UInt8(ascii: "\"") { return true }
      at += 1
    }
    return false
  }

  mutating func parseTestItem() -> TestDecl.Item? {
    let start = current.range
    if at("contact") {
      advance()
      let (fields, end) = parseBlock("the test contact", allowsCommas: true) { parser in parser.parseTestField() }
      return .contact(fields, start.to(end))
    }
    if at("at") {
      advance()
      let token = current
      guard let timestamp = parseInstant("a timestamp, like `at 2025-01-01T10:00`") else { return .invalid(start) }
      guard let event = expectName("the event that happens then") else { return .invalid(start) }
      var fields: [TestField] = []
      if atBlockOpen {
        fields = parseBlock("event `\(event.text)`", allowsCommas: true) { parser in parser.parseTestField() }.items
      }
      return .event(at: timestamp, atRange: token.range, event: event, fields: fields, start.to(previousRange))
    }
    if at("expect") {
      advance()
      guard let expectation = parseExpectation() else { return .invalid(start) }
      return .expect(expectation, start.to(previousRange))
    }
    if at("run") {
      advance()
      guard at("until") else {
        expected("`until` and the end of the run, like `run until 2025-03-01`")
        return .invalid(start)
      }
      advance()
      let token = current
      guard let until = parseInstant("a date or timestamp, like `run until 2025-03-01`") else { return .invalid(start) }
      return .run(until: until, untilRange: token.range, start.to(previousRange))
    }
    unknownStatement(in: "a test", choices: ["contact", "at", "expect", "run"])
    return .invalid(start)
  }

  /// A timestamp or a date (midnight) token; nil after reporting `what` was expected.
  mutating func parseInstant(_ what: String) -> Timestamp? {
    let token = current
    guard token.kind == .timestamp || token.kind == .date else {
      expected(what)
      return nil
    }
    advance()
    switch value(of: token) {
    case .timestamp(let value): return value
    case .date(let date): return Timestamp(date: date, secondOfDay: 0, utcOffset: nil, hasSeconds: false)
    default:
      panicking = true
      return nil
    }
  }

  /// `name value`
  mutating func parseTestField() -> TestField? {
    guard let name = expectName("a field name") else { return nil }
    let value = parseUnary()
    return TestField(name: name, value: value, range: name.range.to(value.range))
  }

  mutating func parseExpectation() -> Expectation? {
    if at("state") && peek().kind == .identifier {
      advance()
      return expectName("a state").map(Expectation.state)
    }
    if at("sends") {
      advance()
      var channel: Name? = nil
      if current.kind == .identifier { channel = Name(text(current), advance().range) }
      return parseNumber("the number of sends").map { Expectation.sends(channel: channel, count: $0) }
    }
    if at("not") && text(peek()) == "segment" {
      advance()
      advance()
      return expectName("a segment").map { Expectation.segment($0, negated: true) }
    }
    if at("segment") && peek().kind == .identifier {
      advance()
      return expectName("a segment").map { Expectation.segment($0, negated: false) }
    }
    guard let name = expectName("what to expect: `state`, `sends`, `segment` or a score or counter") else {
      return nil
    }
    let value = parseUnary()
    return .value(name, value)
  }
}
