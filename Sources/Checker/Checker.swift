import CampaignLang

/// Checks parsed files against each other and produces a `CheckedCampaign`.
///
/// Passes, in order: declare every name (so declarations are order-free and duplicates
/// are found), resolve the schema, check each declaration's body, then the rules that
/// look at the campaign as a whole (initial state, cycles, consent, reachability).
/// A name that cannot be resolved gets the `error` type, which absorbs follow-on
/// errors: one mistake, one message.
public struct Checker {
  var diagnostics = DiagnosticBag()
  /// The parsed files. Passes read declarations here, in place: a gathered copy of every
  /// declaration would cost a retain and a release for each one of a large campaign.
  let files: [FileSyntax]
  let entry: FileID
  /// When a declaration could not be read (or an import failed, or a file is empty),
  /// rules about something missing ("no initial state", "no consent rule", "no
  /// cooldown", "no engagement") are skipped: the missing piece may be the lost one.
  /// Syntax errors the parser recovered from lose nothing and skip nothing.
  let declarationsLost: Bool
  /// When an import could not be read (missing, misspelled, outside the project folder),
  /// any name might have been declared there: unknown names (`unknownNameCodes`) are not
  /// reported, in any file, since the namespace is shared. The import's own error says so.
  let namesIncomplete: Bool
  /// The files' text, when the caller has it: messages quote an expression as written.
  let sources: SourceMap?
  var symbols = SymbolTable()
  var program = ProgramBuilder()
  /// Whether any file has an `engagement` declaration (`engaged` and idle rules need one).
  let declaresEngagement: Bool
  /// A missing `engagement` declaration is one mistake: reported at its first use only.
  var reportedNoEngagement = false
  /// Names already reported as both a declaration and a value (`nameClash`): one
  /// message per clash, however often the name is used.
  var reportedClashes: Set<String> = []
  /// A channel without a consent rule is one mistake: reported at its first send only.
  var reportedNoConsent: Set<String> = []
  /// The syntax of each checked transition, parallel to `program.transitions`.
  var transitionRanges: [Transition] = []
  /// The attributes a test contact must give (not optional, of a known type), in
  /// declared order: worked out at the first test, not once per test per attribute.
  var requiredAttributes: [Int]? = nil

  /// Runs `body` on every declaration of every file, in order. Each is lent from the
  /// file's own storage: read through `self` (which a mutating call could replace) or
  /// out of an array's subscript, each would be copied first, retaining all it holds.
  mutating func forEachDeclaration(_ body: (inout Checker, Declaration, FileID) -> Void) {
    let files = files
    for file in files {
      file.declarations.withUnsafeBufferPointer { declarations in
        for index in declarations.indices { body(&self, declarations[index], file.file) }
      }
    }
  }

  /// Checks `files` (the entry file first, then what it imports).
  public static func check(
    files: [FileSyntax], entry: FileID, declarationsLost: Bool, namesIncomplete: Bool = false,
    sources: SourceMap? = nil
  ) -> (CheckedCampaign?, [Diagnostic]) {
    var checker = Checker(
      files: files, entry: entry, declarationsLost: declarationsLost, namesIncomplete: namesIncomplete,
      sources: sources)
    checker.run()
    let diagnostics = checker.diagnostics.diagnostics
    guard !declarationsLost, !checker.diagnostics.hasErrors,
      let program = checker.program.build(symbols: checker.symbols)
    else { return (nil, diagnostics) }
    return (program, diagnostics)
  }

  init(files: [FileSyntax], entry: FileID, declarationsLost: Bool, namesIncomplete: Bool, sources: SourceMap?) {
    self.files = files
    self.entry = entry
    self.declarationsLost = declarationsLost
    self.namesIncomplete = namesIncomplete
    self.sources = sources
    self.declaresEngagement = files.contains { file in
      file.declarations.contains { declaration in
        if case .engagement = declaration { return true }
        return false
      }
    }
  }

  mutating func run() {
    declareAll()
    program.prepare(for: symbols)
    checkSchema()
    checkHeader()
    checkDeclarations()
    checkWholeCampaign()
  }

  mutating func error(
    _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
    notes: [Note] = [], help: String? = nil
  ) {
    if namesIncomplete && Checker.unknownNameCodes.contains(code) { return }
    diagnostics.error(code, message, at: range, label: label, notes: notes, help: help)
  }

  /// The codes of a name that is not declared: with an import unread, it may be declared
  /// there. (A missing field of a declared event is E0305 too, but the event and its
  /// fields are declared together, so that one is still reported; a test contact's unknown
  /// attribute, E0305 as well, is left out where it is found.)
  static let unknownNameCodes: Set<DiagnosticCode> = [
    .unknownName, .unknownEvent, .unknownState, .unknownChannel, .unknownVariant, .unknownCounter,
    .unknownEnumCase,
  ]

  /// Reports (once) a use of engagement when no `engagement` declaration says what counts.
  mutating func requireEngagement(at range: SourceRange, _ use: String) {
    guard !declaresEngagement, !declarationsLost, !reportedNoEngagement else { return }
    reportedNoEngagement = true
    error(
      .noEngagement, "\(use) needs an `engagement` declaration, and the campaign has none", at: range,
      help: "list the events that count as engaging, like `engagement email_open, email_click`")
  }

  /// "did you mean `x`?" for `word` among `candidates`, or nil.
  ///
  /// A search reads every candidate, and a file can hold tens of thousands of names and
  /// as many mistakes. So the searches share a budget: once the problems found so far
  /// times the names declared pass `Checker.suggestionBudget`, later problems get no
  /// suggestion (nor is their list of names built), and checking stays linear.
  func suggestion(_ word: String, _ candidates: @autoclosure () -> [String]) -> String? {
    let declared = symbols.expressionNames.index.count + symbols.events.count + symbols.states.count
    guard diagnostics.diagnostics.count * (declared + 1) < Checker.suggestionBudget else { return nil }
    return Spelling.closest(to: word, among: candidates()).map { "did you mean `\($0)`?" }
  }

  /// See `suggestion`: 5,000 problems in a campaign of 200 names, 100 in one of 10,000.
  static let suggestionBudget = 1_000_000
}
