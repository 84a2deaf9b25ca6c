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

  /// The event types' names: a name's index is its type's.
  var eventNames: CaseNames
  /// Per event type: its fields' slots, in declared order.
  var fields: Lists<Field>
  /// Per event type: the stored slots it has no field in (stored as missing in its rows).
  var absentSlots: Lists<Int32>
  /// Per field slot: whether its values are stored (see `Loader.storesField`).
  var stores: [Bool]
  /// Per field slot: how to read it.
  var kinds: [ColumnKind]
  /// Per field slot: how its value is stored, and the kind of its column.
  var storage: [Storage]
  var columnKinds: [Column.Kind]

  /// Plain tags: a case that held the names cost a retain and a release per field read.
  enum Storage {
    /// Text, by its id in the load's pool.
    case text
    /// An enum case, found by its name in `caseNames[slot]`.
    case enumCase
    /// Anything else: parsed by its kind.
    case parsed
  }
  /// Per field slot stored as `.enumCase`: its case names (empty for the others).
  var caseNames: [CaseNames]
  var fieldCount: Int { kinds.count }
  /// Per event type: whether its rows are left out of the data set (read, checked and
  /// counted only; see `LeftOutEvents`).
  var leftOut: [Bool]

  init(program: CheckedCampaign, slots: FieldSlots, leftOut: [Bool], stores: [Bool]) {
    self.stores = stores
    self.leftOut = leftOut.isEmpty ? Array(repeating: false, count: program.events.count) : leftOut
    eventNames = CaseNames(program.events.map(\.name))
    fields = Lists(
      program.events.indices.map { event in
        zip(program.events[event].fields, slots.slot[event]).map { field, slot in
          Field(slot: Int32(slot), isOptional: field.type.isOptional)
        }
      })
    absentSlots = Lists(
      slots.slot.map { used in slots.columns.indices.filter { !used.contains($0) && stores[$0] }.map { Int32($0) } })
    kinds = slots.columns.map { Loader.kind(of: $0.type) }
    columnKinds = slots.columns.map { Column(for: $0.type).kind }
    let cases: [[String]] = kinds.map { kind in
      guard case .enumeration(let cases) = kind else { return [] }
      return cases
    }
    caseNames = cases.map { CaseNames($0) }
    storage = zip(kinds, cases).map { kind, cases in
      if kind == .string { return .text }
      // A repeated name would find the first case of that name: read those by name.
      guard case .enumeration = kind, Set(cases).count == cases.count else { return .parsed }
      return .enumCase
    }
  }
}
