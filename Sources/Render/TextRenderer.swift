import CampaignLang

/// Renders diagnostics for people:
///
///     winback.campaign:12:24: error[E0301]: the campaign has no ... called `ltvv`
///        |
///     12 | segment vip = ltvv >= 500
///        |               ^^^^
///        = help: did you mean `ltv`?
///
/// Colour is used only when asked for (the CLI asks when writing to a terminal).
public struct TextRenderer {
  public var color: Bool
  /// Source lines longer than this are shown as a window around the caret.
  public var maxLineWidth = 120

  public init(color: Bool = false) { self.color = color }

  public func render(_ diagnostic: Diagnostic, sources: SourceMap, tables: inout [FileID: LineTable]) -> String {
    let file = sources[diagnostic.range.file]
    let table = lineTable(file, &tables)
    let (line, column) = table.location(of: diagnostic.range.start)
    // Clean paths, as every format names files (`RepositoryPath`).
    var out = paint("\(RepositoryPath.clean(file.path)):\(line):\(column): ", .bold)
    let severityColor: Style = diagnostic.severity == .error ? .red : diagnostic.severity == .warning ? .yellow : .cyan
    out +=
      paint("\(diagnostic.severity.rawValue)[\(diagnostic.code)]", severityColor)
      + paint(": \(diagnostic.message)", .bold) + "\n"
    out += snippet(file, table, diagnostic.range, label: diagnostic.label, style: severityColor)
    for note in diagnostic.notes {
      if let range = note.range {
        let noteFile = sources[range.file]
        let noteTable = lineTable(noteFile, &tables)
        let (noteLine, noteColumn) = noteTable.location(of: range.start)
        out += "  = note: \(note.message) (\(RepositoryPath.clean(noteFile.path)):\(noteLine):\(noteColumn))\n"
        out += snippet(noteFile, noteTable, range, label: nil, style: .cyan)
      } else {
        out += "  = note: \(note.message)\n"
      }
    }
    if let help = diagnostic.help { out += "  = " + paint("help", .cyan) + ": \(help)\n" }
    return out
  }

  func lineTable(_ file: SourceFile, _ tables: inout [FileID: LineTable]) -> LineTable {
    if let table = tables[file.id] { return table }
    let table = LineTable(file)
    tables[file.id] = table
    return table
  }

  /// The source line and a caret underline. Tabs in the line are copied into the
  /// underline so carets line up; wide characters count two columns.
  func snippet(_ file: SourceFile, _ table: LineTable, _ range: SourceRange, label: String?, style: Style) -> String {
    let lineIndex = table.lineIndex(of: min(range.start, file.bytes.count))
    let lineBytes = table.lineRange(lineIndex)
    var lineStart = lineBytes.lowerBound
    if lineIndex == 0 && file.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = min(3, lineBytes.upperBound) }
    let caretStart = max(lineStart, min(range.start, lineBytes.upperBound))
    let caretEnd = max(caretStart, min(range.end, lineBytes.upperBound))
    // Window long lines around the caret.
    var shownStart = lineStart
    var shownEnd = lineBytes.upperBound
    var prefix = ""
    var suffix = ""
    if shownEnd - shownStart > maxLineWidth * 4 || table.scalarCount(from: shownStart, to: shownEnd) > maxLineWidth {
      shownStart = boundary(file, max(lineStart, caretStart - maxLineWidth / 2), lineStart)
      shownEnd = boundary(file, min(lineBytes.upperBound, shownStart + maxLineWidth), lineStart)
      if shownStart > lineStart { prefix = "…" }
      if shownEnd < lineBytes.upperBound { suffix = "…" }
    }
    let visibleCaretEnd = min(caretEnd, shownEnd)
    let gutter = String(lineIndex + 1)
    let pad = String(repeating: " ", count: gutter.count)
    let before = displayText(file, shownStart, caretStart)
    let underlined = displayText(file, caretStart, visibleCaretEnd)
    var marker = prefix.isEmpty ? "" : " "
    for character in before.unicodeScalars {
      marker += character == "\t" ? "\t" : String(repeating: " ", count: width(character))
    }
    let caretCount = max(1, underlined.unicodeScalars.reduce(0) { $0 + ($1 == "\t" ? 1 : width($1)) })
    marker += paint(String(repeating: "^", count: caretCount) + (label.map { " \($0)" } ?? ""), style)
    let text = prefix + before + underlined + displayText(file, visibleCaretEnd, shownEnd) + suffix
    return "\(pad) |\n\(gutter) | \(text)\n\(pad) | \(marker)\n"
  }

  /// Moves an offset back to the start of a UTF-8 scalar.
  func boundary(_ file: SourceFile, _ offset: Int, _ floor: Int) -> Int {
    var position = offset
    while position > floor && position < file.bytes.count && file.bytes[position] & 0xC0 == 0x80 { position -= 1 }
    return position
  }

  /// Text for display: invalid UTF-8 becomes U+FFFD and control characters `?`.
  func displayText(_ file: SourceFile, _ start: Int, _ end: Int) -> String {
    guard start < end else { return "" }
    let text = String(decoding: file.bytes[start..<end], as: UTF8.self)
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F ? "?" : scalar
        }))
  }

  /// Terminal columns of a scalar: 2 for East Asian wide characters and emoji, else 1.
  func width(_ scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
      2
    case 0x0300...0x036F, 0x200B...0x200F: 0
    default: 1
    }
  }

  enum Style: String {
    case bold = "1"
    case red = "1;31"
    case yellow = "1;33"
    case cyan = "1;36"
  }

  func paint(_ text: String, _ style: Style) -> String {
    color ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
  }
}
