// The program that scripts/bench-reader.sh builds (optimized, against the DataReader
// and CampaignLang modules) and runs: times reading an events CSV
// (`contact_id,ts,type,channel,page,amount`) three ways, and the same events as JSON
// Lines if given, and prints MB/s.
//
//   bench-reader EVENTS.csv [RUNS] [EVENTS.jsonl]
import CampaignLang
import DataReader
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
  print("usage: bench-reader EVENTS.csv [RUNS] [EVENTS.jsonl]")
  exit(2)
}
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
let clock = ContinuousClock()

let readStart = clock.now
var bytes: [UInt8]
do {
  bytes = try DataFile.bytes(atPath: arguments[1])
} catch {
  print(error)
  exit(1)
}
let readTime = clock.now - readStart
var megabytes = Double(bytes.count) / 1_000_000

func seconds(_ duration: Swift.Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// The median wall time of `runs` runs of `body`, and its result (to keep the work).
func measure(_ name: String, _ body: () throws -> Int64) rethrows {
  var times: [Double] = []
  var result: Int64 = 0
  for _ in 0..<runs {
    let start = clock.now
    result = try body()
    times.append(seconds(clock.now - start))
  }
  let median = times.sorted()[times.count / 2]
  let line =
    "\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%7.1f", median * 1000)) ms"
    + "  \(String(format: "%7.0f", megabytes / median)) MB/s  (check \(result))"
  print(line)
}

/// Splits every record into fields, touching nothing else.
func scanOnly() throws -> Int64 {
  var reader = try CSVReader(bytes: bytes)
  var record = reader.makeRecord()
  var rows: Int64 = 0
  while try reader.next(into: &record) { rows += 1 }
  return rows
}

/// Splits every record and reads the ts column as seconds since the epoch.
func scanAndTimestamps() throws -> Int64 {
  var reader = try CSVReader(bytes: bytes)
  var record = reader.makeRecord()
  let ts = reader.columnIndex(named: "ts")!
  let shared = reader.bytes
  return try shared.withUnsafeBufferPointer { buffer in
    var sum: Int64 = 0
    while try reader.next(into: &record) {
      sum &+= try ValueParser.timestamp(record[ts].rawBytes(in: buffer)) ?? 0
    }
    return sum
  }
}

/// Splits every record and reads every column but contact_id as its type.
func scanAndAllColumns() throws -> Int64 {
  var reader = try CSVReader(bytes: bytes)
  var record = reader.makeRecord()
  let ts = reader.columnIndex(named: "ts")!
  let type = reader.columnIndex(named: "type")!
  let channel = reader.columnIndex(named: "channel")!
  let page = reader.columnIndex(named: "page")!
  let amount = reader.columnIndex(named: "amount")!
  let types = ["send", "open", "click", "page_view", "purchase", "unsubscribe", "complaint", "dismiss"]
  let channels = ["email", "push", "in_app", "sms", "whatsapp"]
  let pages = ["home", "blog", "pricing", "checkout", "product", "docs"]
  let shared = reader.bytes
  return try shared.withUnsafeBufferPointer { buffer in
    var sum: Int64 = 0
    while try reader.next(into: &record) {
      sum &+= try ValueParser.timestamp(record[ts].rawBytes(in: buffer)) ?? 0
      sum &+= Int64(try ValueParser.enumeration(record[type].rawBytes(in: buffer), cases: types) ?? 0)
      sum &+= Int64(try ValueParser.enumeration(record[channel].rawBytes(in: buffer), cases: channels) ?? 0)
      sum &+= Int64(try ValueParser.enumeration(record[page].rawBytes(in: buffer), cases: pages) ?? 0)
      sum &+= try ValueParser.decimal(record[amount].rawBytes(in: buffer))?.units ?? 0
    }
    return sum
  }
}

print(
  "\(arguments[1]): \(String(format: "%.1f", megabytes)) MB, read in \(String(format: "%.1f", seconds(readTime) * 1000)) ms"
)
do {
  try measure("scan (split into fields)", scanOnly)
  try measure("scan + ts to epoch seconds", scanAndTimestamps)
  try measure("scan + all columns typed", scanAndAllColumns)
} catch {
  print("error: \(error)")
  exit(1)
}

/// Reads every JSON Lines object and its ts value as seconds since the epoch.
func jsonLinesAndTimestamps() throws -> Int64 {
  var reader = JSONLinesReader(bytes: bytes)
  var record = JSONRecord()
  let shared = reader.bytes
  return try shared.withUnsafeBufferPointer { buffer in
    var sum: Int64 = 0
    while try reader.next(into: &record) {
      for field in record.fields where field.keyEquals("ts", in: buffer) {
        sum &+=
          try field.withValueBytes(in: buffer) { (value) throws(ValueError) in try ValueParser.timestamp(value) } ?? 0
      }
    }
    return sum
  }
}

if arguments.count > 3 {
  do {
    bytes = try DataFile.bytes(atPath: arguments[3])
    megabytes = Double(bytes.count) / 1_000_000
    print("\(arguments[3]): \(String(format: "%.1f", megabytes)) MB")
    try measure("JSON Lines + ts to epoch seconds", jsonLinesAndTimestamps)
  } catch {
    print("error: \(error)")
    exit(1)
  }
}
