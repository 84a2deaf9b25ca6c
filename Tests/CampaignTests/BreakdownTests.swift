import Evaluator
import Foundation
import Testing

/// `--by`: every broken-down figure adds up, group by group, to the figure without it.
@Suite struct BreakdownTests {
  @Test func groupsAddUpToTheWhole() throws {
    let root = repositoryRoot.appendingPathComponent("examples")
    let campaign = try String(contentsOf: root.appendingPathComponent("persona-matrix.campaign"), encoding: .utf8)
    let contacts = try String(contentsOf: root.appendingPathComponent("data/contacts.csv"), encoding: .utf8)
    let events = try String(contentsOf: root.appendingPathComponent("data/events.csv"), encoding: .utf8)
    let (program, data) = try loadData(campaign, contacts: contacts, events: events)
    let simulation = Simulation(campaign: program, data: data)
    let tier = try #require(program.attributes.firstIndex { $0.name == "tier" })
    let whole = simulation.run()
    let grouped = simulation.run(groupBy: tier)
    #expect(grouped.groups == ["bronze", "gold", "platinum", "silver"])

    var transitions: [String: Int] = [:]
    for row in grouped.transitions { transitions["\(row.from)->\(row.to)", default: 0] += row.count }
    #expect(
      whole.transitions.map { "\($0.from)->\($0.to):\($0.count)" }.sorted()
        == transitions.map { "\($0.key):\($0.value)" }.sorted())
    #expect(Set(grouped.transitions.map(\.group)).count == 4)

    func total(_ rows: [(row: SimulationReport.SendRow, count: Int)]) -> [String: Int] {
      rows.reduce(into: [:]) { $0["\($1.row.flow).\($1.row.number).\($1.row.arm)", default: 0] += $1.count }
    }
    #expect(!whole.sends.isEmpty)
    #expect(total(whole.sends) == total(grouped.sends))
    #expect(whole.held.map(\.count).reduce(0, +) == grouped.held.map(\.count).reduce(0, +))
    #expect(whole.audiences.map(\.count).reduce(0, +) == grouped.audiences.map(\.count).reduce(0, +))
    #expect(
      whole.finalStates[0]
        == grouped.finalStates.reduce(into: Array(repeating: 0, count: program.states.count)) {
          for (state, count) in $1.enumerated() { $0[state] += count }
        })
  }
}

/// The tables `--by` came to later (states over time, guardrails, engagement rates,
/// months, counter values), and the older ones, on every example and every attribute that
/// is not pii: grouping moves figures between rows and never changes what they add up to.
@Suite struct BreakdownPropertyTests {
  static let examples = ["ab-test", "loyal-vs-potential", "onboarding-multichannel", "persona-matrix", "winback"]

  @Test(arguments: examples)
  func everyGroupedTableCombinesToTheUngroupedOne(name: String) throws {
    let root = repositoryRoot.appendingPathComponent("examples")
    let campaign = try String(contentsOf: root.appendingPathComponent("\(name).campaign"), encoding: .utf8)
    let contacts = try String(contentsOf: root.appendingPathComponent("data/contacts.csv"), encoding: .utf8)
    let events = try String(contentsOf: root.appendingPathComponent("data/events.csv"), encoding: .utf8)
    let (program, data) = try loadData(campaign, contacts: contacts, events: events)
    let simulation = Simulation(campaign: program, data: data)
    let whole = simulation.run()
    for attribute in program.attributes.indices where !program.attributes[attribute].isPII {
      let grouped = simulation.run(groupBy: attribute)
      let context = Comment(rawValue: "\(name) by \(program.attributes[attribute].name)")
      #expect(grouped.groups.count > 1 || data.contacts.count <= 1, context)
      let (parts, all) = (Self.figures(of: grouped), Self.figures(of: whole))
      let differ = Set(parts.keys).union(all.keys).sorted().filter { parts[$0] != all[$0] }
      #expect(differ.isEmpty, "\(context): \(differ.prefix(5).map { "\($0) \(parts[$0] ?? 0) != \(all[$0] ?? 0)" })")
      // Score sums are added in another order per group: equal up to rounding.
      for (state, sums) in whole.scoreSums[0].enumerated() {
        for (score, sum) in sums.enumerated() {
          let added = grouped.scoreSums.map { $0[state][score] }.reduce(0, +)
          #expect(abs(added - sum) <= 1e-9 * max(1, abs(sum)), context)
        }
      }
      #expect(grouped.guardrailTotals == whole.guardrails, context)
      for row in grouped.guardrails {
        #expect(row.limitPercent == whole.guardrails[row.guardrail].limitPercent, "one limit for every group")
      }
    }
  }

  /// Contacts never affect one another, so a group's rows are the whole report of a run on
  /// the group's contacts alone (over the same window): no figure lands in another group.
  @Test(arguments: [("persona-matrix", "tier"), ("winback", "orders_90d")])
  func aGroupsRowsAreTheReportOfItsContactsAlone(name: String, attribute: String) throws {
    let root = repositoryRoot.appendingPathComponent("examples")
    let campaign = try String(contentsOf: root.appendingPathComponent("\(name).campaign"), encoding: .utf8)
    let contacts = try String(contentsOf: root.appendingPathComponent("data/contacts.csv"), encoding: .utf8)
    let events = try String(contentsOf: root.appendingPathComponent("data/events.csv"), encoding: .utf8)
    let (program, data) = try loadData(campaign, contacts: contacts, events: events)
    let index = try #require(program.attributes.firstIndex { $0.name == attribute })
    let grouped = Simulation(campaign: program, data: data).run(groupBy: index)
    // The example data has no quoted fields: a comma splits the columns.
    let lines = contacts.split(separator: "\n", omittingEmptySubsequences: true)
    let column = try #require(
      lines[0].split(separator: ",", omittingEmptySubsequences: false).firstIndex { $0 == attribute })
    for (group, label) in grouped.groups.enumerated() {
      let rows = lines.dropFirst().filter {
        let cell = String($0.split(separator: ",", omittingEmptySubsequences: false)[column])
        return cell == label || (cell.isEmpty && label == "(missing)")
      }
      let (_, part) = try loadData(
        campaign, contacts: ([lines[0]] + rows).joined(separator: "\n") + "\n", events: events,
        from: data.window.start, to: data.window.end)
      let alone = Simulation(campaign: program, data: part).run()
      #expect(Self.figures(of: grouped, group: group) == Self.figures(of: alone), "\(name) \(attribute)=\(label)")
      #expect(
        grouped.guardrails.filter { $0.group == group }.map(\.ratePercent) == alone.guardrails.map(\.ratePercent),
        "a group's guardrail rate is the rate of its contacts alone")
    }
  }

  /// Every table's figures with the group taken out of the key and summed over: what the
  /// ungrouped report holds. Rates are compared as numerator and denominator, not percent;
  /// score sums (not whole numbers) apart.
  /// `group`: only that group's rows.
  static func figures(of report: SimulationReport, group only: Int? = nil) -> [String: Int] {
    var sums: [String: Int] = [:]
    func add(_ group: Int, _ key: String, _ count: Int) {
      if only == nil || only == group { sums[key, default: 0] += count }
    }
    for (group, states) in report.finalStates.enumerated() {
      for (state, count) in states.enumerated() { add(group, "final \(state)", count) }
    }
    for (group, states) in report.segments.enumerated() {
      for (segment, count) in states.enumerated() { add(group, "segment \(segment)", count) }
    }
    for row in report.transitions { add(row.group, "transition \(row.from) \(row.to)", row.count) }
    for (group, periods) in report.statesOverTime.enumerated() {
      for (period, states) in periods.enumerated() {
        for (state, count) in states.enumerated() { add(group, "over time \(period) \(state)", count) }
      }
    }
    for (row, count) in report.sends {
      add(row.group, "send \(row.flow) \(row.number) \(row.channel) \(row.arm)", count)
    }
    for (row, count) in report.held {
      add(row.group, "held \(row.reason) \(row.flow) \(row.number) \(row.channel)", count)
    }
    for row in report.audiences { add(row.group, "audience \(row.name)", row.count) }
    for row in report.guardrails {
      add(row.group, "guardrail \(row.guardrail) events", row.events)
      add(row.group, "guardrail \(row.guardrail) sends", row.sends)
    }
    for rate in report.rates {
      add(rate.group, "rate \(rate.channel) sends", rate.sends)
      for followed in rate.followed { add(rate.group, "rate \(rate.channel) \(followed.event)", followed.count) }
    }
    for row in report.months {
      for (column, count) in zip(report.monthlyColumns, row.counts) {
        add(row.group, "month \(row.month) \(column)", count)
      }
    }
    for row in report.counterValues { add(row.group, "counter \(row.counter) \(row.value)", row.contacts) }
    return sums.filter { $0.value != 0 }
  }
}
