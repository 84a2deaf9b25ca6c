/// Help texts for `--help`.
enum Help {
  /// campaignc's version: the one place it is written (`--version`, SARIF's
  /// `tool.driver.version`). A semantic version (semver.org).
  static let version = "0.1.0"
  static let commands = ["check", "test", "simulate", "explain", "explain-code", "print", "fmt", "help"]

  static func forCommand(_ name: String) -> String? {
    switch name {
    case "check": check
    case "test": test
    case "explain-code": explainCode
    case "print": printTree
    case "simulate": simulate
    case "explain": explain
    case "fmt": fmt
    default: nil
    }
  }

  static let main = """
    campaignc: check and dry-run marketing campaigns written as text

    usage: campaignc <command> [options] [files]

    commands:
      check FILE|DIR|-...      parse and check campaigns; report every problem
      test FILE|DIR|-...       run the campaigns' test blocks on the dry-run engine
      simulate FILE --contacts C --events E
                               dry run over contact data: what would happen
      explain FILE --contact ID --contacts C --events E
                               one contact's dry run, step by step
      print ast|checked FILE   show the parsed or the checked program
      fmt FILE|DIR|-...        print campaigns in the canonical layout (--write, --check)
      explain-code CODE        explain a diagnostic code, with an example
      help COMMAND             help for a command

    examples:
      campaignc check examples/winback.campaign
      campaignc check examples/*.campaign --format github
      campaignc test examples/*.campaign
      campaignc simulate examples/winback.campaign \\
        --contacts examples/data/contacts.csv --events examples/data/events.csv
      campaignc explain-code E0301
      campaignc fmt --check --diff examples/*.campaign

    exit codes: 0 no errors, 1 the input has errors, 2 usage or I/O problem
    the language reference is grammar.md; every diagnostic code is in docs/diagnostics.md

    """

  static let check = """
    usage: campaignc check [options] FILE|DIR|-...

    Parses and checks each campaign and reports every problem at once. `-` reads a
    campaign from standard input, named `<stdin>` in the output (its imports are read
    from the folder campaignc runs in). A folder is
    searched for .campaign files, except in hidden folders (`.git`, `.campaignc`) and
    `node_modules` (name one of those to check it); files that another checked file
    imports are checked through it (they hold shared declarations, not whole
    campaigns). A library (a file without a campaign header, states or flows) that
    nothing in the run imports, or that is named itself, has only its syntax and
    imports checked; the summary counts it as a library (grammar.md, "Imports"). A
    campaign without errors is then linted: warnings (W codes) for what is legal but
    almost certainly wrong or wasteful, and its declared budgets are checked against
    the worst case.
    A warning is silenced on its line by `# campaignc: allow W0101 -- reason`.

    A path that cannot be read (missing, or a symbolic link in a folder, to a file or
    to a folder, that leads out of the folder) is reported and the rest is checked;
    the run then exits 2. json, github and sarif still write their whole output,
    listing what was not read (sarif: `executionSuccessful` false). Name a linked file
    or folder itself to check it.

    options:
      --format text|json|github|sarif
                              text (default) for people; json for tools; github for
                              GitHub Actions annotations; sarif for code scanning
      --warnings-as-errors    exit 1 on warnings too
      --deny CODE[,CODE]      treat these warnings as errors
      --allow CODE[,CODE]     do not report these warnings
      --budget                print the worst case per contact and channel in any
                              7 and 30 days (text format only)
      --max-errors N          show at most N problems, 0 for all (default: 100 in
                              the text format; json, github and sarif show all)
      --color, --no-color     force colour on or off (default: on for a terminal, off
                              when NO_COLOR is set)
      --timings               print how long reading and checking, the lints and the
                              report took, on standard error (for measuring)

    examples:
      campaignc check examples/winback.campaign
      campaignc check examples/*.campaign --format sarif > campaignc.sarif
      campaignc check --budget --deny W0403 examples/winback.campaign
      campaignc check - < examples/winback.campaign

    exit codes: 0 no errors, 1 the input has errors, 2 usage or I/O problem

    """

  static let test = """
    usage: campaignc test [options] FILE|DIR|-...

    Runs the test blocks of each campaign: each test's contact and its `at` events are
    replayed by the same engine as `simulate`, from the first event to one second after
    the last (or to the test's `run until`), then its `expect` lines are checked. A
    failed test shows where each failing `expect` is, what it expected and what the run
    found, and the contact's run step by step, as `explain` shows it. `-` reads a
    campaign from standard input, as for `check`. A folder is
    searched for .campaign files, except in hidden folders (`.git`, `.campaignc`) and
    `node_modules` (name one of those to test it); a file without test blocks is listed
    and passes; a file with errors is reported as `check` would and fails. As for
    `check`, a path that cannot be read (missing, or a symbolic link to a file or
    folder that leads out of a scanned folder) is reported and the rest is tested; the
    run then exits 2, and the junit report has an `error` test case for each such path.

    options:
      --format text|junit     text (default) for people; junit for CI test reports
                              (JUnit XML, the same bytes for the same tests)
      --show-pii              show attributes marked pii in timelines (masked otherwise)
      --color, --no-color     force colour on or off, as for `check`

    examples:
      campaignc test examples/winback.campaign
      campaignc test examples/*.campaign --format junit > campaignc-tests.xml

    exit codes: 0 every test passed, 1 a test failed or a file has errors, 2 usage or
    I/O problem

    """

  static let simulate = """
    usage: campaignc simulate FILE --contacts FILE --events FILE [options]

    A dry run: replays every contact and its event history through the campaign and
    reports what would have happened. Nothing is sent. Contacts and events are CSV
    (with a header row) or JSON Lines (.jsonl); columns are matched to the campaign's
    contact schema and event fields by name. Events need a `type` column naming the
    event and a `ts` column with a timestamp and zone (2026-01-31T09:30:00Z).

    options:
      --contacts FILE         the contacts, one row each (required)
      --events FILE           the event history, any order (required)
      --from DATE|TIME        start of the window (default: the earliest event)
      --to DATE|TIME          end of the window, exclusive (default: just after the
                              latest event); for both, a date means midnight in the
                              campaign's time zone, and with no event of a known
                              contact to take a default from, both are needed
      --format table|json|csv table (default) for people; json or csv for tools
      --by ATTRIBUTE          break every per-contact table down by a contact attribute
                              (e.g. tier): final states, segments, transitions, states over
                              time, sends, held-back messages, audience moves, guardrails,
                              engagement rates, months and counter values; the input table
                              (rows read and skipped) is about the files and stays whole.
                              A guardrail in a group: the group's events per its sends
                              against the same limit, flagged per group; the row with no
                              group is the whole campaign, the guardrail's verdict
      --per-contact FILE.csv  also write one row per contact (written atomically)
      --show-pii              show attributes marked pii (masked otherwise)
      --skip-bad-rows         skip rows that do not fit the schema and count them
                              (default: stop and list them)
      --color, --no-color     show the campaign's errors (on standard error) in colour,
                              or not (default: in colour on a terminal)
      --timings               print how long checking, loading each file, grouping the
                              events, the run and the report took, on standard error

    examples:
      campaignc simulate examples/winback.campaign \\
        --contacts examples/data/contacts.csv --events examples/data/events.csv
      campaignc simulate examples/persona-matrix.campaign --by tier --format csv \\
        --contacts examples/data/contacts.csv --events examples/data/events.csv \\
        --to 2026-01-01

    exit codes: 0 done, 1 the campaign or the data has errors, 2 usage or I/O problem

    """

  static let explain = """
    usage: campaignc explain FILE --contact ID --contacts FILE --events FILE [options]

    One contact's dry run, step by step in campaign words: each event and the points it
    gave, segments entered and left, transitions and the rule that fired, flows, the
    messages that would be sent and the ones held back with the reason. Times are in the
    contact's time zone. Nothing is sent.

    options:
      --contact ID            the contact's key (required)
      --contacts, --events, --from, --to, --skip-bad-rows
                              as for `campaignc simulate`
      --show-pii              show attributes marked pii (masked otherwise)
      --color, --no-color     show the campaign's errors (on standard error) in colour,
                              or not (default: in colour on a terminal)

    example:
      campaignc explain examples/winback.campaign --contact u00042 \\
        --contacts examples/data/contacts.csv --events examples/data/events.csv

    exit codes: 0 done, 1 the campaign or the data has errors or no such contact,
    2 usage or I/O problem

    """

  static let explainCode = """
    usage: campaignc explain-code CODE
           campaignc explain-code --list
           campaignc explain-code --markdown

    Prints what a diagnostic code means, with a wrong and a corrected example.
    --list prints every code with its title; --markdown prints the whole catalogue
    (this is how docs/diagnostics.md is made).

    example:
      campaignc explain-code E0405

    """

  static let printTree = """
    usage: campaignc print [--color] ast|checked FILE

    Prints the parsed syntax tree (ast) or the checked program (checked) of a campaign,
    for tests and for the curious. `ast` prints the tree even when the file has syntax
    errors (as the parser recovered it), with only those errors on standard error (exit
    1); the checker's errors are for `campaignc check`. `checked` needs a campaign
    without errors; it reports the syntax errors when there are any, else the checker's.

    example:
      campaignc print checked examples/winback.campaign

    """
}

extension Help {
  static let fmt = """
    usage: campaignc fmt [--write | --check | --diff] FILE|DIR|-...

    Prints each campaign in the one canonical layout (grammar.md, "Canonical layout"):
    two-space indentation, one statement a line, one space around operators. Comments
    and blank lines between groups are kept; only the layout changes, never the
    program. A folder is searched for .campaign files, except in hidden folders
    (`.git`, `.campaignc`) and `node_modules` (name one of those to format it); a
    symbolic link to a file or folder that leads out of it is reported and neither read
    nor written (exit 2). `-` reads standard input.
    The output is UTF-8 with LF (\\n) line ends and no byte-order mark, whatever the
    input had: a file with CRLF line ends is rewritten with LF by --write and listed
    by --check.

    Before printing or writing, fmt reads its result back and refuses (exit 1) if it is
    not the same program with the same comments. A file that does not parse is
    reported with its errors and left as it is.

    options:
      --write, -w             rewrite the files that change, in place (atomically: a
                              failed write never leaves half a file); lists them
      --check                 change nothing; list the files that would change and
                              exit 1 if there are any (for CI)
      --diff                  also show each change as a unified diff; implies
                              --check (nothing is changed; exit 1 if a file would)
      --color                 show parse errors (on standard error) in colour

    examples:
      campaignc fmt examples/winback.campaign
      campaignc fmt --write examples/*.campaign
      campaignc fmt --diff examples/*.campaign
      campaignc fmt - < examples/winback.campaign

    exit codes: 0 nothing to change (or done), 1 files would change, do not parse or
    were refused, 2 usage or I/O problem

    """
}

struct UsageError: Error {
  var message: String
  init(_ message: String) { self.message = message }
}
