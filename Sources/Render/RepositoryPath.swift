/// Paths as CI systems match them against the repository's files: GitHub annotations
/// and code scanning look a path up as written, so `./campaigns/a.campaign` or
/// `campaigns/lib/../a.campaign` would match nothing. Every format (text and JSON too)
/// shows these clean paths, so a file is spelled the same whichever format names it.
public enum RepositoryPath {
  /// `path` cleaned lexically, as Go's `path.Clean` does: no `.` segments, no empty
  /// ones (`a//b`), and `name/..` removed; `..` at the start of a relative path stays
  /// (it leads out of the working folder), at the start of an absolute one it goes.
  /// Symbolic links are not followed: this is about how a path is spelled.
  public static func clean(_ path: String) -> String {
    let absolute = path.hasPrefix("/")
    var parts: [Substring] = []
    for part in path.split(separator: "/", omittingEmptySubsequences: true) {
      switch part {
      case ".": continue
      case "..":
        if let last = parts.last, last != ".." {
          parts.removeLast()
        } else if !absolute {
          parts.append(part)
        }
      default: parts.append(part)
      }
    }
    let joined = parts.joined(separator: "/")
    return absolute ? "/" + joined : joined.isEmpty ? "." : joined
  }
}
