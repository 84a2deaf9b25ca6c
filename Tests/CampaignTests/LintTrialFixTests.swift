import Testing

/// Findings from a user trial of the lints, one test (or more) each: what was reported
/// wrongly, twice, or not at all.
@Suite struct LintTrialFixTests {
  static func check(_ text: String, files extra: [String: String] = [:], _ options: [String] = []) -> String {
    var files = extra
    files["lint.campaign"] = text
    return runDriver(["check", "--no-color"] + options + ["lint.campaign"], files: MemoryFileSystem(files)).1
  }

  static func count(_ code: String, in output: String) -> Int {
    output.components(separatedBy: "[\(code)]").count - 1
  }

  // MARK: - W0303: every overlapping pair

  @Test func everyOverlappingPersonaPairIsReported() {
    let personas = (1...3).map { "segment p\($0) = ltv >= \($0 * 100) {\n  offer \"P\($0)\"\n}\n" }.joined()
    let output = Self.check(LintCommandTests.clean + personas)
    #expect(Self.count("W0303", in: output) == 2, "one warning a persona: \(output)")
    #expect(output.contains("warning[W0303]: personas `p1` and `p2` can both match one contact"), "\(output)")
    #expect(
      output.contains("warning[W0303]: persona `p3` can match one contact together with `p1` and `p2`"), "\(output)")
    #expect(output.contains("note: `p2` is declared here"), "\(output)")
  }

  /// `maxOverlapsPerPersona` in the lints.
  static let maxOverlaps = 5

  @Test func overlapsOfOnePersonaAreCappedAndSaySo() {
    let count = Self.maxOverlaps + 3
    let personas = (0...count).map { "segment p\($0) = ltv >= \($0) {\n  offer \"P\($0)\"\n}\n" }.joined()
    let output = Self.check(LintCommandTests.clean + personas, ["--max-errors", "0"])
    #expect(
      output.contains(
        "persona `p\(count)` can match one contact together with `p0`, `p1`, `p2`, `p3`, `p4` and more declared before it"
      ), "\(output)")
    #expect(Self.count("W0303", in: output) == count, "\(output)")
  }

  // MARK: - W0105: one unused import, one warning

  @Test func anUnusedImportIsOneWarning() {
    let library = "segment vip = ltv >= 500\nsegment big = ltv >= 1000\nscore heat {\n  email_open +5\n}\n"
    let output = Self.check(
      LintCommandTests.clean + "import \"lib/segs.campaign\"\n", files: ["lib/segs.campaign": library])
    #expect(output.hasSuffix("checked 1 file (and 1 imported): 0 errors, 1 warning\n"), "\(output)")
    #expect(output.contains("warning[W0105]: nothing that `lib/segs.campaign` declares is used"))
    #expect(
      output.contains(
        "note: it declares segment `vip`, segment `big`, score `heat`, and no other file uses any of them"))
  }

  @Test func anUnusedImportOfAnUnusedImportIsOneWarning() {
    let output = Self.check(
      LintCommandTests.clean + "import \"lib/a.campaign\"\n",
      files: [
        "lib/a.campaign": "import \"b.campaign\"\nsegment a = ltv >= 5\n",
        "lib/b.campaign": "segment b = ltv >= 500\n",
      ])
    #expect(Self.count("W0105", in: output) == 1, "\(output)")
    #expect(output.hasSuffix("0 errors, 1 warning\n"), "\(output)")
  }

  @Test func aLibraryUsedInPartStillShowsItsUnusedSegments() {
    let library = "segment vip = ltv >= 500\nsegment big = ltv >= 1000\n"
    let uses = LintCommandTests.clean.replacingOccurrences(
      of: "flow welcome for Active {", with: "flow welcome for Active when vip {")
    let files = MemoryFileSystem([
      "lib/segs.campaign": library,
      "a.campaign": LintCommandTests.clean + "import \"lib/segs.campaign\"\n",
      "b.campaign": uses + "import \"lib/segs.campaign\"\n",
    ])
    let output = runDriver(["check", "--no-color", "a.campaign", "b.campaign"], files: files).1
    #expect(output.contains("a.campaign:21:1: warning[W0105]"), "\(output)")
    #expect(output.contains("lib/segs.campaign:2:9: warning[W0101]: segment `big` is never used"), "\(output)")
    #expect(!output.contains("`vip` is never used"), "\(output)")
  }

  // MARK: - W0104: read, never incremented

  @Test func aCounterReadButNeverIncrementedIsReported() {
    let text =
      LintCommandTests.clean.replacingOccurrences(
        of: "flow welcome for Active {", with: "flow welcome for Active when cycle < 2 {") + "counter cycle\n"
    let output = Self.check(text)
    #expect(
      output.contains("warning[W0104]: counter `cycle` is read but never incremented, so it is always 0"), "\(output)")
    let incremented = text.replacingOccurrences(
      of: "send email \"welcome\"", with: "increment cycle\n  send email \"welcome\"")
    #expect(Self.check(incremented) == "checked 1 file: no problems\n")
  }

  // MARK: - W0405: a budget on a channel nothing sends on

  @Test func aBudgetOnAnUnusedChannelIsReported() {
    let output = Self.check(LintCommandTests.clean + "budget sms 2 per 7d\n")
    #expect(
      output.contains(
        "lint.campaign:21:8: warning[W0405]: the campaign never sends on `sms`, so this budget has nothing to bound"),
      "\(output)")
    #expect(Self.check(LintCommandTests.clean + "budget email 2 per 7d\n") == "checked 1 file: no problems\n")
  }

  // MARK: - W0401, W0402 and the budget's reasons with idle timers

  static let idle = """
    campaign "Idle" {
      owner "crm@example.com"
    }
    contact {
      id string key
      email_opt_in bool
    }
    event email_open
    event page_visit
    engagement email_open
    consent email when email_opt_in
    cooldown Resting 60d
    states {
      initial Active
      state Resting
      Active -> Resting after 90d idle
      Resting -> Active after 30d idle
      Resting -> Active on page_visit
    }
    flow nudge for Active {
      send email "hi" subject "Hi"
    }
    flow back for Resting {
      wait cooldown
      send email "back" subject "Back"
    }

    """

  @Test func anIdleTimerIsNotSaidToMoveEveryContact() {
    let output = Self.check(Self.idle, ["--budget"])
    #expect(
      output.contains(
        "warning[W0401]: the 60d cooldown of `Resting` outlasts the state: contacts who do not engage leave it within 30d"
      ),
      "\(output)")
    #expect(output.contains("a contact who engages stays"))
    #expect(!output.contains("can be left and entered again without waiting"), "\(output)")
    #expect(
      output.contains(
        "nothing the check can count keeps `Active` from being left and entered again at once (`after 90d idle` out of `Active` counts as no time"
      ), "\(output)")
  }

  @Test func aReentryBoundedByTimersBesideAnIdleOneSaysSo() {
    let text = Self.idle.replacingOccurrences(
      of: "Resting -> Active on page_visit", with: "Resting -> Active after 10d"
    )
    .replacingOccurrences(of: "  Resting -> Active after 30d idle\n", with: "")
    let output = Self.check(text, ["--budget"])
    #expect(
      output.contains(
        "`Active` cannot be entered again within 10d (`after 90d idle` out of `Active` counts as no time"),
      "\(output)")
    #expect(!output.contains("every 10d at the soonest"), "\(output)")
  }

  @Test func aWaitPastAnIdleTimerSaysWhoHasLeft() {
    let text = Self.idle.replacingOccurrences(of: "wait cooldown", with: "wait 45d")
    let output = Self.check(text)
    #expect(
      output.contains(
        "`wait 45d` ends 45d after the flow starts, but contacts who do not engage leave `Resting` within 30d"),
      "\(output)")
  }

  // MARK: - W0402: each offending wait

  static let resting = """
    campaign "Waits" {
      owner "crm@example.com"
    }
    contact {
      id string key
      ltv decimal
      email_opt_in bool
    }
    event email_open
    engagement email_open
    consent email when email_opt_in
    states {
      initial Active
      state Resting
      final Engaged
      Active -> Engaged on email_open
      Active -> Resting after 14d
      Resting -> Active after 30d
    }
    flow welcome for Active {
      send email "welcome" subject "Welcome"
    }

    """

  @Test func eachWaitThatOutlastsTheStateIsReportedOncePerPath() {
    let flow = """
      flow rest for Resting {
        if ltv > 100 {
          wait 40d
          send email "big" subject "Big"
          wait 5d
          send email "big2" subject "Big"
        } else {
          wait 10d
          send email "small" subject "Small"
          wait 25d
          send email "small2" subject "Small"
        }
      }

      """
    let output = Self.check(Self.resting + flow)
    #expect(Self.count("W0402", in: output) == 2, "\(output)")
    #expect(output.contains("`wait 40d` ends 40d after the flow starts"), "\(output)")
    #expect(output.contains("`wait 25d` ends 35d after the flow starts"), "\(output)")
    #expect(!output.contains("`wait 5d`"), "a wait after the first on its path is the same mistake")
  }

  @Test func aWaitAfterACooldownThatOutlastsTheStateIsTheCooldownsMistake() {
    let flow =
      "cooldown Resting 45d\nflow rest for Resting {\n  wait cooldown\n  send email \"a\" subject \"A\"\n  wait 2d\n  send email \"b\" subject \"B\"\n}\n"
    let output = Self.check(Self.resting + flow)
    #expect(Self.count("W0401", in: output) == 1, "\(output)")
    #expect(Self.count("W0402", in: output) == 0, "\(output)")
  }
}
