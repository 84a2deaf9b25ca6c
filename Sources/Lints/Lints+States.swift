import CampaignLang
import Checker

// MARK: - W0201, W0202: states no transition reaches, states with no way out

extension LintContext {
  /// The states each flow can move a contact to with `set state`, by the flow's state.
  var flowMoves: [(from: Int, to: Int)] {
    program.flows.flatMap { flow in Self.setStates(flow.steps).map { (flow.state, $0) } }
  }

  static func setStates(_ steps: [CheckedStep]) -> [Int] {
    steps.flatMap { step -> [Int] in
      switch step {
      case .setState(let state, _): [state]
      case .branch(_, let then, let otherwise): setStates(then) + setStates(otherwise)
      default: []
      }
    }
  }

  /// Whether the transition applies in `state`: from it, or from `any` (which excludes
  /// its own target and the final states).
  func applies(_ transition: CheckedTransition, in state: Int) -> Bool {
    guard let from = transition.from else { return transition.to != state && !program.states[state].isFinal }
    return from == state
  }

  func stateGraph(_ lints: inout LintBag) {
    let moves = flowMoves
    for (index, state) in program.states.enumerated() {
      guard let name = stateNames[state.name] else { continue }
      let reached =
        index == program.initialState
        || program.transitions.contains { $0.to == index && ($0.from.map { $0 != index } ?? true) }
        || moves.contains { $0.to == index && $0.from != index }
      if !reached {
        lints.warn(
          .unreachableState, "no transition leads to state `\(state.name)`", at: name.range,
          help:
            "add a transition like `\(program.states[program.initialState].name) -> \(state.name) when ...`, or delete the state"
        )
        continue
      }
      guard !state.isFinal else { continue }
      let leaves =
        program.transitions.contains { applies($0, in: index) && $0.to != index }
        || moves.contains { $0.from == index && $0.to != index }
      if !leaves {
        lints.warn(
          .deadEndState, "state `\(state.name)` has no way out and is not marked final", at: name.range,
          help: "add a transition out of it, or declare it with `final \(state.name)` if contacts are meant to stay")
      }
    }
  }
}
