import CampaignLang
import Checker

// MARK: - W0101...W0105: declarations nothing uses

extension LintContext {
  /// Segments, scores, variants and counters that nothing names. A segment with
  /// creative variables is a persona: its creatives are read by whoever builds the
  /// messages, so it counts as used. A use from a test block counts too.
  func unusedDeclarations(_ lints: inout LintBag) {
    let used = Set(references.map(\.to))
    for (index, segment) in program.segments.enumerated() where !used.contains(.segment(index)) {
      guard let decl = segmentDecls[index], !decl.isPersona else { continue }
      lints.warn(
        .unusedSegment, "segment `\(segment.name)` is never used", at: decl.name.range,
        help:
          "use it in a flow, a transition, the audience or another segment, give it creative variables if it is a persona, or delete it"
      )
    }
    for (index, score) in program.scores.enumerated() where !used.contains(.score(index)) {
      guard let name = scoreDecls[index] else { continue }
      lints.warn(
        .unusedScore, "score `\(score.name)` is never read", at: name.range,
        help: "compare it in a transition or segment (like `\(score.name) >= 20`), or delete it")
    }
    for (index, variant) in program.variants.enumerated() where !used.contains(.variant(index)) {
      guard let name = variantDecls[index] else { continue }
      lints.warn(
        .unusedVariant, "variant `\(variant.name)` is not used by any send", at: name.range,
        help: "add `variant \(variant.name)` to a send, or delete it")
    }
    // A counter changes only with `increment`: one that is read but never raised is
    // always 0, so whatever reads it always sees the same thing.
    let incremented = Set(program.flows.flatMap { Self.incrementedCounters($0.steps) })
    for (index, counter) in program.counters.enumerated() where !incremented.contains(index) {
      guard let name = counterDecls[index] else { continue }
      if used.contains(.counter(index)) {
        lints.warn(
          .unusedCounter, "counter `\(counter)` is read but never incremented, so it is always 0",
          at: name.range,
          help: "add `increment \(counter)` to the flow step it should count, or read something else")
      } else {
        lints.warn(
          .unusedCounter, "counter `\(counter)` is never incremented or read", at: name.range,
          help: "add `increment \(counter)` to a flow and read it in a condition, or delete it")
      }
    }
  }

  /// The counters `increment` steps raise, in `steps` and the branches inside them.
  static func incrementedCounters(_ steps: [CheckedStep]) -> [Int] {
    steps.flatMap { step -> [Int] in
      switch step {
      case .increment(let counter): [counter]
      case .branch(_, let then, let otherwise): incrementedCounters(then) + incrementedCounters(otherwise)
      default: []
      }
    }
  }

  /// An import whose file only declares segments, scores, variants or counters, none of
  /// which any other file uses; and a file imported twice by the same file. Returns the
  /// files imported for nothing: what they declare is unused because the import is, so
  /// their own W0101...W0105 are one mistake with the import's and are left out.
  func unusedImports(_ lints: inout LintBag) -> Set<FileID> {
    var unusedFiles: Set<FileID> = []
    let sources = compilation.sources
    // `resolveImport` drops a leading `/` (an entry file named by its absolute path).
    let fileByPath = Dictionary(
      sources.files.map { (String($0.path.drop { $0 == "/" }), $0.id) }, uniquingKeysWith: { first, _ in first })
    let syntaxByFile = Dictionary(compilation.syntax.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
    for file in compilation.syntax {
      var seen: [FileID: SourceRange] = [:]
      for case .importFile(let decl) in file.declarations {
        guard let target = Compiler.resolveImport(decl.path.value, from: sources[file.file].path),
          let targetID = fileByPath[target], let targetSyntax = syntaxByFile[targetID]
        else { continue }
        if let first = seen[targetID] {
          lints.warn(
            .unusedImport, "`\(decl.path.value)` is already imported by this file", at: decl.range,
            notes: [Note("first imported here", at: first)], help: "delete this line")
          continue
        }
        seen[targetID] = decl.range
        if !contributes(targetSyntax) {
          unusedFiles.insert(targetID)
          lints.warn(
            .unusedImport, "nothing that `\(decl.path.value)` declares is used", at: decl.range,
            notes: Self.declaredNames(targetSyntax).map { [Note($0)] } ?? [],
            help: "delete the import, or use what the file declares")
        }
      }
    }
    return unusedFiles
  }

  /// What a file declares by name, for the W0105 note: "it declares segments `vip` and
  /// `big`" (at most five names, then how many more).
  static func declaredNames(_ file: FileSyntax) -> String? {
    var names: [String] = []
    for declaration in file.declarations {
      switch declaration {
      case .segment(let decl): names.append("segment `\(decl.name.text)`")
      case .score(let decl): names.append("score `\(decl.name.text)`")
      case .variant(let decl): names.append("variant `\(decl.name.text)`")
      case .counter(let decl): names.append("counter `\(decl.name.text)`")
      default: continue
      }
    }
    guard !names.isEmpty else { return nil }
    let shown = names.prefix(5).joined(separator: ", ")
    let more = names.count > 5 ? " and \(names.count - 5) more" : ""
    return "it declares \(shown)\(more), and no other file uses \(names.count == 1 ? "it" : "any of them")"
  }

  /// Whether a file declares something that acts by itself (a schema, states, a flow,
  /// a rule...) or a named thing that another file uses.
  private func contributes(_ file: FileSyntax) -> Bool {
    var names: Set<Entity> = []
    for declaration in file.declarations {
      switch declaration {
      case .segment(let decl):
        if !decl.creatives.isEmpty { return true }  // a persona: used by whoever builds the messages
        if let index = segmentIndex(decl.name.text) { names.insert(.segment(index)) }
      case .score(let decl):
        if let index = program.scores.firstIndex(where: { $0.name == decl.name.text }) { names.insert(.score(index)) }
      case .variant(let decl):
        if let index = program.variants.firstIndex(where: { $0.name == decl.name.text }) {
          names.insert(.variant(index))
        }
      case .counter(let decl):
        if let index = program.counters.firstIndex(of: decl.name.text) { names.insert(.counter(index)) }
      case .importFile, .invalid: continue
      default: return true
      }
    }
    return references.contains { $0.file != file.file && names.contains($0.to) }
  }
}
