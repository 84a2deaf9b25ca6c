extension DiagnosticCatalogue {
  /// Suppression comments and declared budgets (errors found by the lint pass).
  static let lintErrors: [Entry] = [
    e(
      .badSuppression, "bad-suppression", "a suppression comment is malformed or gives no reason",
      "A comment `# campaignc: allow CODE -- reason` silences warning CODE on its own line (at the end of it) or on the next line that is not blank or a comment. It must name warning codes (W...) and give a reason after `--`, so a reviewer can tell why the warning does not apply. Errors cannot be allowed. Without a reason the warning is still silenced, and this is the one error. It is reported with the file's other errors, and so is `# campaignc allow ...` with the colon left out (read as meant); lowercase codes and a single `-` or dash before the reason are fine.",
      wrong: "segment vip = ltv >= 500  # campaignc: allow W0101",
      corrected: "segment vip = ltv >= 500  # campaignc: allow W0101 -- used by the spring flows, written next"),
    e(
      .budgetExceeded, "budget-exceeded", "the worst case exceeds a declared budget",
      "`budget CHANNEL N per D` says one contact may get at most N messages on the channel in any window of D. `campaignc check` works out the worst case from the flows, waits, cooldowns, frequency limits and how often a state can be entered again (grammar.md, section 8; `check --budget` shows it), and this error says when it is over the budget, or unbounded. Send less, add a `limit`, or raise the budget.",
      wrong:
        "budget email 1 per 7d\nflow f for Active {\n  send email \"a\" subject \"A\"\n  wait 1d\n  send email \"b\" subject \"B\"\n}",
      corrected:
        "budget email 2 per 7d\nflow f for Active {\n  send email \"a\" subject \"A\"\n  wait 1d\n  send email \"b\" subject \"B\"\n}"
    ),
  ]

  /// Warnings: legal, but almost certainly wrong or wasteful. `check` reports them on a
  /// campaign without errors; `--deny`, `--allow` and `--warnings-as-errors` change that.
  static let warnings: [Entry] = [
    e(
      .unusedSegment, "unused-segment", "a segment is never used",
      "No flow, transition, consent rule, audience, test or other segment names the segment, and it has no creative variables. A segment with creative variables is a persona: its message and offer are read by whoever builds the messages, so it counts as used.",
      wrong: "segment vip = ltv >= 500",
      corrected: "segment vip = ltv >= 500\nflow f for Active when vip {\n  send email \"vip\" subject \"Thanks\"\n}"),
    e(
      .unusedScore, "unused-score", "a score is never read",
      "No transition, segment, condition or test reads the score, so its points change nothing.",
      wrong: "score heat {\n  email_open +5\n}",
      corrected: "score heat {\n  email_open +5\n}\nsegment warm = heat >= 10 {\n  message \"Good to see you\"\n}"),
    e(
      .unusedVariant, "unused-variant", "a variant is not used by any send",
      "A variant splits the contacts of a send; without `variant NAME` on a send it splits nothing.",
      wrong:
        "variant subject_test {\n  curiosity 50% { subject \"New for you\" }\n  value 50% { subject \"20% off\" }\n}\nflow f for Active {\n  send email \"hello\" subject \"Hello\"\n}",
      corrected:
        "variant subject_test {\n  curiosity 50% { subject \"New for you\" }\n  value 50% { subject \"20% off\" }\n}\nflow f for Active {\n  send email \"hello\" variant subject_test\n}"
    ),
    e(
      .unusedCounter, "unused-counter", "a counter is never incremented",
      "A counter starts at 0 and changes only with `increment`; one that no flow increments and no condition reads does nothing, and one that conditions or tests read but no flow increments is always 0, so what reads it always sees the same value. (A counter that is incremented but never read is fine: `simulate` reports its values.)",
      wrong: "counter cycle",
      corrected: "counter cycle\nflow f for Active when cycle < 2 {\n  increment cycle\n}"),
    e(
      .unusedImport, "unused-import", "an import is not needed",
      "The imported file declares only segments, scores, variants or counters (no schema, states, rules or flows), and nothing outside it uses any of them; or the same file is imported twice by one file.",
      wrong: "import \"lib/segments.campaign\"   # declares `segment vip`, which nothing uses",
      corrected:
        "import \"lib/segments.campaign\"\nflow f for Active when vip {\n  send email \"vip\" subject \"Thanks\"\n}"),
    e(
      .ambiguousDecimal, "ambiguous-decimal", "a decimal that looks like a thousands separator",
      "`10.000` is ten, with three decimals, but in much of the world `.` separates thousands, so it was probably meant as ten thousand. Reported for a number with one to three digits (not 0) before the point and exactly three after it, the last of them 0. Write `10000` or `10_000` for ten thousand, `10` or `10.0` for ten.",
      wrong: "segment big_spender = ltv >= 10.000", corrected: "segment big_spender = ltv >= 10_000"),
    e(
      .unreachableState, "unreachable-state", "no transition leads to a state",
      "The state is not the initial one, and no transition (or flow's `set state`) moves a contact into it, so no contact is ever in it and its flows never run.",
      wrong: "states {\n  initial Active\n  state Engaged, Dormant\n  Active -> Engaged when engagement >= 20\n}",
      corrected:
        "states {\n  initial Active\n  state Engaged\n  final Dormant\n  Active -> Engaged when engagement >= 20\n  Engaged -> Dormant after 90d\n}"
    ),
    e(
      .deadEndState, "dead-end-state", "a state has no way out and is not final",
      "No transition (nor a flow's `set state`) leads out of the state, so contacts who reach it stay for good. If that is meant, declare it `final`, which also keeps `any -> ...` transitions from moving them.",
      wrong: "states {\n  initial Active\n  state Engaged\n  Active -> Engaged when engagement >= 20\n}",
      corrected: "states {\n  initial Active\n  final Engaged\n  Active -> Engaged when engagement >= 20\n}"),
    e(
      .unreachableStep, "unreachable-step", "a flow step never runs",
      "The step comes after an `exit` or a `set state` (to another state) without `unless`, or after an `if` whose branches both end the flow: the flow always ends before it.",
      wrong: "flow f for Active {\n  exit\n  send email \"late\" subject \"Hi\"\n}",
      corrected: "flow f for Active {\n  send email \"late\" subject \"Hi\"\n  exit\n}"),
    e(
      .segmentNeverMatches, "segment-never-matches", "a segment can never match",
      "Its conditions contradict each other for every contact: a value above one bound and below a lower one, equal to two different values, in two lists with nothing in common, or a condition and its negation. Segments it uses are read through.",
      wrong: "segment odd = ltv > 500 and ltv < 100", corrected: "segment odd = ltv > 500 or ltv < 100"),
    e(
      .duplicateSegment, "duplicate-segment", "a segment repeats another",
      "Two segments with exactly the same condition: one is enough, or one of them was meant to say something else.",
      wrong: "segment vip = ltv >= 500\nsegment big_spender = ltv >= 500",
      corrected: "segment vip = ltv >= 500\nsegment big_spender = ltv >= 1_000"),
    e(
      .overlappingPersonas, "overlapping-personas", "two personas can match the same contact",
      "Segments that carry the same set of creative keys (say `message`, `visual`, `offer`) are read as one persona matrix, meant to partition the contacts: each contact should get one persona's creatives. Two of them that the checker cannot prove apart (by bounds, states, enum values, or one excluding the other) are reported. Segments with different creative keys are not compared.",
      wrong: "segment gold = ltv >= 500 {\n  offer \"GOLD\"\n}\nsegment silver = ltv >= 100 {\n  offer \"SILVER\"\n}",
      corrected:
        "segment gold = ltv >= 500 {\n  offer \"GOLD\"\n}\nsegment silver = ltv >= 100 and ltv < 500 {\n  offer \"SILVER\"\n}"
    ),
    e(
      .cooldownOutlastsState, "cooldown-outlasts-state", "a cooldown is longer than contacts stay in its state",
      "A transition out of the state with a timer and no guard moves contacts out before the cooldown ends, so `wait cooldown` never finishes for them and nothing after it is sent: every contact for `after 30d`; for `after 90d idle` (the campaign's idle window), every contact who does not engage meanwhile (each engagement starts the idle clock again).",
      wrong:
        "cooldown Inactive 60d\nstates {\n  initial Active\n  state Inactive\n  Active -> Inactive when engagement < 5\n  Inactive -> Active after 30d\n}",
      corrected:
        "cooldown Inactive 20d\nstates {\n  initial Active\n  state Inactive\n  Active -> Inactive when engagement < 5\n  Inactive -> Active after 30d\n}"
    ),
    e(
      .waitOutlastsState, "wait-outlasts-state", "a wait ends after contacts have left the flow's state",
      "The waits up to this one add up to at least the timer of a transition out of the flow's state (one with no guard), so the contact has left, and the flow stopped, before the steps after it (with `after D idle`, every contact who did not engage meanwhile). The first such wait on each path through the flow's `if`s is reported; a `wait cooldown` that outlasts the state is W0401.",
      wrong:
        "flow f for Inactive {\n  wait 45d\n  send email \"late\" subject \"Hi\"\n}\nstates {\n  initial Active\n  state Inactive\n  Active -> Inactive when engagement < 5\n  Inactive -> Active after 30d\n}",
      corrected:
        "flow f for Inactive {\n  wait 14d\n  send email \"late\" subject \"Hi\"\n}\nstates {\n  initial Active\n  state Inactive\n  Active -> Inactive when engagement < 5\n  Inactive -> Active after 30d\n}"
    ),
    e(
      .limitAlwaysExceeded, "limit-always-exceeded", "a flow's own sends always exceed a frequency limit",
      "Counting only the flow's sends without `unless`, this send comes within the limit's window of as many earlier ones as the limit allows, so whenever those went out, it is held back. Quiet hours, which can put a send off, are allowed for.",
      wrong:
        "limit email 1 per 7d\nflow f for Active {\n  send email \"a\" subject \"A\"\n  wait 2d\n  send email \"b\" subject \"B\"\n}",
      corrected:
        "limit email 1 per 7d\nflow f for Active {\n  send email \"a\" subject \"A\"\n  wait 7d\n  send email \"b\" subject \"B\"\n}"
    ),
    e(
      .sendNotMeasured, "send-not-measured", "no engagement event measures a channel's sends",
      "The campaign sends on the channel, but none of its `engagement` events belongs to that channel, so `unless engaged`, idle clocks and the engagement rates cannot see whether those messages worked. An event belongs to a channel when its name starts with the channel's and `_` (`push_open` for `push`), or when it has a `channel` field (text, or an enum listing the channel). Reported once per channel, at its first send.",
      wrong: "flow f for Active {\n  send push \"hello\" text \"Hi\"\n}",
      corrected: "event push_open\nengagement push_open\nflow f for Active {\n  send push \"hello\" text \"Hi\"\n}"),
    e(
      .guardrailUnusedChannel, "guardrail-unused-channel", "a guardrail or budget on a channel the campaign never uses",
      "The guardrail compares an event with the messages sent on the channel, and no flow sends on it: it can never be breached. A `budget` on such a channel always holds, so it promises nothing. Usually the channel name is wrong. (The code's name is older than the budget case.)",
      wrong:
        "event unsubscribe\nguardrail unsubscribe below 1% of sends on sms\nflow f for Active {\n  send email \"a\" subject \"A\"\n}",
      corrected:
        "event unsubscribe\nguardrail unsubscribe below 1% of sends on email\nflow f for Active {\n  send email \"a\" subject \"A\"\n}"
    ),
    e(
      .sendInCooldown, "send-in-cooldown", "a send always falls inside its state's cooldown",
      "The cooldown holds back every message for its length after the contact enters the state, and the flow reaches this send before then on every path (quiet hours allowed for), so it is never sent. Start with `wait cooldown`, or wait at least as long.",
      wrong: "cooldown Active 30d\nflow f for Active {\n  wait 7d\n  send email \"a\" subject \"A\"\n}",
      corrected: "cooldown Active 30d\nflow f for Active {\n  wait cooldown\n  send email \"a\" subject \"A\"\n}"),
    e(
      .unusedSuppression, "unused-suppression", "a suppression suppresses nothing",
      "A `# campaignc: allow CODE -- reason` comment whose line has no such warning (any more): delete it, so suppressions keep meaning something.",
      wrong: "# campaignc: allow W0101 -- kept for the spring campaign\nsegment vip = ltv >= 500 {\n  offer \"VIP\"\n}",
      corrected: "segment vip = ltv >= 500 {\n  offer \"VIP\"\n}"),
  ]
}
