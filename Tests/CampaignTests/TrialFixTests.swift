import CampaignLang
import Checker
import Testing

/// Regressions from a user trial of `campaignc check`: each snippet, added to the
/// minimal campaign, gives exactly these codes (one mistake, one message).
@Suite struct TrialFixTests {
  @Test(arguments: [
    // A number too large for its unit or `%` is E0108 alone, not also "needs a unit".
    ("flow f for Active {\n  wait 9999999999999999999d\n}", ["E0108"]),
    ("cooldown Active 99999999999999999999d", ["E0108"]),
    ("cooldown Active 99999999999999999999", ["E0108"]),
    ("segment a = count(email_open within 99999999999999999999d) > 1", ["E0108"]),
    ("variant v {\n  a 99999999999999999999%\n  holdout\n}", ["E0108"]),
    ("guardrail email_open below 99999999999999999999 of sends", ["E0108"]),
    ("segment a = ltv > \(String(repeating: "9", count: 5000))d", ["E0108"]),
    // Durations whose seconds do not fit are E0108 wherever they are written.
    ("flow f for Active {\n  wait 999999999999999999w\n}", ["E0108"]),
    ("cooldown Active 999999999999999999w", ["E0108"]),
    ("limit email 2 per 999999999999999999w", ["E0108"]),
    ("segment a = count(email_open within 999999999999999999w) > 1", ["E0108"]),
    ("segment a = last_login ?? now > now - 999999999999999999s", ["E0108"]),
    ("flow f for Active {\n  wait 3650001d\n}", ["E0108"]),
    // Months and years are not units; `M` is not minutes.
    ("flow f for Active {\n  wait 1M\n}", ["E0205"]),
    ("flow f for Active {\n  wait 2years\n}", ["E0205"]),
    // Numbers in forms campaigns do not read: one number-format message.
    ("segment a = ltv > 1_000_", ["E0109"]),
    ("segment a = ltv > 1__000", ["E0109"]),
    ("segment a = ltv > 1e5", ["E0109"]),
    // A channel without consent is reported once, at its first send.
    ("flow f for Active {\n  send sms \"x\" text \"a\"\n  send sms \"y\" text \"b\"\n}", ["E0506"]),
    (
      "flow f for Active {\n  send sms \"x\" text \"a\"\n}\nflow g for Engaged {\n  send sms \"y\" text \"b\"\n  send whatsapp \"z\" text \"c\"\n}",
      ["E0506", "E0506"]
    ),
    // A misspelled variant on an email is not also an email without a subject.
    ("flow f for Active {\n  send email \"x\" variant tt\n}", ["E0306"]),
    // A variant whose arms or shares did not parse is not also added up.
    ("variant v { a 50, b 50 }", ["E0206", "E0206"]),
    ("variant v { a 50%  b 50% }", ["E0201"]),
    ("variant v {\n  a 50% { subject \"A\" }\n  b 50 { subject \"B\" }\n}", ["E0206"]),
    // Operators written the wrong way round, or in words: one message, read as meant.
    ("segment a = ltv => 500", ["E0201"]),
    ("segment a = ltv =< 500", ["E0201"]),
    ("segment a = ltv <> 500", ["E0201"]),
    ("segment a = orders_90d is 5", ["E0203"]),
    ("segment a = orders_90d is not 5 and ltv > 1", ["E0203"]),
    // 12-hour times: one message per time.
    ("quiet hours 9pm to 8am", ["E0109", "E0109"]),
    ("segment a = ltv > $500", ["E0101"]),
  ])
  func oneMistakeGivesTheseCodes(line: String, expected: [String]) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(codes(result) == expected, "\(line)")
    #expect(result.program == nil)
  }

  /// A duration up to the limit is accepted.
  @Test func theLongestDurationIsAccepted() {
    let result = compile(minimalCampaign + "flow f for Active {\n  wait 3650000d\n  wait 521428w\n}\n")
    #expect(codes(result) == [])
  }

  /// The help for a too-large number does not repeat it (a 5,000-digit number gave a 5 KB message).
  @Test func aHugeNumberGivesAShortMessage() {
    let result = compile(minimalCampaign + "cooldown Active \(String(repeating: "9", count: 5000))d\n")
    let diagnostic = result.diagnostics.first
    #expect(diagnostic.map { $0.message.count + ($0.help?.count ?? 0) < 200 } == true)
  }

  /// The messages and helps that name what to write instead.
  @Test(arguments: [
    ("segment a = ltv => 500", "write `>=`"),
    ("segment a = ltv =< 500", "write `<=`"),
    ("segment a = ltv <> 500", "write `!=`"),
    ("segment a = orders_90d is 5", "use `==`"),
    ("quiet hours 9pm to 07:00", "`21:00`"),
    ("quiet hours 22:00 to 8am", "`08:00`"),
    ("segment a = ltv > $500", "without the currency sign: `500`"),
    ("flow f for Active {\n  send email \"x\" subject \"Hi\" subject \"Again\"\n}", "this send gives `subject` twice"),
    ("consent email when true", "channel `email` already has a consent rule"),
    ("segment a = ltv > \"500\"", "write the number without quotes: `ltv > 500`"),
    ("segment a = ltv == \"500\"", "write the number without quotes: `ltv == 500`"),
    ("flow f for Active {\n  wait for 7d\n}", "write `wait 7d`"),
    ("variant v { a 0%, b 100% }", "remove arm `a`"),
    ("segment a = engagement >= 999999999999999999", "`engagement >= 999999999999999999`"),
    ("segment a = 999999999999999999 <= engagement", "`engagement >= 999999999999999999`"),
    ("segment a = engagement >= 100.5", "`engagement >= 100.5`"),
    ("segment a = max(email_open) > 1", "`max` needs a field to take the largest value of"),
    ("segment a = avg(email_open) > 1", "`avg` needs a field to average"),
    ("segment a = sum(email_open) > 1", "`sum` needs a field to add up"),
    ("consent email when true", "merge the two conditions"),
    ("cooldown Active 3d\ncooldown Active 4d", "state `Active` already has a cooldown"),
    ("score s2 {\n  email_open +1\n  cap 5\n  cap 6\n}", "score `s2` already has a cap"),
    (
      "test \"t\" {\n  contact { id \"c\", ltv 5, ltv 6, \(testContact) }\n  at 2026-01-01 email_open\n}",
      "this test contact gives `ltv` twice"
    ),
    ("segment a = ltv > \u{07} 5", "unexpected control character U+0007 in a campaign"),
    ("flow f for Active {\n  wait 1M\n}", "no months"),
  ])
  func theMessageSaysWhatToWrite(line: String, words: String) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(result.diagnostics.count == 1, "\(line)")
    #expect(!result.diagnostics.contains { $0.help?.contains("another name") == true }, "\(line)")
    let text = result.diagnostics.map { $0.message + " " + ($0.help ?? "") }.joined(separator: "\n")
    #expect(text.contains(words), "\(line): \(text)")
  }

  /// A block's missing `{` or an inner block's missing `}` is one message, about that block.
  @Test(arguments: [
    ("flow f for Active\n  send email \"x\" subject \"Hi\"\n}\nsegment z = ltvv > 1", ["E0201", "E0301"], "flow `f`"),
    ("score s2\n  email_open +1\n}", ["E0201"], "score `s2`"),
    (
      "flow f for Active {\n  if ltv > 1 {\n    wait 1d\n  send email \"x\" subject \"Hi\"\n}\nsegment z = ltvv > 1",
      ["E0202", "E0301"], "the `if` branch"
    ),
    ("flow f for Active {\n  if ltv > 1 {\n    wait 1d\n}", ["E0202"], "the `if` branch"),
    ("variant v {\n  a 50% {\n    subject \"A\"\n  b 50% { subject \"B\" }\n}", ["E0202"], "arm `a`"),
  ])
  func aMissingBraceIsBlamedOnItsOwnBlock(line: String, expected: [String], block: String) {
    let result = compile(minimalCampaign + line + "\n")
    #expect(codes(result) == expected, "\(line)")
    #expect(result.diagnostics.first?.message.contains(block) == true, "\(line)")
  }
}
