import CampaignLang
import Checker

/// Everything `simulate` reports, added up over all contacts; every list is in a fixed
/// order (declared order, or sorted by label), never in hash order.
public struct SimulationReport: Sendable {
  public struct SendRow: Sendable, Hashable, Comparable {
    public var flow: Int
    public var number: Int
    public var template: String
    public var channel: Int
    /// -1: no variant.
    public var arm: Int
    /// Index into `groups` (0 when not grouped).
    public var group: Int = 0
    public static func < (a: SendRow, b: SendRow) -> Bool {
      (a.flow, a.number, a.channel, a.arm, a.group) < (b.flow, b.number, b.channel, b.arm, b.group)
    }
  }
  public struct HeldRow: Sendable, Hashable, Comparable {
    public var reason: HeldReason
    public var flow: Int
    /// 0 for `exited` (the flow as a whole).
    public var number: Int
    public var channel: Int
    /// Index into `groups` (0 when not grouped).
    public var group: Int = 0
    public static func < (a: HeldRow, b: HeldRow) -> Bool {
      (a.reason.rawValue, a.flow, a.number, a.channel, a.group) < (
        b.reason.rawValue, b.flow, b.number, b.channel, b.group
      )
    }
  }
  /// A guardrail's events and sends in one group (or, made by adding the groups up, in
  /// all of them).
  ///
  /// With `--by`, each group's rate is its own events per its own sends, compared with the
  /// guardrail's one limit, so `breached` flags the groups whose rate alone reaches it.
  /// The guardrail itself is about the campaign as a whole: its verdict is the sum over the
  /// groups (`SimulationReport.guardrailTotals`), which a group's flag neither implies nor
  /// replaces (a small group can breach while the whole stays below, and the reverse).
  public struct GuardrailRow: Sendable, Hashable {
    /// Index into the campaign's guardrails.
    public var guardrail: Int
    public var event: String
    public var channel: String?
    /// Index into `groups` (0 when not grouped).
    public var group: Int = 0
    public var events: Int
    public var sends: Int
    public var limitPercent: ExactDecimal
    public var ratePercent: Double { sends == 0 ? 0 : Double(events) * 100 / Double(sends) }
    public var breached: Bool { sends > 0 && ratePercent >= limitPercent.approximate }
  }

  public var campaign: CheckedCampaign
  public var window: Window
  public var load: LoadReport
  public var contacts = 0
  public var outsideAudience = 0
  /// Contacts whose transitions looped at one instant (stopped after `settleLimit` changes).
  public var contactsWithLoops = 0
  /// The attribute of `--by`, and its values in byte order ("(missing)" last).
  public var groupedBy: String?
  public var groups: [String] = ["all"]
  /// [group][state]
  public var finalStates: [[Int]] = []
  /// [group][state][score]: sum of the final scores.
  public var scoreSums: [[[Double]]] = []
  /// [group][segment]
  public var segments: [[Int]] = []
  /// (from, to, group) -> count, sorted by from, to, then group.
  public var transitions: [(from: Int, to: Int, group: Int, count: Int)] = []
  /// Seconds per period of `statesOverTime`: a day, or a week for windows over 62 days.
  public var period: Int64 = 86_400
  /// [group][period][state]: contacts in each state at the end of each period.
  public var statesOverTime: [[[Int]]] = []
  public var sends: [(row: SendRow, count: Int)] = []
  public var held: [(row: HeldRow, count: Int)] = []
  /// Moves per audience (byte order of the name), then group.
  public var audiences: [(name: String, group: Int, count: Int)] = []
  /// Per guardrail in declared order, then per group (every group, with sends or not).
  public var guardrails: [GuardrailRow] = []
  /// Per channel and group that had sends: sends, and per engagement event type (in
  /// declared order) how many sends it followed within the attribution window.
  public var rates: [(channel: Int, group: Int, sends: Int, followed: [(event: Int, count: Int)])] = []
  /// What happened when: per calendar month in the campaign's time zone (`2026-01`),
  /// sends per flow step and moves per audience, in the order of `monthlyColumns`.
  public var monthlyColumns: [MonthlyColumn] = []
  /// Per month with any action (ascending), then group.
  public var months: [(month: String, group: Int, counts: [Int])] = []
  /// Per counter, in declared order: how many contacts ended at each value (ascending),
  /// then per group.
  public var counterValues: [(counter: Int, value: Int64, group: Int, contacts: Int)] = []
  /// Events before their contact entered the campaign (`enter at`): history only.
  public var eventsBeforeEntry = 0

  /// A column of the monthly table: a flow step's sends or an audience's moves.
  public enum MonthlyColumn: Sendable, Hashable, Comparable {
    case send(flow: Int, number: Int)
    case move(audience: String)

    public static func < (a: MonthlyColumn, b: MonthlyColumn) -> Bool {
      switch (a, b) {
      case (.send(let f1, let n1), .send(let f2, let n2)): (f1, n1) < (f2, n2)
      case (.send, .move): true
      case (.move, .send): false
      case (.move(let x), .move(let y)): Array(x.utf8).lexicographicallyPrecedes(Array(y.utf8))
      }
    }
  }
}

extension SimulationReport {
  /// Each guardrail over all groups, in declared order: its verdict on the campaign.
  public var guardrailTotals: [GuardrailRow] {
    var totals: [GuardrailRow] = []
    for row in guardrails {
      if let last = totals.last, last.guardrail == row.guardrail {
        totals[totals.count - 1].events += row.events
        totals[totals.count - 1].sends += row.sends
      } else {
        var total = row
        total.group = 0
        totals.append(total)
      }
    }
    return totals
  }
}
