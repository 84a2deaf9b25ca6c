import CampaignLang
import Lexer

extension Parser {
  // MARK: - segment, consent

  /// `segment name = EXPR [{ key "value" ... }]`
  mutating func parseSegment() -> SegmentDecl? {
    let start = advance().range
    guard let name = expectName("the segment's name, like `segment high_value = ltv >= 500`") else {
      return nil
    }
    if current.kind == .equalEqual || current.kind == .colon {
      report(
        .unexpectedToken, "a segment is defined with a single `=`", at: current.range,
        help: "write `segment \(name.text) = ...`")
      advance()
    } else if expect(.equal, "`=` and the segment's condition") == nil {
      return nil
    }
    let condition = parseExpression()
    var creatives: [CreativeVariable] = []
    var end = condition.range
    if atBlockOpen {
      let block = parseBlock("segment `\(name.text)`", allowsCommas: true) { parser in parser.parseCreative() }
      creatives = block.items
      end = block.end
    }
    return SegmentDecl(name: name, condition: condition, creatives: creatives, range: start.to(end))
  }

  /// `message "Terima kasih"`: a creative variable.
  mutating func parseCreative() -> CreativeVariable? {
    guard let key = expectName("a creative variable such as `message`, `visual` or `offer`") else {
      return nil
    }
    guard let value = expectString("the value of `\(key.text)` in quotes") else { return nil }
    return CreativeVariable(key: key, value: value, range: key.range.to(value.range))
  }

  /// `consent email when EXPR`
  mutating func parseConsent() -> ConsentDecl? {
    let start = advance().range
    guard let channel = expectName("a channel, like `consent email when ...`") else { return nil }
    guard expect("when", context: "and the condition under which the contact agreed") else { return nil }
    let condition = parseExpression()
    return ConsentDecl(channel: channel, condition: condition, range: start.to(condition.range))
  }

  // MARK: - score

  /// `score name { event +N [where EXPR]  decay ...  cap N }`
  mutating func parseScore() -> ScoreDecl? {
    let start = advance().range
    guard let name = expectName("the score's name, like `score engagement {`") else { return nil }
    let (items, end) = parseBlock("score `\(name.text)`") { parser in parser.parseScoreItem() }
    return ScoreDecl(name: name, items: items, range: start.to(end))
  }

  mutating func parseScoreItem() -> ScoreDecl.Item? {
    let start = current.range
    // `decya 10% every 7d`: points are never a percentage, so this is `decay` misspelled.
    let misspelledDecay =
      current.kind == .identifier && !at("decay") && (peek().kind == .percent || isWord(peek(), "half"))
      && Spelling.closest(to: text(current), among: ["decay"]) != nil
    if misspelledDecay { unknownStatement(in: "a score", choices: ["decay", "cap"]) }
    if at("decay") || misspelledDecay {
      advance()
      if at("half") && peek().kind == .minus && text(peek(2)) == "life" {
        advance()
        advance()
        advance()
        guard let duration = parseDuration("the half-life") else { return .invalid(start) }
        return .halfLife(duration, start.to(duration.range))
      }
      guard let percent = parsePercent("the share lost each period") else { return .invalid(start) }
      guard expect("every", context: "and how often, like `decay 10% every 7d`") else { return .invalid(start) }
      guard let every = parseDuration("how often the score decays") else { return .invalid(start) }
      var idle: DurationLiteral? = nil
      if at("after") {
        advance()
        guard let after = parseDuration("the idle time before decay starts") else { return .invalid(start) }
        idle = after
        guard expect("idle", context: "after the idle time, like `after 14d idle`") else { return .invalid(start) }
      }
      return .stepDecay(percent: percent, every: every, idle: idle, start.to(previousRange))
    }
    if at("cap") {
      advance()
      guard let cap = parseNumber("the highest value of the score, like `cap 100`") else {
        return .invalid(start)
      }
      return .cap(cap, start.to(cap.range))
    }
    guard current.kind == .identifier else {
      expected("an event and its points, like `email_open +5`")
      return .invalid(start)
    }
    let event = Name(text(current), advance().range)
    guard let points = parseNumber("the points for `\(event.text)`, like `+5`", allowSign: true) else {
      return .invalid(start)
    }
    if at("points") || at("point") || at("pts") {
      // `email_open 5 points`: reported once, then read as `email_open +5`.
      let written = file.text(points.range)
      let signed = written.hasPrefix("+") || written.hasPrefix("-") ? written : "+" + written
      report(
        .unexpectedToken, "points are written as a number with its sign, without `\(text(current))`",
        at: current.range, help: "write `\(event.text) \(signed)`")
      advance()
    }
    var condition: Expr? = nil
    if at("where") {
      advance()
      condition = parseExpression()
    } else if current.kind == .identifier && !atStatementEnd {
      report(
        .unexpectedToken, "expected `where` before the condition on `\(event.text)`", at: current.range,
        help: "write `\(event.text) \(file.text(points.range)) where ...`")
      return .invalid(start)
    }
    let pattern = EventPattern(event: event, condition: condition, range: event.range.to(previousRange))
    return .points(pattern, points: points, start.to(previousRange))
  }

  // MARK: - states

  /// `states { initial A  state B, C  final D  A -> B trigger }`
  mutating func parseStates() -> StatesDecl? {
    let start = advance().range
    let (items, end) = parseBlock("the states block") { parser in parser.parseStateItem() }
    return StatesDecl(items: items, range: start.to(end))
  }

  static let stateItemWords = ["initial", "state", "final"]

  mutating func parseStateItem() -> StatesDecl.Item? {
    let start = current.range
    // `intial Active`: a misspelled keyword (a transition's state name is followed by
    // `->`, not by a name), reported once and read as the keyword meant.
    var misspelled: String? = nil
    if current.kind == .identifier, peek().kind == .identifier, !Parser.stateItemWords.contains(text(current)),
      let meant = Spelling.closest(to: text(current), among: Parser.stateItemWords)
    {
      unknownStatement(in: "the states block", choices: Parser.stateItemWords)
      misspelled = meant
    }
    if (at("initial") || misspelled == "initial") && peek().kind == .identifier {
      advance()
      guard let name = expectName("the initial state's name") else { return .invalid(start) }
      return .initial(name, start.to(name.range))
    }
    for word in ["state", "final"] where (at(text: word) || misspelled == word) && peek().kind == .identifier {
      advance()
      var names: [Name] = []
      repeat {
        if current.kind == .comma { advance() }
        guard let name = expectName("a state name") else { return .invalid(start) }
        names.append(name)
      } while current.kind == .comma
      return word == "state" ? .state(names, start.to(previousRange)) : .final(names, start.to(previousRange))
    }
    guard let from = expectName("a transition such as `Active -> Engaged when engagement >= 20`") else {
      return .invalid(start)
    }
    if current.kind == .minus && peek().kind == .identifier && !peek().startsLine {
      // `New - Churned` (or `New — Churned`, a dash from a document): a transition with
      // the `>` left out. One message, and it is read as the transition meant.
      let to = text(peek())
      let help = "a transition is written with `->`: `\(from.text) -> \(to)`"
      if let dash = dashName(at: current.range) {
        diagnostics.amend(.dash, at: current.range, message: "\(dash) between two states", help: help)
      } else {
        report(.unexpectedToken, "`-` between two states", at: current.range, help: help)
        panicking = false
      }
      advance()
    } else if current.kind != .arrow {
      if current.kind == .minus && peek().kind == .greater {
        report(.unexpectedToken, "write the arrow without a space: `->`", at: current.range.to(peek().range))
      } else if current.kind == .equal || current.kind == .greater {
        report(
          .unexpectedToken, "transitions are written with `->`", at: current.range, help: "write `\(from.text) -> ...`")
      } else {
        unknownStatement(in: "the states block", choices: Parser.stateItemWords)
      }
      return .invalid(start)
    } else {
      advance()
    }
    guard let to = expectName("the state to move to") else { return .invalid(start) }
    let trigger = atStatementEnd || at("if") ? nil : parseTrigger()
    if !atStatementEnd && !at("if") && trigger == nil { return .invalid(start) }
    var condition: Expr?
    if at("if") {
      advance()
      condition = parseExpression()
    }
    return .transition(
      Transition(from: from, to: to, trigger: trigger, condition: condition, range: start.to(previousRange)))
  }

  /// `when EXPR` | `on EVENT [where EXPR]` | `after N sends without engagement`
  /// | `after DURATION idle` | `after DURATION`
  mutating func parseTrigger() -> Trigger? {
    let start = current.range
    if at("when") {
      advance()
      return .when(parseExpression())
    }
    if at("on") {
      advance()
      return parseEventPattern().map(Trigger.on)
    }
    if at("after") {
      advance()
      guard let first = parseTimer(start: start) else { return nil }
      var parts = [first]
      while at("and") && [.integer, .duration].contains(peek().kind) {
        advance()
        guard let part = parseTimer(start: current.range) else { return nil }
        parts.append(part)
      }
      return parts.count == 1 ? first : .allOf(parts, start.to(previousRange))
    }
    if at("where") {
      // `Active -> Engaged where engagement >= 20`: reported once, then read as `when`.
      // (`if` there is a guard, see `parseStateItem`.)
      report(
        .unexpectedToken, "a transition's condition starts with `when`, not `\(text(current))`", at: current.range,
        help: "write `when \(file.text(peek().range)) ...`")
      panicking = false
      advance()
      return .when(parseExpression())
    }
    expected("`when`, `on` or `after` to say when the transition happens")
    return nil
  }

  /// What follows `after` (or `and` in `after 30d and 90d idle`): `3 sends without
  /// engagement`, `90d idle` or `7d`.
  mutating func parseTimer(start: SourceRange) -> Trigger? {
    if current.kind == .integer && text(peek()) == "sends" {
      guard let count = parseNumber("a number of sends") else { return nil }
      advance()
      guard expect("without", context: "as in `after 3 sends without engagement`"),
        expect("engagement", context: "as in `after 3 sends without engagement`")
      else { return nil }
      return .sendsWithoutEngagement(count, start.to(previousRange))
    }
    guard let duration = parseDuration("the waiting time") else { return nil }
    if at("idle") {
      advance()
      return .idle(duration, start.to(previousRange))
    }
    if ["of", "without", "with", "no", "inactive", "inactivity"].contains(where: { at(text: $0) }) {
      // `after 60d of inactivity`: reported once, then read as `after 60d idle`.
      let phrase = current.range
      while !atStatementEnd { advance() }
      report(
        .unexpectedToken, "write `after \(file.text(duration.range)) idle`", at: phrase.to(previousRange),
        help:
          "`idle` means no engagement for that long; `after \(file.text(duration.range))` alone is time in the state")
      return .idle(duration, start.to(previousRange))
    }
    return .timeInState(duration, start.to(previousRange))
  }

  // MARK: - counter, cooldown, hold, limit, quiet hours, guardrail

  mutating func parseCounter() -> CounterDecl? {
    let start = advance().range
    guard let name = expectName("the counter's name, like `counter reactivation_cycle`") else { return nil }
    return CounterDecl(name: name, range: start.to(name.range))
  }

  /// `cooldown Inactive 30d`
  mutating func parseCooldown() -> CooldownDecl? {
    let start = advance().range
    guard let state = expectName("a state, like `cooldown Inactive 30d`") else { return nil }
    guard let duration = parseDuration("the cooldown") else { return nil }
    return CooldownDecl(state: state, duration: duration, range: start.to(duration.range))
  }

  /// `hold in_app 24h after in_app_dismiss`
  mutating func parseHold() -> HoldDecl? {
    let start = advance().range
    guard let channel = expectName("a channel, like `hold in_app 24h after in_app_dismiss`") else { return nil }
    guard let duration = parseDuration("how long to hold") else { return nil }
    guard expect("after", context: "and the event that starts the hold") else { return nil }
    guard let event = expectName("the event that starts the hold") else { return nil }
    return HoldDecl(channel: channel, duration: duration, event: event, range: start.to(event.range))
  }

  /// `limit email 2 per 7d`, or with `keyword` "budget" `budget email 3 per 7d`.
  mutating func parseLimit(keyword: String = "limit") -> LimitDecl? {
    let start = advance().range
    let example = "like `\(keyword) email 2 per 7d`"
    guard let channel = expectName("a channel, \(example)") else { return nil }
    guard let count = parseNumber("how many messages, \(example)") else { return nil }
    guard expect("per", context: "and the period, like `2 per 7d`") else { return nil }
    guard let window = parseDuration("the period") else { return nil }
    monthAsMinutes(window)
    return LimitDecl(channel: channel, count: count, window: window, range: start.to(window.range))
  }

  /// `budget email 3 per 1m`: `m` is minutes, and no one limits messages per minute; the
  /// writer meant months. A period of 1 to 12 minutes written `Nm` is reported (E0205,
  /// like `3 months`) with the days to write. A longer one in minutes (`per 90m`) stands.
  mutating func monthAsMinutes(_ window: DurationLiteral) {
    let duration = window.value
    guard duration.unit == .minutes, (1...12).contains(duration.amount), file.text(window.range) == "\(duration)"
    else { return }
    let amount = duration.amount
    report(
      .durationInWords,
      amount == 1 ? "`1m` is one minute, not a month" : "`\(duration)` is \(amount) minutes, not \(amount) months",
      at: window.range,
      help: amount == 1
        ? "for a month write `30d` (months have no fixed length: write the days)"
        : "for \(amount) months write `\(amount * 30)d` (months have no fixed length: write the days)")
  }

  /// `quiet hours 21:00 to 08:00 [for push, sms]`
  mutating func parseQuietHours() -> QuietHoursDecl? {
    let start = advance().range
    guard expect("hours", context: "as in `quiet hours 21:00 to 08:00`") else { return nil }
    guard let (from, fromRange) = parseTimeOfDay("the start of the quiet hours") else { return nil }
    if current.kind == .minus && peek().kind == .timeOfDay {
      // `21:00 - 08:00`: reported once, then read as meant.
      report(
        .unexpectedToken, "write `to` between the two times, not `-`", at: current.range,
        help: "write `quiet hours \(file.text(fromRange)) to \(file.text(peek().range))`")
      panicking = false
      advance()
    } else if !expect("to", context: "between the two times") {
      return nil
    }
    guard let (to, toRange) = parseTimeOfDay("the end of the quiet hours") else { return nil }
    var channels: [Name] = []
    if at("for") {
      advance()
      repeat {
        if current.kind == .comma { advance() }
        guard let channel = expectName("a channel") else { return nil }
        channels.append(channel)
      } while current.kind == .comma
    }
    return QuietHoursDecl(
      from: from, to: to, fromRange: fromRange, toRange: toRange, channels: channels,
      range: start.to(previousRange))
  }

  mutating func parseTimeOfDay(_ what: @autoclosure () -> String) -> (Int, SourceRange)? {
    let token = current
    guard token.kind == .timeOfDay else {
      if let minutes = timeWrittenAnotherWay() { return (minutes, token.range) }
      expected("\(what()), like `21:00`")
      return nil
    }
    advance()
    guard case .timeOfDay(let minutes) = value(of: token) else {
      panicking = true
      return nil
    }
    return (minutes, token.range)
  }

  /// `guardrail unsubscribe below 0.5% of sends [on email]`
  mutating func parseGuardrail() -> GuardrailDecl? {
    let start = advance().range
    guard let event = expectName("the event to watch, like `guardrail unsubscribe below 0.5% of sends`") else {
      return nil
    }
    guard expect("below", context: "and the highest acceptable rate") else { return nil }
    guard let limit = parsePercent("the highest acceptable rate") else { return nil }
    guard expect("of", context: "as in `below 0.5% of sends`"), expect("sends", context: "as in `below 0.5% of sends`")
    else { return nil }
    var channel: Name? = nil
    if at("on") {
      advance()
      guard let name = expectName("a channel") else { return nil }
      channel = name
    }
    return GuardrailDecl(event: event, limit: limit, channel: channel, range: start.to(previousRange))
  }
}
