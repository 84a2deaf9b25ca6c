import DataReader
import Foundation
import Testing

/// `python3` from PATH, if there is one.
let python3: String? = {
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  return path.split(separator: ":").map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// The readers agree with Python's `csv` and `json` modules on a few hundred seeded,
/// awkward files (scripts/gen-awkward-data.py), compared through the canonical dump
/// of scripts/python-parse.py.
@Suite(.enabled(if: python3 != nil, "python3 is not on PATH: the comparison with Python's csv and json is skipped"))
struct DataReaderAgreementTests {
  static let seed = 20_251_123
  static let count = 300

  /// Runs `python3 ARGUMENTS` from the repository root and returns its standard output.
  func runPython(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python3!)
    process.arguments = arguments
    process.currentDirectoryURL = repositoryRoot
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0, "python3 \(arguments.joined(separator: " ")) failed")
    return String(decoding: data, as: UTF8.self)
  }

  /// Generates the files once into a fresh temporary folder and returns their paths.
  func generate() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("campaignc-awkward-\(UUID().uuidString)")
    _ = try runPython([
      "scripts/gen-awkward-data.py", "--seed", String(Self.seed), "--count", String(Self.count), "--out", folder.path,
    ])
    return folder
  }

  /// Python's dump of each file, by file name.
  func pythonDumps(_ format: String, _ files: [URL]) throws -> [String: String] {
    let output = try runPython(["scripts/python-parse.py", format] + files.map(\.path))
    var dumps: [String: String] = [:]
    for line in output.split(separator: "\n") {
      let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      dumps[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
    }
    return dumps
  }

  func files(in folder: URL, suffix: String) throws -> [URL] {
    try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { $0.lastPathComponent.hasSuffix(suffix) }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  @Test func csvAndJSONLinesAgreeWithPython() throws {
    let folder = try generate()
    defer { try? FileManager.default.removeItem(at: folder) }

    let csvFiles = try files(in: folder, suffix: ".csv")
    #expect(csvFiles.count == Self.count)
    let csvDumps = try pythonDumps("csv", csvFiles)
    #expect(csvDumps.count == Self.count && csvDumps.values.allSatisfy { $0.hasPrefix("[[") })
    var csvMismatches: [String] = []
    for file in csvFiles {
      let bytes = try [UInt8](Data(contentsOf: file))
      let ours: String
      do {
        let (header, rows) = try CSVReader.readAll(bytes)
        ours = PythonJSON.dump(.list(([header] + rows).map { .list($0.map(PythonJSON.string)) }))
      } catch {
        ours = "ERROR \(error)"
      }
      if ours != csvDumps[file.lastPathComponent] { csvMismatches.append(file.lastPathComponent) }
    }
    #expect(csvMismatches.isEmpty, "CSV files read differently from Python's csv: \(csvMismatches)")

    let jsonFiles = try files(in: folder, suffix: ".jsonl")
    #expect(jsonFiles.count == Self.count)
    let jsonDumps = try pythonDumps("jsonl", jsonFiles)
    #expect(jsonDumps.count == Self.count && jsonDumps.values.allSatisfy { $0.hasPrefix("[") })
    var jsonMismatches: [String] = []
    for file in jsonFiles {
      let bytes = try [UInt8](Data(contentsOf: file))
      let ours: String
      do {
        let objects = try JSONLinesReader.readAll(bytes)
        ours = PythonJSON.dump(
          .list(objects.map { .list($0.map { .list([PythonJSON.string($0.key), PythonJSON.value($0.value)]) }) }))
      } catch {
        ours = "ERROR \(error)"
      }
      if ours != jsonDumps[file.lastPathComponent] { jsonMismatches.append(file.lastPathComponent) }
    }
    #expect(jsonMismatches.isEmpty, "JSON Lines files read differently from Python's json: \(jsonMismatches)")
  }
}

/// JSON written exactly as Python's `json.dumps(value, ensure_ascii=True)` writes it.
enum PythonJSON {
  indirect case list([PythonJSON])
  case text(String)
  case bool(Bool)
  case null

  static func string(_ text: String) -> PythonJSON { .text(text) }

  /// The canonical form of a JSON Lines value (see scripts/python-parse.py).
  static func value(_ value: JSONValue) -> PythonJSON {
    switch value {
    case .string(let text): .list([.text("s"), .text(text)])
    case .number(let text): .list([.text("n"), .text(text)])
    case .bool(let flag): .list([.text("b"), .bool(flag)])
    case .null: .null
    }
  }

  static func dump(_ value: PythonJSON) -> String {
    switch value {
    case .list(let items): "[" + items.map(dump).joined(separator: ", ") + "]"
    case .bool(let flag): flag ? "true" : "false"
    case .null: "null"
    case .text(let text): quoted(text)
    }
  }

  static func quoted(_ text: String) -> String {
    var out = "\""
    for unit in text.utf16 {
      switch unit {
      case 0x22: out += "\\\""
      case 0x5C: out += "\\\\"
      case 0x08: out += "\\b"
      case 0x0C: out += "\\f"
      case 0x0A: out += "\\n"
      case 0x0D: out += "\\r"
      case 0x09: out += "\\t"
      case 0x20...0x7E: out.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
      default:
        let hex = String(unit, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      }
    }
    return out + "\""
  }
}
