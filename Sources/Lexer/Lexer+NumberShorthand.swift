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

  /// `12,50` or `2,5%` after a comparison: a decimal comma, as many countries write it.
  /// (Exactly three digits after a comma, `1,000`, are thousands; see above.) Read as the
  /// decimal meant, with one message.
  mutating func decimalComma(start: Int, whole: DigitRun) -> Bool {
    guard afterComparison, whole.end - whole.start == whole.count, peek() == UInt8(ascii: ","), isDigit(peek(1))
    else { return false }
    let comma = index
    index += 1
    let fraction = digits()
    guard fraction.end - fraction.start == fraction.count, !isIdentifierByte(peek()) || peek() == UInt8(ascii: "%")
    else {
      index = comma
      return false
    }
    let value = exactDecimal(whole: whole, fraction: fraction, start: start)
    let percent = peek() == UInt8(ascii: "%")
    if percent { index += 1 }
    let written = file.text(range(start, index))
    let meant = String(written.map { $0 == "," ? "." : $0 })
    diagnostics.error(
      .malformedLiteral, "`\(written)` has a decimal comma", at: range(start, index),
      help: "write decimals with a point: `\(meant)`")
    if percent {
      emit(.percent, from: start, literal: value.map { .percent($0) })
    } else {
      emit(.decimal, from: start, literal: value.map { .decimal($0) })
    }
    return true
  }

  /// Currency signs: `$`, `£`, `¥`, `¢` and the Unicode block of currency symbols (`€`).
  static func isCurrencySign(_ scalar: UInt32) -> Bool {
    scalar == 0x24 || scalar == 0xA2 || scalar == 0xA3 || scalar == 0xA5 || (0x20A0...0x20CF).contains(scalar)
  }

  /// `€500`, `$ 500` or `500€`: a currency sign (from `start` to `index`) beside an
  /// amount. One message naming the amount to write; the sign is skipped, so the amount
  /// is read as the number it is. False (nothing read) when no amount is beside it.
  mutating func currencySign(start: Int) -> Bool {
    var amountStart = index
    while amountStart < bytes.count && bytes[amountStart] == UInt8(ascii: " ") { amountStart += 1 }
    var amount: String? = nil
    if amountStart < bytes.count && isDigit(bytes[amountStart]) {
      var end = amountStart
      while end < bytes.count
        && (isDigit(bytes[end])
          || ((bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ",") || bytes[end] == UInt8(ascii: "_"))
            && end + 1 < bytes.count && isDigit(bytes[end + 1])))
      {
        end += 1
      }
      amount = file.text(range(amountStart, end))
    } else if let last = tokens.last, last.kind == .integer || last.kind == .decimal,
      bytes[last.range.end..<start].allSatisfy({ $0 == UInt8(ascii: " ") })
    {
      amount = file.text(last.range)
    }
    guard let amount else { return false }
    diagnostics.error(
      .invalidCharacter, "`\(file.text(range(start, index)))` is a currency sign", at: range(start, index),
      help: "write the amount without the currency sign: `\(amount)`")
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
