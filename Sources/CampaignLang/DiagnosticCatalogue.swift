/// The one catalogue of diagnostic codes: what each means, with a wrong and a corrected
/// example. `campaignc explain-code CODE` prints an entry, `docs/diagnostics.md` is
/// generated from it, and a test fails when a code lacks an entry or a fixture.
public enum DiagnosticCatalogue {
  public struct Entry: Sendable, Hashable {
    public var code: DiagnosticCode
    /// A short identifier (SARIF rule name).
    public var name: String
    /// The headline, as in a message.
    public var title: String
    public var explanation: String
    public var wrong: String
    public var corrected: String
  }

  public static func entry(for code: DiagnosticCode) -> Entry? {
    entries.first { $0.code == code }
  }

  static func e(
    _ code: DiagnosticCode, _ name: String, _ title: String, _ explanation: String, wrong: String, corrected: String
  ) -> Entry {
    Entry(code: code, name: name, title: title, explanation: explanation, wrong: wrong, corrected: corrected)
  }

  /// Every code, in code order.
  public static let entries: [Entry] = lexical + syntax + names + types + rules + lintErrors + warnings
}
