#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of a data file, read in place: a regular file is mapped into memory, so
/// its pages come straight from the system's file cache. Reading it into an array
/// instead costs a fresh, zeroed page for every 4 KiB and a copy of every byte, which
/// for a file of hundreds of megabytes took longer than parsing it.
///
/// The store never changes its bytes; `release` only tells the system that a range is
/// read no more, so its memory can go (a mapped page is read again from the file if
/// touched after that). A file that another program truncates while it is mapped is
/// the one input this cannot defend against (the system then stops the process); data
/// files are not written while a dry run reads them.
public final class ByteStore: @unchecked Sendable {
  private let base: UnsafeMutableRawPointer?
  public let count: Int
  private let isMapped: Bool

  /// A store holding a copy of `bytes`.
  public init(copying bytes: [UInt8]) {
    count = bytes.count
    isMapped = false
    guard !bytes.isEmpty else {
      base = nil
      return
    }
    let memory = UnsafeMutableRawPointer.allocate(byteCount: bytes.count, alignment: 16)
    bytes.withUnsafeBytes { memory.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    base = memory
  }

  private init(mapped base: UnsafeMutableRawPointer, count: Int) {
    self.base = base
    self.count = count
    isMapped = true
  }

  deinit {
    guard let base else { return }
    if isMapped { munmap(base, count) } else { base.deallocate() }
  }

  /// The file at `path`, mapped; nil when it is not a regular, non-empty file that can
  /// be mapped (read it into an array instead: `DataFile.bytes(atPath:)` reports why).
  public static func mapping(path: String) -> ByteStore? {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, Int(status.st_mode) & Int(S_IFMT) == Int(S_IFREG), status.st_size > 0
    else { return nil }
    let size = Int(status.st_size)
    guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), memory != MAP_FAILED else {
      return nil
    }
    #if os(Linux)
      _ = madvise(memory, size, MADV_SEQUENTIAL)
    #endif
    return ByteStore(mapped: memory, count: size)
  }

  /// The first byte (nil when empty). It stays where it is for the store's life, so a
  /// reader that holds the store may keep it and read fields without a call per field.
  public var start: UnsafePointer<UInt8>? { base.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } }

  public func withUnsafeBufferPointer<R, E: Error>(
    _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
  ) throws(E) -> R {
    guard let base else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
    return try body(UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count))
  }

  /// How many line feeds the bytes hold: at least the number of CSV records or JSON
  /// lines, so a reader can size its tables once. Sixteen bytes at a time in vector
  /// registers: each lane counts the line feeds of its byte position in up to 255
  /// blocks, then the lanes are summed. About 10 ms for 89 MB, where eight bytes at a
  /// time took 24 ms.
  public func lineFeedCount() -> Int {
    withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return 0 }
      let raw = UnsafeRawPointer(base)
      let count = bytes.count
      let lineFeeds = SIMD16<UInt8>(repeating: CSVScanner.lineFeed)
      var found = 0
      var index = 0
      while index &+ 16 <= count {
        var lanes = SIMD16<UInt8>()
        var blocks = 0
        while blocks < 255 && index &+ 16 <= count {
          let block = raw.loadUnaligned(fromByteOffset: index, as: SIMD16<UInt8>.self)
          lanes &+= SIMD16<UInt8>().replacing(with: 1, where: block .== lineFeeds)
          index &+= 16
          blocks &+= 1
        }
        found &+= Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
      }
      while index < count {
        if base[index] == CSVScanner.lineFeed { found &+= 1 }
        index &+= 1
      }
      return found
    }
  }

  /// Whether the bytes start with `prefix`.
  public func starts(with prefix: [UInt8]) -> Bool {
    withUnsafeBufferPointer { $0.starts(with: prefix) }
  }

  /// A copy of the bytes as an array.
  public var array: [UInt8] { withUnsafeBufferPointer { Array($0) } }

  /// Lets the system have the memory of `range`, which is read no more (see the type's
  /// note). Only pages wholly inside it go.
  public func release(_ range: Range<Int>) {
    #if os(Linux)
      let page = 4096
      guard let base, range.count >= 16 * page, range.upperBound <= count else { return }
      let start = (Int(bitPattern: base) + range.lowerBound + page - 1) & ~(page - 1)
      let end = (Int(bitPattern: base) + range.upperBound) & ~(page - 1)
      if end > start { _ = madvise(UnsafeMutableRawPointer(bitPattern: start), end - start, MADV_DONTNEED) }
    #endif
  }
}
