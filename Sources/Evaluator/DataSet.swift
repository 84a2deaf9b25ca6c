import CampaignLang
import Checker

/// Every contact's attributes, one column per declared attribute.
public struct ContactTable: Sendable {
  public internal(set) var count = 0
  /// Per attribute of `CheckedCampaign.attributes`.
  var columns: [Column]
  /// Per contact: its key as written.
  var keys = KeyStore()
  /// Per contact: its time zone, an index into `DataSet.zones`.
  var zones: [Int32] = []
}

/// Every event of the window, in compact columns, grouped by contact: the rows of
/// contact `c` are `first[c]..<first[c + 1]`, in time order (ties in input order).
public struct EventTable: Sendable {
  public internal(set) var count = 0
  /// Per row: its contact. Only while loading: once grouped, `first` says it.
  var contact: [Int32] = []
  var time: [Int64] = []
  var type: [Int32] = []
  /// One column per field slot (see `FieldSlots`).
  var fields: [Column]
  var first: [Int32] = []
}

/// Where each event field lives: fields of different event types with the same name
/// and type share a column, so `channel` is one column however many events have it.
struct FieldSlots: Sendable {
  /// `slot[event][field]`: the column of that field.
  var slot: [[Int]]
  /// Per column: its name and type.
  var columns: [(name: String, type: ValueType)]

  init(_ events: [EventType]) {
    var slot: [[Int]] = []
    var columns: [(name: String, type: ValueType)] = []
    for event in events {
      slot.append(
        event.fields.map { field in
          if let existing = columns.firstIndex(where: { $0.name == field.name && $0.type.base == field.type.base }) {
            return existing
          }
          columns.append((field.name, field.type.base))
          return columns.count - 1
        })
    }
    self.slot = slot
    self.columns = columns
  }
}

/// The simulated window: from `start` (inclusive) to `end` (exclusive), in seconds.
public struct Window: Sendable, Hashable {
  public var start: Int64
  public var end: Int64
  public init(start: Int64, end: Int64) {
    self.start = start
    self.end = end
  }
}

/// What loading counted besides the rows it kept: nothing is dropped silently.
public struct LoadReport: Sendable, Hashable {
  public struct Skipped: Sendable, Hashable {
    public var file: String
    public var column: String?
    public var kind: String
    public var count: Int
    public var firstLines: [Int]
  }
  public struct Undeclared: Sendable, Hashable {
    public var name: String
    public var count: Int
  }
  public var contactRows = 0
  public var eventRows = 0
  public var eventsBeforeWindow = 0
  public var eventsAfterWindow = 0
  public var eventsForUnknownContacts = 0
  /// A few of the unknown ids, in file order.
  public var unknownContactExamples: [String] = []
  /// Rows whose event type the campaign does not declare, by type, sorted by name.
  public var undeclaredEventTypes: [Undeclared] = []
  /// Rows skipped under `--skip-bad-rows`, by file, column and fault, in that order.
  public var skipped: [Skipped] = []
  /// Optional attributes with no column in the contacts file: missing for everyone.
  public var absentOptionalColumns: [String] = []
}

/// Contacts and events read against a checked campaign, ready to simulate.
public struct DataSet: Sendable {
  public internal(set) var contacts: ContactTable
  public internal(set) var events: EventTable
  public internal(set) var pool: StringPool
  /// The time zones in use: the campaign's first, then the contacts' in first-seen order.
  public internal(set) var zones: [ZoneRules]
  public internal(set) var window: Window
  public internal(set) var report: LoadReport
  var slots: FieldSlots
  /// Finds a contact by its key as written.
  var keyIndex: KeyIndex
  /// Whether some event read belongs to a known contact (in the window or not, kept or
  /// left out): without one, a window not given has nothing to be taken from.
  public internal(set) var hasEventOfAContact = false
  /// Whether the events of some types were left out (`LoadRequest.leavesOutInertEvents`).
  public internal(set) var leftOutEvents = false
  /// Per contact (empty when none is left out, or there is no `enter at`): how many of
  /// its events left out are in the window before it entered.
  var leftOutBeforeEntry: [Int32] = []
  /// Text attributes whose values were not stored (see `LoadRequest.keptText`): they
  /// read as missing, so nothing may show or test them.
  var unstoredText: Set<Int> = []
  /// Event field slots whose values were not stored (see `LoadRequest.leavesOutInertEvents`):
  /// their columns are empty, so nothing may read them.
  var unstoredFields: Set<Int> = []

  /// No contacts and no events: enough to compile `campaign` and see what it reads.
  static func empty(for campaign: CheckedCampaign) -> DataSet {
    DataSet(
      contacts: ContactTable(columns: []), events: EventTable(fields: []), pool: StringPool(),
      zones: [ZoneRules(identifier: campaign.timezone) ?? .utc], window: Window(start: 0, end: 1),
      report: LoadReport(), slots: FieldSlots(campaign.events), keyIndex: KeyIndex())
  }
}
