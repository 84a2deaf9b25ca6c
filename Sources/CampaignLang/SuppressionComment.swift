/// A suppression comment, `# campaignc: allow W0101, W0404 -- the reason` (grammar.md
/// §10), as read from the comment's text alone.
///
/// Reading is part of reading the file, so a malformed suppression (E0601) is reported
/// with the file's other errors, not only once the campaign checks clean; which warnings
/// it then silences is decided by the lint pass. Slips are read as meant, with at most
/// one message per comment: `campaignc` without its colon, codes in lowercase, and a
/// single `-` or a dash (`–`, `—`) for `--` (that last one silently).
public struct SuppressionComment: Sendable, Hashable {
  /// The warning codes it allows (valid ones only; empty when it says no `allow`).
  public var codes: [DiagnosticCode]
  public var range: SourceRange
  /// Its one problem (E0601), if any. A suppression with a problem still suppresses the
  /// codes it names, so one mistake is one message.
  public var problem: Diagnostic?

  static let marker = "campaignc"

  /// The suppression `comment` holds, or nil when it is an ordinary comment.
  public static func read(_ comment: Comment) -> SuppressionComment? {
    var rest = Substring(comment.text).drop { $0 == " " || $0 == "\t" }
    // The marker: `campaignc:`, or a slip of it followed by `allow`.
    let head = rest.prefix { $0 != " " && $0 != "\t" && $0 != ":" }
    rest = rest.dropFirst(head.count).drop { $0 == " " || $0 == "\t" }
    let hasColon = rest.first == ":"
    if hasColon { rest = rest.dropFirst() }
    let exact = head == marker && hasColon
    if !exact {
      let nextWord = rest.drop { $0 == " " || $0 == "\t" }.prefix { $0.isLetter }
      let nearMarker = head.lowercased() == marker || Spelling.closest(to: String(head), among: [marker]) != nil
      guard nearMarker, nextWord.lowercased() == "allow" else { return nil }
    }
    var suppression = SuppressionComment(codes: [], range: comment.range, problem: nil)
    suppression.readDirective(rest, markerSlip: exact ? nil : String(head) + (hasColon ? ":" : ""))
    return suppression
  }

  /// `allow CODES SEPARATOR REASON`: the codes end at the first dash (`--`, `-`, `–`, `—`).
  private mutating func readDirective(_ text: Substring, markerSlip: String?) {
    let isDash: (Character) -> Bool = { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" || $0 == "\u{2212}" }
    let directive = text.prefix { !isDash($0) }
    let reason = text.dropFirst(directive.count).drop(while: isDash).drop { $0 == " " || $0 == "\t" }
    let trimmedReason = reason.reversed().drop { $0 == " " || $0 == "\t" }.reversed()
    let words = directive.split { $0 == " " || $0 == "," || $0 == "\t" }
    let hasAllow = words.first?.lowercased() == "allow"
    var unknown: [Substring] = []
    for word in words.dropFirst() {
      let code = DiagnosticCode(word.uppercased())
      if code.rawValue.hasPrefix("W"), DiagnosticCatalogue.entry(for: code) != nil {
        codes.append(code)
      } else {
        unknown.append(word)
      }
    }
    let shownCodes = codes.isEmpty ? "W0101" : codes.map(\.rawValue).joined(separator: ", ")
    let shownReason = trimmedReason.isEmpty ? "why this is fine here" : String(trimmedReason)
    let corrected = "write `# campaignc: allow \(shownCodes) -- \(shownReason)`"
    if !hasAllow {
      codes = []
      fail("a `campaignc:` comment must say `allow`", help: corrected)
    } else if let slip = markerSlip {
      let message =
        slip.lowercased() == SuppressionComment.marker
        ? "a suppression needs the colon after `campaignc`"
        : "a suppression starts with `campaignc:`, not `\(slip)`"
      fail(message, help: corrected)
    } else if let word = unknown.first {
      // `allow W0101 used by the spring flows`: a reason without its `--`.
      let codeLike = word.first?.isLetter == true && word.dropFirst().allSatisfy(\.isNumber) && word.count > 1
      if !codeLike && trimmedReason.isEmpty && !codes.isEmpty {
        let reasonText = directive[word.startIndex...].trimmingSpaces
        fail(
          "the reason of a suppression goes after `--`",
          help: "write `# campaignc: allow \(shownCodes) -- \(reasonText)`")
      } else {
        fail(
          "`\(word)` is not a warning code",
          help: "only warnings (W codes) can be allowed; `campaignc explain-code --list` lists them")
      }
    } else if codes.isEmpty {
      fail("the suppression names no warning code", help: corrected)
    } else if trimmedReason.isEmpty {
      fail("a suppression must give its reason", help: corrected)
    }
  }

  private mutating func fail(_ message: String, help: String) {
    problem = Diagnostic(.badSuppression, message, at: range, help: help)
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
