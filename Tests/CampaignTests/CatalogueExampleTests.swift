import CampaignLang
import Testing

/// Every catalogue entry's examples work when pasted into a campaign: the wrong one
/// gives its code, the corrected one checks clean. The examples are fragments, so each
/// is pasted into a small campaign whose declarations of the same things it replaces.
@Suite struct CatalogueExampleTests {
  /// A campaign to paste fragments into, one declaration per paragraph.
  static let host = [
    "campaign \"Host\" {\n  owner \"crm@example.com\"\n}",
    "contact {\n  id string key\n  ltv decimal\n  orders_90d int\n  last_login timestamp?\n  gender string restricted\n  email_opt_in bool\n  push_opt_in bool\n  sms_opt_in bool\n  signup date\n}",
    "event email_open", "event email_click { url string }", "event page_visit { intent enum(low, high) }",
    "event app_open", "event purchase { amount decimal }",
    "consent email when email_opt_in", "consent push when push_opt_in", "consent in_app when push_opt_in",
    "score engagement {\n  email_open +5\n  email_click +10\n  page_visit +15 where intent == high\n  cap 100\n}",
    "states {\n  initial Active\n  state Engaged\n  state Inactive\n  Active -> Engaged when engagement >= 20\n}",
  ]

  /// What a declaration declares, to tell whether a fragment replaces it: its first
  /// word, plus its name for the kinds a campaign has several of.
  static func key(_ declaration: Substring) -> String {
    let words = declaration.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "{" }).prefix(2)
    guard let first = words.first else { return "" }
    return ["event", "consent", "score", "segment", "flow", "variant", "cooldown", "limit", "counter"].contains(first)
      ? words.joined(separator: " ") : String(first)
  }

  /// Puts a fragment written as the inside of a block into that block, as a reader
  /// would: flow steps into a flow, transitions into the states block, and so on.
  static func wrap(_ fragment: String) -> String {
    let firstLine = fragment.split(separator: "\n").first { !$0.hasPrefix("#") } ?? ""
    let words = firstLine.split(separator: " ").map(String.init)
    let first = words.first ?? ""
    let indented = fragment.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
      .joined(separator: "\n")
    switch first {
    case "wait", "send", "if", "exit", "suppress", "move", "set", "increment":
      return "flow f for Active {\n\(indented)\n}"
    case "timezone", "owner", "audience", "description":
      let owner = first == "owner" ? "" : "  owner \"crm@example.com\"\n"
      return "campaign \"Host\" {\n\(owner)\(indented)\n}"
    case "cap", "decay":
      return "score extra {\n  email_open +5\n\(indented)\n}"
    case "subject", "text", "offer", "message", "visual":
      return "segment extra = ltv > 1 {\n\(indented)\n}"
    case "contact" where !fragment.contains("\n"), "expect", "at":
      return "test \"t\" {\n\(indented)\n}"
    case "initial", "state":
      return "states {\n\(indented)\n  state Engaged\n  Active -> Engaged when engagement >= 20\n}"
    default:
      if firstLine.contains("->") {
        return "states {\n  initial Active\n  state Engaged\n  state Inactive\n\(indented)\n}"
      }
      if words.count >= 2 && words[1].hasPrefix("+") { return "score extra {\n\(indented)\n}" }
      if first.hasPrefix("sum(") || first.hasPrefix("count(") { return "segment extra = \(fragment) > 0" }
      let declarationWords = ["segment", "counter", "event", "consent", "engagement", "states", "flow", "variant"]
      if words.count == 2 && !host.contains(where: { $0.hasPrefix(first + " ") }) && !declarationWords.contains(first) {
        return
          "contact {\n  id string key\n  ltv decimal\n  orders_90d int\n  last_login timestamp?\n  gender string restricted\n  email_opt_in bool\n  push_opt_in bool\n  signup date\n\(indented)\n}"
      }
      return fragment
    }
  }

  static func paste(_ fragment: String) -> String {
    let fragment = wrap(fragment)
    let replaced = Set(
      fragment.split(separator: "\n").filter { !$0.hasPrefix(" ") && !$0.hasPrefix("}") }.map { key($0) })
    // A fragment with its own contact schema also drops the consent rules that read the host's.
    let kept = host.filter {
      !replaced.contains(key(Substring($0))) && !(replaced.contains("contact") && $0.hasPrefix("consent"))
    }
    return (kept + [fragment]).joined(separator: "\n\n") + "\n"
  }

  /// Entries about imports between files: their examples name files, so the fixtures
  /// (examples/invalid/lib) show them instead.
  static let aboutImports: Set<String> = ["E0312", "E0313", "E0314", "E0315", "W0105"]
  /// Codes the lint pass gives (after a clean check): their corrected example must not
  /// give the code or any error, though the host may give other warnings (a pasted
  /// segment nothing uses, say).
  static func fromLints(_ code: String) -> Bool { code.hasPrefix("W") || code.hasPrefix("E06") }
  /// Entries whose examples are whole files: checked as they are.
  static let wholeFile: Set<String> = ["E0210", "E0511"]
  /// Wrong examples that describe rather than show (invalid UTF-8, 130 characters, deep
  /// nesting): only their corrected example is pasted.
  static let describedWrong: Set<String> = ["E0102", "E0207", "E0508"]

  @Test(arguments: DiagnosticCatalogue.entries.filter { !aboutImports.contains($0.code.rawValue) })
  func examplesWorkWhenPasted(entry: DiagnosticCatalogue.Entry) {
    let code = entry.code.rawValue
    let paste = Self.wholeFile.contains(code) ? { $0 } : Self.paste
    let corrected = compile(paste(entry.corrected))
    if Self.fromLints(code) {
      let found = checkCodes(corrected)
      #expect(!found.contains(code) && !found.contains { $0.hasPrefix("E") }, "\(code) corrected: \(found)")
      #expect(checkCodes(compile(paste(entry.wrong))).contains(code), "\(code) wrong:\n\(entry.wrong)")
      return
    }
    #expect(codes(corrected).isEmpty, "\(code) corrected:\n\(entry.corrected)")
    guard !Self.describedWrong.contains(code) else { return }
    let wrong = compile(paste(entry.wrong))
    #expect(codes(wrong).contains(code), "\(code) wrong:\n\(entry.wrong)")
  }
}
