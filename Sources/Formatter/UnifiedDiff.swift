/// A unified diff of two texts, line by line (`diff -u` style, 3 lines of context).
///
/// The edit script is a longest common subsequence of lines, found with Myers'
/// O((N+M)D) algorithm, so files that differ in a few lines cost little.
public enum UnifiedDiff {
  /// The diff of `old` and `new`, with `--- a/PATH` and `+++ b/PATH` headers; empty
  /// when they are equal.
  public static func diff(old: String, new: String, path: String, context: Int = 3) -> String {
    let a = lines(old)
    let b = lines(new)
    let script = edits(a, b)
    guard script.contains(where: { $0 != .same }) else { return "" }
    var out = "--- a/\(path)\n+++ b/\(path)\n"
    for hunk in hunks(script, context: context) {
      out += hunkText(hunk, script, a, b)
    }
    return out
  }

  /// One step of an edit script, walking both texts from the start.
  enum Edit: Equatable {
    case same, delete, insert
  }

  /// The lines of a text; a final line without a line break is marked, as diff does.
  /// Lines end at `\n` alone: a `\r` before it stays in the line (Swift reads `\r\n` as
  /// one character, which a split on `\n` would not find), so a file with CRLF line ends
  /// shows each line as changed, as `diff -u` does.
  static func lines(_ text: String) -> [Substring] {
    var result = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Substring.init)
    if result.last == "" {
      result.removeLast()
    } else if let last = result.last {
      result[result.count - 1] = last + "\n\\ No newline at end of file"
    }
    return result
  }

  /// The shortest edit script turning `a` into `b` (Myers 1986, greedy forward search
  /// with the furthest-reaching paths kept per step, then traced back).
  static func edits(_ a: [Substring], _ b: [Substring]) -> [Edit] {
    let n = a.count
    let m = b.count
    let offset = n + m + 1
    var frontier = [Int](repeating: 0, count: 2 * offset + 1)
    var trace: [[Int]] = []
    search: for d in 0...(n + m) {
      trace.append(frontier)
      for k in stride(from: -d, through: d, by: 2) {
        var x =
          k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1])
          ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
        var y = x - k
        while x < n && y < m && a[x] == b[y] {
          x += 1
          y += 1
        }
        frontier[offset + k] = x
        if x >= n && y >= m { break search }
      }
    }
    // Walk back through the saved frontiers from (n, m) to (0, 0).
    var script: [Edit] = []
    var x = n
    var y = m
    for d in stride(from: trace.count - 1, through: 0, by: -1) {
      let v = trace[d]
      let k = x - y
      let previousK = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1
      let previousX = d == 0 ? 0 : v[offset + previousK]
      let previousY = previousX - previousK
      while x > previousX && y > previousY {
        script.append(.same)
        x -= 1
        y -= 1
      }
      if d > 0 {
        script.append(x == previousX ? .insert : .delete)
        x = previousX
        y = previousY
      }
    }
    while x > 0 && y > 0 {
      script.append(.same)
      x -= 1
      y -= 1
    }
    return script.reversed()
  }

  /// Ranges of the script to show: each change with `context` unchanged lines either
  /// side, joined where they touch.
  static func hunks(_ script: [Edit], context: Int) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for (index, edit) in script.enumerated() where edit != .same {
      let range = max(0, index - context)..<min(script.count, index + context + 1)
      if let last = result.last, range.lowerBound <= last.upperBound {
        result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
      } else {
        result.append(range)
      }
    }
    return result
  }

  static func hunkText(_ hunk: Range<Int>, _ script: [Edit], _ a: [Substring], _ b: [Substring]) -> String {
    // Line numbers where the hunk starts in each text.
    var oldLine = 0
    var newLine = 0
    for edit in script[..<hunk.lowerBound] {
      if edit != .insert { oldLine += 1 }
      if edit != .delete { newLine += 1 }
    }
    var body = ""
    var oldCount = 0
    var newCount = 0
    for edit in script[hunk] {
      switch edit {
      case .same:
        body += " " + a[oldLine + oldCount] + "\n"
        oldCount += 1
        newCount += 1
      case .delete:
        body += "-" + a[oldLine + oldCount] + "\n"
        oldCount += 1
      case .insert:
        body += "+" + b[newLine + newCount] + "\n"
        newCount += 1
      }
    }
    // An empty side is numbered by the line before it, as diff does.
    func header(_ start: Int, _ count: Int) -> String {
      count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }
    return "@@ -\(header(oldLine, oldCount)) +\(header(newLine, newCount)) @@\n" + body
  }
}
