import CampaignLang
import Checker
import DataReader

/// How to read an events row, worked out once from the campaign: the event types by
/// name, and per type the field slots to read, as plain data (reading the checked
/// event and its fields at every row cost a retain and a release of each).
struct EventReadPlan {
  struct Field {
    var slot: Int32
    var isOptional: Bool
  }

  /// The event types' names: a name's id is its type's index.
  var eventNames = StringPool()
  /// Per event type: its fields' slots, in declared order.
  var fields: Lists<Field>
  /// Per field slot: how to read it.
  var kinds: [ColumnKind]
  /// Per field slot: how its value is stored.
  var storage: [Storage]

  enum Storage {
    /// Text, by its id in the load's pool.
    case text
    /// An enum case, found by its name (a name's id is its case's index).
    case enumCase(StringPool)
    /// Anything else: parsed by its kind.
    case parsed
  }
  var fieldCount: Int { kinds.count }
  /// Per event type: whether its rows are left out of the data set (read, checked and
  /// counted only; see `LeftOutEvents`).
  var leftOut: [Bool]

  init(program: CheckedCampaign, slots: FieldSlots, leftOut: [Bool]) {
    self.leftOut = leftOut.isEmpty ? Array(repeating: false, count: program.events.count) : leftOut
    for event in program.events { _ = eventNames.intern(event.name) }
    fields = Lists(
      program.events.indices.map { event in
        zip(program.events[event].fields, slots.slot[event]).map { field, slot in
          Field(slot: Int32(slot), isOptional: field.type.isOptional)
        }
      })
    kinds = slots.columns.map { Loader.kind(of: $0.type) }
    storage = kinds.map { kind in
      if kind == .string { return .text }
      guard case .enumeration(let cases) = kind else { return .parsed }
      var pool = StringPool()
      for name in cases { _ = pool.intern(name) }
      // A repeated name would shift the ids off the case indices: read those by name.
      return pool.count == cases.count ? .enumCase(pool) : .parsed
    }
  }
}
