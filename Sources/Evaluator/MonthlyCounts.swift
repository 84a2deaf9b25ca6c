/// Sends per flow step and audience moves, added up per calendar month in the
/// campaign's time zone: the "when" of a report (the reference journey's monthly table).
struct MonthlyCounts {
  let zone: ZoneRules
  /// (month number since year 0, column) -> count.
  var counts: [Key: Int] = [:]

  struct Key: Hashable {
    var month: Int64
    var column: SimulationReport.MonthlyColumn
  }

  init(zone: ZoneRules) { self.zone = zone }

  mutating func add(_ record: RunRecord) {
    for send in record.sends {
      counts[Key(month: month(of: send.at), column: .send(flow: send.flow, number: send.number)), default: 0] += 1
    }
    for move in record.audiences {
      counts[Key(month: month(of: move.at), column: .move(audience: move.name)), default: 0] += 1
    }
  }

  /// `year * 12 + month - 1` of the instant, in the campaign's time zone.
  func month(of instant: Int64) -> Int64 {
    let (year, month, _) = ValueFormat.civil(zone.localDay(at: instant))
    return Int64(year) * 12 + Int64(month) - 1
  }

  /// The columns in a fixed order, and one row per month with any action, ascending.
  func table() -> ([SimulationReport.MonthlyColumn], [(month: String, counts: [Int])]) {
    let columns = Set(counts.keys.map(\.column)).sorted()
    let months = Set(counts.keys.map(\.month)).sorted()
    let rows = months.map { month in
      let label = String(month / 12).leftPadded(to: 4) + "-" + String(month % 12 + 1).leftPadded(to: 2)
      return (label, columns.map { counts[Key(month: month, column: $0)] ?? 0 })
    }
    return (columns, rows)
  }
}

extension String {
  /// The text with leading zeros up to `width` characters.
  fileprivate func leftPadded(to width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
