import CampaignLang
import Checker
import Lints

/// A library imported by several campaigns is linted once per campaign, and what holds
/// for one need not hold for another: a segment the first campaign never uses may be the
/// one the second is built on. A warning inside a library is therefore shown only when
/// every campaign checked in the run that imports the library gives it. A campaign that
/// imports the library for nothing (W0105) does not count: it says so once, at the
/// import, and has no say about the library's declarations.
struct SharedLibraryWarnings {
  /// Per library path: how many of the run's campaigns import it (and use it).
  private var importers: [String: Int] = [:]
  /// Per warning inside a library (path, offset, code): how many campaigns give it.
  private var counts: [String: Int] = [:]

  init(_ compilations: [Compilation], lints: [Linter.Result?]) {
    for (compilation, lint) in zip(compilations, lints) {
      let unused = lint?.unusedLibraries ?? []
      for file in compilation.sources.files.dropFirst() where !unused.contains(file.id) {
        importers[file.path, default: 0] += 1
      }
      var keys: Set<String> = []
      for warning in lint?.diagnostics ?? [] where warning.range.file.rawValue > 0 {
        keys.insert(Self.key(warning, compilation.sources))
      }
      for key in keys { counts[key, default: 0] += 1 }
    }
  }

  static func key(_ diagnostic: Diagnostic, _ sources: SourceMap) -> String {
    "\(sources[diagnostic.range.file].path):\(diagnostic.range.start):\(diagnostic.code.rawValue)"
  }

  /// Whether `warning` is in the campaign's own file, or every importer of its library gives it.
  func holdsEverywhere(_ warning: Diagnostic, in sources: SourceMap) -> Bool {
    guard warning.range.file.rawValue > 0 else { return true }
    let path = sources[warning.range.file].path
    return counts[Self.key(warning, sources), default: 0] >= importers[path, default: 0]
  }
}
