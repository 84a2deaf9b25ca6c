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
