import CampaignLang
import Checker

extension ContactRun {
  /// The earliest pending timer, or Int64.max.
  ///
  /// The answer is kept (`knownTimer`) until something it reads changes: the state, the
  /// flows, the engagement and send clocks, the scores. The run asks after every event,
  /// and most events (sends, views without points) change none of these. A kept answer
  /// `next` is still right at a later `now` below it: the timers are the same, none of
  /// them is due yet. Kept only when no score crossing was timed: that one is worked out
  /// from `now` in float64, and recomputing it at another instant may round otherwise.
  // INVARIANT: every change to what `nextTimerNow` reads resets `knownTimer`.
  ///
  /// Timers at or after `limit` (the next event) need not be exact: the run only asks
  /// whether the event comes first. A score crossing that cannot come before it is then
  /// answered with `limit` itself, without the `pow` and the log2 of timing it.
  mutating func nextTimer(before limit: Int64 = Int64.max) -> Int64 {
    if knownTimer != Int64.min && now < knownTimer {
      assert(knownTimer == recomputedTimer(), "a kept timer went stale: a change did not reset `knownTimer`")
      return knownTimer < window.end ? knownTimer : Int64.max
    }
    let (next, stable) = nextTimerNow(before: limit)
    knownTimer = stable ? next : Int64.min
    return next < window.end ? next : Int64.max
  }

  /// `nextTimerNow()` on a copy, for the assertion above (debug builds only: it copies the run).
  func recomputedTimer() -> Int64 {
    var copy = self
    return copy.nextTimerNow().next
  }

  /// The earliest timer after now, and whether that answer holds until then if nothing changes.
  mutating func nextTimerNow(before limit: Int64 = Int64.max) -> (next: Int64, stable: Bool) {
    var next = Int64.max
    var stable = true
    // Flows due now have just run; one still due (held up by a loop) runs at the next event or timer.
    for run in flows where run.resumeAt > now { next = min(next, run.resumeAt) }
    // This runs after every event: a transition is plain data, read in place.
    for place in compiled.timedFrom.range(state) {
      let rule = compiled.timedFrom.items[place]
      switch rule.kind {
      case .after:
        var due = Int64.min
        for timer in rule.places { due = max(due, self.due(compiled.timers[Int(timer)])) }
        if due > now && due != Int64.max { next = min(next, due) }
      case .when, .whenScore:
        for place in rule.places {
          let threshold = compiled.thresholds[Int(place)]
          let due = crossing(threshold, limit: limit, stable: &stable)
          if let due, due > now {
            next = min(next, due)
          }
        }
      default: break
      }
    }
    return (next, stable)
  }
}
