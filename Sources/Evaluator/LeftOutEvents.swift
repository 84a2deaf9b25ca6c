import CampaignLang
import Checker

/// What loading keeps of the events it leaves out of the data set (the types a replay
/// cannot notice; see `SimulationProgram.inertEvents`): counts, not rows. Each such row
/// is read and checked like any other, its contact found, and then counted where
/// `finish` would count it: before or after the window, or in it; the earliest and
/// latest instants set the window's defaults with the stored rows'; and, with `enter
/// at`, it counts per contact as an event before the contact entered.
struct LeftOutEvents {
  /// Per event type: whether it is left out (empty: none is).
  var types: [Bool] = []
  var from: Int64?
  var to: Int64?
  var earliest = Int64.max
  var latest = Int64.min
  /// Per contact, with `enter at`: the instant its value names (Int64.min: none).
  var entries: [Int64] = []
  /// Per contact, with `enter at`: its events left out in the window before `entries`.
  var beforeEntry: [Int32] = []

  /// Counts a row left out at `time`, of `contact`.
  ///
  /// In the window, "before the contact entered" is before the instant its `enter at`
  /// value names, whatever the window's start: a run starts at the later of the two
  /// (and no later than the window's end), and the row is in the window.
  mutating func count(at time: Int64, contact: Int32, report: inout LoadReport) {
    earliest = min(earliest, time)
    latest = max(latest, time)
    if let from, time < from {
      report.eventsBeforeWindow += 1
    } else if let to, time >= to {
      report.eventsAfterWindow += 1
    } else if !entries.isEmpty && time < entries[Int(contact)] {
      beforeEntry[Int(contact)] += 1
    }
  }
}

extension Loader {
  /// Leaves the events of `types` out of the data set (see `LeftOutEvents`); called
  /// once the contacts are read, with the window as given.
  mutating func leaveOut(_ types: [Bool], from: Int64?, to: Int64?) {
    guard types.contains(true) else { return }
    leftOut.types = types
    leftOut.from = from
    leftOut.to = to
    guard let attribute = program.enterAt else { return }
    leftOut.entries = (0..<contacts.count).map { contact in
      let zone = zones[Int(contacts.zones[contact])]
      return ContactRun.entryMark(contacts.columns.value(attribute, at: contact), zone: zone) ?? Int64.min
    }
    leftOut.beforeEntry = Array(repeating: 0, count: contacts.count)
  }
}
