/// A half-open range of UTF-8 byte offsets `start..<end` in one file.
///
/// INVARIANT: `start <= end`. An empty range (`start == end`) marks a point, such as
/// the place where a missing `}` belongs.
public struct SourceRange: Sendable, Hashable, Comparable, Codable {
  public var file: FileID
  public var start: Int
  public var end: Int

  public init(file: FileID, start: Int, end: Int) {
    self.file = file
    self.start = start
    self.end = max(start, end)
  }

  /// A zero-length range at `offset`.
  public static func point(_ file: FileID, _ offset: Int) -> SourceRange {
    SourceRange(file: file, start: offset, end: offset)
  }

  public var length: Int { end - start }

  /// The smallest range covering both (assumes the same file).
  public func to(_ other: SourceRange) -> SourceRange {
    SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  public static func < (a: SourceRange, b: SourceRange) -> Bool {
    (a.file, a.start, a.end) < (b.file, b.start, b.end)
  }
}
