import CampaignLang
import Checker
import Foundation

extension ContactRun {
  /// Score `index` as read now: the uncapped total after decay, limited to 0...cap.
  mutating func scoreValue(_ index: Int) -> Double {
    let raw = decayedRaw(index)
    return max(0, min(raw, compiled.scores[index].cap))
  }

  /// The uncapped total at `now`. The decayed value is kept until the score or the time
  /// changes (`ScoreState.readAt`): an event's rules, then its timers, read a score at
  /// the same instant, and each read cost a `pow`.
  mutating func decayedRaw(_ index: Int) -> Double {
    let score = scores[index]
    if score.readAt == now { return score.read }
    guard compiled.scores[index].decay != nil else { return score.raw }
    let value = raw(index, at: now)
    scores[index].readAt = now
    scores[index].read = value
    return value
  }

  /// The uncapped total at `instant` (now or later) if nothing changes it before then:
  /// what `decayedRaw` reads at that instant. A score crossing is timed with it, so the
  /// timer and the comparison made when it fires always agree.
  @inline(__always)
  func raw(_ index: Int, at instant: Int64) -> Double {
    let score = scores[index]
    switch compiled.scores[index].decay {
    case nil: return score.raw
    case .halfLife(let seconds)?:
      guard instant > score.at, score.raw != 0 else { return score.raw }
      return score.raw * pow(0.5, Double(instant - score.at) / Double(seconds))
    case .step(let percent, let every, let idleAfter)?:
      let taken = stepsDue(every: every, idleAfter: idleAfter, at: instant) - score.steps
      guard taken > 0, score.raw != 0 else { return score.raw }
      return score.raw * pow(1 - percent.approximate / 100, Double(taken))
    }
  }

  /// Step decay: whole periods of `every` after `idleAfter` of idleness, as of `instant`.
  func stepsDue(every: Int64, idleAfter: Int64, at instant: Int64) -> Int64 {
    let idle = instant - lastEngagement - idleAfter
    return idle <= 0 ? 0 : idle / every
  }

  /// Step decay: whole periods of `every` after `idleAfter` of idleness, as of now.
  func stepsDue(every: Int64, idleAfter: Int64) -> Int64 {
    stepsDue(every: every, idleAfter: idleAfter, at: now)
  }

  /// Writes the decay so far into the score, as of now.
  mutating func materialise(_ index: Int) {
    // Already written as of now (an engagement event's points come right after its
    // decay is written): no decay or a half-life reads the total itself. Spares the
    // read, at most engagement events.
    if scores[index].at == now && compiled.scores[index].decaysDown {
      scores[index].readAt = Int64.min
      return
    }
    scores[index].raw = decayedRaw(index)
    scores[index].at = now
    scores[index].readAt = Int64.min
    if case .step(_, let every, let idleAfter)? = compiled.scores[index].decay {
      scores[index].steps = stepsDue(every: every, idleAfter: idleAfter)
    }
  }

  /// An upper bound of `decayedRaw(index)` that costs no `pow`, when there is one: the
  /// total as of its last change. A half-life only takes off (by a factor of at most 1,
  /// which cannot round a total of zero or more upwards).
  @inline(__always)
  mutating func decayedBound(_ index: Int) -> Double? {
    guard compiled.scores[index].decaysDown, scores[index].raw >= 0 else { return nil }
    return scores[index].raw
  }

  /// A lower bound of `decayedRaw(index)` that costs no `pow`, when there is one (a
  /// half-life, a total of zero or more, less than one half-life since its last change).
  ///
  /// The factor 2^-y is at least 1 - y ln 2 (a convex curve lies above its tangent at 0).
  /// `decayedRaw` rounds three times (y, `pow`, the product), each within a few units in
  /// the last place; the bound gives up a millionth of a millionth of the total for them,
  /// and for its own rounding (with y below 1, 1 - y ln 2 is above 0.3: no cancellation).
  @inline(__always)
  mutating func decayedFloor(_ index: Int) -> Double? {
    let halfLife = compiled.scores[index].halfLife
    let score = scores[index]
    guard halfLife > 0, score.raw >= 0 else { return nil }
    guard now > score.at else { return score.raw }
    let y = Double(now - score.at) / halfLife
    guard y < 1 else { return nil }
    return score.raw * (1 - y * 0.693_147_180_559_945_3) * (1 - 1e-12)
  }

  /// When a score, decaying with no new points, first reads below the threshold (at or
  /// below it, for an inclusive one): the first whole second at which `decayedRaw` would
  /// read so; nil when it never will (no decay, already below, or a threshold of zero or
  /// less). `stable` is set to false when the answer may be other at a later instant,
  /// the score unchanged.
  ///
  /// The instant is estimated in float64 (a log2, or a count of decay steps), then
  /// checked against the score as read at that instant and the one before, and moved
  /// by a second (a step) when the estimate rounded the other way. So the answer does
  /// not depend on when it is asked: a run that asks at more instants (more events)
  /// times the same crossing. (Keeping a half-life's answer as `stable` measured slower:
  /// the run asks again after every event, and the `limit` bound below answers most.)
  ///
  /// A crossing at or after `limit` need not be timed exactly: the answer is then `limit`
  /// (the run only needs to know that its next event comes first; see `nextTimer`).
  mutating func crossing(
    _ threshold: ExprCode.Threshold, limit: Int64 = Int64.max, stable: inout Bool
  ) -> Int64? {
    let index = threshold.score
    let value = threshold.value
    guard value > 0 else { return nil }
    let inclusive = threshold.inclusive
    @inline(__always) func below(_ raw: Double) -> Bool { inclusive ? raw <= value : raw < value }
    // Below already as of its last change: below now, and later (it only decays).
    if let bound = decayedBound(index), below(bound) { return nil }
    if limit < Int64.max, let earliest = earliestCrossing(score: index, below: value), earliest > Double(limit) {
      stable = false
      assert(exactCrossing(threshold).map { $0 > limit } ?? true, "a crossing bound too late")
      return limit
    }
    let raw = decayedRaw(index)
    guard !below(raw) else { return nil }
    switch compiled.scores[index].decay {
    case nil: return nil
    case .halfLife(let seconds)?:
      stable = false
      let after = Double(seconds) * log2(raw / value)
      guard after < 1e15 else { return nil }
      let whole = after.rounded(.down)
      var due = now + Int64(whole) + 1
      // The estimate is within a ten-millionth of a second of the crossing, so it can
      // only be a second off when the crossing is that close to a whole second: checked
      // then (a `pow` each way), and not otherwise.
      guard after - whole < 1e-4 || after - whole > 1 - 1e-4 else { return due }
      var moves = 0
      while moves < 4 && due - 1 > now && below(self.raw(index, at: due - 1)) { (due, moves) = (due - 1, moves + 1) }
      while moves < 4 && !below(self.raw(index, at: due)) { (due, moves) = (due + 1, moves + 1) }
      return due
    case .step(let percent, let every, let idleAfter)?:
      stable = false
      let keep = 1 - percent.approximate / 100
      guard keep > 0 && keep < 1 else { return keep <= 0 ? now + 1 : nil }
      // The fewest more steps k with raw * keep^k below the threshold, then checked as
      // the score reads at that step.
      var k = Int64((log(value / raw) / log(keep)).rounded(.down))
      while k > 0 && below(raw * pow(keep, Double(k - 1))) { k -= 1 }
      while !below(raw * pow(keep, Double(k))) { k += 1 }
      let steps = stepsDue(every: every, idleAfter: idleAfter)
      func instant(_ k: Int64) -> Int64 { lastEngagement + idleAfter + (steps + k) * every }
      var moves = 0
      while moves < 4 && k > 1 && below(self.raw(index, at: instant(k - 1))) { (k, moves) = (k - 1, moves + 1) }
      while moves < 4 && !below(self.raw(index, at: instant(k))) { (k, moves) = (k + 1, moves + 1) }
      return instant(k)
    }
  }

  /// An instant (as float64) before which score `index`, with a half-life, cannot be
  /// timed to cross below `threshold` by `crossing`: the exact crossing is at
  /// `at + h log2(raw / threshold)`, and log2 x = ln x / ln 2 is at least (1 - 1/x) / ln 2.
  /// `crossing` computes it from the decayed total in float64, within a ten-millionth of a
  /// second for any real score and half-life; the margin is two seconds and a millionth of
  /// the half-life and the time since the score's last change. No log2, no `pow`.
  @inline(__always)
  mutating func earliestCrossing(score index: Int, below threshold: Double) -> Double? {
    let halfLife = compiled.scores[index].halfLife
    let score = scores[index]
    guard halfLife > 0, score.raw > 0, now >= score.at else { return nil }
    let earliest = Double(score.at) + halfLife * (1 - threshold / score.raw) / 0.693_147_180_559_945_3
    return earliest - 2 - 1e-6 * (halfLife + Double(now - score.at))
  }

  /// `crossing` timed exactly, on a copy (for assertions).
  func exactCrossing(_ threshold: ExprCode.Threshold) -> Int64? {
    var copy = self
    var stable = true
    return copy.crossing(threshold, stable: &stable)
  }
}
