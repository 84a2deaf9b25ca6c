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
