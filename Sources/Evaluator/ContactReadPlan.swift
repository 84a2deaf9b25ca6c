import CampaignLang
import Checker
import DataReader

/// How to read each contact attribute, worked out once from the campaign and the
/// columns: per attribute a plain tag saying how its text becomes a cell of its
/// column. Reading a row through `Loader.value(_:kind:)` built a `Value` per attribute
/// and appended it through `Column.append(_:)`'s switch, compared and copied a
/// `ColumnKind` (an enum's case names: a retain and a release) each time: about a
/// third of the contacts phase.
struct ContactReadPlan {
  enum Read: UInt8 {
    /// The key, when it is text: read once, with its look-up (see `readContacts`).
    case key
    /// Text the run never reads: only whether it is there.
    case presence
    /// Text, by its id in the load's pool.
    case text
    /// An enum case, by its name (see `CaseNames`).
    case enumCase
    case bool
    /// A date, as days since 1970-01-01.
    case date
    case decimal
    /// Anything else: parsed by its kind into a `Value`, appended as one.
    case other
  }

  /// Per attribute.
  var reads: [Read]
  var optional: [Bool]
  var kinds: [ColumnKind]
  /// Per attribute read as `.enumCase`: its case names; empty for the others.
  var caseNames: [CaseNames]
  /// Per attribute: its enum's case names as declared; empty for the others.
  var cases: [[String]]

  init(attributes: [Attribute], columns: [Column], key: Int, storesText: [Bool]) {
    kinds = attributes.map { Loader.kind(of: $0.type) }
    optional = attributes.map(\.type.isOptional)
    cases = kinds.map { kind in
      guard case .enumeration(let cases) = kind else { return [] }
      return cases
    }
    caseNames = cases.map { CaseNames($0) }
    reads = zip(kinds, columns).enumerated().map { index, pair in
      let (kind, column) = pair
      // A fast path only where the column stores what it reads (a time of day is read as
      // text, and interned, but stored as missing: `.other` keeps that as it was).
      switch (kind, column.kind) {
      case (.string, _) where index == key: return .key
      case (.string, _) where !storesText[index]: return .presence
      case (.string, .string): return .text
      case (.enumeration, .enumCase): return .enumCase
      case (.bool, .bool): return .bool
      case (.date, .date): return .date
      case (.decimal, .decimal): return .decimal
      default: return .other
      }
    }
  }
}
