import DataReader
import Foundation
import Testing

@Suite struct DataFileTests {
  @Test func readsAWholeFileAndExplainsFailures() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("datafile-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    let content = (0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
    try Data(content).write(to: URL(fileURLWithPath: path))
    #expect(try DataFile.bytes(atPath: path) == content)
    try Data().write(to: URL(fileURLWithPath: path))
    #expect(try DataFile.bytes(atPath: path) == [])
    #expect(throws: DataFile.ReadError.self) { try DataFile.bytes(atPath: path + "-missing") }
    do {
      _ = try DataFile.bytes(atPath: FileManager.default.temporaryDirectory.path)
      Issue.record("a folder was read as a file")
    } catch {
      #expect(error.description.hasSuffix(": it is a folder"))
    }
  }
}
