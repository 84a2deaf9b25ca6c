import CampaignLang

/// One declared name.
struct Symbol<Declaration> {
  var name: String
  /// nil for built-ins (the standard channels).
  var range: SourceRange?
  var declaration: Declaration
}

/// The names of one kind, in declaration order. Lookups use a `NameIndex`, whose
/// positions are the positions in `items`; output and iteration use `items`.
struct Namespace<Declaration> {
  private(set) var items: [Symbol<Declaration>] = []
  private var index = NameIndex()

  /// Declares a name; returns the earlier symbol's index when the name is taken.
  mutating func declare(_ name: String, _ range: SourceRange?, _ declaration: Declaration) -> (
    index: Int, duplicateOf: Int?
  ) {
    let (inserted, position) = index.insert(name)
    guard inserted else { return (position, position) }
    items.append(Symbol(name: name, range: range, declaration: declaration))
    return (position, nil)
  }

  func lookup(_ name: String) -> Int? { index.position(of: name) }

  /// The index of `name` when the declaration at `range` is the one that holds it (not a
  /// duplicate). Reads only the range, so the declaration itself is not copied.
  func owner(_ name: String, at range: SourceRange) -> Int? {
    guard let position = index.position(of: name), items[position].range == range else { return nil }
    return position
  }

  subscript(_ position: Int) -> Symbol<Declaration> { items[position] }

  var names: [String] { items.map(\.name) }
  var count: Int { items.count }
}

/// What a bare name in an expression can be.
enum ExpressionSymbol {
  case attribute(Int)
  case score(Int)
  case segment(Int)
  case counter(Int)

  var kindName: String { "\(kindWord == "attribute" ? "an" : "a") \(kindWord)" }

  var kindWord: String {
    switch self {
    case .attribute: "attribute"
    case .score: "score"
    case .segment: "segment"
    case .counter: "counter"
    }
  }
}

/// A declared state and what the states block says of it.
struct StateInfo {
  var isFinal = false
}

/// Every declared name of a campaign, by kind.
struct SymbolTable {
  var attributes = Namespace<FieldDecl>()
  var events = Namespace<EventDecl>()
  var channels = Namespace<Void>()
  /// Segments, flows and tests keep no copy of their declaration: nothing reads it
  /// through the table, and a copy retains all the declaration holds (its condition,
  /// items and steps), for each of tens of thousands in a large campaign.
  var segments = Namespace<Void>()
  var scores = Namespace<ScoreDecl>()
  var counters = Namespace<CounterDecl>()
  var states = Namespace<StateInfo>()
  var variants = Namespace<VariantDecl>()
  var flows = Namespace<Void>()
  var tests = Namespace<Void>()
  /// Attributes, scores, segments and counters share one namespace: expressions name
  /// them all the same way.
  /// Their names are in declaration order, for suggestions.
  var expressionNames = NameTable<(ExpressionSymbol, SourceRange?)>()
  var initialStates: [Name] = []
  var consent: [Int: ConsentDecl] = [:]
  /// Channel names that some consent rule names (found in the first pass).
  var consentChannels = NameIndex()
  var contact: ContactDecl?
  var campaign: CampaignDecl?
  var keyAttribute: Int?
  /// Resolved types of attributes and event fields, by index.
  var attributeTypes: [ValueType] = []
  var eventFieldTypes: [[ValueType]] = []
  /// A field's position in its event's index is its position in `eventFieldTypes`.
  var eventFieldIndex: [NameIndex] = []
  /// Every enum value (of attributes and event fields) and state name: a bare name that
  /// is one of these may mean that value, whatever else it names. Only asked whether it
  /// holds a name, so its order never shows. A `NameIndex`, not a `Set`: it is asked
  /// for both sides of every comparison (see `NameIndex` for the cost of hashing).
  var valueNames = NameIndex()
  /// Cooldown of each state that has one.
  var cooldowns: [Int: (Duration, SourceRange)] = [:]

  init() {
    for channel in Channel.builtIn { _ = channels.declare(channel, nil, ()) }
  }
}
