/// A contact's timeline, written down step by step for `explain` and failing tests.
public struct Trace: Sendable {
  public enum Entry: Sendable, Hashable {
    case entered(state: Int)
    case event(row: Int)
    case timer
    case points(score: Int, points: Double, before: Double, after: Double)
    case transition(from: Int, to: Int, rule: Int?, flow: Int?)
    case flowStarted(flow: Int)
    case flowStopped(flow: Int)
    case flowExited(flow: Int)
    case flowFinished(flow: Int)
    case waiting(flow: Int, until: Int64)
    /// A send `on EVENT` waits for the contact's next such event.
    case awaiting(flow: Int, number: Int, event: Int)
    case sent(flow: Int, number: Int, channel: Int, template: String, arm: Int?)
    case held(flow: Int, number: Int, channel: Int, reason: HeldReason)
    case deferred(flow: Int, number: Int, channel: Int, until: Int64)
    case suppressed(channel: Int?)
    case movedTo(audience: String)
    case incremented(counter: Int, value: Int64)
    case segment(Int, entered: Bool)
    case final(scores: [Double])
    case loopStopped
  }

  public private(set) var entries: [(at: Int64, entry: Entry)] = []
  /// Segment membership as last written down.
  var segments: [Bool]

  init(segments: Int) {
    self.segments = Array(repeating: false, count: segments)
  }

  mutating func note(at time: Int64, _ entry: Entry) {
    entries.append((time, entry))
  }
}

extension ContactRun {
  /// Writes down the segments the contact entered or left since the last look.
  mutating func traceSegments() {
    guard trace != nil else { return }
    for index in compiled.segments.indices {
      let member = evaluate(compiled.segments[index]).isTrue
      if member != trace!.segments[index] {
        trace!.segments[index] = member
        trace!.note(at: now, .segment(index, entered: member))
      }
    }
  }
}
