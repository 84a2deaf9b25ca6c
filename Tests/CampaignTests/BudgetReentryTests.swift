import Testing

@testable import Lints

/// The worst case's re-entry bound follows engagement (grammar.md §8, "Worst case"): an
/// `on EVENT` whose event is always engagement resets the idle clock at that instant, so
/// an `after D idle` after it on the way round fires no sooner than `D` after it. Before
/// any such engagement an idle timer still counts as no time (the clock may have run
/// before the contact came in). From a user trial: the README's tour said `unbounded`.
@Suite struct BudgetReentryTests {
  /// The README's tour, as a reader copies it.
  static let tour = GrammarSnippetTests.snippets(in: "README.md")[0].text

  /// The email row of the worst case, and the driver's `check` output and status with
  /// `--budget`.
  static func email(_ text: String) -> BudgetReport.Row? {
    Linter.lint(compile(text))?.budget.rows.first { $0.channel == "email" }
  }

  static func check(_ text: String) -> (Int32, String) {
    let (status, output, _) = runDriver(
      ["check", "--no-color", "--budget", "lint.campaign"], files: MemoryFileSystem(["lint.campaign": text]))
    return (status, output)
  }

  /// A tour-like campaign: `Inactive` is left `on email_open` (always engagement) and
  /// entered again `after 90d idle`; its flow sends twice, 7 days apart, after a 30-day
  /// cooldown. `page_visit` is engagement only when `intent == high`; `app_login` is not
  /// engagement.
  static let base = """
    campaign "Reentry" {
      owner "crm@example.com"
    }
    contact {
      id string key
      email_opt_in bool
    }
    event email_open
    event page_visit { intent enum(low, high) }
    event app_login
    engagement email_open, page_visit where intent == high
    consent email when email_opt_in
    states {
      initial Active
      state Inactive
      Active -> Inactive after 90d idle
      Inactive -> Active on email_open
    }
    cooldown Inactive 30d
    flow reactivation for Inactive {
      wait cooldown
      send email "one" subject "One"
      wait 7d
      send email "two" subject "Two"
    }

    """

  static func states(_ transitions: String, extra: String = "") -> String {
    base.replacingOccurrences(
      of: "  state Inactive\n  Active -> Inactive after 90d idle\n  Inactive -> Active on email_open\n",
      with: "  state Inactive\(extra)\n" + transitions)
  }

  // MARK: - The tour

  /// The worked-out numbers, by hand. The way back into `Inactive` passes
  /// `Inactive -> Active on email_open` (engagement: the idle clock restarts then) and
  /// then `after 90d idle` out of `Active` or `Engaged` (`Active -> Engaged when ...`
  /// takes no time): so `T`, the shortest way round, is 90d.
  /// Runs that touch one window `W`: `ceil(W / T) + 1` = `ceil(30 / 90) + 1` = 2 for
  /// 30d (and 2 for 7d): at most one run starts inside the window, and one that started
  /// before it may still be sending.
  /// Sends a run: `wait cooldown` (30d), send, `wait 7d`, send: offsets 30d and 37d. In
  /// any 30d both fit (7d apart): 2; in any 7d only one does ([30d, 37d) holds the first
  /// alone): 1. So 30d: 2 × 2 = 4; 7d: 1 × 2 = 2. (The true worst case is lower, 2 in
  /// 30d: runs' sends are at least 83d apart; the bound counts runs, not where in a run
  /// its sends fall. It stays an upper bound.)
  @Test func theTourIsBoundedByItsEngagement() throws {
    let row = try #require(Self.email(Self.tour))
    #expect(row.sevenDays == .atMost(2))
    #expect(row.thirtyDays == .atMost(4))
    #expect(
      row.reason.contains(
        "flow `reactivation`: 2 sends a run, 2 runs (`Inactive` cannot be entered again within 90d: the way back passes `on email_open` out of `Inactive`, which is engagement, and then `after 90d idle` out of `Active`)"
      ), "\(row.reason)")
    #expect(!row.reason.contains("counts as no time"), "\(row.reason)")
    let (status, output) = Self.check(Self.tour)
    #expect(status == 0)
    #expect(!output.contains("unbounded"), "\(output)")
  }

  /// `budget email 4 per 30d` holds (the bound is 4, worked out above); 3 does not.
  @Test func theToursBudgetOfFourIn30DaysPasses() {
    #expect(Self.check(Self.tour + "\nbudget email 4 per 30d\n").0 == 0)
    #expect(Self.check(Self.tour + "\nbudget email 2 per 7d\n").0 == 0)
    let (status, output) = Self.check(Self.tour + "\nbudget email 3 per 30d\n")
    #expect(status == 1)
    #expect(output.contains("error[E0602]: the worst case on `email` in 30d is 4 messages, over the budget of 3"))
    #expect(output.contains("which is engagement, and then `after 90d idle` out of `Active`"), "\(output)")
  }

  // MARK: - What does not count

  /// The way back passes only an event that is not engagement: the idle timer still
  /// counts as no time, as before.
  @Test func aWayBackWithoutEngagementCountsTheIdleTimerAsNoTime() throws {
    let row = try #require(
      Self.email(Self.states("  Active -> Inactive after 90d idle\n  Inactive -> Active on app_login\n")))
    #expect(row.thirtyDays == .unbounded)
    #expect(
      row.reason.contains(
        "nothing the check can count keeps `Inactive` from being left and entered again at once (`after 90d idle` out of `Active` counts as no time"
      ), "\(row.reason)")
  }

  /// An event that is engagement only under a `where` does not count, even when the
  /// transition asks for the same condition (kept simple: any `where` on the engagement
  /// entry).
  @Test func aConditionalEngagementDoesNotCount() throws {
    for trigger in ["on page_visit", "on page_visit where intent == high"] {
      let row = try #require(
        Self.email(Self.states("  Active -> Inactive after 90d idle\n  Inactive -> Active \(trigger)\n")))
      #expect(row.thirtyDays == .unbounded, "\(trigger)")
      #expect(row.reason.contains("`after 90d idle` out of `Active` counts as no time"), "\(trigger): \(row.reason)")
    }
  }

  /// An idle timer before the engagement on the way round counts as nothing (the clock
  /// may have run before); one after it counts. Here `after 60d idle` out of `Inactive`
  /// comes first, then `on email_open`, then `after 30d idle`: 30d, not 90d.
  @Test func anIdleTimerBeforeTheEngagementCountsAsNothing() throws {
    let only = try #require(
      Self.email(
        Self.states(
          "  Inactive -> Lapsed after 90d idle\n  Lapsed -> Inactive on email_open\n  Active -> Inactive on app_login\n",
          extra: ", Lapsed")))
    #expect(only.thirtyDays == .unbounded, "the engagement is the last step: nothing follows it")
    #expect(only.reason.contains("`after 90d idle` out of `Inactive` counts as no time"), "\(only.reason)")

    let row = try #require(
      Self.email(
        Self.states(
          "  Inactive -> Lapsed after 60d idle\n  Lapsed -> Active on email_open\n  Active -> Inactive after 30d idle\n",
          extra: ", Lapsed")))
    #expect(
      row.reason.contains(
        "`Inactive` cannot be entered again within 30d: the way back passes `on email_open` out of `Lapsed`, which is engagement, and then `after 30d idle` out of `Active` (before the engagement, `after 60d idle` out of `Inactive` counts as no time, as the idle clock may have run before the contact came in)"
      ), "\(row.reason)")
  }

  // MARK: - Combining timers

  /// Time in a state after the engagement runs on the same clock as the idle timer:
  /// `on email_open`, 20d in `Active`, then `after 30d idle` out of `Cooling` is 30d in
  /// all (the idle clock ran during those 20 days), not 50d. With `after 15d and 30d
  /// idle` the time in the states decides: 20d + 15d = 35d, and the reason says that
  /// (the idle timer is met by then). Timers before the engagement add to it: 10d in
  /// `Waiting` first makes 10d + 30d = 40d.
  @Test func timersAfterTheEngagementShareItsClock() throws {
    let transitions = [
      (
        "Cooling -> Inactive after 30d idle",
        "`Inactive` cannot be entered again within 30d: the way back passes `on email_open` out of `Inactive`, which is engagement, and then `after 30d idle` out of `Cooling`"
      ),
      ("Cooling -> Inactive after 15d and 30d idle", "`Inactive` can be entered again every 35d at the soonest"),
    ]
    for (last, reason) in transitions {
      let row = try #require(
        Self.email(
          Self.states(
            "  Inactive -> Active on email_open\n  Active -> Cooling after 20d\n  \(last)\n", extra: ", Cooling")))
      #expect(row.reason.contains(reason), "\(last): \(row.reason)")
    }
    let row = try #require(
      Self.email(
        Self.states(
          "  Inactive -> Waiting after 10d\n  Waiting -> Active on email_open\n  Active -> Inactive after 30d idle\n",
          extra: ", Waiting")))
    #expect(row.reason.contains("`Inactive` cannot be entered again within 40d"), "\(row.reason)")
  }

  /// The shortest way round wins: a way back through engagement (90d) beside one that
  /// only waits 45d in a state.
  @Test func theShortestWayRoundIsTheBound() throws {
    let row = try #require(
      Self.email(
        Self.states(
          "  Active -> Inactive after 90d idle\n  Inactive -> Active on email_open\n  Inactive -> Resting after 5d\n  Resting -> Inactive after 40d\n",
          extra: ", Resting")))
    #expect(row.reason.contains("`Inactive` can be entered again every 45d at the soonest"), "\(row.reason)")
  }

  // MARK: - The search itself

  /// The search agrees with trying every way round of up to 8 steps on small random
  /// state graphs, each timed directly: every transition fires as soon as it can, an idle
  /// timer no sooner than its length after the last engagement on the way (none before
  /// one). So keeping only undominated partial ways loses no shorter way round.
  @Test func theSearchFindsTheShortestWayRound() {
    var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
    func random(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    let day: Int64 = 86_400
    var longer = 0  // ways round that engagement made longer: the search is not vacuous
    for round in 0..<300 {
      let count = 2 + random(3)
      var edges = Array(repeating: [BudgetAnalysis.Edge](), count: count)
      var longestIdle: Int64 = 0
      for from in 0..<count {
        for _ in 0..<(1 + random(3)) {
          var to = random(count - 1)
          if to >= from { to += 1 }
          let engages = random(3) == 0
          let fixed = engages ? 0 : Int64(random(3)) * Int64(random(20)) * day
          let idle = engages ? 0 : Int64(random(2)) * Int64(random(60)) * day
          longestIdle = max(longestIdle, idle)
          edges[from].append(
            BudgetAnalysis.Edge(to: to, transition: edges.joined().count, fixed: fixed, idle: idle, engages: engages))
        }
      }
      for start in 0..<count {
        var brute: Int64? = nil
        func walk(_ state: Int, _ time: Int64, _ engaged: Int64?, _ steps: Int) {
          guard steps < 8 else { return }
          for edge in edges[state] {
            var fire = time + edge.fixed
            if let engaged { fire = max(fire, engaged + edge.idle) }
            let next = edge.engages ? fire : engaged
            if edge.to == start {
              brute = min(brute ?? fire, fire)
            } else {
              walk(edge.to, fire, next, steps + 1)
            }
          }
        }
        walk(start, 0, nil, 0)
        let found = BudgetAnalysis.shortestCycle(through: start, edges: edges, longestIdle: longestIdle, limit: 10_000)
        #expect(found != nil, "round \(round)")
        #expect(found??.seconds == brute, "round \(round), state \(start): \(edges)")
        let plain = BudgetAnalysis.shortestCycle(through: start, edges: edges, longestIdle: nil, limit: Int.max)
        if let aware = found??.seconds, let plain = plain??.seconds, aware > plain { longer += 1 }
      }
    }
    #expect(longer > 50, "\(longer)")
  }

  /// Past its limit the engagement-aware search gives up (nil), and the fallback takes
  /// every idle timer as no time: still an upper bound on runs, only a looser one.
  @Test func theSearchGivesUpPastItsLimit() {
    let edges: [[BudgetAnalysis.Edge]] = [
      [BudgetAnalysis.Edge(to: 1, transition: 0, fixed: 0, idle: 0, engages: true)],
      [BudgetAnalysis.Edge(to: 0, transition: 1, fixed: 0, idle: 90 * 86_400, engages: false)],
    ]
    let aware = BudgetAnalysis.shortestCycle(through: 0, edges: edges, longestIdle: 90 * 86_400, limit: 1)?.map { $0 }
    #expect(aware?.seconds == Int64(90 * 86_400))
    #expect(aware?.engagements == [BudgetAnalysis.EngagedIdle(engagement: 0, idle: 1)])
    #expect(BudgetAnalysis.shortestCycle(through: 0, edges: edges, longestIdle: 90 * 86_400, limit: 0) == nil)
    let plain = BudgetAnalysis.shortestCycle(through: 0, edges: edges, longestIdle: nil, limit: Int.max)?.map { $0 }
    #expect(plain?.seconds == 0)
    #expect(plain?.idle == 1)
  }
}
