import Foundation

/// A time zone's offsets from UTC, from the system's time zone database (IANA names).
/// UTC and fixed zones need no look-up.
public struct ZoneRules: Sendable, Hashable {
  public let identifier: String
  let zone: TimeZone?

  public init?(identifier: String) {
    if identifier == "UTC" || identifier == "Etc/UTC" {
      self.identifier = identifier
      self.zone = nil
      return
    }
    guard let zone = TimeZone(identifier: identifier) else { return nil }
    self.identifier = identifier
    self.zone = zone
  }

  public static let utc = ZoneRules(identifier: "UTC")!

  /// Seconds to add to UTC to get local time at `instant`.
  public func offset(at instant: Int64) -> Int64 {
    guard let zone else { return 0 }
    return Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
  }

  /// The local date at `instant`, as days since 1970-01-01.
  public func localDay(at instant: Int64) -> Int64 {
    floorDivide(instant + offset(at: instant), 86_400)
  }

  /// Seconds since local midnight at `instant`.
  public func secondOfDay(at instant: Int64) -> Int64 {
    let local = instant + offset(at: instant)
    return local - floorDivide(local, 86_400) * 86_400
  }

  /// The instant of local midnight starting day `day` (days since 1970-01-01).
  public func midnight(ofDay day: Int64) -> Int64 {
    let guess = day * 86_400
    // The offset at the guess is right except within a few hours of a change.
    let first = guess - offset(at: guess)
    return guess - offset(at: first)
  }
}

func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
  let quotient = a / b
  return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
}
