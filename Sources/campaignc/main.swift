import Driver
import Foundation

// The executable is a thin shell over the Driver library. `keepAlive` is a global, so
// `exit` leaves what it holds to the operating system instead of freeing it piece by piece.
#if canImport(Glibc)
  import Glibc
  // The front end builds large arrays that grow by doubling. glibc serves blocks over
  // 128 KiB with fresh mmap pages and returns them on free, so every growth step pays
  // page faults again; keeping them on the heap lets freed pages be reused (about 7%
  // of a 100,000-line check, measured with farm-bench).
  // (M_TRIM_THRESHOLD -1, M_TOP_PAD -2, M_MMAP_THRESHOLD -3: glibc's malloc.h values,
  // which Swift does not import as constants.)
  // `mallopt` itself is not imported either, so it is looked up by name.
  if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
    _ = mallopt(-3, 1 << 30)
    _ = mallopt(-1, 1 << 30)
    _ = mallopt(-2, 64 << 20)
  }
#endif

let output = StandardOutput()
let keepAlive = KeepAlive()
let status = Driver(output: output, keepAlive: keepAlive).run(Array(CommandLine.arguments.dropFirst()))
output.flush()
exit(status)
