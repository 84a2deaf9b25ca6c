/// A file or folder a command was given but could not read (missing, unreadable, a
/// symbolic link that leads out of a scanned folder): not a problem in a campaign but
/// an I/O problem (exit 2). The text format reports it on standard error; the machine
/// formats list it in their document, so a CI report says that it is incomplete.
public struct ReadProblem: Sendable, Equatable {
  /// The path as the user would type it from the folder campaignc runs in.
  public var path: String
  /// The headline, as standard error shows it after `error: `.
  public var message: String
  public var help: String?

  public init(path: String, message: String, help: String? = nil) {
    self.path = path
    self.message = message
    self.help = help
  }

  /// The problem as standard error shows it.
  public var text: String { "error: \(message)\n" + (help.map { "  help: \($0)\n" } ?? "") }

  /// The message and its help on one or two lines, for a machine format's message field.
  var fullMessage: String { message + (help.map { "\nhelp: \($0)" } ?? "") }

  var json: JSON {
    .object([("path", .string(path)), ("message", .string(message)), ("help", help.map(JSON.string) ?? .null)])
  }
}
