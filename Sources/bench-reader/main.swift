import DataReader
import Foundation

// Reads an events CSV as the engine will: every record, the `ts` column parsed as a
// timestamp, and prints the row count and a checksum (so the work cannot be skipped).
// Used by scripts/bench-reader.sh; not part of campaignc.
guard CommandLine.arguments.count == 2, let data = FileManager.default.contents(atPath: CommandLine.arguments[1])
else {
  FileHandle.standardError.write(Data("usage: bench-reader EVENTS.csv\n".utf8))
  exit(2)
}
let bytes = [UInt8](data)
var reader = CSVReader(bytes: bytes)
var record = CSVRecord()
var rows = 0
var checksum: Int64 = 0
var tsColumn = -1
do {
  while try reader.next(into: &record) {
    if tsColumn < 0 {
      tsColumn = (0..<record.count).first { reader.string(record[$0]) == "ts" } ?? 1
      continue
    }
    rows += 1
    let field = record[tsColumn]
    if case .success(let seconds) = ValueParser.timestamp(bytes[field.start..<field.end]) { checksum &+= seconds }
  }
} catch {
  FileHandle.standardError.write(Data("line \(error.line): \(error)\n".utf8))
  exit(1)
}
print("rows \(rows) checksum \(checksum)")
