import CampaignLang

/// A small option parser for the data commands: `--flag`, `--option VALUE` and
/// `--option=VALUE`, anything else positional.
struct Arguments {
  var values: [String: String] = [:]
  var flags: Set<String> = []
  var positional: [String] = []

  /// `options`: the options that take a value; `switches`: those that do not.
  static func parse(_ arguments: [String], options: [String], switches: [String]) -> Result<Arguments, UsageError> {
    var result = Arguments()
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      guard argument.hasPrefix("--") else {
        if argument.hasPrefix("-") && argument != "-" { return .failure(UsageError("unknown option `\(argument)`")) }
        result.positional.append(argument)
        continue
      }
      var name = argument
      var inline: String?
      if let equals = argument.firstIndex(of: "=") {
        name = String(argument[..<equals])
        inline = String(argument[argument.index(after: equals)...])
      }
      if switches.contains(name) && inline == nil {
        result.flags.insert(name)
      } else if options.contains(name) {
        guard let value = inline ?? (index < arguments.count ? arguments[index] : nil) else {
          return .failure(UsageError("`\(name)` needs a value"))
        }
        if inline == nil { index += 1 }
        result.values[name] = value
      } else {
        let known = options + switches
        let hint = Spelling.closest(to: name, among: known).map { "; did you mean `\($0)`?" } ?? ""
        return .failure(UsageError("unknown option `\(name)`\(hint)"))
      }
    }
    return .success(result)
  }

  /// The switches every command that prints diagnostics takes: `--color` forces colour
  /// on, `--no-color` off.
  static let colorSwitches = ["--color", "--no-color"]

  /// `--color` or `--no-color`, nil when neither was given (`--no-color` wins if both).
  var color: Bool? {
    flags.contains("--no-color") ? false : flags.contains("--color") ? true : nil
  }
}
