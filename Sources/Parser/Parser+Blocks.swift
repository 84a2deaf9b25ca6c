import CampaignLang
import Lexer

extension Parser {
  /// The words that start a top-level declaration.
  static let declarationKeywords: [String] = [
    "import", "campaign", "contact", "event", "channel", "engagement", "segment", "consent",
    "score", "states", "counter", "cooldown", "hold", "limit", "quiet", "flow", "variant",
    "guardrail", "test", "budget",
  ]
  static let declarationKeywordSet = Set(declarationKeywords)

  /// Whether a block's `{` comes next: here, or alone at the start of the next line.
  var atBlockOpen: Bool {
    var ahead = position
    while tokens[ahead].kind == .newline { ahead += 1 }
    return tokens[ahead].kind == .leftBrace && (ahead == position || tokens[ahead].startsLine)
  }

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
    // `{` alone on the next line (Allman style) opens the block as well.
    if !panicking && atBlockOpen { skipNewlines() }
    guard current.kind == .leftBrace else {
      let wasPanicking = panicking
      expected("`{` to open \(owner())", help: current.kind == .newline ? "put `{` at the end of this line" : nil)
      guard !wasPanicking, current.kind == .newline, let opener = forgottenBrace() else { return ([], previousRange) }
      // Read the indented lines below as the block's body, as if the `{` were there.
      panicking = false
      return parseBlockBody(
        owner(), open: opener, forgotten: true, allowsCommas: allowsCommas, words: words, item: item)
    }
    return parseBlockBody(owner(), open: advance(), allowsCommas: allowsCommas, words: words, item: item)
  }

  /// The items of a block opened by `open` (the `{`, or for a `forgotten` one the last
  /// token of the line that should have ended with `{`), up to its `}`.
  ///
  /// A forgotten block ends at a `}` (taken as its own unless left of the opening line),
  /// or silently at a line no deeper than the opening line: its `{` is already reported.
  mutating func parseBlockBody<Item>(
    _ owner: String, open: Token, forgotten: Bool = false, allowsCommas: Bool, words: Set<String>,
    item: (inout Parser) -> Item?
  ) -> (items: [Item], end: SourceRange) {
    depth += 1
    defer { depth -= 1 }
    if depth > Parser.maxDepth {
      report(
        .nestingTooDeep, "blocks are nested too deeply", at: open.range, help: "nest at most \(Parser.maxDepth) levels")
      // One message for the whole construct: what is left of it (the rest of its top-level
      // declaration) is skipped, not read with the brace checks of the blocks around it.
      skipEnclosingBlocks(open: depth - (forgotten ? 1 : 0))
      abandoned = true
      return ([], previousRange)
    }
    var items: [Item] = []
    var body: ArraySlice<UInt8>? = nil
    let opener = indentation(ofLineAt: open.range.start)
    // The line the statement holding this block starts on (the `if`, not the `and`
    // line its `{` may end), restored for what follows the block in that statement.
    let holder = itemStart
    defer { itemStart = holder }
    let statementLine = forgotten ? opener : indentation(ofLineAt: tokens[holder ?? position - 1].range.start)
    while true {
      if abandoned { return (items, previousRange) }
      skipNewlines()
      if forgotten && current.startsLine {
        let here = indentation(ofLineAt: current.range.start)
        if current.kind == .rightBrace && !isShallower(here, than: opener) { return (items, advance().range) }
        if atEnd || !isShallower(opener, than: here) {
          // The line break is left in place: it ends the statement that held the block.
          if tokens[position - 1].kind == .newline { position -= 1 }
          return (items, previousRange)
        }
      }
      if current.startsLine && depth > 1 && !forgotten {
        if leavesNestedBlock(statementLine, body: body) {
          missingBrace(owner: owner, open: open)
          return (items, previousRange)
        }
        if body == nil && current.kind != .rightBrace { body = indentation(ofLineAt: current.range.start) }
      }
      if current.kind == .rightBrace {
        return (items, advance().range)
      }
      if atEnd || (startsTopLevelAtColumnOne && !words.contains(text(current))) {
        if !forgotten { missingBrace(owner: owner, open: open) }
        return (items, previousRange)
      }
      let before = position
      itemStart = position
      if let parsed = item(&self) { items.append(parsed) }
      if abandoned { return (items, previousRange) }
      if allowsCommas && current.kind == .comma {
        advance()
        panicking = false
        continue
      }
      if allowsCommas && !panicking && current.kind == .identifier && !current.startsLine && position > before {
        // `a 50% b 50%`: the rest of the line is skipped by `endStatement`, as for any
        // statement with an error.
        report(
          .unexpectedToken, "missing comma before `\(text(current))`", at: current.range,
          help:
            "separate items on one line with commas, like `\(file.text(tokens[before].range.to(previousRange))), \(text(current)) ...`"
        )
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

  /// After a `{` forgotten at the end of a line: the last token of that line when the
  /// next line is indented deeper (the block's body follows), else nil.
  func forgottenBrace() -> Token? {
    var ahead = position
    while tokens[ahead].kind == .newline { ahead += 1 }
    let next = tokens[ahead]
    guard next.kind != .endOfFile, next.kind != .rightBrace, position > 0 else { return nil }
    let opener = tokens[position - 1]
    let body = indentation(ofLineAt: next.range.start)
    return isShallower(indentation(ofLineAt: opener.range.start), than: body) ? opener : nil
  }

  /// Skips past the `}` that closes the outermost of `open` blocks (those enclosing the
  /// current token), or to a declaration keyword at column 1 (a `}` is missing), or to
  /// the end. Without recursion.
  mutating func skipEnclosingBlocks(open: Int) {
    var braces = open
    while !atEnd && braces > 0 {
      if startsTopLevelAtColumnOne { return }
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
      abandoned = false
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
    return parseDeclaration(keyword: text(current)) ?? .invalid(start)
  }

  /// The declaration that `keyword` starts; the current token is the keyword (or a
  /// misspelling of it, already reported).
  mutating func parseDeclaration(keyword word: String) -> Declaration? {
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
    case "budget": declaration = parseLimit(keyword: "budget").map(Declaration.budget)
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
      // `varient v { ... }`: read as the declaration meant, so what it declares exists
      // and its uses are not reported too.
      declaration = suggestion.flatMap { parseDeclaration(keyword: $0) }
    }
    return declaration
  }
}
