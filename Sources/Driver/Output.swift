import Foundation

/// Where the driver writes: standard output and standard error, or buffers in tests.
public protocol Output: AnyObject {
  func write(_ text: String)
  func writeError(_ text: String)
  /// Whether standard output is a terminal (colour and progress only then).
  var isTerminal: Bool { get }
  /// Whether standard error is a terminal (progress lines only then).
  var isErrorTerminal: Bool { get }
  /// Replaces the progress line on standard error; nil clears it.
  func writeProgress(_ line: String?)
}

extension Output {
  public var isErrorTerminal: Bool { false }
  public func writeProgress(_ line: String?) {}
}

/// The process's standard output and error.
public final class StandardOutput: Output {
  private var buffer: [UInt8] = []

  public init() {}

  public var isTerminal: Bool { isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count > 1 << 16 { flush() }
  }

  public var isErrorTerminal: Bool { isatty(2) == 1 }

  public func writeProgress(_ line: String?) {
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + (line ?? "")).utf8))
  }

  public func writeError(_ text: String) {
    flush()
    FileHandle.standardError.write(Data(text.utf8))
  }

  public func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  deinit { flush() }
}

/// Captures output in memory (for tests).
public final class BufferOutput: Output {
  public private(set) var standardOutput = ""
  public private(set) var standardError = ""
  public var isTerminal = false
  /// Whether to act as a terminal on standard error (progress lines are then kept).
  public var isErrorTerminal = false
  /// The progress lines written, in order (nil: the line was cleared).
  public private(set) var progress: [String?] = []

  public init() {}

  public func write(_ text: String) { standardOutput += text }
  public func writeError(_ text: String) { standardError += text }
  public func writeProgress(_ line: String?) { progress.append(line) }
}
