import CampaignLang
import Lexer

// MARK: - W0106: `10.000`, a thousands separator read as a decimal point

extension LintContext {
  /// A decimal written with exactly three digits after the point, the last of them 0,
  /// and a whole part of one to three digits that is not 0 (`10.000`, `1.500`): in
  /// much of the world `.` separates thousands, so `10.000` probably means ten
  /// thousand, but it is read as 10. Money (`12.50`) and plain decimals (`0.125`,
  /// `2.375`) are not reported.
  func ambiguousDecimals(_ lints: inout LintBag) {
    for file in compilation.sources.files where Self.mayHoldAmbiguousDecimal(file.bytes) {
      let stream = Lexer.tokenize(file)
      for token in stream.tokens where token.kind == .decimal || token.kind == .percent {
        let text = file.text(token.range)
        let number = text.hasSuffix("%") ? String(text.dropLast()) : text
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { continue }
        let whole = parts[0].filter { $0 != "_" }
        let fraction = parts[1]
        guard (1...3).contains(whole.count), whole.first != "0", fraction.count == 3, fraction.last == "0",
          fraction.allSatisfy(\.isNumber)
        else { continue }
        let unit = text.hasSuffix("%") ? "%" : ""
        let asThousands = whole + fraction
        var trimmed = String(fraction)
        while trimmed.hasSuffix("0") { trimmed.removeLast() }
        let asDecimal = trimmed.isEmpty ? String(whole) : "\(whole).\(trimmed)"
        lints.warn(
          .ambiguousDecimal, "`\(text)` is read as \(asDecimal)\(unit), not \(asThousands)\(unit)", at: token.range,
          help:
            "write `\(asThousands)\(unit)` (or `\(whole)_\(fraction)\(unit)`) for \(asThousands); for \(asDecimal), write `\(asDecimal)\(unit)`"
        )
      }
    }
  }

  /// Whether `bytes` hold a point followed by exactly three digits ending in 0 (`.000`,
  /// `.500`): only such files are tokenized again for the lint.
  static func mayHoldAmbiguousDecimal(_ bytes: [UInt8]) -> Bool {
    func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    var index = 0
    while index + 3 < bytes.count {
      if bytes[index] == 0x2E && isDigit(bytes[index + 1]) && isDigit(bytes[index + 2]) && bytes[index + 3] == 0x30
        && (index + 4 == bytes.count || !isDigit(bytes[index + 4]))
      {
        return true
      }
      index += 1
    }
    return false
  }
}
