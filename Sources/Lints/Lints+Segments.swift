import CampaignLang
import Checker

// MARK: - W0301, W0302, W0303: segments that never match, repeat another, or overlap

extension LintContext {
  func segmentLogic(_ lints: inout LintBag) {
    let facts = ConditionFacts(program: program)
    var never: Set<Int> = []
    var firstWithCondition: [CheckedExpr: Int] = [:]
    // Each segment's normal form, once: the persona pairs below combine them.
    let forms = program.segments.map { facts.normalForm($0.condition) }
    for (index, segment) in program.segments.enumerated() {
      guard let (decl, _) = segmentDecls[segment.name] else { continue }
      if ConditionFacts.satisfiable(forms[index]) == false {
        never.insert(index)
        lints.warn(
          .segmentNeverMatches, "segment `\(segment.name)` can never match: its conditions contradict each other",
          at: decl.condition.range,
          help: "check the bounds: a value cannot be both above and below, or equal to two different values")
        continue
      }
      if let first = firstWithCondition[segment.condition],
        let (firstDecl, _) = segmentDecls[program.segments[first].name]
      {
        lints.warn(
          .duplicateSegment, "segment `\(segment.name)` has the same condition as `\(firstDecl.name.text)`",
          at: decl.name.range, notes: [Note("`\(firstDecl.name.text)` is declared here", at: firstDecl.name.range)],
          help: "use `\(firstDecl.name.text)` instead, and delete this one (or give it the condition meant)")
      } else {
        firstWithCondition[segment.condition] = index
      }
    }
    overlappingPersonas(forms, skipping: never, &lints)
  }

  /// The most earlier personas one W0303 names. The search stops at one more, which is
  /// what keeps a matrix of thousands of personas never written apart from costing a
  /// comparison of every pair (and its report from burying everything else).
  static let maxOverlapsPerPersona = 5

  /// W0303: segments with the same set of creative keys (`message`, `offer`, ...) are
  /// personas of one matrix, meant to partition the contacts: each contact gets one
  /// persona's creatives. Each persona that can match one contact together with
  /// personas declared before it is reported once, naming them (the first five, in
  /// declared order, and whether there are more), unless the analysis cannot tell, when
  /// nothing is said.
  private func overlappingPersonas(_ forms: [[[Fact]]?], skipping never: Set<Int>, _ lints: inout LintBag) {
    var groups: [[String]: [Int]] = [:]
    var groupOrder: [[String]] = []
    for (index, segment) in program.segments.enumerated() where !segment.creatives.isEmpty && !never.contains(index) {
      let keys = Set(segment.creatives.map(\.key)).sorted()
      if groups[keys] == nil { groupOrder.append(keys) }
      groups[keys, default: []].append(index)
    }
    for keys in groupOrder {
      let members = groups[keys] ?? []
      guard members.count >= 2 else { continue }
      let keyList = keys.map { "`\($0)`" }.joined(separator: ", ")
      for (position, index) in members.enumerated() {
        guard let (decl, _) = segmentDecls[program.segments[index].name] else { continue }
        var overlapping: [SegmentDecl] = []
        for other in members[..<position] {
          guard let (otherDecl, _) = segmentDecls[program.segments[other].name],
            ConditionFacts.satisfiable(ConditionFacts.conjunction(forms[other], forms[index])) == true
          else { continue }
          overlapping.append(otherDecl)
          if overlapping.count > Self.maxOverlapsPerPersona { break }
        }
        guard let first = overlapping.first else { continue }
        let more = overlapping.count > Self.maxOverlapsPerPersona
        let named = overlapping.prefix(Self.maxOverlapsPerPersona).map { "`\($0.name.text)`" }
        let message =
          overlapping.count == 1
          ? "personas \(named[0]) and `\(decl.name.text)` can both match one contact"
          : "persona `\(decl.name.text)` can match one contact together with "
            + (more ? named.joined(separator: ", ") + " and more declared before it" : Self.list(named))
        var notes = overlapping.prefix(Self.maxOverlapsPerPersona).map { other in
          Note("`\(other.name.text)` is declared here", at: other.name.range)
        }
        notes.append(Note("segments with the same creative keys (\(keyList)) are read as one persona matrix"))
        lints.warn(
          .overlappingPersonas, message, at: decl.name.range, notes: notes,
          help: "add a condition that tells them apart, like `and not \(first.name.text)`")
      }
    }
  }

  /// `a`, `b` and `c`.
  static func list(_ items: [String]) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
  }
}
