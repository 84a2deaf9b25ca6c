import CampaignLang
import Checker
import Evaluator
import Foundation
import Render

/// `campaignc simulate FILE --contacts C --events E`: the dry run over real data.
struct SimulateCommand {
  let driver: Driver

  enum Format: String, CaseIterable {
    case table, json, csv
  }

  func run(_ arguments: [String]) -> Int32 {
    let options: Arguments
    switch driver.options(
      arguments, command: "simulate", help: Help.simulate,
      parse: {
        Arguments.parse(
          $0, options: DataCommand.dataOptions + ["--format", "--by", "--per-contact"],
          switches: DataCommand.dataSwitches + ["--timings"])
      })
    {
    case .success(let read): options = read
    case .failure(let status): return status.code
    }
    guard options.positional.count == 1, let path = options.positional.first else {
      return driver.usageError("`simulate` takes one campaign file", command: "simulate")
    }
    let formatName = options.values["--format"] ?? "table"
    guard let format = Format(rawValue: formatName) else {
      return driver.usageError(
        "`--format` takes one of: " + Format.allCases.map(\.rawValue).joined(separator: ", "), command: "simulate")
    }
    let timer = options.flags.contains("--timings") ? PhaseTimer() : nil
    let data = DataCommand(driver: driver)
    let program: CheckedCampaign
    switch data.program(path, color: options.color) {
    case .success(let checked): program = checked
    case .failure(let status): return status.code
    }
    let showPII = options.flags.contains("--show-pii")
    var group: Int?
    if let by = options.values["--by"] {
      guard let index = program.attributes.firstIndex(where: { $0.name == by }) else {
        let hint =
          Spelling.closest(to: by, among: program.attributes.map(\.name)).map { "; did you mean `\($0)`?" }
          ?? "; the campaign's attributes are " + program.attributes.map { "`\($0.name)`" }.joined(separator: ", ")
        return driver.usageError("`--by` names a contact attribute; `\(by)` is not one\(hint)", command: "simulate")
      }
      if program.attributes[index].isPII && !showPII {
        return driver.usageError(
          "`\(by)` is marked pii, so its values are masked; add --show-pii to break figures down by it",
          command: "simulate")
      }
      group = index
    }
    timer?.end("check")
    // Text the report never shows and the campaign never reads (such as e-mail
    // addresses) is not stored, unless the per-contact file shows every attribute.
    let keptText: Set<Int>? = options.values["--per-contact"] != nil ? nil : Set(group.map { [$0] } ?? [])
    // Events that no rule can notice are read and counted, not stored: the run would
    // only step over them (see `SimulationProgram.inertEvents`).
    let report: SimulationReport
    let perContact: PerContactWriter?
    switch data.load(
      program, options, command: "simulate", keepingText: keptText, leavingOutInertEvents: true, timer: timer)
    {
    case .success(let dataSet):
      (report, perContact) = simulate(
        dataSet, program: program, group: group, perContact: options.values["--per-contact"] != nil,
        showPII: showPII, timer: timer)
    case .failure(let status): return status.code
    }
    if let writer = perContact, let file = options.values["--per-contact"] {
      if let problem = driver.fileSystem.write(file, Array(writer.text.utf8)) {
        driver.output.writeError("error: \(problem)\n")
        return ExitCode.usage
      }
    }
    let tables = SimulationTables.make(report)
    driver.output.write(SimulateCommand.render(tables, report: report, format: format))
    if let timer {
      timer.end("report")
      driver.output.writeError(timer.line)
    }
    return ExitCode.success
  }

  /// Runs every contact of `dataSet` through `program`, with a progress line on a
  /// terminal for a large run; the report, and the per-contact file's rows when asked.
  func simulate(
    _ dataSet: DataSet, program: CheckedCampaign, group: Int?, perContact wanted: Bool, showPII: Bool,
    timer: PhaseTimer?
  ) -> (SimulationReport, PerContactWriter?) {
    let simulation = Simulation(campaign: program, data: dataSet)
    timer?.end("compile")
    var perContact: PerContactWriter?
    if wanted { perContact = PerContactWriter(simulation: simulation, showPII: showPII) }
    let progress: ((Int) -> Void)? =
      driver.output.isErrorTerminal && dataSet.contacts.count >= 100_000
      ? { [output = driver.output, total = dataSet.contacts.count] done in
        output.writeProgress("simulating: \(done * 100 / total)% of \(total) contacts")
      } : nil
    let report = simulation.run(
      groupBy: group, perContact: perContact.map { writer in { writer.add($0) } }, progress: progress)
    if progress != nil { driver.output.writeProgress(nil) }
    timer?.end("run")
    return (report, perContact)
  }

  static func render(_ tables: [ReportTable], report: SimulationReport, format: Format) -> String {
    let window = ValueFormat.timestamp(report.window.start) + " to " + ValueFormat.timestamp(report.window.end)
    switch format {
    case .table:
      var out = "campaign \"\(report.campaign.name)\": \(report.contacts) contacts, \(window)"
      out += report.groupedBy.map { ", by \($0)" } ?? ""
      out += "\ndry run: nothing was sent\n"
      for table in tables { out += "\n" + table.text() }
      return out
    case .csv:
      return tables.map { "# \($0.name)\n" + $0.csv() }.joined(separator: "\n")
    case .json:
      let json = JSON.object(
        [
          ("campaign", .string(report.campaign.name)),
          ("from", .string(ValueFormat.timestamp(report.window.start))),
          ("to", .string(ValueFormat.timestamp(report.window.end))),
          ("contacts", .number(report.contacts)),
          ("by", report.groupedBy.map { .string($0) } ?? .null),
        ] + tables.map { ($0.name, $0.json()) })
      return json.serialized() + "\n"
    }
  }
}
