/// Sends per flow step and audience moves, added up per calendar month in the
/// campaign's time zone and per group of `--by`: the "when" of a report (the reference
/// journey's monthly table). The counts are a flat array over the window's months,
/// the columns and the groups: a dictionary keyed by month, column and group cost a
/// hash (of the audience's name, too) per send.
struct MonthlyCounts {
  let zone: ZoneRules
  /// Every column there can be, numbered densely by the caller (send steps, then audiences).
  let columns: [SimulationReport.MonthlyColumn]
  let groups: Int
  /// The window's local days, from `firstDay`: each day's month number. A send's month
  /// is then a table read, not a calendar computation.
  let firstDay: Int64
  let monthOfDay: [Int64]
  /// The window's months, from `firstMonth`.
  let firstMonth: Int64
  let months: Int
  /// [month - firstMonth][column][group]: a flat array, so adding hashes nothing.
  var dense: [Int]
  /// Counts of months outside the window (none in a run; kept for safety): by key.
  var outside: [Key: Int] = [:]

  struct Key: Hashable {
    var month: Int64
    var column: SimulationReport.MonthlyColumn
    /// Index into the report's groups (0 when not grouped).
    var group: Int
  }

  init(zone: ZoneRules, window: Window, columns: [SimulationReport.MonthlyColumn], groups: Int) {
    self.zone = zone
    self.columns = columns
    self.groups = groups
    firstDay = zone.localDay(at: window.start)
    let lastDay = max(firstDay, zone.localDay(at: window.end))
    monthOfDay = (firstDay...lastDay).map { MonthlyCounts.month(ofDay: $0) }
    firstMonth = monthOfDay.first!
    months = Int(monthOfDay.last! - firstMonth) + 1
    dense = Array(repeating: 0, count: months * columns.count * groups)
  }

  /// Counts one action in column `column` (an index into `columns`) at `instant`.
  mutating func add(at instant: Int64, column: Int, group: Int) {
    let day = zone.localDay(at: instant)
    let month =
      day >= firstDay && day - firstDay < monthOfDay.count
      ? monthOfDay[Int(day - firstDay)] : MonthlyCounts.month(ofDay: day)
    let offset = Int(month - firstMonth)
    guard offset >= 0 && offset < months else {
      outside[Key(month: month, column: columns[column], group: group), default: 0] += 1
      return
    }
    dense[(offset * columns.count + column) * groups + group] += 1
  }

  /// `year * 12 + month - 1` of a local day.
  static func month(ofDay day: Int64) -> Int64 {
    let (year, month, _) = ValueFormat.civil(day)
    return Int64(year) * 12 + Int64(month) - 1
  }

  /// Every count by key.
  var counts: [Key: Int] {
    var counts = outside
    for offset in 0..<months {
      for column in columns.indices {
        for group in 0..<groups {
          let count = dense[(offset * columns.count + column) * groups + group]
          guard count > 0 else { continue }
          counts[Key(month: firstMonth + Int64(offset), column: columns[column], group: group), default: 0] += count
        }
      }
    }
    return counts
  }

  /// The columns in a fixed order (those of any group), and one row per month and group
  /// with any action, by month, then group.
  func table() -> ([SimulationReport.MonthlyColumn], [(month: String, group: Int, counts: [Int])]) {
    let counts = self.counts
    let columns = Set(counts.keys.map(\.column)).sorted()
    let rows = Set(counts.keys.map { MonthGroup(month: $0.month, group: $0.group) }).sorted()
    return (
      columns,
      rows.map { row in
        let label = String(row.month / 12).leftPadded(to: 4) + "-" + String(row.month % 12 + 1).leftPadded(to: 2)
        return (label, row.group, columns.map { counts[Key(month: row.month, column: $0, group: row.group)] ?? 0 })
      }
    )
  }

  /// A row of the table.
  private struct MonthGroup: Hashable, Comparable {
    var month: Int64
    var group: Int
    static func < (a: MonthGroup, b: MonthGroup) -> Bool { (a.month, a.group) < (b.month, b.group) }
  }
}

extension String {
  /// The text with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
