/// Times the phases of one command for `--timings`: each phase runs from the end of the
/// one before (or the timer's start) to the moment it is named.
final class PhaseTimer {
  private let clock = ContinuousClock()
  private var last: ContinuousClock.Instant
  private var phases: [(name: String, duration: Duration)] = []

  init() {
    last = clock.now
  }

  /// Ends the current phase, called `name`.
  func end(_ name: String) {
    let now = clock.now
    phases.append((name, now - last))
    last = now
  }

  /// `timings: check 3.1 ms; contacts 412.0 ms; ...`, one line. For measuring, not for
  /// comparing runs: the only output that differs from run to run.
  var line: String {
    "timings: " + phases.map { "\($0.name) \(PhaseTimer.milliseconds($0.duration))" }.joined(separator: "; ") + "\n"
  }

  static func milliseconds(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let tenths = seconds * 10_000 + attoseconds / 100_000_000_000_000
    return "\(tenths / 10).\(tenths % 10) ms"
  }
}
