import Foundation
import FrontEndFuzz

/// libFuzzer's entry: the whole front end on one input (`FrontEndFuzz.run`). A property
/// that fails (a formatter refusal, formatting that is not idempotent or changes the
/// program) traps, so libFuzzer keeps the input like a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  if let problem = FrontEndFuzz.run(bytes).problem { fatalError(problem) }
  return 0
}

#if !FUZZING
  /// Without libFuzzer (a normal build): replay the files named on the command line, or
  /// every file in the folders named, through the same entry (corpus regression mode).
  /// Exits 1 when a property fails; a crash is a crash.
  @main
  enum ReplayMain {
    static func main() {
      var paths: [String] = []
      for argument in CommandLine.arguments.dropFirst() { paths += files(at: argument) }
      guard !paths.isEmpty else {
        fail("usage: campaignc-fuzz FILE|DIR...  (replays each input through the fuzz entry)", status: 2)
      }
      var failures = 0
      for path in paths.sorted() {
        guard let data = FileManager.default.contents(atPath: path) else { fail("\(path): cannot read", status: 2) }
        if let problem = FrontEndFuzz.run(Array(data)).problem {
          failures += 1
          print("\(path): FAIL: \(problem)")
        }
      }
      print("replayed \(paths.count) inputs: \(failures) failed")
      exit(failures == 0 ? 0 : 1)
    }

    /// The path itself, or the files directly inside it (not hidden) when it is a folder.
    static func files(at path: String) -> [String] {
      guard isFolder(path) else { return [path] }
      let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
      let inside = names.filter { !$0.hasPrefix(".") }.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
      return inside.filter { !isFolder($0) }
    }

    static func isFolder(_ path: String) -> Bool {
      var folder: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &folder) && folder.boolValue
    }

    static func fail(_ message: String, status: Int32) -> Never {
      FileHandle.standardError.write(Data((message + "\n").utf8))
      exit(status)
    }
  }
#endif
