import Checker
import Evaluator

/// `--per-contact FILE.csv`: one row per contact, in the contacts file's order, with
/// its attributes (pii masked unless `--show-pii`), final state, scores, counters,
/// segments, sends per channel and audiences.
final class PerContactWriter {
  let simulation: Simulation
  let showPII: Bool
  private(set) var text: String

  init(simulation: Simulation, showPII: Bool) {
    self.simulation = simulation
    self.showPII = showPII
    let campaign = simulation.program.campaign
    var header = campaign.attributes.map(\.name) + ["final_state"]
    header += campaign.scores.map(\.name) + campaign.counters + ["segments"]
    header += campaign.channels.map { "sends_\($0)" } + ["audiences"]
    text = header.map(ReportTable.quote).joined(separator: ",") + "\n"
  }

  func add(_ result: Simulation.ContactResult) {
    let campaign = simulation.program.campaign
    var fields = campaign.attributes.indices.map { index in
      campaign.attributes[index].isPII && !showPII
        ? ValueFormat.masked : simulation.attributeText(index, contact: result.contact)
    }
    guard result.inAudience else {
      fields.append("(outside the audience)")
      let blanks = campaign.scores.count + campaign.counters.count + 1 + campaign.channels.count + 1
      fields += Array(repeating: "", count: blanks)
      text += fields.map(ReportTable.quote).joined(separator: ",") + "\n"
      return
    }
    fields.append(campaign.states[result.state].name)
    fields += result.scores.map(ValueFormat.fixed)
    fields += result.counters.map(String.init)
    fields.append(
      campaign.segments.indices.filter { result.segments[$0] }.map { campaign.segments[$0].name }.joined(separator: ";")
    )
    fields += result.sends.map(String.init)
    fields.append(result.audiences.joined(separator: ";"))
    text += fields.map(ReportTable.quote).joined(separator: ",") + "\n"
  }
}
