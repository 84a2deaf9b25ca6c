extension EventTable {
  /// What grouping the rows by contact needs to know first: per contact, how many of
  /// its rows are in `start..<end`, summed so far (`first[c]..<first[c + 1]` are
  /// contact `c`'s places), the rows with a contact outside the window, and whether
  /// the window's rows come in time order (then each contact's do too). One pass
  /// through pointers: indexing the columns of the table, a value type held by the
  /// loader, checked each index and cost more than the counting.
  struct WindowCounts {
    var first: [Int32]
    var before = 0
    var after = 0
    var inTimeOrder = true
  }

  func windowCounts(contacts: Int, start: Int64, end: Int64) -> WindowCounts {
    var counts = WindowCounts(first: [Int32](repeating: 0, count: contacts + 1))
    var lastTime = Int64.min
    contact.withUnsafeBufferPointer { contact in
      time.withUnsafeBufferPointer { time in
        counts.first.withUnsafeMutableBufferPointer { first in
          for row in 0..<count {
            // A row left without a contact (an unknown one, or a field that does not
            // fit) is already counted as such.
            let owner = Int(contact[row])
            guard owner >= 0 else { continue }
            let instant = time[row]
            if instant < start {
              counts.before += 1
            } else if instant >= end {
              counts.after += 1
            } else {
              first[owner + 1] &+= 1
              if instant < lastTime { counts.inTimeOrder = false }
              lastTime = instant
            }
          }
          for index in 0..<contacts { first[index + 1] &+= first[index] }
        }
      }
    }
    return counts
  }

  /// Each row's place once grouped (-1: left out): after its contact's earlier rows in
  /// the window, from `first[c]` (see `windowCounts`).
  func places(first: [Int32], start: Int64, end: Int64) -> [Int32] {
    var next = Array(first.dropLast())
    var place = [Int32](repeating: -1, count: count)
    contact.withUnsafeBufferPointer { contact in
      time.withUnsafeBufferPointer { time in
        next.withUnsafeMutableBufferPointer { next in
          place.withUnsafeMutableBufferPointer { place in
            for row in 0..<count {
              let owner = Int(contact[row])
              let instant = time[row]
              guard owner >= 0 && instant >= start && instant < end else { continue }
              place[row] = next[owner]
              next[owner] &+= 1
            }
          }
        }
      }
    }
    return place
  }
}
