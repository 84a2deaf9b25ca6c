/// A half-open range of UTF-8 byte offsets `start..<end` in one file.
///
/// INVARIANT: `start <= end`. An empty range (`start == end`) marks a point, such as
/// the place where a missing `}` belongs.
///
/// Stored as 32-bit numbers: every token and node carries a range, and 12 bytes rather
/// than 24 keep a large file's tokens and tree small. Files are at most 4 GiB (the
/// driver refuses larger ones); offsets past that are clamped, never trapped on.
///
/// The lexer makes one range per token and the parser one per node, from other
/// modules: the members those use are `@inlinable`, so each is a few instructions in
/// place instead of a call.
public struct SourceRange: Sendable, Hashable, Comparable {
  @usableFromInline var fileNumber: UInt32
  @usableFromInline var startOffset: UInt32
  @usableFromInline var endOffset: UInt32

  public var file: FileID {
    @inlinable get { FileID(Int(fileNumber)) }
    set { fileNumber = UInt32(clamping: newValue.rawValue) }
  }
  public var start: Int {
    @inlinable get { Int(startOffset) }
    set { startOffset = UInt32(clamping: newValue) }
  }
  public var end: Int {
    @inlinable get { Int(endOffset) }
    set { endOffset = UInt32(clamping: newValue) }
  }

  @inlinable
  public init(file: FileID, start: Int, end: Int) {
    self.fileNumber = UInt32(clamping: file.rawValue)
    self.startOffset = UInt32(clamping: start)
    self.endOffset = UInt32(clamping: max(start, end))
  }

  /// The largest file, in bytes, whose offsets a range can hold.
  public static let maxFileSize = Int(UInt32.max)

  /// A zero-length range at `offset`.
  public static func point(_ file: FileID, _ offset: Int) -> SourceRange {
    SourceRange(file: file, start: offset, end: offset)
  }

  @inlinable
  public var length: Int { Int(endOffset - startOffset) }

  /// The smallest range covering both (assumes the same file).
  @inlinable
  public func to(_ other: SourceRange) -> SourceRange {
    SourceRange(file: file, start: min(start, other.start), end: max(end, other.end))
  }

  public static func < (a: SourceRange, b: SourceRange) -> Bool {
    (a.fileNumber, a.startOffset, a.endOffset) < (b.fileNumber, b.startOffset, b.endOffset)
  }
}
