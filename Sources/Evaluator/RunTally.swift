import CampaignLang
import Checker

/// A run's figures while the contacts go by, before they become a `SimulationReport`.
///
/// Every count lives in a flat array indexed by dense numbers (group, state, send step,
/// audience, ...), never in a dictionary and never in nested arrays, so adding a contact
/// hashes nothing, allocates nothing and checks no inner array for uniqueness: per contact
/// that was most of the run when contacts have few events (1M contacts without events:
/// 0.8 s). `report` turns the arrays into the report's lists once, at the end, each
/// sorted as the report orders it (never in hash order).
struct RunTally {
  let groupCount: Int
  let stateCount: Int
  let scoreCount: Int
  let channelCount: Int
  let eventCount: Int
  let guardrailCount: Int
  let initialState: Int
  let window: Window
  /// `statesOverTime`: seconds per period, and how many periods the window has.
  let period: Int64
  let periods: Int
  let steps: SendSteps
  /// Audiences flows move contacts to, in the order flows name them first.
  let audienceNames: [String]

  var contacts = 0
  var outsideAudience = 0
  var contactsWithLoops = 0
  var eventsBeforeEntry = 0
  /// [group][state]
  var finalStates: [Int]
  /// [group][state][score]: the sums, each added to in contact order as before.
  var scoreSums: [Double]
  /// [group][segment]
  var segments: [Int]
  /// The contact just added: its segments (for `--per-contact`).
  var membership: [Bool]
  /// [group][period][state], as differences: a contact adds 1 to its state in the first
  /// period it is there and takes it off in the first period it is elsewhere, so a
  /// contact costs its transitions, not the window's periods (53 weeks in a year: about
  /// half of the per-contact time). `report` adds the periods up.
  var overTime: [Int]
  /// [from][to][group]
  var transitions: [Int]
  /// [group][send step][arm + 1]
  var sends: [Int]
  /// [group][reason][held step][channel + 1]
  var held: [Int]
  /// [audience][group]
  var audiences: [Int]
  /// [group][guardrail]
  var guardrailEvents: [Int]
  /// [group][channel]
  var sendsPerChannel: [Int]
  /// [group][channel][event]
  var followed: [Int]
  var monthly: MonthlyCounts
  var counters: [CounterValues]

  init(program: SimulationProgram, window: Window, groups: Int, period: Int64) {
    let campaign = program.campaign
    groupCount = groups
    stateCount = campaign.states.count
    scoreCount = campaign.scores.count
    channelCount = campaign.channels.count
    eventCount = campaign.events.count
    guardrailCount = campaign.guardrails.count
    initialState = campaign.initialState
    self.window = window
    self.period = period
    periods = Int((window.end - window.start + period - 1) / period)
    steps = SendSteps(program.flows, variants: program.variants)
    var names: [String] = []
    for flow in program.flows {
      for audience in flow.audiences where !names.contains(audience) { names.append(audience) }
    }
    audienceNames = names
    finalStates = Array(repeating: 0, count: groups * stateCount)
    scoreSums = Array(repeating: 0, count: groups * stateCount * scoreCount)
    segments = Array(repeating: 0, count: groups * program.segments.count)
    membership = Array(repeating: false, count: program.segments.count)
    overTime = Array(repeating: 0, count: groups * max(periods, 1) * stateCount)
    transitions = Array(repeating: 0, count: stateCount * stateCount * groups)
    sends = Array(repeating: 0, count: groups * steps.sends.count * steps.arms)
    held = Array(
      repeating: 0, count: groups * HeldReason.allCases.count * steps.heldSteps * (channelCount + 1))
    audiences = Array(repeating: 0, count: names.count * groups)
    guardrailEvents = Array(repeating: 0, count: groups * guardrailCount)
    sendsPerChannel = Array(repeating: 0, count: groups * channelCount)
    followed = Array(repeating: 0, count: groups * channelCount * eventCount)
    let columns =
      steps.sends.map { SimulationReport.MonthlyColumn.send(flow: $0.flow, number: $0.number) }
      + names.map { SimulationReport.MonthlyColumn.move(audience: $0) }
    monthly = MonthlyCounts(
      zone: ZoneRules(identifier: campaign.timezone) ?? .utc, window: window, columns: columns, groups: groups)
    counters = Array(repeating: CounterValues(), count: campaign.counters.count * groups)
  }

  /// Adds the contact `run` has just replayed, in group `group`.
  mutating func add(_ run: inout ContactRun, group: Int) {
    let state = run.state
    if run.record.loops > 0 { contactsWithLoops += 1 }
    finalStates[group * stateCount + state] += 1
    let scoreBase = (group * stateCount + state) * scoreCount
    for score in 0..<scoreCount { scoreSums[scoreBase + score] += run.scoreValue(score) }
    let segmentBase = group * membership.count
    for index in membership.indices {
      let member = run.evaluate(run.compiled.segments[index]).isTrue
      membership[index] = member
      if member { segments[segmentBase + index] += 1 }
    }
    let overTimeBase = group * periods * stateCount
    if periods > 0 { overTime[overTimeBase + initialState] += 1 }
    // INVARIANT: transitions come in time order, each from the state the one before went to.
    for transition in run.record.transitions {
      transitions[(transition.from * stateCount + transition.to) * groupCount + group] += 1
      // Period p ends at min(start + (p + 1) * period, end): the first period whose end
      // is after the change. None when the change is at the window's end.
      guard transition.at < window.end else { continue }
      let slot = overTimeBase + Int((transition.at - window.start) / period) * stateCount
      overTime[slot + transition.from] -= 1
      overTime[slot + transition.to] += 1
    }
    for send in run.record.sends {
      let step = steps.base[send.flow] + send.number - 1
      sends[(group * steps.sends.count + step) * steps.arms + (send.arm ?? -1) + 1] += 1
      let channelSlot = group * channelCount + send.channel
      sendsPerChannel[channelSlot] += 1
      for place in send.followUps { followed[channelSlot * eventCount + run.record.followUps[place]] += 1 }
      monthly.add(at: send.at, column: step, group: group)
    }
    for item in run.record.held {
      let step = steps.heldBase[item.flow] + item.number
      let slot = (group * HeldReason.allCases.count + item.reason.rawValue) * steps.heldSteps + step
      held[slot * (channelCount + 1) + item.channel + 1] += item.count
    }
    for move in run.record.audiences {
      // A few audiences at most, and a name is compared by its bits first: a scan beats hashing.
      let audience = audienceNames.firstIndex(of: move.name)!
      audiences[audience * groupCount + group] += 1
      monthly.add(at: move.at, column: steps.sends.count + audience, group: group)
    }
    for counter in run.counters.indices {
      counters[counter * groupCount + group].add(run.counters[counter])
    }
    eventsBeforeEntry += run.record.eventsBeforeEntry
    for index in 0..<guardrailCount {
      guardrailEvents[group * guardrailCount + index] += run.record.guardrailEvents[index]
    }
  }
}

extension RunTally {
  /// The figures as the report holds them: nested per group, rows sorted by their keys.
  func fill(_ report: inout SimulationReport, program: SimulationProgram) {
    let campaign = program.campaign
    let groups = 0..<groupCount
    report.contacts = contacts
    report.outsideAudience = outsideAudience
    report.contactsWithLoops = contactsWithLoops
    report.eventsBeforeEntry = eventsBeforeEntry
    report.finalStates = groups.map { Array(finalStates[$0 * stateCount..<($0 + 1) * stateCount]) }
    report.scoreSums = groups.map { group in
      (0..<stateCount).map { state in
        let start = (group * stateCount + state) * scoreCount
        return Array(scoreSums[start..<start + scoreCount])
      }
    }
    let segmentCount = membership.count
    report.segments = groups.map { Array(segments[$0 * segmentCount..<($0 + 1) * segmentCount]) }
    report.period = period
    report.statesOverTime = groups.map { group in
      var counts = Array(repeating: 0, count: stateCount)
      return (0..<periods).map { period in
        let start = (group * periods + period) * stateCount
        for state in 0..<stateCount { counts[state] += overTime[start + state] }
        return counts
      }
    }
    for from in 0..<stateCount {
      for to in 0..<stateCount {
        for group in groups where transitions[(from * stateCount + to) * groupCount + group] > 0 {
          report.transitions.append((from, to, group, transitions[(from * stateCount + to) * groupCount + group]))
        }
      }
    }
    report.sends = sendRows().sorted { $0.row < $1.row }
    report.held = heldRows().sorted { $0.row < $1.row }
    var audienceRows: [(key: Simulation.AudienceKey, count: Int)] = []
    for (audience, name) in audienceNames.enumerated() {
      for group in groups where audiences[audience * groupCount + group] > 0 {
        audienceRows.append(
          (Simulation.AudienceKey(name: name, group: group), audiences[audience * groupCount + group]))
      }
    }
    report.audiences = audienceRows.sorted { $0.key < $1.key }.map { ($0.key.name, $0.key.group, $0.count) }
    // A guardrail in a group: the group's events against the group's sends, compared with
    // the guardrail's one limit (see `SimulationReport.GuardrailRow`).
    for (index, guardrail) in campaign.guardrails.enumerated() {
      for group in groups {
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
      for group in groups {
        for (value, count) in counters[counter * groupCount + group].counts() {
          rows.append((counter, value, group, count))
        }
      }
      report.counterValues += rows.sorted { ($0.value, $0.group) < ($1.value, $1.group) }
    }
    let engagementTypes = campaign.events.indices.filter { program.isEngagement[$0] }
    for channel in campaign.channels.indices {
      for group in groups where sendsPerChannel[group * channelCount + channel] > 0 {
        let slot = group * channelCount + channel
        report.rates.append(
          (channel, group, sendsPerChannel[slot], engagementTypes.map { ($0, followed[slot * eventCount + $0]) }))
      }
    }
  }

  private func sendRows() -> [(row: SimulationReport.SendRow, count: Int)] {
    var rows: [(row: SimulationReport.SendRow, count: Int)] = []
    for group in 0..<groupCount {
      for (step, send) in steps.sends.enumerated() {
        for arm in 0..<steps.arms {
          let count = sends[(group * steps.sends.count + step) * steps.arms + arm]
          guard count > 0 else { continue }
          let row = SimulationReport.SendRow(
            flow: send.flow, number: send.number, template: send.template, channel: send.channel, arm: arm - 1,
            group: group)
          rows.append((row, count))
        }
      }
    }
    return rows
  }

  private func heldRows() -> [(row: SimulationReport.HeldRow, count: Int)] {
    var rows: [(row: SimulationReport.HeldRow, count: Int)] = []
    let reasons = HeldReason.allCases.count
    for group in 0..<groupCount {
      for reason in HeldReason.allCases {
        for flow in steps.heldBase.indices.dropLast() {
          for number in 0..<steps.heldBase[flow + 1] - steps.heldBase[flow] {
            let slot = (group * reasons + reason.rawValue) * steps.heldSteps + steps.heldBase[flow] + number
            for channel in -1..<channelCount {
              let count = held[slot * (channelCount + 1) + channel + 1]
              guard count > 0 else { continue }
              let row = SimulationReport.HeldRow(
                reason: reason, flow: flow, number: number, channel: channel, group: group)
              rows.append((row, count))
            }
          }
        }
      }
    }
    return rows
  }
}

/// Every send step of every flow, numbered densely: flow by flow, in the order of their
/// sends (a send's `number` is its place among its flow's sends, from 1).
struct SendSteps {
  var sends: [(flow: Int, number: Int, channel: Int, template: String)] = []
  /// Per flow (and one past the last): where its sends start in `sends`.
  var base: [Int] = []
  /// Per flow (and one past the last): where its held steps start. A held message is a
  /// send (its number) or the flow as a whole (number 0, for `exited`).
  var heldBase: [Int] = []
  /// How many arms a send can have, plus one for "no variant".
  var arms = 1

  init(_ flows: [FlowProgram], variants: [VariantProgram]) {
    for (index, flow) in flows.enumerated() {
      base.append(sends.count)
      heldBase.append(sends.count + index)
      for (send, template) in zip(flow.sends, flow.templates) {
        sends.append((index, send.number, send.channel, template))
      }
    }
    base.append(sends.count)
    heldBase.append(sends.count + flows.count)
    arms = 1 + (variants.map(\.arms.count).max() ?? 0)
  }

  var heldSteps: Int { heldBase.last ?? 0 }
}

/// How many contacts ended with each value of one counter in one group. Counters are
/// mostly small (cycles, attempts): those values are counted in an array, others in a
/// dictionary that is read only once, sorted, at the end.
struct CounterValues {
  static let small: Int64 = 16
  var low = [Int](repeating: 0, count: Int(CounterValues.small))
  var other: [Int64: Int] = [:]

  mutating func add(_ value: Int64) {
    if value >= 0 && value < CounterValues.small {
      low[Int(value)] += 1
    } else {
      other[value, default: 0] += 1
    }
  }

  /// Every value with its count, in no particular order.
  func counts() -> [(value: Int64, count: Int)] {
    var result = other.map { (value: $0.key, count: $0.value) }
    for (value, count) in low.enumerated() where count > 0 { result.append((Int64(value), count)) }
    return result
  }
}
