import CampaignLang

/// Names that expressions reserve for built-ins.
let builtInNames = ["today", "now", "state", "engaged", "true", "false", "and", "or", "not", "in", "any"]

extension Checker {
  mutating func duplicate(_ kind: String, _ name: Name, first: SourceRange?) {
    error(
      .duplicate, "\(kind) `\(name.text)` is declared twice", at: name.range,
      notes: first.map { [Note("first declared here", at: $0)] } ?? [Note("`\(name.text)` is built in")],
      help: "give it another name, or remove one of the two")
  }

  /// Something given twice that is not a name (an option, a rule, a setting), so
  /// "give it another name" would not help: `message` and `help` say what to do.
  mutating func repeated(_ message: String, at range: SourceRange, first: SourceRange, help: String) {
    error(.duplicate, message, at: range, notes: [Note("first given here", at: first)], help: help)
  }

  /// Adds a name to the shared expression namespace, reporting clashes across kinds.
  mutating func declareExpressionName(_ name: Name, as symbol: ExpressionSymbol) {
    if builtInNames.contains(name.text) {
      error(
        .duplicate, "`\(name.text)` is a built-in name and cannot be declared", at: name.range,
        help: "choose another name, such as `\(name.text)_value`")
      return
    }
    if let (existing, range) = symbols.expressionNames[name.text] {
      if case .attribute = existing, case .attribute = symbol {
        return  // reported by the attribute namespace itself
      }
      error(
        .duplicate, "`\(name.text)` is already \(existing.kindName)", at: name.range,
        notes: range.map { [Note("declared here", at: $0)] } ?? [],
        help: "attributes, scores, segments and counters share one set of names; rename one of them")
      return
    }
    symbols.expressionNames[name.text] = (symbol, name.range)
  }

  /// First pass: every declaration's name, so that order in the file does not matter.
  mutating func declareAll() {
    forEachDeclaration { checker, declaration, file in checker.declare(declaration, in: file) }
  }

  /// Declares the names of one declaration of `file`.
  mutating func declare(_ declaration: Declaration, in file: FileID) {
    switch declaration {
    case .campaign(let decl):
      if file != entry {
        error(
          .headerInLibrary, "an imported file cannot have a campaign header", at: decl.name.range,
          help: "keep the `campaign` header in the main file; imported files hold shared declarations")
      } else if let first = symbols.campaign {
        error(
          .duplicate, "the campaign header is declared twice", at: decl.name.range,
          notes: [Note("first declared here", at: first.name.range)], help: "keep one `campaign` header")
      } else {
        symbols.campaign = decl
      }
    case .contact(let decl):
      if let first = symbols.contact {
        error(
          .duplicate, "the contact schema is declared twice",
          at: SourceRange(file: decl.range.file, start: decl.range.start, end: decl.range.start + 7),
          notes: [
            Note(
              "first declared here",
              at: SourceRange(file: first.range.file, start: first.range.start, end: first.range.start + 7))
          ],
          help: "put all attributes in one `contact { ... }` block")
      } else {
        symbols.contact = decl
        declareAttributes(decl)
      }
    case .event(let decl): declare(decl.name, decl, in: \.events, kind: "event")
    case .channel(let decl): declare(decl.name, (), in: \.channels, kind: "channel")
    case .segment(let decl):
      if let index = declare(decl.name, (), in: \.segments, kind: "segment") {
        declareExpressionName(decl.name, as: .segment(index))
      }
    case .score(let decl):
      if let index = declare(decl.name, decl, in: \.scores, kind: "score") {
        declareExpressionName(decl.name, as: .score(index))
      }
    case .counter(let decl):
      if let index = declare(decl.name, decl, in: \.counters, kind: "counter") {
        declareExpressionName(decl.name, as: .counter(index))
      }
    case .states(let decl):
      declareStates(decl)
    case .variant(let decl): declare(decl.name, decl, in: \.variants, kind: "variant")
    case .flow(let decl): declare(decl.name, (), in: \.flows, kind: "flow")
    case .test(let decl): declare(Name(decl.name.value, decl.name.range), (), in: \.tests, kind: "test")
    case .consent(let decl):
      symbols.consentChannels.insert(decl.channel.text)
    case .importFile, .engagement, .cooldown, .hold, .limit, .budget, .quietHours, .guardrail, .invalid:
      break
    }
  }

  /// Declares `name` in one namespace; reports a duplicate (with a note at the first).
  /// Returns the new symbol's index, or nil for a duplicate.
  @discardableResult
  mutating func declare<Declaration>(
    _ name: Name, _ declaration: Declaration, in namespace: WritableKeyPath<SymbolTable, Namespace<Declaration>>,
    kind: String
  ) -> Int? {
    let (index, duplicateOf) = symbols[keyPath: namespace].declare(name.text, name.range, declaration)
    guard let first = duplicateOf else { return index }
    duplicate(kind, name, first: symbols[keyPath: namespace][first].range)
    return nil
  }

  mutating func declareAttributes(_ decl: ContactDecl) {
    for field in decl.fields {
      let (index, duplicateOf) = symbols.attributes.declare(field.name.text, field.name.range, field)
      if let first = duplicateOf {
        duplicate("attribute", field.name, first: symbols.attributes[first].range)
        continue
      }
      declareExpressionName(field.name, as: .attribute(index))
    }
  }

  mutating func declareStates(_ decl: StatesDecl) {
    for item in decl.items {
      switch item {
      case .initial(let name, _):
        symbols.initialStates.append(name)
        declareState(name, isFinal: false)
      case .state(let names, _):
        for name in names { declareState(name, isFinal: false) }
      case .final(let names, _):
        for name in names { declareState(name, isFinal: true) }
      case .transition, .invalid:
        break
      }
    }
  }

  mutating func declareState(_ name: Name, isFinal: Bool) {
    if name.text == "any" {
      error(
        .duplicate, "`any` means every state and cannot be a state's name", at: name.range, help: "choose another name")
      return
    }
    let (_, duplicateOf) = symbols.states.declare(name.text, name.range, StateInfo(isFinal: isFinal))
    if let first = duplicateOf {
      // A second `initial` is reported once (E0504, whose help says to list the state
      // with `state`): that state listed with `state` as well is not a duplicate too.
      let extraInitials = symbols.initialStates.dropFirst().map(\.range)
      let firstRange: SourceRange? = symbols.states[first].range
      if extraInitials.contains(name.range) || extraInitials.contains(where: { $0 == firstRange }) { return }
      duplicate("state", name, first: symbols.states[first].range)
    }
  }
}
