import CampaignLang
import Checker

/// One contact's replay: a discrete-event run over its own events (time order, ties in
/// input order) and its own timers (waits, idle deadlines, time in state, quiet-hour
/// deferrals), from the window's start to its end. Replay semantics: grammar.md §8.
///
/// Every method is `mutating`, the ones that only read too. The run is a large struct
/// (the compiled program and the data inline), and a non-mutating call from mutating
/// code copied all of it, with a retain and a release of each of its arrays, at every
/// call: that was about 12% of a run (medium snapshot, farm-bench).
struct ContactRun {
  let compiled: SimulationProgram
  let data: DataSet
  let window: Window
  /// The attribution window: engagement this long after a send counts for the send.
  static let attribution: Int64 = 7 * 86_400
  /// How many state changes one instant may chain before the run stops changing state.
  static let settleLimit = 64

  var contact = 0
  /// The contact's time zone, as an index into `data.zones`: copying the zone itself (a
  /// name and a `TimeZone`) cost two retains and two releases per contact, and most runs
  /// never read it (`today`, quiet hours, `enter at` a date).
  var zoneIndex = 0
  var firstEvent = 0
  var endEvent = 0
  /// The next event to replay.
  var cursor = 0
  var now: Int64 = 0
  var state = 0
  var enteredAt: Int64 = 0
  var lastEngagement: Int64 = 0
  var sendsWithoutEngagement: Int64 = 0
  var scores: [ScoreState] = []
  var counters: [Int64] = []
  var suppressed: [Bool] = []
  var holdUntil: [Int64] = []
  var flows: [FlowRun] = []
  /// Sends `on EVENT` (in-app messages) waiting for the contact's next such event.
  /// (`send`: an index into the flow's sends; `on`: its event type.)
  var pending: [(flow: Int, send: Int, on: Int32)] = []
  /// Per guardrail: when the contact first got a send it counts (Int64.max: none yet).
  var guardrailStart: [Int64] = []
  /// Whether the contact changed `counters`, `suppressed`, `holdUntil`, `guardrailStart`
  /// or `record.guardrailEvents`: the next contact resets them only then (most never
  /// change, and five fills were a tenth of a contact without events).
  var touched = false
  var flowEngaged = false
  /// Whether no rule fires now (`firing(row: -1)` is nil): the last `settle` found none to
  /// fire, and nothing a rule reads has changed since. `runFlows` settles after a flow's
  /// step only when the step cleared it (see `ContactRun+Flows.swift`).
  // INVARIANT: every change to what a rule reads at the same instant (the state, a
  // counter, the send count of `after N sends`) clears `settled`.
  var settled = false
  /// State changes at the instant `changesAt`, to stop loops (see `move`).
  var changes = 0
  var changesAt = Int64.min
  /// `nextTimer`'s last answer (before the window's end limits it), while it holds; Int64.min:
  /// not known. See `nextTimer`.
  var knownTimer = Int64.min
  var record = RunRecord()
  /// Per `Expr.memo` place: the expression's value for contact `memoContact` (any other
  /// contact: not known yet). A contact's first evaluation fills it in; the next contact
  /// makes it stale without a pass over it.
  var memo: [Value]
  var memoContact: [Int]
  /// When set, every step is written down for `explain`.
  var trace: Trace?

  struct ScoreState {
    /// Uncapped, as of `at`.
    var raw: Double = 0
    var at: Int64 = 0
    /// Step decay: periods already taken off since the last engagement.
    var steps: Int64 = 0
    /// `decayedRaw` as of `readAt` (Int64.min: not read since the last change).
    // INVARIANT: every change of `raw`, `at`, `steps` or `lastEngagement` resets `readAt`.
    var readAt = Int64.min
    var read: Double = 0
  }

  struct FlowRun {
    var flow: Int
    var pc = 0
    var resumeAt: Int64
    var startedAt: Int64
    /// Whether the current send was already deferred by quiet hours once.
    var deferred = false
  }

  init(compiled: SimulationProgram, data: DataSet, window: Window) {
    self.compiled = compiled
    self.data = data
    self.window = window
    memo = Array(repeating: .missing, count: Int(compiled.code.memos))
    memoContact = Array(repeating: -1, count: Int(compiled.code.memos))
    touched = true
  }

  /// The contact's time zone.
  var zone: ZoneRules { data.zones[zoneIndex] }

  /// Sets every per-contact figure to its start for contact `index`.
  mutating func prepare(contact index: Int) {
    contact = index
    zoneIndex = Int(data.contacts.zones[index])
    firstEvent = Int(data.events.first[index])
    endEvent = Int(data.events.first[index + 1])
    cursor = firstEvent
    now = entry(of: index)
    lastEngagement = now
    sendsWithoutEngagement = 0
    // Every contact reuses the previous one's storage: this runs once per contact.
    // Counts from the compiled program: copying the checked campaign here (a struct of
    // many arrays) cost a retain and a release of each, per contact.
    ContactRun.fill(&scores, ScoreState(raw: 0, at: now, steps: 0), count: compiled.scores.count)
    if touched {
      let channels = compiled.channelIDs.count
      ContactRun.fill(&counters, 0, count: compiled.counterCount)
      ContactRun.fill(&suppressed, false, count: channels)
      ContactRun.fill(&holdUntil, Int64.min, count: channels)
      ContactRun.fill(&guardrailStart, Int64.max, count: compiled.guardrails.count)
      ContactRun.fill(&record.guardrailEvents, 0, count: compiled.guardrails.count)
      touched = false
    }
    ContactRun.empty(&flows)
    ContactRun.empty(&pending)
    record.reset()
    state = compiled.initialState
    enteredAt = now
    settled = false
    changes = 0
    changesAt = Int64.min
    knownTimer = Int64.min
  }

  /// When contact `index` enters the campaign: the window's start, or its `enter at`
  /// attribute when that is later (a date means midnight in the contact's time zone).
  mutating func entry(of index: Int) -> Int64 {
    guard let attribute = compiled.enterAt,
      let mark = ContactRun.entryMark(data.contacts.columns.value(attribute, at: index), zone: zone)
    else { return window.start }
    return min(max(window.start, mark), window.end)
  }

  /// The instant an `enter at` value names: a date's midnight in the contact's time
  /// zone, or the timestamp; nil when it is missing.
  static func entryMark(_ value: Value, zone: ZoneRules) -> Int64? {
    switch value {
    case .date(let day): zone.midnight(ofDay: day)
    case .timestamp(let instant): instant
    default: nil
    }
  }

  /// Makes `array` `count` copies of `value`, in place when it already has that size.
  static func fill<T>(_ array: inout [T], _ value: T, count: Int) {
    guard array.count == count else {
      array = Array(repeating: value, count: count)
      return
    }
    for index in array.indices { array[index] = value }
  }

  /// Empties `array`, keeping its storage. Most contacts leave most arrays empty, and
  /// `removeAll(keepingCapacity:)` on an array that never had storage made it anew.
  @inline(__always)
  static func empty<T>(_ array: inout [T]) {
    if !array.isEmpty { array.removeAll(keepingCapacity: true) }
  }

  /// Removes `array[index]`, keeping the order of the rest. Most often the array holds
  /// one flow: `removeLast` spares `remove(at:)`'s move of the elements after it.
  @inline(__always)
  static func remove<T>(_ array: inout [T], at index: Int) {
    if index == array.count - 1 { array.removeLast() } else { array.remove(at: index) }
  }

  /// Replays contact `index`; the result is in `record` and the run's final state.
  mutating func run(contact index: Int) {
    prepare(contact: index)
    let times = data.events.time
    // Events before the contact entered (`enter at`) are history for aggregates only.
    while cursor < endEvent && times[cursor] < now {
      cursor += 1
      record.eventsBeforeEntry += 1
    }
    if !data.leftOutBeforeEntry.isEmpty { record.eventsBeforeEntry += Int(data.leftOutBeforeEntry[index]) }
    trace?.note(at: now, .entered(state: state))
    startFlows()
    settle(row: -1)
    runFlows()
    traceSegments()
    while true {
      let eventTime = cursor < endEvent ? times[cursor] : Int64.max
      let timer = nextTimer(before: eventTime)
      if eventTime == Int64.max && timer >= window.end { break }
      if eventTime <= timer {
        replay(row: cursor)
      } else {
        now = timer
        trace?.note(at: now, .timer)
        settle(row: -1)
        runFlows()
      }
      if trace != nil { traceSegments() }
    }
    now = window.end
    settle(row: -1, atEnd: true)
    for waiting in pending { hold(.notShown, waiting.send, flow: waiting.flow) }
    traceSegments()
    if trace != nil {
      let final = scores.indices.map { scoreValue($0) }
      trace?.note(at: now, .final(scores: final))
    }
  }

  /// Replays the event at `row`: engagement, points, holds, guardrails, then rules and flows.
  mutating func replay(row: Int) {
    cursor += 1
    now = data.events.time[row]
    let type = Int(data.events.type[row])
    trace?.note(at: now, .event(row: row))
    // No rule is tried at an event nothing names (see `SimulationProgram.inertEvents`):
    // `simulate` does not even store them. `explain` shows them.
    guard !compiled.inert[type] else { return }
    let engaging =
      compiled.isEngagement[type] && (compiled.alwaysEngagement[type] || isEngagement(row: row, type: type))
    if engaging {
      knownTimer = Int64.min
      for index in scores.indices { materialise(index) }
      lastEngagement = now
      sendsWithoutEngagement = 0
      for index in scores.indices {
        scores[index].steps = 0
        scores[index].readAt = Int64.min
      }
    }
    for place in compiled.scoreRules.range(type) {
      let rule = compiled.scoreRules.items[place]
      if let condition = rule.condition, !evaluate(condition, row: row).isTrue { continue }
      // Read for the trace only: a read can cost a `pow`.
      let before = trace == nil ? 0 : scoreValue(rule.score)
      materialise(rule.score)
      knownTimer = Int64.min
      scores[rule.score].raw += rule.points
      scores[rule.score].readAt = Int64.min
      if trace != nil {
        let after = scoreValue(rule.score)
        trace?.note(at: now, .points(score: rule.score, points: rule.points, before: before, after: after))
      }
    }
    for place in compiled.holds.range(type) {
      let hold = compiled.holds.items[place]
      holdUntil[hold.channel] = max(holdUntil[hold.channel], now + hold.seconds)
      touched = true
    }
    for index in compiled.guardrails.indices
    where compiled.guardrails[index].event == data.events.type[row] && now >= guardrailStart[index] {
      record.guardrailEvents[index] += 1
      touched = true
    }
    if !pending.isEmpty { showPending(event: data.events.type[row]) }
    settle(row: row)
    runFlows()
  }

  mutating func isEngagement(row: Int, type: Int) -> Bool {
    for place in compiled.engagement.range(type) {
      guard let condition = compiled.engagement.items[place] else { return true }
      if evaluate(condition, row: row).isTrue { return true }
    }
    return false
  }
}
