#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reading a whole data file into memory, fast: one `read` into the array's own
/// storage. (`FileManager.contents(atPath:)` followed by `[UInt8](data)` copies the
/// bytes twice, which for a file of hundreds of megabytes costs more than parsing it.)
public enum DataFile {
  /// Why a file could not be read.
  public struct ReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    /// The system's explanation (`No such file or directory`).
    public var reason: String

    public var description: String { "cannot read \(path): \(reason)" }
  }

  /// The bytes of the file at `path`.
  public static func bytes(atPath path: String) throws(ReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { throw ReadError(path: path, reason: systemError()) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { throw ReadError(path: path, reason: systemError()) }
    if Int(status.st_mode) & Int(S_IFMT) == Int(S_IFDIR) { throw ReadError(path: path, reason: "it is a folder") }
    // A regular file is read in one go into storage of its size; then (and for pipes,
    // whose size is unknown) the rest in chunks until the end.
    var result: [UInt8] = []
    var wanted = max(Int(status.st_size), 1 << 16)
    while true {
      guard let more = chunk(descriptor, upTo: wanted) else { throw ReadError(path: path, reason: systemError()) }
      if more.isEmpty { return result }
      if result.isEmpty { result = more } else { result.append(contentsOf: more) }
      wanted = 1 << 20
    }
  }

  /// Up to `limit` bytes read from `descriptor` (fewer only at the end); nil on failure.
  static func chunk(_ descriptor: Int32, upTo limit: Int) -> [UInt8]? {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: limit) { buffer, count in
      count = 0
      adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
      while count < limit {
        let got = read(descriptor, buffer.baseAddress! + count, limit - count)
        if got < 0 && errno == EINTR { continue }
        if got < 0 { failed = true }
        if got <= 0 { break }
        count += got
      }
    }
    return failed ? nil : bytes
  }

  /// On Linux, asks for transparent huge pages for a large buffer about to be filled:
  /// faulting in fresh memory 4 KiB at a time costs more than copying the file into it.
  public static func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
      let huge = 2 << 20
      guard buffer.count >= 4 * huge, let base = buffer.baseAddress else { return }
      let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
      let end = (Int(bitPattern: base) + buffer.count) & ~(huge - 1)
      if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_HUGEPAGE) }
    #endif
  }

  /// Gives the memory of the whole pages within `range` of `bytes` back to the system;
  /// those bytes read as zeros afterwards. For a reader that is done with the start of
  /// a large file: a file read whole would otherwise stay in memory to the end of the
  /// load. Like any change to an array, this first copies `bytes` if they are shared.
  /// (Linux only; elsewhere it does nothing.)
  public static func release(_ bytes: inout [UInt8], _ range: Range<Int>) {
    #if os(Linux)
      let page = 4096
      guard range.count >= 16 * page, range.upperBound <= bytes.count else { return }
      bytes.withUnsafeMutableBytes { buffer in
        guard let base = buffer.baseAddress else { return }
        // Only pages wholly inside `range`: a page shared with bytes still in use stays.
        let start = (Int(bitPattern: base) + range.lowerBound + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + range.upperBound) & ~(page - 1)
        if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
      }
    #endif
  }

  static func systemError() -> String { String(cString: strerror(errno)) }
}
