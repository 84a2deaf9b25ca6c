#if canImport(Glibc)
  import Glibc
#endif

/// Asks Linux to back a large array's reserved storage with 2 MiB pages.
///
/// The token array of a 100,000-line file is about 14 MiB, written once from front to
/// back. With 4 KiB pages that is some 3,500 page faults, each a trip into the kernel
/// costing more than the lexing of the tokens on that page. With transparent huge pages
/// in `madvise` mode (the common default) the advice turns them into a handful. It is
/// only advice: where huge pages are off, or on other systems, nothing changes, and the
/// array behaves as before (if it outgrows the reservation, it moves to ordinary pages).
enum HugePages {
  /// Below this many bytes no whole 2 MiB page fits reliably: not worth a system call.
  static let minimumBytes = 4 << 20
  static let pageSize = 2 << 20

  /// How many bytes of heap the front end writes per byte of source, about: tokens,
  /// literals, the syntax tree and the checked program of a large generated campaign
  /// come to some 25 times the file's size.
  static let heapBytesPerSourceByte = 24

  /// Has the heap's next `bytes` (room for what the front end is about to build) backed
  /// by 2 MiB pages. Tokens, syntax nodes and checked expressions are many small blocks
  /// written once, front to back, so with 4 KiB pages a large file pays thousands of
  /// page faults, some 8% of its front end. The heap is grown first (a block allocated
  /// and freed: its pages are not touched, and the next allocations reuse it), since
  /// the advice only reaches pages the heap already spans. It only matters where the
  /// driver keeps large blocks on the heap (`mallopt` in `main.swift`); where a block
  /// this large is mapped on its own instead, it is given back at once and nothing is
  /// advised.
  static func adviseHeap(growingBy bytes: Int) {
    #if os(Linux)
      guard bytes >= minimumBytes, let block = malloc(bytes) else { return }
      let blockStart = UInt(bitPattern: block)
      free(block)
      guard let brk = sbrk(0) else { return }
      let start = (blockStart + UInt(pageSize) - 1) & ~UInt(pageSize - 1)
      let end = UInt(bitPattern: brk) & ~UInt(pageSize - 1)
      // A block mapped on its own lies outside the heap, far from its end; the heap
      // itself may reach past the block by glibc's top pad (64 MiB, see `main.swift`).
      guard end > start, end - start <= 2 * UInt(bytes) + UInt(256 << 20),
        let pointer = UnsafeMutableRawPointer(bitPattern: start)
      else { return }
      _ = madvise(pointer, Int(end - start), MADV_HUGEPAGE)
    #endif
  }

  /// Advises the array's reserved capacity (not only its elements). Call it right after
  /// `reserveCapacity`, before the storage is first written.
  static func advise<Element>(_ array: inout [Element]) {
    #if os(Linux)
      let bytes = array.capacity * MemoryLayout<Element>.stride
      guard bytes >= minimumBytes else { return }
      array.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { return }
        // Only whole, aligned huge pages inside the storage can be given.
        let start = (UInt(bitPattern: base) + UInt(pageSize) - 1) & ~UInt(pageSize - 1)
        let end = (UInt(bitPattern: base) + UInt(bytes)) & ~UInt(pageSize - 1)
        guard end > start, let pointer = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(pointer, Int(end - start), MADV_HUGEPAGE)
      }
    #endif
  }
}
