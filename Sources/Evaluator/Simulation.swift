import CampaignLang
import Checker

/// Runs every contact through a campaign and adds up what happened.
public struct Simulation: Sendable {
  public let program: SimulationProgram
  public let data: DataSet

  public init(campaign: CheckedCampaign, data: DataSet) {
    program = SimulationProgram(campaign, data: data)
    assert(program.attributesRead.isDisjoint(with: data.unstoredText), "the run reads text the loader did not store")
    var data = data
    data.pool = program.pool
    self.data = data
  }

  /// One contact's final figures, for `--per-contact` and tests.
  public struct ContactResult: Sendable {
    public var contact: Int
    public var inAudience: Bool
    public var state: Int
    public var scores: [Double]
    public var counters: [Int64]
    public var segments: [Bool]
    public var sends: [Int]
    public var audiences: [String]
  }

  /// Simulates every contact. `group`: the attribute to break figures down by.
  /// `perContact` sees each contact's result in contact order.
  public func run(
    groupBy group: Int? = nil, perContact: ((ContactResult) -> Void)? = nil, progress: ((Int) -> Void)? = nil
  ) -> SimulationReport {
    let campaign = program.campaign
    var report = SimulationReport(campaign: campaign, window: data.window, load: data.report)
    let (labels, groupOf) = groups(by: group)
    report.groupedBy = group.map { campaign.attributes[$0].name }
    report.groups = labels
    let stateCount = campaign.states.count
    report.finalStates = Array(repeating: Array(repeating: 0, count: stateCount), count: labels.count)
    report.scoreSums = Array(
      repeating: Array(repeating: Array(repeating: 0, count: campaign.scores.count), count: stateCount),
      count: labels.count)
    report.segments = Array(repeating: Array(repeating: 0, count: campaign.segments.count), count: labels.count)
    let span = data.window.end - data.window.start
    report.period = span > 62 * 86_400 ? 7 * 86_400 : 86_400
    let periods = Int((span + report.period - 1) / report.period)
    // Per-group figures live in flat arrays indexed by group first, so the loop below
    // adds to them without a look-up: [group][period][state], [group][guardrail],
    // [group][channel] and [group][channel][event].
    let groupCount = labels.count
    let channelCount = campaign.channels.count
    let eventCount = campaign.events.count
    let guardrailCount = campaign.guardrails.count
    var overTime = Array(repeating: 0, count: groupCount * periods * stateCount)
    var transitions = Array(
      repeating: Array(repeating: Array(repeating: 0, count: labels.count), count: stateCount), count: stateCount)
    var sends: [SimulationReport.SendRow: Int] = [:]
    var held: [SimulationReport.HeldRow: Int] = [:]
    var audiences: [AudienceKey: Int] = [:]
    var guardrailEvents = Array(repeating: 0, count: groupCount * guardrailCount)
    var sendsPerChannel = Array(repeating: 0, count: groupCount * channelCount)
    var followed = Array(repeating: 0, count: groupCount * channelCount * eventCount)
    var monthly = MonthlyCounts(zone: ZoneRules(identifier: campaign.timezone) ?? .utc)
    /// [counter][group]: contacts per final value.
    var counterValues = Array(repeating: [Int64: Int](), count: campaign.counters.count * groupCount)
    var run = ContactRun(compiled: program, data: data, window: data.window)
    for contact in 0..<data.contacts.count {
      if let progress, contact % 65_536 == 0 { progress(contact) }
      let group = groupOf(contact)
      report.contacts += 1
      if !run.inAudience(contact: contact) {
        report.outsideAudience += 1
        perContact?(
          ContactResult(
            contact: contact, inAudience: false, state: -1, scores: [], counters: [], segments: [], sends: [],
            audiences: []))
        continue
      }
      run.run(contact: contact)
      let record = run.record
      if record.loops > 0 { report.contactsWithLoops += 1 }
      report.finalStates[group][run.state] += 1
      for score in campaign.scores.indices { report.scoreSums[group][run.state][score] += run.scoreValue(score) }
      let membership = program.segments.map { run.evaluate($0).isTrue }
      for (index, member) in membership.enumerated() where member { report.segments[group][index] += 1 }
      // States over time: walk the contact's changes along the period ends.
      var state = campaign.initialState
      var change = 0
      let overTimeBase = group * periods * stateCount
      for index in 0..<periods {
        let end = min(data.window.start + Int64(index + 1) * report.period, data.window.end)
        while change < record.transitions.count && record.transitions[change].at < end {
          state = record.transitions[change].to
          change += 1
        }
        overTime[overTimeBase + index * stateCount + state] += 1
      }
      for transition in record.transitions { transitions[transition.from][transition.to][group] += 1 }
      var channelSends = Array(repeating: 0, count: campaign.channels.count)
      for send in record.sends {
        let row = SimulationReport.SendRow(
          flow: send.flow, number: send.number, template: send.template, channel: send.channel, arm: send.arm ?? -1,
          group: group)
        sends[row, default: 0] += 1
        channelSends[send.channel] += 1
        let channelSlot = group * channelCount + send.channel
        sendsPerChannel[channelSlot] += 1
        for (event, did) in send.followedBy.enumerated() where did { followed[channelSlot * eventCount + event] += 1 }
      }
      for item in record.held {
        let row = SimulationReport.HeldRow(
          reason: item.reason, flow: item.flow, number: item.number, channel: item.channel, group: group)
        held[row, default: 0] += item.count
      }
      for audience in record.audiences { audiences[AudienceKey(name: audience.name, group: group), default: 0] += 1 }
      monthly.add(record, group: group)
      for (counter, value) in run.counters.enumerated() {
        counterValues[counter * groupCount + group][value, default: 0] += 1
      }
      report.eventsBeforeEntry += record.eventsBeforeEntry
      for (index, count) in record.guardrailEvents.enumerated() {
        guardrailEvents[group * guardrailCount + index] += count
      }
      perContact?(
        ContactResult(
          contact: contact, inAudience: true, state: run.state,
          scores: campaign.scores.indices.map { run.scoreValue($0) }, counters: run.counters, segments: membership,
          sends: channelSends, audiences: record.audiences.map(\.name)))
    }
    report.statesOverTime = labels.indices.map { group in
      (0..<periods).map { period in
        let start = (group * periods + period) * stateCount
        return Array(overTime[start..<start + stateCount])
      }
    }
    for from in 0..<stateCount {
      for to in 0..<stateCount {
        for group in labels.indices where transitions[from][to][group] > 0 {
          report.transitions.append((from, to, group, transitions[from][to][group]))
        }
      }
    }
    report.sends = sends.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    report.held = held.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    report.audiences = audiences.sorted { $0.key < $1.key }.map { ($0.key.name, $0.key.group, $0.value) }
    // A guardrail in a group: the group's events against the group's sends, compared with
    // the guardrail's one limit (see `SimulationReport.GuardrailRow`).
    for (index, guardrail) in campaign.guardrails.enumerated() {
      for group in labels.indices {
        let base = group * channelCount
        let denominator =
          guardrail.channel.map { sendsPerChannel[base + $0] }
          ?? sendsPerChannel[base..<base + channelCount].reduce(0, +)
        report.guardrails.append(
          SimulationReport.GuardrailRow(
            guardrail: index, event: campaign.events[guardrail.event].name,
            channel: guardrail.channel.map { campaign.channels[$0] }, group: group,
            events: guardrailEvents[group * guardrailCount + index], sends: denominator,
            limitPercent: guardrail.limitPercent))
      }
    }
    (report.monthlyColumns, report.months) = monthly.table()
    for counter in campaign.counters.indices {
      // Every group's values, by value, then group (the pairs are unique: a total order).
      var rows: [(counter: Int, value: Int64, group: Int, contacts: Int)] = []
      for group in labels.indices {
        for (value, count) in counterValues[counter * groupCount + group] {
          rows.append((counter, value, group, count))
        }
      }
      report.counterValues += rows.sorted { ($0.value, $0.group) < ($1.value, $1.group) }
    }
    let engagementTypes = campaign.events.indices.filter { program.isEngagement[$0] }
    for channel in campaign.channels.indices {
      for group in labels.indices where sendsPerChannel[group * channelCount + channel] > 0 {
        let slot = group * channelCount + channel
        report.rates.append(
          (channel, group, sendsPerChannel[slot], engagementTypes.map { ($0, followed[slot * eventCount + $0]) }))
      }
    }
    return report
  }

  /// An audience's moves in one group.
  struct AudienceKey: Hashable, Comparable {
    var name: String
    var group: Int
    static func < (a: AudienceKey, b: AudienceKey) -> Bool {
      a.name == b.name ? a.group < b.group : Array(a.name.utf8).lexicographicallyPrecedes(Array(b.name.utf8))
    }
  }

  /// The group labels in byte order and each contact's group.
  func groups(by attribute: Int?) -> ([String], (Int) -> Int) {
    guard let attribute else { return (["all"], { _ in 0 }) }
    let type = program.campaign.attributes[attribute].type
    assert(!data.unstoredText.contains(attribute), "a breakdown by text the loader did not store")
    let column = data.contacts.columns[attribute]
    var labelOf: [String] = []
    for contact in 0..<data.contacts.count {
      labelOf.append(ValueFormat.text(column.value(at: contact), type: type, pool: data.pool))
    }
    let labels = Array(Set(labelOf)).sorted { a, b in
      if a == ValueFormat.missingLabel { return false }
      if b == ValueFormat.missingLabel { return true }
      return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }
    var index: [String: Int] = [:]
    for (position, label) in labels.enumerated() { index[label] = position }
    let groupOf = labelOf.map { index[$0]! }
    return (labels, { groupOf[$0] })
  }
}

extension ContactRun {
  /// Whether the contact is in the campaign's audience at the window's start.
  mutating func inAudience(contact index: Int) -> Bool {
    guard let audience = compiled.audience else { return true }
    prepare(contact: index)
    endEvent = firstEvent
    return evaluate(audience).isTrue
  }
}

extension Simulation {
  /// Attribute `index` of `contact` as text (missing: empty).
  public func attributeText(_ index: Int, contact: Int) -> String {
    assert(!data.unstoredText.contains(index), "showing text the loader did not store")
    let type = program.campaign.attributes[index].type
    let value = data.contacts.columns.value(index, at: contact)
    if case .missing = value { return "" }
    return ValueFormat.text(value, type: type, pool: data.pool)
  }
}

extension Simulation {
  /// The contact whose key is written `key`, if any.
  public func contact(withKey key: String) -> Int? {
    var key = key
    return key.withUTF8 { bytes in data.keyIndex.find(bytes, keys: data.contacts.keys).map(Int.init) }
  }

  /// One contact's replay, written down step by step (for `explain` and tests).
  public func replay(contact index: Int) -> (record: RunRecord, trace: Trace, state: Int, inAudience: Bool) {
    var run = ContactRun(compiled: program, data: data, window: data.window)
    guard run.inAudience(contact: index) else { return (RunRecord(), Trace(segments: 0), -1, false) }
    run.trace = Trace(segments: program.segments.count)
    run.run(contact: index)
    return (run.record, run.trace!, run.state, true)
  }
}
extension Simulation {
  /// The arm (an index into the variant's arms) that the contact with key `key` gets in
  /// variant `variant`: the stable hash described in grammar.md §8.
  public func arm(ofVariant variant: Int, key: String) -> Int { program.variants[variant].arm(forKey: key) }

  /// The time zone a contact's clock runs in.
  public func zone(ofContact index: Int) -> ZoneRules { data.zones[Int(data.contacts.zones[index])] }

  /// An event row in campaign words: `page_view { channel: web, page: pricing }`.
  public func describeEvent(row: Int) -> String {
    let type = Int(data.events.type[row])
    let event = program.campaign.events[type]
    var parts: [String] = []
    for (field, slot) in zip(event.fields, data.slots.slot[type]) {
      let value = data.events.fields.value(slot, at: row)
      if case .missing = value { continue }
      let text = ValueFormat.text(value, type: field.type, pool: data.pool)
      parts.append("\(field.name): " + (field.isPII ? ValueFormat.masked : text))
    }
    return event.name + (parts.isEmpty ? "" : " { " + parts.joined(separator: ", ") + " }")
  }
}
