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
    let value: Double
    switch compiled.scores[index].decay {
    case nil: return score.raw
    case .halfLife(let seconds)?:
      guard now > score.at, score.raw != 0 else { return score.raw }
      value = score.raw * pow(0.5, Double(now - score.at) / Double(seconds))
    case .step(let percent, let every, let idleAfter)?:
      let taken = stepsDue(every: every, idleAfter: idleAfter) - score.steps
      guard taken > 0, score.raw != 0 else { return score.raw }
      value = score.raw * pow(1 - percent.approximate / 100, Double(taken))
    }
    scores[index].readAt = now
    scores[index].read = value
    return value
  }

  /// Step decay: whole periods of `every` after `idleAfter` of idleness, as of now.
  mutating func stepsDue(every: Int64, idleAfter: Int64) -> Int64 {
    let idle = now - lastEngagement - idleAfter
    return idle <= 0 ? 0 : idle / every
  }

  /// Writes the decay so far into the score, as of now.
  mutating func materialise(_ index: Int) {
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

  /// When score `index`, decaying with no new points, first reads below `threshold`:
  /// the first whole second after the crossing; nil when it never will (no decay,
  /// already below, or a threshold of zero or less). `stable` is set to false when the
  /// answer may be other at a later instant, the score unchanged.
  mutating func crossing(score index: Int, below threshold: Double, stable: inout Bool) -> Int64? {
    guard threshold > 0 else { return nil }
    // Below already as of its last change: below now, and later (it only decays).
    if let bound = decayedBound(index), bound < threshold { return nil }
    let raw = decayedRaw(index)
    let decay = compiled.scores[index].decay
    if case .step = decay { stable = false }
    guard raw >= threshold else { return nil }
    switch decay {
    case nil: return nil
    case .halfLife(let seconds)?:
      stable = false
      let after = Double(seconds) * log2(raw / threshold)
      guard after < 1e15 else { return nil }
      return now + Int64(after.rounded(.down)) + 1
    case .step(let percent, let every, let idleAfter)?:
      let keep = 1 - percent.approximate / 100
      guard keep > 0 && keep < 1 else { return keep <= 0 ? now + 1 : nil }
      // The fewest more steps k with raw * keep^k < threshold.
      var k = Int64((log(threshold / raw) / log(keep)).rounded(.down))
      while k > 0 && raw * pow(keep, Double(k - 1)) < threshold { k -= 1 }
      while raw * pow(keep, Double(k)) >= threshold { k += 1 }
      let due = stepsDue(every: every, idleAfter: idleAfter) + k
      return lastEngagement + idleAfter + due * every
    }
  }
}
