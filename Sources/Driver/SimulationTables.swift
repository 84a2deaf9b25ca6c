import Checker
import Evaluator

/// The tables of a simulation report, in the order they print.
enum SimulationTables {
  static func make(_ report: SimulationReport) -> [ReportTable] {
    let campaign = report.campaign
    let states = campaign.states.map(\.name)
    let channels = campaign.channels
    let grouped = report.groupedBy
    let groupColumn = groupColumn(report)
    var tables: [ReportTable] = []

    // Final states (with score sums), per group when grouped.
    var finalRows: [[ReportTable.Cell]] = []
    var totalContacts = 0
    var totalScores = Array(repeating: 0.0, count: campaign.scores.count)
    for state in states.indices {
      for group in report.groups.indices where report.finalStates[group][state] > 0 || grouped == nil {
        let count = report.finalStates[group][state]
        totalContacts += count
        var row: [ReportTable.Cell] = [.text(states[state])]
        if grouped != nil { row.append(.text(report.groups[group])) }
        row.append(.int(count))
        for score in campaign.scores.indices {
          let sum = report.scoreSums[group][state][score]
          totalScores[score] += sum
          row.append(.fixed(sum))
        }
        finalRows.append(row)
      }
    }
    var totalRow: [ReportTable.Cell] = [.text("total")]
    if grouped != nil { totalRow.append(.text("")) }
    totalRow.append(.int(totalContacts))
    totalRow += totalScores.map { .fixed($0) }
    finalRows.append(totalRow)
    tables.append(
      ReportTable(
        name: "final_states", title: "Final states",
        columns: ["state"] + groupColumn + ["contacts"] + campaign.scores.map { "\($0.name)_sum" }, rows: finalRows,
        note: finalStatesNote(report)))

    // Segments, with their creative variables (the persona matrix).
    var segmentRows: [[ReportTable.Cell]] = []
    for (index, segment) in campaign.segments.enumerated() {
      for group in report.groups.indices {
        var row: [ReportTable.Cell] = [.text(segment.name)]
        if grouped != nil { row.append(.text(report.groups[group])) }
        row.append(.int(report.segments[group][index]))
        row.append(.text(segment.creatives.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")))
        segmentRows.append(row)
      }
    }
    tables.append(
      ReportTable(
        name: "segments", title: "Segments at the end of the window",
        columns: ["segment"] + groupColumn + ["contacts", "creative"], rows: segmentRows))

    func group(_ index: Int) -> [ReportTable.Cell] { groupCell(report, index) }

    tables.append(
      ReportTable(
        name: "transitions", title: "Transitions taken", columns: ["from", "to"] + groupColumn + ["count"],
        rows: report.transitions.map {
          [.text(states[$0.from]), .text(states[$0.to])] + group($0.group) + [.int($0.count)]
        }))

    tables.append(statesOverTimeTable(report))

    tables.append(
      ReportTable(
        name: "sends", title: "Messages that would be sent",
        columns: ["flow", "step", "template", "channel", "variant"] + groupColumn + ["sends"],
        rows: report.sends.map { item in
          let row = item.row
          let arm = row.arm < 0 ? "" : armName(campaign, row)
          return [
            .text(campaign.flows[row.flow].name), .int(row.number), .text(row.template), .text(channels[row.channel]),
            .text(arm),
          ] + group(row.group) + [.int(item.count)]
        }))

    tables.append(
      ReportTable(
        name: "held_back", title: "Messages held back",
        columns: ["reason", "flow", "step", "channel"] + groupColumn + ["messages"],
        rows: report.held.map { item in
          let row = item.row
          return [
            .text(row.reason.label), .text(campaign.flows[row.flow].name),
            .text(row.number == 0 ? "" : String(row.number)),
            .text(row.channel < 0 ? "" : channels[row.channel]),
          ] + group(row.group) + [.int(item.count)]
        }))

    tables.append(
      ReportTable(
        name: "audiences", title: "Moved to audiences", columns: ["audience"] + groupColumn + ["moves"],
        rows: report.audiences.map { [.text($0.name)] + group($0.group) + [.int($0.count)] }))

    tables.append(guardrailTable(report))
    tables.append(engagementTable(report))
    tables.append(monthlyTable(report))
    tables.append(counterTable(report))

    var input = loadTable(report.load)
    if let enterAt = campaign.enterAt {
      input.rows.insert(
        [
          .text("events before the contact entered"), .int(report.eventsBeforeEntry),
          .text("history for segments only (enter at \(campaign.attributes[enterAt].name))"),
        ], at: 4)
    }
    tables.append(input)
    return tables
  }

  /// The group's label as a cell when the report is grouped; nothing otherwise.
  static func groupCell(_ report: SimulationReport, _ group: Int) -> [ReportTable.Cell] {
    report.groupedBy == nil ? [] : [.text(report.groups[group])]
  }

  /// The group column's heading when the report is grouped.
  static func groupColumn(_ report: SimulationReport) -> [String] { report.groupedBy.map { [$0] } ?? [] }

  /// Contacts per state at each period's end; per group (those with contacts) when grouped.
  static func statesOverTimeTable(_ report: SimulationReport) -> ReportTable {
    let unit = report.period == 86_400 ? "day" : "week"
    var rows: [[ReportTable.Cell]] = []
    let periods = report.statesOverTime.first?.count ?? 0
    for index in 0..<periods {
      let end = min(report.window.start + Int64(index + 1) * report.period, report.window.end)
      for group in report.groups.indices {
        let counts = report.statesOverTime[group][index]
        if report.groupedBy != nil && !counts.contains(where: { $0 > 0 }) { continue }
        rows.append([.text(ValueFormat.timestamp(end))] + groupCell(report, group) + counts.map { .int($0) })
      }
    }
    return ReportTable(
      name: "states_over_time", title: "Contacts per state at the end of each \(unit)",
      columns: [unit + "_ending"] + groupColumn(report) + report.campaign.states.map(\.name), rows: rows)
  }

  /// Each guardrail's rate against its limit. Grouped: each group with sends against the
  /// same limit, then the guardrail over all groups (its verdict) on a row with no group.
  static func guardrailTable(_ report: SimulationReport) -> ReportTable {
    func cells(_ row: SimulationReport.GuardrailRow, group: [ReportTable.Cell]) -> [ReportTable.Cell] {
      [.text(row.event), .text(row.channel ?? "all")] + group + [
        .int(row.events), .int(row.sends), .fixed(row.ratePercent), .text(row.limitPercent.description),
        .text(row.sends == 0 ? "no sends" : (row.breached ? "BREACHED" : "ok")),
      ]
    }
    var rows: [[ReportTable.Cell]] = []
    var note = "events from the history after a contact's first send, per message sent"
    if report.groupedBy == nil {
      rows = report.guardrails.map { cells($0, group: []) }
    } else {
      for total in report.guardrailTotals {
        for row in report.guardrails where row.guardrail == total.guardrail && row.sends > 0 {
          rows.append(cells(row, group: groupCell(report, row.group)))
        }
        rows.append(cells(total, group: [.text("")]))
      }
      note += "\n  per group: its events per its sends, against the same limit; no group: the campaign's verdict"
    }
    return ReportTable(
      name: "guardrails", title: "Guardrails",
      columns: ["event", "channel"] + groupColumn(report) + [
        "events", "sends", "rate_percent", "limit_percent", "status",
      ], rows: rows, note: note)
  }

  /// Per channel (and group) with sends: the share of sends each engagement event followed.
  static func engagementTable(_ report: SimulationReport) -> ReportTable {
    let campaign = report.campaign
    let engagement = campaign.events.indices.filter { index in
      report.rates.first?.followed.contains { $0.event == index } ?? false
    }
    return ReportTable(
      name: "engagement_rates", title: "Engagement after sends (from the history, within 7 days)",
      columns: ["channel"] + groupColumn(report) + ["sends"] + engagement.map { campaign.events[$0].name + "_percent" },
      rows: report.rates.map { rate in
        [.text(campaign.channels[rate.channel])] + groupCell(report, rate.group) + [.int(rate.sends)]
          + rate.followed.map { .fixed(rate.sends == 0 ? 0 : Double($0.count) * 100 / Double(rate.sends)) }
      })
  }

  /// How many contacts ended at each value of each counter (per group when grouped).
  static func counterTable(_ report: SimulationReport) -> ReportTable {
    ReportTable(
      name: "counters", title: "Contacts per counter value",
      columns: ["counter", "value"] + groupColumn(report) + ["contacts"],
      rows: report.counterValues.map {
        [.text(report.campaign.counters[$0.counter]), .int(Int($0.value))] + groupCell(report, $0.group)
          + [.int($0.contacts)]
      })
  }

  /// Sends per flow step and moves per audience, per month in the campaign's time zone
  /// (and group, when grouped).
  static func monthlyTable(_ report: SimulationReport) -> ReportTable {
    let campaign = report.campaign
    let columns = report.monthlyColumns.map { column -> String in
      switch column {
      case .send(let flow, let number): "\(campaign.flows[flow].name)_step\(number)_sends"
      case .move(let audience): "moved_to_\(audience)"
      }
    }
    return ReportTable(
      name: "months", title: "Sends and moves per month (\(campaign.timezone))",
      columns: ["month"] + groupColumn(report) + columns,
      rows: report.months.map { [.text($0.month)] + groupCell(report, $0.group) + $0.counts.map { .int($0) } })
  }

  static func finalStatesNote(_ report: SimulationReport) -> String? {
    var notes: [String] = []
    if report.outsideAudience > 0 {
      notes.append("\(report.outsideAudience) contacts were outside the campaign's audience and are not counted")
    }
    if report.contactsWithLoops > 0 {
      notes.append(
        "warning: \(report.contactsWithLoops) contacts went round a loop of transitions at one instant; it was "
          + "stopped after 64 changes (use `campaignc explain` on one to see the rules)")
    }
    return notes.isEmpty ? nil : notes.joined(separator: "\n  ")
  }

  static func armName(_ campaign: CheckedCampaign, _ row: SimulationReport.SendRow) -> String {
    guard let variant = variantOf(campaign.flows[row.flow].steps, number: row.number) else { return String(row.arm) }
    return campaign.variants[variant].arms[row.arm].name
  }

  /// The variant of the `number`th send of `steps` (1-based, in written order).
  static func variantOf(_ steps: [CheckedStep], number: Int) -> Int? {
    var count = 0
    func walk(_ steps: [CheckedStep]) -> Int?? {
      for step in steps {
        switch step {
        case .send(let send):
          count += 1
          if count == number { return .some(send.variant) }
        case .branch(_, let then, let otherwise):
          if let found = walk(then) { return found }
          if let found = walk(otherwise) { return found }
        default: break
        }
      }
      return nil
    }
    return walk(steps) ?? nil
  }

  static func loadTable(_ load: LoadReport) -> ReportTable {
    var rows: [[ReportTable.Cell]] = [
      [.text("contact rows read"), .int(load.contactRows), .text("")],
      [.text("event rows read"), .int(load.eventRows), .text("")],
      [.text("events before the window"), .int(load.eventsBeforeWindow), .text("ignored")],
      [.text("events after the window"), .int(load.eventsAfterWindow), .text("ignored")],
      [
        .text("events for unknown contacts"), .int(load.eventsForUnknownContacts),
        .text(load.unknownContactExamples.isEmpty ? "" : "e.g. " + load.unknownContactExamples.joined(separator: ", ")),
      ],
    ]
    for undeclared in load.undeclaredEventTypes {
      rows.append([.text("events of undeclared type `\(undeclared.name)`"), .int(undeclared.count), .text("ignored")])
    }
    for skipped in load.skipped {
      let place = skipped.file + (skipped.column.map { " column `\($0)`" } ?? "")
      rows.append([
        .text("rows skipped: \(place): \(skipped.kind)"), .int(skipped.count),
        .text(
          (skipped.count == 1 ? "line " : "lines ") + skipped.firstLines.map(String.init).joined(separator: ", ")
            + (skipped.count > 5 ? ", ..." : "")),
      ])
    }
    for column in load.absentOptionalColumns {
      rows.append([.text("optional column `\(column)` absent"), .int(0), .text("missing for every contact")])
    }
    return ReportTable(name: "input", title: "Input", columns: ["what", "rows", "detail"], rows: rows)
  }
}
