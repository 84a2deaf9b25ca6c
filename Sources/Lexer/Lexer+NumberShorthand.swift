import CampaignLang

/// Numbers written the way people write them in documents (`10k`, `1M`, `1,000`,
/// `10 %`, `3D`): each is one message saying what to write, and is read as what was meant.
extension Lexer {
  /// Whether the previous token compares, so the number is an amount (`ltv > 1M`)
  /// rather than a duration (`wait 1M`).
  var afterComparison: Bool {
    switch tokens.last?.kind {
    case .greater, .greaterEqual, .less, .lessEqual, .equalEqual, .bangEqual, .equal: true
    default: false
    }
  }

  /// `10k` or, after a comparison, `1M`: amounts written with a suffix.
  mutating func numberSuffix(start: Int, word: String, value: ExactDecimal?) -> Bool {
    let factor: Int64
    switch word {
    case "k", "K": factor = 1000
    case "M" where afterComparison: factor = 1_000_000
    default: return false
    }
    let full = value.flatMap { Lexer.scaled($0, by: factor) }
    let written = file.text(range(start, index))
    diagnostics.error(
      .malformedLiteral, full.map { "write `\(written)` as the full number `\($0)`" } ?? "`\(written)` is not a number",
      at: range(start, index),
      help: "numbers are written in full, without suffixes such as `k` or `M` and without thousands separators")
    emit(.integer, from: start, literal: full.map { .int($0) })
    return true
  }

  /// `value` times `factor` as a whole number, or nil when it is not whole or too large.
  static func scaled(_ value: ExactDecimal, by factor: Int64) -> Int64? {
    var divisor: Int64 = 1
    for _ in 0..<value.scale { divisor *= 10 }
    let (product, overflow) = value.units.multipliedReportingOverflow(by: factor)
    guard !overflow, product % divisor == 0 else { return nil }
    return product / divisor
  }

  /// `1,000` or `1,000,000` after a comparison: thousands separators.
  mutating func thousandsSeparators(start: Int, whole: DigitRun) -> Bool {
    guard afterComparison, whole.count <= 3, whole.end - whole.start == whole.count else { return false }
    var end = index
    while end + 3 < bytes.count && bytes[end] == UInt8(ascii: ",") && isDigit(bytes[end + 1])
      && isDigit(bytes[end + 2]) && isDigit(bytes[end + 3])
      && (end + 4 == bytes.count || !isDigit(bytes[end + 4]))
    {
      end += 4
    }
    guard end > index else { return false }
    index = end
    let written = file.text(range(start, index))
    let digits = written.filter { $0 != "," }
    diagnostics.error(
      .malformedLiteral, "write `\(written)` without commas: `\(digits)`", at: range(start, index),
      help: "numbers have no thousands separators; to group digits, use `_`, like `1_000`")
    emit(.integer, from: start, literal: Int64(digits).map { .int($0) })
    return true
  }

  /// `10 %`: a share written with a space before its `%`.
  mutating func spacedPercent(start: Int, value: ExactDecimal?) -> Bool {
    var at = index
    while at < bytes.count && (bytes[at] == UInt8(ascii: " ") || bytes[at] == UInt8(ascii: "\t")) { at += 1 }
    guard at > index, at < bytes.count, bytes[at] == UInt8(ascii: "%") else { return false }
    let number = file.text(range(start, index))
    index = at + 1
    diagnostics.error(
      .malformedLiteral, "write `\(number)%` without a space", at: range(start, index),
      help: "a percentage is a number with `%` right after it, like `10%`")
    emit(.percent, from: start, literal: value.map { .percent($0) })
    return true
  }

  /// `3D`, `24H`: a unit in capitals (`M` is months, reported on its own).
  mutating func uppercaseUnit(start: Int, word: String, value: ExactDecimal?, isWhole: Bool) -> Bool {
    guard word.utf8.count == 1, let byte = word.utf8.first, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z"),
      let unit = Lexer.singleLetterUnit(byte + 32), let value, isWhole
    else { return false }
    diagnostics.error(
      .malformedLiteral, "write `\(file.text(range(start, index)))` as `\(value.units)\(unit.rawValue)`",
      at: range(start, index), help: "units of time are lowercase: `s`, `m` (minutes), `h`, `d`, `w`")
    if durationTooLong(start, Duration(amount: value.units, unit: unit)) { return true }
    emit(.duration, from: start, literal: .duration(Duration(amount: value.units, unit: unit)))
    return true
  }
}
