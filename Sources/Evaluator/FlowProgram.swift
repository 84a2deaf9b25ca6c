import CampaignLang
import Checker

/// A flow as a flat list of steps with jumps, so a paused flow is just an index.
///
/// A step is plain data: sends and audiences are indices into `sends` and `audiences`.
/// A step that held a send (with its template) or an audience's name cost a retain and
/// a release at every step a flow took, and when a send waited for its event.
struct FlowProgram: Sendable {
  enum Op: Sendable {
    case wait(Int64)
    /// Index into `sends` (the send's number minus one).
    case send(Int)
    /// Go on when the condition holds, else jump to `otherwise`.
    case branch(Expr, otherwise: Int)
    case jump(Int)
    case exit(unless: Expr?)
    case suppress(channel: Int?, unless: Expr?)
    /// Index into `audiences`.
    case moveTo(audience: Int, unless: Expr?)
    case setState(Int, unless: Expr?)
    case increment(counter: Int)
  }

  /// Plain data: the template is in `templates`. A send with its text was copied whole
  /// (a retain and a release) at each of the run's reads of one of its numbers.
  struct Send: Sendable {
    var channel: Int
    var variant: Int?
    /// 1-based among the flow's sends, for reports ("step 2").
    var number: Int
    var unless: Expr?
    /// `on EVENT` (in-app messages): shown at the contact's next such event.
    var on: Int32?
  }

  var name: String
  var state: Int
  var condition: Expr?
  var ops: [Op]
  /// The flow's sends, in order.
  var sends: [Send] = []
  /// Per send: its template.
  var templates: [String] = []
  /// The audiences its `move to` steps name (each once).
  var audiences: [String] = []
  /// Per op: how many sends come at or after it (for sends a flow never reached).
  var sendsFrom: [Int]

  init(_ flow: Flow, compiler: inout ExprCompiler) {
    name = flow.name
    state = flow.state
    condition = flow.condition.map { compiler.compile($0) }
    var ops: [Op] = []
    var sends: [Send] = []
    var templates: [String] = []
    var audiences: [String] = []
    func emit(_ steps: [CheckedStep]) {
      for step in steps {
        switch step {
        case .wait(let seconds): ops.append(.wait(seconds))
        case .send(let send):
          sends.append(
            Send(
              channel: send.channel, variant: send.variant, number: sends.count + 1,
              unless: send.unless.map { compiler.compile($0) }, on: send.trigger.map { Int32($0) }))
          templates.append(send.template)
          ops.append(.send(sends.count - 1))
        case .branch(let condition, let then, let otherwise):
          let branch = ops.count
          ops.append(.jump(0))
          emit(then)
          if otherwise.isEmpty {
            ops[branch] = .branch(compiler.compile(condition), otherwise: ops.count)
          } else {
            let skip = ops.count
            ops.append(.jump(0))
            ops[branch] = .branch(compiler.compile(condition), otherwise: ops.count)
            emit(otherwise)
            ops[skip] = .jump(ops.count)
          }
        case .exit(let unless): ops.append(.exit(unless: unless.map { compiler.compile($0) }))
        case .suppress(let channel, let unless):
          ops.append(.suppress(channel: channel, unless: unless.map { compiler.compile($0) }))
        case .moveTo(let audience, let unless):
          if !audiences.contains(audience) { audiences.append(audience) }
          ops.append(
            .moveTo(audience: audiences.firstIndex(of: audience)!, unless: unless.map { compiler.compile($0) }))
        case .setState(let state, let unless):
          ops.append(.setState(state, unless: unless.map { compiler.compile($0) }))
        case .increment(let counter): ops.append(.increment(counter: counter))
        }
      }
    }
    emit(flow.steps)
    self.ops = ops
    self.sends = sends
    self.templates = templates
    self.audiences = audiences
    var sendsFrom = Array(repeating: 0, count: ops.count + 1)
    for index in stride(from: ops.count - 1, through: 0, by: -1) {
      if case .send = ops[index] {
        sendsFrom[index] = sendsFrom[index + 1] + 1
      } else {
        sendsFrom[index] = sendsFrom[index + 1]
      }
    }
    self.sendsFrom = sendsFrom
  }
}

/// A variant's arms as cumulative basis points, for assigning contacts.
struct VariantProgram: Sendable {
  var name: String
  var arms: [String]
  var holdout: [Bool]
  /// `upper[i]`: arm `i` takes buckets below it (of 10,000), above the previous arm's.
  var upper: [Int]
  /// The part of the hash that is the same for every contact: campaign and variant.
  var salt: String

  init(_ variant: Variant, campaign: String) {
    name = variant.name
    arms = variant.arms.map(\.name)
    holdout = variant.arms.map(\.isHoldout)
    var total = 0
    upper = variant.arms.map { arm in
      let basisPoints = Int((arm.weight.approximate * 100).rounded())
      total += basisPoints
      return total
    }
    if let last = upper.indices.last { upper[last] = max(upper[last], 10_000) }
    salt = campaign + "\u{1F}" + variant.name + "\u{1F}"
  }

  /// The arm of the contact whose key is `key`: bucket = hash(campaign, variant, key)
  /// mod 10,000, where hash is FNV-1a 64 over the UTF-8 bytes of
  /// `campaign + U+001F + variant + U+001F + key` finished with SplitMix64's mixer.
  func arm(forKey key: String) -> Int {
    var text = salt + key
    let hash = text.withUTF8 { StringPool.stableHash($0) }
    let bucket = Int(hash % 10_000)
    return upper.firstIndex { bucket < $0 } ?? (upper.count - 1)
  }
}
