import CampaignLang
import Checker

// MARK: - W0301, W0302, W0303: segments that never match, repeat another, or overlap

extension LintContext {
  func segmentLogic(_ lints: inout LintBag) {
    var facts = ConditionFacts(program: program)
    var never: Set<Int> = []
    // Segments by a fingerprint of their condition: conditions are compared whole only
    // when their fingerprints match (hashing every condition tree into a dictionary was
    // a large part of the pass on a campaign with thousands of segments).
    var firstWithFingerprint: [UInt64: Int] = [:]
    var alsoWithFingerprint: [UInt64: [Int]] = [:]  // different conditions, one fingerprint
    // Each segment's normal form, summed up once: the persona pairs below combine them.
    let forms = program.segments.map { segment in
      facts.normalForm(segment.condition).map { $0.map(Summary.init) }
    }
    for (index, segment) in program.segments.enumerated() {
      guard let decl = segmentDecls[index] else { continue }
      if let form = forms[index], !form.contains(where: \.isConsistent) {
        never.insert(index)
        lints.warn(
          .segmentNeverMatches, "segment `\(segment.name)` can never match: its conditions contradict each other",
          at: decl.condition,
          help: "check the bounds: a value cannot be both above and below, or equal to two different values")
        continue
      }
      let fingerprint = Self.fingerprint(segment.condition)
      guard let firstSeen = firstWithFingerprint[fingerprint] else {
        firstWithFingerprint[fingerprint] = index
        continue
      }
      let earlier = [firstSeen] + (alsoWithFingerprint[fingerprint] ?? [])
      if let first = earlier.first(where: { program.segments[$0].condition == segment.condition }),
        let firstDecl = segmentDecls[first]
      {
        lints.warn(
          .duplicateSegment, "segment `\(segment.name)` has the same condition as `\(firstDecl.name.text)`",
          at: decl.name.range, notes: [Note("`\(firstDecl.name.text)` is declared here", at: firstDecl.name.range)],
          help: "use `\(firstDecl.name.text)` instead, and delete this one (or give it the condition meant)")
      } else {
        alsoWithFingerprint[fingerprint, default: []].append(index)
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
  private func overlappingPersonas(_ forms: [[Summary]?], skipping never: Set<Int>, _ lints: inout LintBag) {
    var groups: [[String]: [Int]] = [:]
    var groupOrder: [[String]] = []
    for (index, segment) in program.segments.enumerated() where !segment.creatives.isEmpty && !never.contains(index) {
      let keys = Self.distinctSorted(segment.creatives.map(\.key))
      if groups[keys] == nil { groupOrder.append(keys) }
      groups[keys, default: []].append(index)
    }
    for keys in groupOrder {
      let members = groups[keys] ?? []
      guard members.count >= 2 else { continue }
      let keyList = keys.map { "`\($0)`" }.joined(separator: ", ")
      let matrix = Note("segments with the same creative keys (\(keyList)) are read as one persona matrix")
      // Each persona's "declared here" note, made once: a persona overlapping many is
      // named in many warnings.
      var declaredHere: [Int: Note] = [:]
      for (position, index) in members.enumerated() {
        guard let decl = segmentDecls[index] else { continue }
        var overlapping: [Int] = []
        for other in members[..<position] {
          guard segmentDecls[other] != nil, ConditionFacts.satisfiableTogether(forms[other], forms[index]) == true
          else { continue }
          overlapping.append(other)
          if overlapping.count > Self.maxOverlapsPerPersona { break }
        }
        guard let first = overlapping.first.flatMap({ segmentDecls[$0]?.name }) else { continue }
        let more = overlapping.count > Self.maxOverlapsPerPersona
        let shown = overlapping.prefix(Self.maxOverlapsPerPersona)
        let named = shown.map { "`\(program.segments[$0].name)`" }
        let message =
          overlapping.count == 1
          ? "personas \(named[0]) and `\(decl.name.text)` can both match one contact"
          : "persona `\(decl.name.text)` can match one contact together with "
            + (more ? named.joined(separator: ", ") + " and more declared before it" : Self.list(named))
        var notes: [Note] = []
        notes.reserveCapacity(shown.count + 1)
        for other in shown {
          if declaredHere[other] == nil, let name = segmentDecls[other]?.name {
            declaredHere[other] = Note("`\(name.text)` is declared here", at: name.range)
          }
          if let note = declaredHere[other] { notes.append(note) }
        }
        notes.append(matrix)
        lints.warn(
          .overlappingPersonas, message, at: decl.name.range, notes: notes,
          help: "add a condition that tells them apart, like `and not \(first.text)`")
      }
    }
  }

  /// `a`, `b` and `c`.
  static func list(_ items: [String]) -> String {
    items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
  }

  /// A structural hash of a condition: equal conditions have equal fingerprints. Cheaper
  /// than `Hasher` over the tree, and computed once a segment.
  static func fingerprint(_ expr: CheckedExpr) -> UInt64 {
    func mix(_ hash: UInt64, _ value: UInt64) -> UInt64 {
      var mixed = (hash ^ value) &* 0x9E37_79B9_7F4A_7C15
      mixed ^= mixed &>> 31
      return mixed
    }
    func slot(_ tag: UInt64, _ index: Int) -> UInt64 { mix(tag, UInt64(bitPattern: Int64(index))) }
    switch expr {
    case .constant(let value): return mix(1, UInt64(bitPattern: Int64(value.hashValue)))
    case .attribute(let index): return slot(2, index)
    case .eventField(let index): return slot(3, index)
    case .score(let index): return slot(4, index)
    case .segment(let index): return slot(5, index)
    case .counter(let index): return slot(6, index)
    case .currentState: return 7
    case .engaged: return 8
    case .today: return 9
    case .now: return 10
    case .exists(let inner): return mix(11, fingerprint(inner))
    case .not(let inner): return mix(12, fingerprint(inner))
    case .negate(let inner): return mix(13, fingerprint(inner))
    case .binary(let op, let lhs, let rhs, _):
      return mix(mix(slot(14, Int(op.hashValue)), fingerprint(lhs)), fingerprint(rhs))
    case .aggregate(let aggregate):
      var hash = slot(slot(slot(15, aggregate.event), aggregate.field ?? -1), Int(aggregate.window ?? -1))
      hash = mix(hash, UInt64(bitPattern: Int64(aggregate.kind.hashValue)))
      return aggregate.condition.map { mix(hash, fingerprint($0)) } ?? hash
    case .membership(let value, let list, let negated):
      return list.reduce(mix(slot(16, negated ? 1 : 0), fingerprint(value))) { mix($0, fingerprint($1)) }
    }
  }

  /// The distinct strings of `items`, sorted (what `Set(items).sorted()` gives, without
  /// building a set for a persona's two or three creative keys).
  static func distinctSorted(_ items: [String]) -> [String] {
    var sorted = items.sorted()
    var write = 0
    for read in sorted.indices where read == 0 || sorted[read] != sorted[write - 1] {
      sorted.swapAt(write, read)
      write += 1
    }
    sorted.removeLast(sorted.count - write)
    return sorted
  }
}
