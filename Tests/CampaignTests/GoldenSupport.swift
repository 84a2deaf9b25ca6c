import Foundation
import Testing

/// Compares `actual` with the golden file at `path` (relative to the repository root).
/// With `UPDATE_GOLDENS=1` in the environment, rewrites the golden file instead, so a
/// change in output shows up in review as a diff of the golden files.
func assertGolden(_ actual: String, path: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let url = repositoryRoot.appendingPathComponent(path)
  if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? Data(actual.utf8).write(to: url, options: .atomic)
    return
  }
  guard let data = FileManager.default.contents(atPath: url.path) else {
    Issue.record("missing golden file \(path); run with UPDATE_GOLDENS=1 to create it", sourceLocation: sourceLocation)
    return
  }
  let expected = String(decoding: data, as: UTF8.self)
  if expected != actual {
    let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let first =
      zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(expectedLines.count, actualLines.count)
    let shown = { (lines: [Substring]) in first < lines.count ? String(lines[first]) : "<end>" }
    Issue.record(
      """
      output differs from \(path) at line \(first + 1)
        expected: \(shown(expectedLines))
        actual:   \(shown(actualLines))
      (UPDATE_GOLDENS=1 swift test rewrites golden files)
      """, sourceLocation: sourceLocation)
  }
}

/// Every file under `folder` (relative to the repository root), keyed by its relative
/// path, in a memory file system: the driver then sees what the command line sees when
/// run from the repository root.
func repositoryFiles(under folder: String) -> MemoryFileSystem {
  var files: [String: [UInt8]] = [:]
  let root = repositoryRoot.appendingPathComponent(folder)
  let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
  while let url = enumerator?.nextObject() as? URL {
    guard let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath else { continue }
    let relative = url.path.dropFirst(repositoryRoot.path.count).drop { $0 == "/" }
    files[String(relative)] = Array(data)
  }
  return MemoryFileSystem(bytes: files)
}

/// The file names (not paths) in `folder` that end with `suffix`, sorted.
func repositoryFileNames(in folder: String, suffix: String) -> [String] {
  let names =
    (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent(folder).path)) ?? []
  return names.filter { $0.hasSuffix(suffix) }.sorted()
}
