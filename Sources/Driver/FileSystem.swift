import DataReader
import Foundation

/// The file access the driver needs, behind a protocol so tests can run in memory.
public protocol FileSystem: Sendable {
  func read(_ path: String) -> [UInt8]?
  func isDirectory(_ path: String) -> Bool
  func exists(_ path: String) -> Bool
  /// Files below `directory` whose names end in `suffix`, sorted by path.
  func files(under directory: String, suffix: String) -> [String]
  /// What a folder holds for a command that reads a whole folder: `files(under:suffix:)`
  /// and the symbolic links to folders below it, which are not followed.
  func scan(_ directory: String, suffix: String) -> FolderScan
  /// The path with symbolic links resolved, for confinement checks.
  func resolved(_ path: String) -> String
  /// A data file's bytes (contacts, events); nil with the reason when it cannot be read.
  func readData(_ path: String) -> Result<ByteStore, ReadFailure>
  /// Writes `bytes` atomically: a temporary file renamed into place, so a failed write
  /// never leaves a half file. Returns the reason on failure.
  func write(_ path: String, _ bytes: [UInt8]) -> String?
}

/// What a folder scan found: the files to read, and the symbolic links to folders
/// below the folder (not followed: the caller decides, by where they lead, whether to
/// report them). Both sorted by path.
public struct FolderScan: Sendable, Equatable {
  public var files: [String]
  public var linkedFolders: [String]

  public init(files: [String], linkedFolders: [String] = []) {
    self.files = files
    self.linkedFolders = linkedFolders
  }

  /// Folders a scan does not enter: hidden ones (`.git`, `.build`, the `.campaignc`
  /// checkout of docs/ci.md) and `node_modules`. A folder named on the command line is
  /// read whatever its name; only what is below it is skipped.
  public static func skips(folderNamed name: some StringProtocol) -> Bool {
    name.hasPrefix(".") || name == "node_modules"
  }

  /// Whether `relative` (a path below the scanned folder) lies in a skipped folder.
  static func skips(relativePath relative: String) -> Bool {
    relative.split(separator: "/").dropLast().contains { $0 != "." && $0 != ".." && skips(folderNamed: $0) }
  }
}

/// Why a data file could not be read.
public struct ReadFailure: Error, Sendable {
  public var message: String
}

extension FileSystem {
  /// A file system without symbolic links: `files(under:suffix:)` but those in skipped
  /// folders (`FolderScan.skips`).
  public func scan(_ directory: String, suffix: String) -> FolderScan {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return FolderScan(
      files: files(under: directory, suffix: suffix).filter { path in
        !FolderScan.skips(relativePath: path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path)
      })
  }

  public func readData(_ path: String) -> Result<ByteStore, ReadFailure> {
    guard let bytes = read(path) else { return .failure(ReadFailure(message: "cannot read \(path)")) }
    return .success(ByteStore(copying: bytes))
  }
}

/// The real disk.
public struct DiskFileSystem: FileSystem {
  public init() {}

  public func read(_ path: String) -> [UInt8]? {
    guard !isDirectory(path), let data = FileManager.default.contents(atPath: path) else { return nil }
    return [UInt8](data)
  }

  public func isDirectory(_ path: String) -> Bool {
    var directory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
  }

  public func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  public func files(under directory: String, suffix: String) -> [String] {
    scan(directory, suffix: suffix).files
  }

  /// One walk of the folder, which does not enter skipped folders (`FolderScan.skips`).
  /// The folder itself may be a symbolic link (it is named, so it is followed); links to
  /// folders below it are listed, not followed.
  public func scan(_ directory: String, suffix: String) -> FolderScan {
    // The enumerator lists nothing below a folder that is itself a link: walk where it
    // leads, and name what is found by the path as given.
    guard let enumerator = FileManager.default.enumerator(atPath: resolved(directory)) else {
      return FolderScan(files: [])
    }
    var files: [String] = []
    var linkedFolders: [String] = []
    while let relative = enumerator.nextObject() as? String {
      let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
      let type = enumerator.fileAttributes?[.type] as? FileAttributeType
      let name = relative.split(separator: "/").last ?? ""
      if type == .typeDirectory || type == .typeSymbolicLink, FolderScan.skips(folderNamed: name), isDirectory(path) {
        if type == .typeDirectory { enumerator.skipDescendants() }
        continue
      }
      if type == .typeSymbolicLink, isDirectory(path) {
        linkedFolders.append(path)
      } else if relative.hasSuffix(suffix) && !isDirectory(path) {
        files.append(path)
      }
    }
    return FolderScan(files: files.sorted(), linkedFolders: linkedFolders.sorted())
  }

  public func resolved(_ path: String) -> String {
    URL(fileURLWithPath: path).resolvingSymlinksInPath().path
  }

  /// A regular file is mapped, not copied (see `ByteStore`); a pipe or an empty file is read.
  public func readData(_ path: String) -> Result<ByteStore, ReadFailure> {
    if let mapped = ByteStore.mapping(path: path) { return .success(mapped) }
    do {
      return .success(ByteStore(copying: try DataFile.bytes(atPath: path)))
    } catch {
      return .failure(ReadFailure(message: error.description))
    }
  }

  /// Writes atomically: a temporary file beside the target, created with the target's
  /// permissions, filled and flushed, then renamed over it; a failure leaves the target
  /// as it was. A symbolic link is written through (the file it points to changes, the
  /// link stays); a file nobody may write is refused rather than replaced.
  public func write(_ path: String, _ bytes: [UInt8]) -> String? {
    let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    var mode: mode_t = 0o644
    var status = stat()
    if stat(target, &status) == 0 {
      mode = status.st_mode & 0o7777
      if mode & 0o222 == 0 { return "cannot write \(path): the file is read-only" }
    }
    let directory = (target as NSString).deletingLastPathComponent
    let temporary =
      (directory.isEmpty ? "." : directory) + "/.\((target as NSString).lastPathComponent).campaignc-\(getpid())"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, mode)
    guard descriptor >= 0 else { return "cannot write \(path): \(String(cString: strerror(errno)))" }
    // The umask may have narrowed the mode at creation: set it exactly.
    fchmod(descriptor, mode)
    var written = 0
    let failure: String? = bytes.withUnsafeBytes { buffer in
      while written < buffer.count {
        let count = Foundation.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
        if count < 0 {
          if errno == EINTR { continue }
          return String(cString: strerror(errno))
        }
        written += count
      }
      return fsync(descriptor) == 0 ? nil : String(cString: strerror(errno))
    }
    close(descriptor)
    if let failure {
      unlink(temporary)
      return "cannot write \(path): \(failure)"
    }
    guard rename(temporary, target) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      return "cannot write \(path): \(reason)"
    }
    return nil
  }
}
