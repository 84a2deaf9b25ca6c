import CampaignLang
import Checker
import DataReader
import Evaluator
import Render

/// What `simulate` and `explain` share: compile the campaign, read the data, settle
/// the window. Problems are printed here; callers get nil and the exit code.
struct DataCommand {
  let driver: Driver

  static let dataOptions = ["--contacts", "--events", "--from", "--to"]
  static let dataSwitches = ["--skip-bad-rows", "--show-pii"] + Arguments.colorSwitches

  /// The checked campaign of `path`, or the exit code after printing its diagnostics
  /// (on standard error; in colour only with `--color`, `color`).
  func program(_ path: String, color: Bool? = nil) -> Result<CheckedCampaign, ExitStatus> {
    guard driver.fileSystem.exists(path), !driver.fileSystem.isDirectory(path), let bytes = driver.fileSystem.read(path)
    else {
      let reason =
        driver.fileSystem.isDirectory(path)
        ? "it is a folder; give one campaign file (`check` takes folders)" : "no such file"
      driver.output.writeError("error: cannot read `\(path)`: \(reason)\n")
      return .failure(ExitStatus(code: ExitCode.usage))
    }
    let compilation = driver.compile(path, bytes: bytes)
    guard let program = compilation.program else {
      let renderer = TextRenderer(color: color ?? false)
      let errors = compilation.diagnostics.filter { $0.severity == .error }
      var text = ""
      var tables: [FileID: LineTable] = [:]
      for diagnostic in errors.prefix(20) {
        text += renderer.render(diagnostic, sources: compilation.sources, tables: &tables)
      }
      text += "error: \(path) has \(errors.count) error\(errors.count == 1 ? "" : "s"); "
      text += "run `campaignc check \(path)` to see them all, and fix them before simulating\n"
      driver.output.writeError(text)
      return .failure(ExitStatus(code: ExitCode.inputErrors))
    }
    return .success(program)
  }

  /// Reads `--contacts` and `--events` for `program`. `keepingText`: see
  /// `LoadRequest.keptText`; `leavingOutInertEvents`: `LoadRequest.leavesOutInertEvents`.
  func load(
    _ program: CheckedCampaign, _ arguments: Arguments, command: String, keepingText: Set<Int>? = nil,
    leavingOutInertEvents: Bool = false, timer: PhaseTimer? = nil
  ) -> Result<DataSet, ExitStatus> {
    guard let contacts = arguments.values["--contacts"], let events = arguments.values["--events"] else {
      return .failure(
        ExitStatus(code: driver.usageError("`\(command)` needs --contacts FILE and --events FILE", command: command)))
    }
    let zone = ZoneRules(identifier: program.timezone) ?? .utc
    var bounds: [Int64?] = []
    for flag in ["--from", "--to"] {
      guard let text = arguments.values[flag] else {
        bounds.append(nil)
        continue
      }
      guard let instant = DataCommand.instant(text, zone: zone) else {
        return .failure(
          ExitStatus(
            code: driver.usageError(
              "`\(flag)` takes a date (2026-06-30, midnight in the campaign's time zone) or a timestamp "
                + "with a zone (2026-06-30T00:00:00Z); got `\(text)`", command: command)))
      }
      bounds.append(instant)
    }
    if let from = bounds[0], let to = bounds[1], from >= to {
      return .failure(ExitStatus(code: driver.usageError("`--from` must be before `--to`", command: command)))
    }
    var request = LoadRequest(
      contactsFile: contacts, contactsBytes: [], eventsFile: events, eventsBytes: [], from: bounds[0],
      to: bounds[1], skipBadRows: arguments.flags.contains("--skip-bad-rows"))
    request.keptText = keepingText
    request.leavesOutInertEvents = leavingOutInertEvents
    // The request holds the only copy of each file's bytes, so the loader can let go of them.
    for (path, isContacts) in [(contacts, true), (events, false)] {
      switch driver.fileSystem.readData(path) {
      case .success(let store):
        if isContacts { request.contactsStore = store } else { request.eventsStore = store }
      case .failure(let failure):
        driver.output.writeError("error: \(failure.message)\n")
        return .failure(ExitStatus(code: ExitCode.usage))
      }
    }
    do {
      let data = try DataLoader.load(program, taking: &request, phaseEnded: timer.map { timer in { timer.end($0) } })
      // A window not given comes from the events; with none of a known contact (an
      // empty file, say) it would be a second of 1970.
      if bounds[0] == nil || bounds[1] == nil, !data.hasEventOfAContact {
        let flags = [bounds[0] == nil ? "--from" : nil, bounds[1] == nil ? "--to" : nil].compactMap { $0 }
        driver.output.writeError(
          "error: no event in \(events) belongs to a contact in \(contacts), so the data sets no window to "
            + "replay; give \(flags.joined(separator: " and ")) (a date such as 2026-06-30)\n")
        return .failure(ExitStatus(code: ExitCode.inputErrors))
      }
      // One end given, the other taken from the events, can still leave no window.
      if data.window.start >= data.window.end {
        let problem =
          bounds[0] != nil
          ? "`--from` is after the last event (\(ValueFormat.timestamp(data.window.end - 1))); give `--to` too"
          : "`--to` is not after the first event (\(ValueFormat.timestamp(data.window.start))); give `--from` too"
        return .failure(ExitStatus(code: driver.usageError("the window is empty: " + problem, command: command)))
      }
      warnAboutMisspelledTypes(data, program: program, events: events)
      return .success(data)
    } catch {
      var text = "error: \(error.message)\n"
      for problem in error.problems { text += "  \(problem.description)\n" }
      if error.problemCount > error.problems.count {
        text += "  ... and \(error.problemCount - error.problems.count) more\n"
      }
      driver.output.writeError(text)
      return .failure(ExitStatus(code: ExitCode.inputErrors))
    }
  }

  /// Events of a type the campaign does not declare are counted in the report and
  /// otherwise ignored: a data file may hold the events of many campaigns. One whose
  /// name is a near miss of a declared type (`emial_open`) is most likely a typo, in the
  /// data or in the campaign, that would quietly lose those events: it gets a warning.
  func warnAboutMisspelledTypes(_ data: DataSet, program: CheckedCampaign, events: String) {
    let declared = program.events.map(\.name)
    for undeclared in data.report.undeclaredEventTypes {
      guard let near = Spelling.closest(to: undeclared.name, among: declared) else { continue }
      let rows = undeclared.count == 1 ? "1 event" : "\(undeclared.count) events"
      driver.output.writeError(
        "warning: \(events): \(rows) of type `\(undeclared.name)` ignored: the campaign declares no such event; "
          + "did you mean `\(near)`?\n")
    }
  }

  /// `2026-06-30` (local midnight in `zone`) or a timestamp with `Z` or an offset.
  static func instant(_ text: String, zone: ZoneRules) -> Int64? {
    if let value = try? ValueParser.parse(text, as: .timestamp), case .timestamp(let seconds) = value {
      return seconds
    }
    if let value = try? ValueParser.parse(text, as: .date), case .date(let date) = value {
      return zone.midnight(ofDay: date.daysSinceEpoch)
    }
    return nil
  }
}

/// An exit code carried through `Result`.
struct ExitStatus: Error {
  var code: Int32
}
