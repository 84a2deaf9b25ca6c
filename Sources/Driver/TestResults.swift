import CampaignLang
import Checker
import Evaluator

/// What `campaignc test` found in one campaign file, ready to print as text or JUnit.
struct TestFileResult {
  var path: String
  /// The file's errors as `check` prints them, when it has any (its tests did not run).
  var errors: (count: Int, text: String)?
  var cases: [TestCaseResult] = []
}

/// One test block's result.
struct TestCaseResult {
  /// A failed expectation: where it is written (`file:line:col`) and what the run found.
  struct Failure {
    var location: String
    var message: String
  }
  var name: String
  /// One-based line of the test's name.
  var line: Int
  var failures: [Failure] = []
  /// The contact's timeline, for a failed test.
  var timeline: String = ""

  var passed: Bool { failures.isEmpty }
}

extension TestCaseResult {
  /// Runs `test` of `program` and words the outcome. `sources`: where the test is written.
  static func run(_ test: TestCase, of program: CheckedCampaign, sources: SourceMap, showPII: Bool) -> TestCaseResult {
    var tables: [FileID: LineTable] = [:]
    func location(_ range: SourceRange) -> (path: String, line: Int, column: Int) {
      let file = sources[range.file]
      let table = tables[range.file] ?? LineTable(file)
      tables[range.file] = table
      let (line, column) = table.location(of: range.start)
      return (file.path, line, column)
    }
    var result = TestCaseResult(name: test.name, line: location(test.range).line)
    switch TestOutcome.run(test, of: program) {
    case .failure(let problem):
      let at = location(test.range)
      result.failures = [Failure(location: "\(at.path):\(at.line):\(at.column)", message: problem.message)]
    case .success(let outcome):
      for failure in outcome.failures {
        let check = test.expectations[failure.check]
        let at = location(check.range)
        let message =
          "expected \(TestText.expected(check.expectation, program)), got \(TestText.actual(failure.actual, check.expectation, program))"
        result.failures.append(Failure(location: "\(at.path):\(at.line):\(at.column)", message: message))
      }
      if !outcome.passed {
        result.timeline = ExplainCommand.timeline(outcome.simulation, contact: 0, showPII: showPII)
      }
    }
    return result
  }
}

/// Expectations and what a run found, written as the test writes them.
enum TestText {
  static func expected(_ expectation: TestCase.Expectation, _ program: CheckedCampaign) -> String {
    switch expectation {
    case .state(let state): "state \(program.states[state].name)"
    case .score(let score, let value): "\(program.scores[score].name) \(value)"
    case .counter(let counter, let value): "\(program.counters[counter]) \(value)"
    case .sends(let channel, let count): sends(channel, Int(count), program)
    case .segment(let segment, let member): (member ? "" : "not ") + "segment \(program.segments[segment].name)"
    }
  }

  static func actual(
    _ actual: TestOutcome.Actual, _ expectation: TestCase.Expectation, _ program: CheckedCampaign
  ) -> String {
    switch (actual, expectation) {
    case (.notInAudience, _):
      "nothing: the contact is outside the campaign's audience at the start of the run, so it was not replayed"
    case (.state(let state), _): "state \(program.states[state].name)"
    case (.score(let value), .score(let score, _)): "\(program.scores[score].name) \(ValueFormat.fixed(value))"
    case (.counter(let value), .counter(let counter, _)): "\(program.counters[counter]) \(value)"
    case (.sends(let count), .sends(let channel, _)): sends(channel, count, program)
    case (.segment(let member), .segment(let segment, _)):
      (member ? "" : "not ") + "segment \(program.segments[segment].name)"
    default: "something else"
    }
  }

  static func sends(_ channel: Int?, _ count: Int, _ program: CheckedCampaign) -> String {
    "sends " + (channel.map { "\(program.channels[$0]) " } ?? "") + String(count)
  }
}
