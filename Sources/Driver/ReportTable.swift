import Evaluator
import Foundation
import Render

/// One table of a report: the same rows print as aligned text, CSV or JSON.
struct ReportTable {
  enum Cell {
    case text(String)
    case int(Int)
    /// Printed with two decimals.
    case fixed(Double)

    var text: String {
      switch self {
      case .text(let text): text
      case .int(let number): String(number)
      case .fixed(let number): ValueFormat.fixed(number)
      }
    }

    var isNumber: Bool {
      if case .text = self { return false }
      return true
    }

    var json: JSON {
      switch self {
      case .text(let text): .string(text)
      case .int(let number): .number(number)
      case .fixed(let number): .literal(ValueFormat.fixed(number))
      }
    }
  }

  /// The key in JSON and the name in CSV (`final_states`).
  var name: String
  /// The heading in text output (`Final states`).
  var title: String
  var columns: [String]
  var rows: [[Cell]]
  /// A line under the table in text output.
  var note: String?

  /// Aligned columns: text to the left, numbers to the right, two spaces apart.
  func text() -> String {
    var widths = columns.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.text.count) }
    }
    func line(_ cells: [(String, Bool)]) -> String {
      var out = " "
      for (index, (text, number)) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[index] - text.count)
        out += " " + (number ? pad + text : text + (index + 1 < cells.count ? pad : "")) + " "
      }
      while out.hasSuffix(" ") { out.removeLast() }
      return out + "\n"
    }
    let numeric = columns.indices.map { index in rows.first.map { $0[index].isNumber } ?? false }
    var out = title + "\n"
    if rows.isEmpty {
      out += "  (none)\n"
    } else {
      out += line(zip(columns, numeric).map { ($0, $1) })
      for row in rows { out += line(row.enumerated().map { ($0.element.text, numeric[$0.offset]) }) }
    }
    if let note { out += "  \(note)\n" }
    return out
  }

  /// RFC 4180: a header row, then the rows; fields quoted only when they must be.
  func csv() -> String {
    var out = columns.map(ReportTable.quote).joined(separator: ",") + "\n"
    for row in rows { out += row.map { ReportTable.quote($0.text) }.joined(separator: ",") + "\n" }
    return out
  }

  func json() -> JSON {
    .array(rows.map { row in .object(zip(columns, row).map { ($0, $1.json) }) })
  }

  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
