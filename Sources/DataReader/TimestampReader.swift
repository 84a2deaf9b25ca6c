/// Reads timestamps exactly as `ValueParser.timestamp(_:)` does, faster for the layout
/// large data files hold, `YYYY-MM-DDTHH:MM:SSZ`: it keeps the day of the last such
/// field, so when the next one falls on the same day (in a file sorted by time, nearly
/// every row does) only the clock's six digits are read. Any other layout, and any
/// field that does not read, goes to `ValueParser.timestamp(_:)` for its value or its
/// error.
public struct TimestampReader: Sendable {
  /// The first 8 bytes of the last date read (`YYYY-MM-`), then its last 2 (`DD`).
  private var dateHead: UInt64 = 0
  private var dateTail: UInt16 = 0
  private var hasDate = false
  /// That date, as seconds since 1970-01-01T00:00:00Z at its midnight.
  private var midnight: Int64 = 0

  public init() {}

  public mutating func read(_ field: UnsafeBufferPointer<UInt8>) throws(ValueError) -> Int64? {
    guard field.count == 20, let base = field.baseAddress, base[10] == UInt8(ascii: "T"),
      base[13] == UInt8(ascii: ":"), base[16] == UInt8(ascii: ":"), base[19] == UInt8(ascii: "Z")
    else { return try ValueParser.timestamp(field) }
    let raw = UnsafeRawPointer(base)
    let head = raw.loadUnaligned(as: UInt64.self)
    let tail = raw.loadUnaligned(fromByteOffset: 8, as: UInt16.self)
    if !hasDate || head != dateHead || tail != dateTail {
      guard let days = try? ValueParser.daysSinceEpoch(UnsafeBufferPointer(start: base, count: 10)) else {
        return try ValueParser.timestamp(field)
      }
      (dateHead, dateTail, hasDate, midnight) = (head, tail, true, days * 86_400)
    }
    let digits = (
      ValueParser.digit(base, 11), ValueParser.digit(base, 12), ValueParser.digit(base, 14),
      ValueParser.digit(base, 15), ValueParser.digit(base, 17), ValueParser.digit(base, 18)
    )
    guard digits.0 < 10, digits.1 < 10, digits.2 < 10, digits.3 < 10, digits.4 < 10, digits.5 < 10 else {
      return try ValueParser.timestamp(field)
    }
    let hour = digits.0 * 10 + digits.1
    let minute = digits.2 * 10 + digits.3
    let second = digits.4 * 10 + digits.5
    guard hour < 24, minute < 60, second < 60 else { return try ValueParser.timestamp(field) }
    return midnight + Int64(hour * 3_600 + minute * 60 + second)
  }
}
