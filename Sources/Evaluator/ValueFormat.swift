import CampaignLang
import Checker
import Foundation

/// How values are written in reports: the same text on every machine.
public enum ValueFormat {
  public static let missingLabel = "(missing)"
  public static let masked = "***"

  public static func text(_ value: Value, type: ValueType, pool: StringPool) -> String {
    switch value {
    case .missing: return missingLabel
    case .int(let number): return String(number)
    case .decimal(let number): return number.description
    case .percent(let number): return number.description + "%"
    case .real(let number): return fixed(number)
    case .bool(let flag): return flag ? "true" : "false"
    case .string(let id): return pool.string(id)
    case .date(let day): return date(day)
    case .timestamp(let seconds): return timestamp(seconds)
    case .duration(let seconds): return duration(seconds)
    case .enumCase(let index):
      if case .enumeration(let cases) = type.base, index < cases.cases.count { return cases.cases[index] }
      return String(index)
    case .state(let index): return String(index)
    }
  }

  /// Two decimals, C `%.2f` rounding (of the exact binary value).
  public static func fixed(_ number: Double) -> String { String(format: "%.2f", number) }

  public static func date(_ day: Int64) -> String {
    let (year, month, dayOfMonth) = civil(day)
    return String(format: "%04d-%02d-%02d", year, month, dayOfMonth)
  }

  /// `2026-01-31T09:30:00Z`, or with the offset when one is given.
  public static func timestamp(_ seconds: Int64, offset: Int64 = 0) -> String {
    let local = seconds + offset
    let day = floorDivide(local, 86_400)
    let second = local - day * 86_400
    let clock = String(format: "T%02d:%02d:%02d", second / 3_600, second / 60 % 60, second % 60)
    guard offset != 0 else { return date(day) + clock + "Z" }
    let sign = offset < 0 ? "-" : "+"
    let minutes = abs(offset) / 60
    return date(day) + clock + sign + String(format: "%02d:%02d", minutes / 60, minutes % 60)
  }

  /// `30d`, `36h`, `90m`, `45s`: the largest unit that divides it.
  public static func duration(_ seconds: Int64) -> String {
    for (unit, size) in [("w", Int64(604_800)), ("d", 86_400), ("h", 3_600), ("m", 60)]
    where seconds != 0 && seconds % size == 0 {
      return "\(seconds / size)\(unit)"
    }
    return "\(seconds)s"
  }

  /// Days since 1970-01-01 to (year, month, day) (Howard Hinnant's `civil_from_days`).
  static func civil(_ days: Int64) -> (Int, Int, Int) {
    let z = Int(days) + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * mp + 2) / 5 + 1
    let month = mp < 10 ? mp + 3 : mp - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
