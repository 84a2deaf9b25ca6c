/// A tiny JSON writer with a fixed key order, so output bytes are deterministic.
public indirect enum JSON: Sendable, Equatable {
  case string(String)
  case number(Int)
  /// A number already written out (`12.50`), printed as is.
  case literal(String)
  case bool(Bool)
  case null
  case array([JSON])
  /// Keys are written in the order given.
  case object([(String, JSON)])

  public static func == (a: JSON, b: JSON) -> Bool { a.serialized() == b.serialized() }

  /// Compact when `indent` is nil, else pretty-printed with that many spaces.
  public func serialized(indent: Int? = 2) -> String {
    var out = ""
    write(to: &out, indent: indent, level: 0)
    return out
  }

  func write(to out: inout String, indent: Int?, level: Int) {
    let newline = indent == nil ? "" : "\n"
    let pad = { (depth: Int) in String(repeating: " ", count: (indent ?? 0) * depth) }
    switch self {
    case .string(let value): JSON.escape(value, into: &out)
    case .number(let value): out += String(value)
    case .literal(let value): out += value
    case .bool(let value): out += value ? "true" : "false"
    case .null: out += "null"
    case .array(let values):
      guard !values.isEmpty else {
        out += "[]"
        return
      }
      out += "[" + newline
      for (index, value) in values.enumerated() {
        out += pad(level + 1)
        value.write(to: &out, indent: indent, level: level + 1)
        out += (index + 1 < values.count ? "," : "") + newline
      }
      out += pad(level) + "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{" + newline
      for (index, (key, value)) in members.enumerated() {
        out += pad(level + 1)
        JSON.escape(key, into: &out)
        out += indent == nil ? ":" : ": "
        value.write(to: &out, indent: indent, level: level + 1)
        out += (index + 1 < members.count ? "," : "") + newline
      }
      out += pad(level) + "}"
    }
  }

  static func escape(_ text: String, into out: inout String) {
    out += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}
