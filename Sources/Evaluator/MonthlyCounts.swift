/// Sends per flow step and audience moves, added up per calendar month in the
/// campaign's time zone and per group of `--by`: the "when" of a report (the reference
/// journey's monthly table).
struct MonthlyCounts {
  let zone: ZoneRules
  /// (month number since year 0, column, group) -> count.
  var counts: [Key: Int] = [:]

  struct Key: Hashable {
    var month: Int64
    var column: SimulationReport.MonthlyColumn
    /// Index into the report's groups (0 when not grouped).
    var group: Int
  }

  init(zone: ZoneRules) { self.zone = zone }

  mutating func add(_ record: RunRecord, group: Int) {
    for send in record.sends {
      let column = SimulationReport.MonthlyColumn.send(flow: send.flow, number: send.number)
      counts[Key(month: month(of: send.at), column: column, group: group), default: 0] += 1
    }
    for move in record.audiences {
      counts[Key(month: month(of: move.at), column: .move(audience: move.name), group: group), default: 0] += 1
    }
  }

  /// `year * 12 + month - 1` of the instant, in the campaign's time zone.
  func month(of instant: Int64) -> Int64 {
    let (year, month, _) = ValueFormat.civil(zone.localDay(at: instant))
    return Int64(year) * 12 + Int64(month) - 1
  }

  /// The columns in a fixed order (those of any group), and one row per month and group
  /// with any action, by month, then group.
  func table() -> ([SimulationReport.MonthlyColumn], [(month: String, group: Int, counts: [Int])]) {
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
