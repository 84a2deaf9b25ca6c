import Render

/// `campaignc test --format junit`: JUnit XML, the test report CI systems read. One
/// `testsuite` per campaign file, one `testcase` per test block; a failed test has a
/// `failure` with the findings as its message and the contact's run in its body; a file
/// with errors has one `testcase` named `check` with an `error`, and a path that could
/// not be read (missing, or a link out of a scanned folder) one `testcase` named `read`
/// with an `error` of type `io`. No times or host names: the same tests give the same
/// bytes.
package enum JUnitReport {
  static func render(_ results: [TestFileResult], notRead: [ReadProblem] = []) -> String {
    let tests = results.reduce(0) { $0 + max($1.cases.count, $1.errors == nil ? 0 : 1) } + notRead.count
    let failures = results.reduce(0) { $0 + $1.cases.count { !$0.passed } }
    let errors = results.count { $0.errors != nil } + notRead.count
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"campaignc test\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\">\n"
    for problem in notRead {
      let path = escape(problem.path)
      out += "  <testsuite name=\"\(path)\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
      out += "    <testcase classname=\"\(path)\" name=\"read\" file=\"\(path)\">\n"
      out +=
        "      <error message=\"\(escape(problem.message))\" type=\"io\">\(escape(problem.text, attribute: false))</error>\n"
      out += "    </testcase>\n  </testsuite>\n"
    }
    for file in results {
      let path = escape(file.path)
      if let fileErrors = file.errors {
        out += "  <testsuite name=\"\(path)\" tests=\"1\" failures=\"0\" errors=\"1\">\n"
        out += "    <testcase classname=\"\(path)\" name=\"check\" file=\"\(path)\">\n"
        let message = "\(TestCommand.plural(fileErrors.count, "error")); its tests did not run"
        out +=
          "      <error message=\"\(escape(message))\" type=\"check\">\(escape(fileErrors.text, attribute: false))</error>\n"
        out += "    </testcase>\n  </testsuite>\n"
        continue
      }
      let failed = file.cases.count { !$0.passed }
      let head = "  <testsuite name=\"\(path)\" tests=\"\(file.cases.count)\" failures=\"\(failed)\" errors=\"0\""
      guard !file.cases.isEmpty else {
        out += head + "/>\n"
        continue
      }
      out += head + ">\n"
      for test in file.cases {
        let attributes = "classname=\"\(path)\" name=\"\(escape(test.name))\" file=\"\(path)\" line=\"\(test.line)\""
        guard !test.passed else {
          out += "    <testcase \(attributes)/>\n"
          continue
        }
        let message = test.failures.map(\.message).joined(separator: "; ")
        let body = test.failures.map { "\($0.location): \($0.message)\n" }.joined() + test.timeline
        out += "    <testcase \(attributes)>\n"
        out +=
          "      <failure message=\"\(escape(message))\" type=\"expectation\">\(escape(body, attribute: false))</failure>\n"
        out += "    </testcase>\n"
      }
      out += "  </testsuite>\n"
    }
    return out + "</testsuites>\n"
  }

  /// Text as XML character data or (`attribute`) an attribute value: markup characters
  /// escaped, line breaks and tabs in attributes written as references (a parser would
  /// turn them into spaces), carriage returns always (a parser would drop them), and the
  /// characters XML 1.0 cannot hold at all replaced by U+FFFD.
  package static func escape(_ text: String, attribute: Bool = true) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\n" where attribute: out += "&#10;"
      case "\t" where attribute: out += "&#9;"
      case "\n", "\t": out.unicodeScalars.append(scalar)
      case "\r": out += "&#13;"
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }
}
