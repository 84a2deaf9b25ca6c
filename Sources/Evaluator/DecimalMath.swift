import CampaignLang

/// Exact arithmetic on `ExactDecimal`. When a result would not fit in 64 bits the
/// operations return nil and the caller falls back to float64 (`Value.real`).
enum DecimalMath {
  static let powers: [Int64] = (0...18).map { exponent in
    var value: Int64 = 1
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  /// `value` with `scale` decimal places (only ever more than it has).
  static func rescale(_ value: ExactDecimal, to scale: Int) -> Int64? {
    let extra = scale - value.scale
    guard extra >= 0, extra < powers.count else { return nil }
    let (result, overflow) = value.units.multipliedReportingOverflow(by: powers[extra])
    return overflow ? nil : result
  }

  static func aligned(_ a: ExactDecimal, _ b: ExactDecimal) -> (Int64, Int64, Int)? {
    let scale = max(a.scale, b.scale)
    guard let x = rescale(a, to: scale), let y = rescale(b, to: scale) else { return nil }
    return (x, y, scale)
  }

  static func add(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
    guard let (x, y, scale) = aligned(a, b) else { return nil }
    let (sum, overflow) = x.addingReportingOverflow(y)
    return overflow ? nil : ExactDecimal(units: sum, scale: scale)
  }

  static func subtract(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
    add(a, ExactDecimal(units: -b.units, scale: b.scale))
  }

  static func multiply(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
    let (product, overflow) = a.units.multipliedReportingOverflow(by: b.units)
    guard !overflow, a.scale + b.scale <= 18 else { return nil }
    return ExactDecimal(units: product, scale: a.scale + b.scale)
  }

  /// The quotient to ten decimal places, rounded toward zero.
  static func divide(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
    guard b.units != 0 else { return nil }
    let scale = 10
    // a / b = (a.units / 10^sa) / (b.units / 10^sb) = a.units * 10^(sb - sa + scale) / b.units / 10^scale.
    let shift = b.scale - a.scale + scale
    guard shift >= 0, shift < powers.count else { return nil }
    let (numerator, overflow) = a.units.multipliedReportingOverflow(by: powers[shift])
    return overflow ? nil : ExactDecimal(units: numerator / b.units, scale: scale)
  }

  /// -1, 0 or 1.
  static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
    if let (x, y, _) = aligned(a, b) { return x < y ? -1 : (x > y ? 1 : 0) }
    let (x, y) = (a.approximate, b.approximate)
    return x < y ? -1 : (x > y ? 1 : 0)
  }
}
