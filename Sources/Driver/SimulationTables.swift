import Checker
import Evaluator

/// The tables of a simulation report, in the order they print.
enum SimulationTables {
  static func make(_ report: SimulationReport) -> [ReportTable] {
    let campaign = report.campaign
    let states = campaign.states.map(\.name)
    let channels = campaign.channels
    let grouped = report.groupedBy
    let groupColumn = grouped.map { [$0] } ?? []
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

    // The group's label, as a cell, when grouped.
    func group(_ index: Int) -> [ReportTable.Cell] { grouped == nil ? [] : [.text(report.groups[index])] }

    tables.append(
      ReportTable(
        name: "transitions", title: "Transitions taken", columns: ["from", "to"] + groupColumn + ["count"],
        rows: report.transitions.map {
          [.text(states[$0.from]), .text(states[$0.to])] + group($0.group) + [.int($0.count)]
        }))

    let unit = report.period == 86_400 ? "day" : "week"
    tables.append(
      ReportTable(
        name: "states_over_time", title: "Contacts per state at the end of each \(unit)",
        columns: [unit + "_ending"] + states,
        rows: report.statesOverTime.enumerated().map { index, counts in
          let end = min(report.window.start + Int64(index + 1) * report.period, report.window.end)
          return [.text(ValueFormat.timestamp(end))] + counts.map { .int($0) }
        }))

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

    tables.append(
      ReportTable(
        name: "guardrails", title: "Guardrails",
        columns: ["event", "channel", "events", "sends", "rate_percent", "limit_percent", "status"],
        rows: report.guardrails.map { row in
          [
            .text(row.event), .text(row.channel ?? "all"), .int(row.events), .int(row.sends), .fixed(row.ratePercent),
            .text(row.limitPercent.description),
            .text(row.sends == 0 ? "no sends" : (row.breached ? "BREACHED" : "ok")),
          ]
        },
        note: "events from the history after a contact's first send, per message sent"))

    let engagement = campaign.events.indices.filter { index in
      report.rates.first?.followed.contains { $0.event == index } ?? false
    }
    tables.append(
      ReportTable(
        name: "engagement_rates", title: "Engagement after sends (from the history, within 7 days)",
        columns: ["channel", "sends"] + engagement.map { campaign.events[$0].name + "_percent" },
        rows: report.rates.map { rate in
          [.text(channels[rate.channel]), .int(rate.sends)]
            + rate.followed.map { .fixed(rate.sends == 0 ? 0 : Double($0.count) * 100 / Double(rate.sends)) }
        }))

    tables.append(monthlyTable(report))
    tables.append(
      ReportTable(
        name: "counters", title: "Contacts per counter value", columns: ["counter", "value", "contacts"],
        rows: report.counterValues.map {
          [.text(campaign.counters[$0.counter]), .int(Int($0.value)), .int($0.contacts)]
        }))

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

  /// Sends per flow step and moves per audience, per month in the campaign's time zone.
  static func monthlyTable(_ report: SimulationReport) -> ReportTable {
    let campaign = report.campaign
    let columns = report.monthlyColumns.map { column -> String in
      switch column {
      case .send(let flow, let number): "\(campaign.flows[flow].name)_step\(number)_sends"
      case .move(let audience): "moved_to_\(audience)"
      }
    }
    return ReportTable(
      name: "months", title: "Sends and moves per month (\(campaign.timezone))", columns: ["month"] + columns,
      rows: report.months.map { [.text($0.month)] + $0.counts.map { .int($0) } })
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
          "lines " + skipped.firstLines.map(String.init).joined(separator: ", ") + (skipped.count > 5 ? ", ..." : "")),
      ])
    }
    for column in load.absentOptionalColumns {
      rows.append([.text("optional column `\(column)` absent"), .int(0), .text("missing for every contact")])
    }
    return ReportTable(name: "input", title: "Input", columns: ["what", "rows", "detail"], rows: rows)
  }
}
