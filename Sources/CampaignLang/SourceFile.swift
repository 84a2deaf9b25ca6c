/// A file as the compiler sees it: its display path and its raw bytes.
///
/// Bytes are kept exactly as read (a BOM, CRLF and invalid UTF-8 included), so every
/// `SourceRange` is a plain byte offset into `bytes`. Line and column numbers are
/// computed only when a diagnostic is rendered, through `LineTable`.
public struct SourceFile: Sendable, Hashable {
  /// Index of the file in its `SourceMap`; ranges name their file by this id.
  public let id: FileID
  /// The path shown to the user: relative to where the command was run, never absolute
  /// unless the user typed it so.
  public let path: String
  public let bytes: [UInt8]

  public init(id: FileID, path: String, bytes: [UInt8]) {
    self.id = id
    self.path = path
    self.bytes = bytes
  }

  public init(id: FileID, path: String, text: String) {
    self.init(id: id, path: path, bytes: Array(text.utf8))
  }

  /// The text of `range`, with invalid UTF-8 replaced by U+FFFD.
  public func text(_ range: SourceRange) -> String {
    let lower = max(0, min(range.start, bytes.count))
    let upper = max(lower, min(range.end, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }
}

/// Identifies a file within one compilation.
public struct FileID: Sendable, Hashable, Comparable, Codable {
  public let rawValue: Int
  @inlinable public init(_ rawValue: Int) { self.rawValue = rawValue }
  public static func < (a: FileID, b: FileID) -> Bool { a.rawValue < b.rawValue }
}

/// All files of one compilation: the entry file and everything it imports.
public struct SourceMap: Sendable {
  public private(set) var files: [SourceFile] = []

  public init() {}

  /// Adds a file and returns it with its id assigned.
  public mutating func add(path: String, bytes: [UInt8]) -> SourceFile {
    let file = SourceFile(id: FileID(files.count), path: path, bytes: bytes)
    files.append(file)
    return file
  }

  public subscript(id: FileID) -> SourceFile { files[id.rawValue] }
}
