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

  /// The most W0303 pairs reported for one persona; the last of them says how many
  /// more there are, so a matrix whose conditions were never written apart does not
  /// bury everything else.
  static let maxOverlapsPerPersona = 5

  /// W0303: segments with the same set of creative keys (`message`, `offer`, ...) are
  /// personas of one matrix, meant to partition the contacts: each contact gets one
  /// persona's creatives. Every two of them that can match one contact together are
  /// reported, at the later one, in declared order (unless the analysis cannot tell,
  /// when nothing is said).
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
        let overlapping = members[..<position].filter { other in
          segmentDecls[program.segments[other].name] != nil
            && ConditionFacts.satisfiable(ConditionFacts.conjunction(forms[other], forms[index])) == true
        }
        for (count, other) in overlapping.prefix(Self.maxOverlapsPerPersona).enumerated() {
          guard let (otherDecl, _) = segmentDecls[program.segments[other].name] else { continue }
          var notes = [
            Note("`\(otherDecl.name.text)` is declared here", at: otherDecl.name.range),
            Note("segments with the same creative keys (\(keyList)) are read as one persona matrix"),
          ]
          let more = overlapping.count - Self.maxOverlapsPerPersona
          if count == Self.maxOverlapsPerPersona - 1 && more > 0 {
            let names = overlapping.suffix(more).map { "`\(program.segments[$0].name)`" }
            notes.append(
              Note(
                "\(more) more declared before `\(decl.name.text)` can match with it too: "
                  + names.prefix(10).joined(separator: ", ") + (more > 10 ? ", ..." : "")))
          }
          lints.warn(
            .overlappingPersonas,
            "personas `\(otherDecl.name.text)` and `\(decl.name.text)` can both match one contact",
            at: decl.name.range, notes: notes,
            help: "add a condition that tells them apart, like `and not \(otherDecl.name.text)`")
        }
      }
    }
  }
}
