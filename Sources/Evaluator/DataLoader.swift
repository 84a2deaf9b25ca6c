import CampaignLang
import Checker
import DataReader

/// What to load and how strictly.
public struct LoadRequest: Sendable {
  public var contactsFile: String
  public var contactsBytes: [UInt8]
  public var eventsFile: String
  public var eventsBytes: [UInt8]
  /// The window; nil: from the earliest event, to just after the latest.
  public var from: Int64?
  public var to: Int64?
  /// Skip rows that do not fit (and count them) instead of stopping.
  public var skipBadRows: Bool
  /// The files' bytes in place (a mapped file), read instead of `contactsBytes` and
  /// `eventsBytes` when set.
  public var contactsStore: ByteStore?
  public var eventsStore: ByteStore?
  /// Which text attributes to store. nil: all of them. Otherwise only the ones the
  /// campaign's run reads (see `SimulationProgram.attributesRead`), the time zone and
  /// these (indices into `CheckedCampaign.attributes`, such as the one a report
  /// is broken down by); the others are checked for a value, as every attribute is, but
  /// not stored. A million e-mail addresses cost more to keep than the rest of the
  /// contacts, and a run that never shows them has no use for them.
  public var keptText: Set<Int>?
  /// Leave out of the data set the events of types that cannot change any figure of a
  /// replay (see `SimulationProgram.inertEvents`): they are read, checked and counted,
  /// not stored; and the values of event fields the run does not read
  /// (`SimulationProgram.fieldsRead`): checked, not stored. Not for a trace (`explain`
  /// shows every event and field) nor a test.
  public var leavesOutInertEvents = false

  public init(
    contactsFile: String, contactsBytes: [UInt8], eventsFile: String, eventsBytes: [UInt8], from: Int64? = nil,
    to: Int64? = nil, skipBadRows: Bool = false
  ) {
    self.contactsFile = contactsFile
    self.contactsBytes = contactsBytes
    self.eventsFile = eventsFile
    self.eventsBytes = eventsBytes
    self.from = from
    self.to = to
    self.skipBadRows = skipBadRows
  }
}

/// Reads contacts and events against a checked campaign's schema. Columns are matched
/// by name; extra columns are ignored. A row that does not fit stops the load (every
/// such row is listed) unless `skipBadRows`, which counts it by reason instead.
public enum DataLoader {
  /// The names the time and type columns of an events file may have, in preference order.
  public static let timeColumns = ["ts", "timestamp", "time", "at"]
  public static let typeColumns = ["type", "event"]
  /// How many bad rows an error lists before "and N more".
  static let shownProblems = 10

  public static func load(_ program: CheckedCampaign, _ request: LoadRequest) throws(LoadError) -> DataSet {
    var request = request
    return try load(program, taking: &request)
  }

  /// Loads, taking the files' bytes out of `request`: the loader then holds the only
  /// copy (unless the caller kept one), so it lets each file's memory go as it reads.
  /// `phaseEnded` is told when each phase (`contacts`, `events`, `grouping`) ends, for
  /// `--timings`.
  public static func load(
    _ program: CheckedCampaign, taking request: inout LoadRequest, phaseEnded: ((String) -> Void)? = nil
  ) throws(LoadError) -> DataSet {
    var loader = Loader(program: program, skipBadRows: request.skipBadRows)
    // The campaign compiled without data, once, for what its run reads and reacts to.
    let shape = SimulationProgram.compiledWithoutData(program)
    if let kept = request.keptText {
      let read = shape.attributesRead
      loader.storesText = program.attributes.indices.map { index in
        kept.contains(index) || read.contains(index) || program.attributes[index].name == "timezone"
      }
    }
    try loader.readContacts(file: request.contactsFile, store: take(&request.contactsStore, &request.contactsBytes))
    if request.leavesOutInertEvents {
      loader.leaveOut(shape.inert, from: request.from, to: request.to)
      let read = shape.fieldsRead
      loader.storesField = loader.slots.columns.indices.map { read.contains($0) }
    }
    phaseEnded?("contacts")
    try loader.readEvents(file: request.eventsFile, store: take(&request.eventsStore, &request.eventsBytes))
    phaseEnded?("events")
    try loader.stopIfBad()
    let data = loader.finish(from: request.from, to: request.to)
    phaseEnded?("grouping")
    return data
  }
}

/// A file's store, or a store of its bytes, leaving the request without either.
private func take(_ store: inout ByteStore?, _ bytes: inout [UInt8]) -> ByteStore {
  defer {
    store = nil
    bytes = []
  }
  return store ?? ByteStore(copying: bytes)
}

/// The state of one load; see `DataLoader`.
struct Loader {
  let program: CheckedCampaign
  let skipBadRows: Bool
  var pool = StringPool()
  var contacts: ContactTable
  var events: EventTable
  var slots: FieldSlots
  var zones: [ZoneRules]
  var zoneIndex: [String: Int32] = [:]
  var keyIndex = KeyIndex()
  var report = LoadReport()
  var problems: [RowProblem] = []
  var problemCount = 0
  var skipped: [String: LoadReport.Skipped] = [:]
  var undeclared: [String: Int] = [:]
  var duplicates: [RowProblem] = []
  /// Per attribute: whether its text is stored (see `LoadRequest.keptText`).
  var storesText: [Bool]
  /// Events of types left out of the data set (see `LoadRequest.leavesOutInertEvents`).
  var leftOut = LeftOutEvents()
  /// Per event field slot: whether its values are stored (see
  /// `LoadRequest.leavesOutInertEvents`); an unstored slot's column stays empty.
  var storesField: [Bool]
  /// For the fast path of reading events (see `readPlainEventRow`).
  var timestamps = TimestampReader()
  var recentTexts = RecentTexts()

  init(program: CheckedCampaign, skipBadRows: Bool) {
    self.program = program
    self.skipBadRows = skipBadRows
    contacts = ContactTable(columns: program.attributes.map { Column(for: $0.type) })
    storesText = Array(repeating: true, count: program.attributes.count)
    slots = FieldSlots(program.events)
    events = EventTable(fields: slots.columns.map { Column(for: $0.type) })
    storesField = Array(repeating: true, count: slots.columns.count)
    let campaignZone = ZoneRules(identifier: program.timezone) ?? .utc
    zones = [campaignZone]
    zoneIndex[campaignZone.identifier] = 0
  }

  /// Records a row that does not fit: kept for the error, or counted when skipping.
  mutating func reject(_ problem: RowProblem) {
    problemCount += 1
    if skipBadRows {
      let key = "\(problem.file)\u{0}\(problem.column ?? "")\u{0}\(problem.kind)"
      var entry =
        skipped[key]
        ?? LoadReport.Skipped(file: problem.file, column: problem.column, kind: problem.kind, count: 0, firstLines: [])
      entry.count += 1
      if entry.firstLines.count < 5 { entry.firstLines.append(problem.line) }
      skipped[key] = entry
    } else if problems.count < DataLoader.shownProblems {
      problems.append(problem)
    }
  }

  /// Moves `reader` to the next row it can read, rejecting the ones it cannot; false
  /// at the end of the file.
  mutating func nextRow<Reader: RecordReader>(_ reader: inout Reader) -> Bool {
    reader.releaseReadRows()
    while true {
      do {
        return try reader.next()
      } catch {
        reject(error)
      }
    }
  }

  func stopIfBad() throws(LoadError) {
    if !duplicates.isEmpty {
      throw LoadError(
        "contact ids must be unique; these rows repeat an id that an earlier row has"
          + (skipBadRows ? " (--skip-bad-rows does not skip them: the events of that id would have two owners)" : ""),
        problems: Array(duplicates.prefix(DataLoader.shownProblems)), problemCount: duplicates.count)
    }
    if !skipBadRows && problemCount > 0 {
      throw LoadError(
        "\(problemCount) row\(problemCount == 1 ? "" : "s") did not fit the campaign's schema; fix them, or run "
          + "with --skip-bad-rows to skip them and count them in the report",
        problems: problems, problemCount: problemCount)
    }
  }

  static func kind(of type: ValueType) -> ColumnKind {
    switch type.base {
    case .int: .int
    case .decimal: .decimal
    case .bool: .bool
    case .date: .date
    case .timestamp: .timestamp
    case .duration: .duration
    case .percent: .percent
    case .enumeration(let cases): .enumeration(cases.cases)
    default: .string
    }
  }

  /// Reads one field as `kind`; nil when missing. Text goes straight from the bytes to
  /// the pool, without a `String`.
  mutating func value(_ bytes: UnsafeBufferPointer<UInt8>?, kind: ColumnKind) throws(ValueError) -> Value? {
    guard let bytes, !bytes.isEmpty else { return nil }
    if kind == .string { return .string(pool.intern(bytes)) }
    switch try ValueParser.parse(bytes, as: kind) {
    case nil, .string: return nil
    case .int(let number): return .int(number)
    case .decimal(let number): return .decimal(number)
    case .bool(let flag): return .bool(flag)
    case .date(let date): return .date(date.daysSinceEpoch)
    case .timestamp(let seconds): return .timestamp(seconds)
    case .duration(let seconds): return .duration(seconds)
    case .percent(let number): return .percent(number)
    case .enumeration(let index): return .enumCase(index)
    }
  }

  /// Reads selected column `column` of `reader`'s current row as `kind`.
  mutating func read<Reader: RecordReader>(_ reader: Reader, column: Int, kind: ColumnKind) -> Result<
    Value?, ValueError
  > {
    reader.field(column) { bytes in
      Result { () throws(ValueError) -> Value? in try value(bytes, kind: kind) }
    }
  }
}
