import CampaignLang
import Checker

/// Runs every contact through a campaign and adds up what happened.
public struct Simulation: Sendable {
  public let program: SimulationProgram
  public let data: DataSet

  public init(campaign: CheckedCampaign, data: DataSet) {
    program = SimulationProgram(campaign, data: data)
    assert(program.attributesRead.isDisjoint(with: data.unstoredText), "the run reads text the loader did not store")
    assert(program.fieldsRead.isDisjoint(with: data.unstoredFields), "the run reads fields the loader did not store")
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
    let span = data.window.end - data.window.start
    var tally = RunTally(
      program: program, window: data.window, groups: labels.count, period: span > 62 * 86_400 ? 7 * 86_400 : 86_400)
    var run = ContactRun(compiled: program, data: data, window: data.window)
    for contact in 0..<data.contacts.count {
      if let progress, contact % 65_536 == 0 { progress(contact) }
      let group = groupOf[contact]
      tally.contacts += 1
      if !run.inAudience(contact: contact) {
        tally.outsideAudience += 1
        perContact?(
          ContactResult(
            contact: contact, inAudience: false, state: -1, scores: [], counters: [], segments: [], sends: [],
            audiences: []))
        continue
      }
      run.run(contact: contact)
      tally.add(&run, group: Int(group))
      // Only `--per-contact` and tests read a contact's own result: built only for them.
      guard let perContact else { continue }
      var channelSends = Array(repeating: 0, count: campaign.channels.count)
      for send in run.record.sends { channelSends[send.channel] += 1 }
      perContact(
        ContactResult(
          contact: contact, inAudience: true, state: run.state,
          scores: campaign.scores.indices.map { run.scoreValue($0) }, counters: run.counters,
          segments: tally.membership, sends: channelSends, audiences: run.record.audiences.map(\.name)))
    }
    tally.fill(&report, program: program)
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
  func groups(by attribute: Int?) -> ([String], [Int32]) {
    guard let attribute else { return (["all"], Array(repeating: 0, count: data.contacts.count)) }
    let type = program.campaign.attributes[attribute].type
    assert(!data.unstoredText.contains(attribute), "a breakdown by text the loader did not store")
    let column = data.contacts.columns[attribute]
    // Each contact's value as a dense number (`valueOf`), each number's label written once:
    // writing and hashing a label per contact was most of grouping 1M contacts.
    var valueOf: [Int32] = []
    var values: [Value] = []
    valueOf.reserveCapacity(data.contacts.count)
    switch column.kind {
    case .bool, .string, .enumCase, .state:
      // Codes: a bool or a case is small; a pool id can be any size, so a dictionary backs the array.
      var numberOfCode = Array(repeating: Int32(-1), count: 64)
      var numberOfOtherCode: [Int32: Int32] = [:]
      var missing = Int32(-1)
      for contact in 0..<data.contacts.count {
        let code = column.codes[contact]
        var number: Int32
        if code == Column.missingCode {
          if missing < 0 {
            missing = Int32(values.count)
            values.append(.missing)
          }
          number = missing
        } else if code >= 0 && code < 64 {
          number = numberOfCode[Int(code)]
          if number < 0 {
            number = Int32(values.count)
            numberOfCode[Int(code)] = number
            values.append(column.value(at: contact))
          }
        } else if let known = numberOfOtherCode[code] {
          number = known
        } else {
          number = Int32(values.count)
          numberOfOtherCode[code] = number
          values.append(column.value(at: contact))
        }
        valueOf.append(number)
      }
    default:
      var numberOfValue: [Value: Int32] = [:]
      for contact in 0..<data.contacts.count {
        let value = column.value(at: contact)
        if let known = numberOfValue[value] {
          valueOf.append(known)
        } else {
          numberOfValue[value] = Int32(values.count)
          valueOf.append(Int32(values.count))
          values.append(value)
        }
      }
    }
    let labelOfValue = values.map { ValueFormat.text($0, type: type, pool: data.pool) }
    let labels = Array(Set(labelOfValue)).sorted { a, b in
      if a == ValueFormat.missingLabel { return false }
      if b == ValueFormat.missingLabel { return true }
      return Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8))
    }
    var index: [String: Int32] = [:]
    for (position, label) in labels.enumerated() { index[label] = Int32(position) }
    let groupOfValue = labelOfValue.map { index[$0]! }
    return (labels, valueOf.map { groupOfValue[Int($0)] })
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
