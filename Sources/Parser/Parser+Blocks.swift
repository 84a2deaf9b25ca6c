import CampaignLang
import Lexer

extension Parser {
  /// The words that start a top-level declaration.
  static let declarationKeywords: [String] = [
    "import", "campaign", "contact", "event", "channel", "engagement", "segment", "consent",
    "score", "states", "counter", "cooldown", "hold", "limit", "quiet", "flow", "variant",
    "guardrail", "test",
  ]
  static let declarationKeywordSet = Set(declarationKeywords)

  func isDeclarationKeyword(_ token: Token) -> Bool {
    token.kind == .identifier && Parser.declarationKeywordSet.contains(text(token))
  }

  /// Parses `{ item ... }`. Items are separated by line breaks (and, where
  /// `allowsCommas`, by commas). `words` are the words an item may start with that are
  /// also declaration keywords (such as `contact` in a test).
  ///
  /// A declaration keyword at column 1 inside the block, or the end of the file, means
  /// the closing `}` is missing: that is reported at the end of the block's last line.
  mutating func parseBlock<Item>(
    _ owner: @autoclosure () -> String, allowsCommas: Bool = false, words: Set<String> = [],
    item: (inout Parser) -> Item?
  ) -> (items: [Item], end: SourceRange) {
    guard current.kind == .leftBrace else {
      let wasPanicking = panicking
      expected("`{` to open \(owner())", help: current.kind == .newline ? "put `{` at the end of this line" : nil)
      if !wasPanicking && current.kind == .newline { skipForgottenBlock() }
      return ([], previousRange)
    }
    let open = advance()
    depth += 1
    defer { depth -= 1 }
    if depth > Parser.maxDepth {
      report(
        .nestingTooDeep, "blocks are nested too deeply", at: open.range, help: "nest at most \(Parser.maxDepth) levels")
      skipBalanced(from: open)
      return ([], previousRange)
    }
    var items: [Item] = []
    var body: ArraySlice<UInt8>? = nil
    while true {
      skipNewlines()
      if current.startsLine && depth > 1 {
        if leavesNestedBlock(open, body: body) {
          missingBrace(owner: owner(), open: open)
          return (items, previousRange)
        }
        if body == nil && current.kind != .rightBrace { body = indentation(ofLineAt: current.range.start) }
      }
      if current.kind == .rightBrace {
        return (items, advance().range)
      }
      if atEnd || (startsTopLevelAtColumnOne && !words.contains(text(current))) {
        missingBrace(owner: owner(), open: open)
        return (items, previousRange)
      }
      let before = position
      if let parsed = item(&self) { items.append(parsed) }
      if allowsCommas && current.kind == .comma {
        advance()
        panicking = false
        continue
      }
      endStatement()
      // INVARIANT: every turn of the loop consumes at least one token.
      if position == before && current.kind != .rightBrace { advance() }
    }
  }

  mutating func missingBrace(owner: @autoclosure () -> String, open: Token) {
    let end = previousRange.end
    // Nested blocks all missing their `}` at the same place: report the innermost only.
    guard lastMissingBrace != end else { return }
    lastMissingBrace = end
    panicking = false
    report(
      .missingBrace, "missing `}` to close \(owner())", at: .point(file.id, end),
      label: "expected `}` here", notes: [Note("\(owner()) opens here", at: open.range)],
      help: "add `}` at the end of \(owner())")
  }

  /// After a `{` forgotten at the end of a line: when the lines below are indented (the
  /// block's body), skips them and their `}`, so they are not each reported as a
  /// declaration. Stops at a declaration keyword at column 1.
  mutating func skipForgottenBlock() {
    var ahead = position
    while tokens[ahead].kind == .newline { ahead += 1 }
    let next = tokens[ahead]
    guard next.kind != .endOfFile, !isDeclarationKeyword(next), next.kind != .rightBrace,
      !indentation(ofLineAt: next.range.start).isEmpty
    else { return }
    position = ahead
    var braces = 0
    while !atEnd && !startsTopLevelAtColumnOne {
      if current.kind == .leftBrace { braces += 1 }
      if current.kind == .rightBrace {
        if braces == 0 {
          advance()
          return
        }
        braces -= 1
      }
      advance()
    }
  }

  /// Skips from an opening brace to its match (or the end), without recursion.
  mutating func skipBalanced(from open: Token) {
    var braces = 1
    while !atEnd && braces > 0 {
      switch current.kind {
      case .leftBrace: braces += 1
      case .rightBrace: braces -= 1
      default: break
      }
      advance()
    }
  }

  // MARK: - File

  mutating func parseFile() -> [Declaration] {
    var declarations: [Declaration] = []
    skipNewlines()
    if atEnd && !diagnostics.hasErrors {
      diagnostics.error(
        .emptyFile, "this file has no declarations", at: current.range,
        help: "a campaign starts with a header such as `campaign \"Winback\" { ... }`")
    }
    while !atEnd {
      let before = position
      let start = current.range
      let declaration = parseDeclaration()
      if case .invalid(let range) = declaration {
        synchronizeTopLevel()
        // A declaration given up at its first token covers what was skipped with it.
        declarations.append(range == start ? .invalid(start.to(previousRange)) : declaration)
      } else {
        endStatement()
        // Moved, not copied: copying a declaration retains everything it holds.
        declarations.append(declaration)
      }
      skipNewlines()
      if position == before { advance() }
    }
    return declarations
  }

  mutating func parseDeclaration() -> Declaration {
    let start = current.range
    guard current.kind == .identifier else {
      if current.kind == .rightBrace {
        report(
          .unexpectedToken, "this `}` closes nothing", at: current.range, help: "remove it, or check the `{` above it")
      } else {
        expected("a declaration such as `segment`, `score` or `flow`")
      }
      return .invalid(start)
    }
    let word = text(current)
    let declaration: Declaration?
    switch word {
    case "import": declaration = parseImport().map(Declaration.importFile)
    case "campaign": declaration = parseCampaign().map(Declaration.campaign)
    case "contact": declaration = parseContact().map(Declaration.contact)
    case "event": declaration = parseEvent().map(Declaration.event)
    case "channel": declaration = parseChannel().map(Declaration.channel)
    case "engagement": declaration = parseEngagement().map(Declaration.engagement)
    case "segment": declaration = parseSegment().map(Declaration.segment)
    case "consent": declaration = parseConsent().map(Declaration.consent)
    case "score": declaration = parseScore().map(Declaration.score)
    case "states": declaration = parseStates().map(Declaration.states)
    case "counter": declaration = parseCounter().map(Declaration.counter)
    case "cooldown": declaration = parseCooldown().map(Declaration.cooldown)
    case "hold": declaration = parseHold().map(Declaration.hold)
    case "limit": declaration = parseLimit().map(Declaration.limit)
    case "quiet": declaration = parseQuietHours().map(Declaration.quietHours)
    case "flow": declaration = parseFlow().map(Declaration.flow)
    case "variant": declaration = parseVariant().map(Declaration.variant)
    case "guardrail": declaration = parseGuardrail().map(Declaration.guardrail)
    case "test": declaration = parseTest().map(Declaration.test)
    default:
      let suggestion = Spelling.closest(to: word, among: Parser.declarationKeywords)
      report(
        .unknownDeclaration, "`\(word)` does not start a declaration", at: current.range,
        help: suggestion.map { "did you mean `\($0)`?" }
          ?? "declarations start with a keyword such as `segment`, `score`, `states` or `flow`")
      declaration = nil
    }
    return declaration ?? .invalid(start)
  }
}
