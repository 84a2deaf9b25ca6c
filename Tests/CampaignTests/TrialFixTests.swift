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
}
