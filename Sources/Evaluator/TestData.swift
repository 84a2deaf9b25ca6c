import CampaignLang
import Checker

/// Why a test's data could not be built (the checker rules out everything else).
public struct TestDataError: Error, Sendable, Hashable {
  public var message: String
}

extension DataSet {
  /// The data of one test block, built in memory as the loader would have read it from
  /// a file holding one contact and the test's events: the same columns, pool and
  /// grouping, so `Simulation` runs a test exactly as it runs `simulate`.
  ///
  /// The window (grammar.md §3, Tests) starts at the first event and ends at `run
  /// until`, or one second after the last event: `simulate`'s default window.
  /// Timestamps without an offset are read in the campaign's time zone, as constants in
  /// conditions are.
  public static func forTest(_ test: TestCase, of campaign: CheckedCampaign) -> Result<DataSet, TestDataError> {
    let campaignZone = ZoneRules(identifier: campaign.timezone) ?? .utc
    let slots = FieldSlots(campaign.events)
    // The compiler's constant conversion, so test values mean what literals mean.
    var values = ExprCompiler(program: campaign, slots: slots, zone: campaignZone, pool: StringPool())

    var contacts = ContactTable(columns: campaign.attributes.map { Column(for: $0.type) })
    var row: [Value] = Array(repeating: .missing, count: campaign.attributes.count)
    for (attribute, constant) in test.contact { row[attribute] = values.value(constant) }
    for (index, value) in row.enumerated() { contacts.columns[index].append(value) }
    var zones = [campaignZone]
    if let zoneAttribute = campaign.attributes.firstIndex(where: { $0.name == "timezone" && $0.type.base == .string }),
      case .string(let id) = row[zoneAttribute]
    {
      let name = values.pool.string(id)
      guard let rules = ZoneRules(identifier: name) else {
        return .failure(
          TestDataError(message: "the contact's timezone \"\(name)\" is not a time zone; use an IANA name such as UTC"))
      }
      zones.append(rules)
    }
    contacts.zones = [Int32(zones.count - 1)]
    let keyText: String =
      switch test.contact.first(where: { $0.0 == campaign.keyAttribute })?.1 {
      case .string(let text)?: text
      case .int(let number)?: String(number)
      default: ""
      }
    contacts.keys.append(keyText)
    contacts.count = 1

    var events = EventTable(fields: slots.columns.map { Column(for: $0.type) })
    // Rows are stored in time order, ties in written order (the loader's order for ties
    // in a file).
    var timedEvents: [(instant: Int64, event: TestCase.TimedEvent)] = []
    for timed in test.events {
      guard case .timestamp(let instant) = values.value(.timestamp(timed.at)) else { continue }
      timedEvents.append((instant, timed))
    }
    let inOrder = timedEvents.indices.sorted { a, b in
      timedEvents[a].instant != timedEvents[b].instant ? timedEvents[a].instant < timedEvents[b].instant : a < b
    }
    for (instant, timed) in inOrder.map({ timedEvents[$0] }) {
      var fields: [Value] = Array(repeating: .missing, count: slots.columns.count)
      for (field, constant) in timed.fields { fields[slots.slot[timed.event][field]] = values.value(constant) }
      events.contact.append(0)
      events.time.append(instant)
      events.type.append(Int32(timed.event))
      for (slot, value) in fields.enumerated() { events.fields[slot].append(value) }
      events.count += 1
    }
    let times = events.time
    events.first = [0, Int32(events.count)]

    let start = times.min() ?? 0
    var end = times.max().map { $0 + 1 } ?? start + 1
    if let until = test.runUntil, case .timestamp(let instant) = values.value(.timestamp(until)) { end = instant }
    var keyIndex = KeyIndex()
    _ = contacts.keys.withKey(0) { keyIndex.insert($0, contact: 0, keys: contacts.keys) }
    var report = LoadReport()
    report.contactRows = 1
    report.eventRows = events.count
    return .success(
      DataSet(
        contacts: contacts, events: events, pool: values.pool, zones: zones, window: Window(start: start, end: end),
        report: report, slots: slots, keyIndex: keyIndex))
  }
}

/// A test block's run and what it found: the final figures, as `simulate` reports them,
/// and the expectations that did not hold.
public struct TestOutcome: Sendable {
  /// What a failed expectation found instead.
  public enum Actual: Sendable, Hashable {
    /// The contact was outside the campaign's audience at the start, so not replayed.
    case notInAudience
    case state(Int)
    case score(Double)
    case counter(Int64)
    case sends(Int)
    case segment(member: Bool)
  }
  public struct Failure: Sendable, Hashable {
    /// Index into the test's `expectations`.
    public var check: Int
    public var actual: Actual
  }

  /// The simulation of the test's one contact (index 0), for its timeline.
  public var simulation: Simulation
  public var result: Simulation.ContactResult
  public var failures: [Failure]

  public var passed: Bool { failures.isEmpty }

  /// Runs `test` of `campaign` on the engine `simulate` uses and checks its expectations.
  /// Scores are compared at two decimals, as the reports show them.
  public static func run(_ test: TestCase, of campaign: CheckedCampaign) -> Result<TestOutcome, TestDataError> {
    let data: DataSet
    switch DataSet.forTest(test, of: campaign) {
    case .success(let built): data = built
    case .failure(let error): return .failure(error)
    }
    let simulation = Simulation(campaign: campaign, data: data)
    var results: [Simulation.ContactResult] = []
    _ = simulation.run(perContact: { results.append($0) })
    let result = results[0]
    var failures: [Failure] = []
    for (index, check) in test.expectations.enumerated() {
      if let actual = TestOutcome.mismatch(check.expectation, result) {
        failures.append(Failure(check: index, actual: actual))
      }
    }
    return .success(TestOutcome(simulation: simulation, result: result, failures: failures))
  }

  /// What the run found instead of `expectation`, or nil when it holds.
  static func mismatch(_ expectation: TestCase.Expectation, _ result: Simulation.ContactResult) -> Actual? {
    if case .sends(let channel, let count) = expectation {
      let sent = channel.map { result.sends.indices.contains($0) ? result.sends[$0] : 0 } ?? result.sends.reduce(0, +)
      return Int64(sent) == count ? nil : .sends(sent)
    }
    guard result.inAudience else { return .notInAudience }
    switch expectation {
    case .state(let state):
      return result.state == state ? nil : .state(result.state)
    case .score(let score, let value):
      let actual = result.scores[score]
      return ValueFormat.fixed(actual) == ValueFormat.fixed(value.approximate) ? nil : .score(actual)
    case .counter(let counter, let value):
      return result.counters[counter] == value ? nil : .counter(result.counters[counter])
    case .segment(let segment, let member):
      return result.segments[segment] == member ? nil : .segment(member: result.segments[segment])
    case .sends:
      return nil
    }
  }
}
