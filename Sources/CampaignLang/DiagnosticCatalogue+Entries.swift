extension DiagnosticCatalogue {
  static let lexical: [Entry] = [
    e(
      .invalidCharacter, "invalid-character", "unexpected character",
      "A character that has no meaning in a campaign outside quotes or a comment, such as `$`, `;`, a backtick or a control character. Comments start with `#`, not `//`; text such as an email address goes in double quotes. A file with NUL bytes is treated as binary and not read further.",
      wrong: "segment vip = ltv >= 500;", corrected: "segment vip = ltv >= 500"),
    e(
      .invalidUTF8, "invalid-utf8", "the file is not valid UTF-8",
      "Campaign files are UTF-8 text. Bytes that do not form UTF-8 usually mean the file was saved in another encoding (Latin-1, UTF-16), or is not text at all. It is reported once, at the first such byte with the number of others, and the file is not read further: in another encoding every accented letter would be misread.",
      wrong: "message \"Terima kasih\\xE9\"   (saved as Latin-1)",
      corrected: "message \"Terima kasih\""),
    e(
      .curlyQuote, "curly-quote", "curly quotes do not start a string",
      "Word processors turn straight quotes into curly ones. Strings in campaigns use straight double quotes; single quotes are not string quotes either.",
      wrong: "send email “welcome-1” subject 'Hi'", corrected: "send email \"welcome-1\" subject \"Hi\""),
    e(
      .unusualSpace, "unusual-space", "a non-breaking or unusual space",
      "A non-breaking space (or another invisible space character) outside quotes. It looks like a space but is not one; retype it.",
      wrong: "segment vip\u{00A0}= ltv >= 500   # a non-breaking space (U+00A0) after `vip`",
      corrected: "segment vip = ltv >= 500   # a plain space after `vip`"),
    e(
      .dash, "dash", "an en dash or em dash where `-` belongs",
      "Documents turn `-` into `–` or `—`. Campaigns use the plain hyphen-minus, also in the arrow `->`. Where a `-` would be wrong too (`New — Churned` between two states, `21:00 – 08:00` in quiet hours), the help shows what to write instead.",
      wrong: "Active –> Engaged when engagement >= 20", corrected: "Active -> Engaged when engagement >= 20"),
    e(
      .unterminatedString, "unterminated-string", "a string has no closing quote",
      "Strings end on the line where they start.",
      wrong: "offer \"WINBACK20", corrected: "offer \"WINBACK20\""),
    e(
      .invalidEscape, "invalid-escape", "unknown escape in a string",
      "Inside a string, `\\` starts an escape: `\\\"`, `\\\\`, `\\n` or `\\t`.",
      wrong: "text \"50\\% off\"", corrected: "text \"50% off\""),
    e(
      .numberTooLarge, "number-too-large", "a number is too large",
      "Numbers have at most 18 digits, and a duration is at most 3650000d (about 10,000 years), so no date or timestamp arithmetic can overflow.",
      wrong: "cap 1000000000000000000000", corrected: "cap 1000"),
    e(
      .malformedLiteral, "malformed-literal", "a date, time or duration is malformed",
      "Dates are `2026-12-31`, timestamps `2026-01-31T09:30` (optionally `:ss` and `Z` or `+07:00`), times of day `21:00`, durations a whole number and a lowercase `s`, `m`, `h`, `d` or `w` (seconds, minutes, hours, days, weeks). Numbers are digits with `_` only between two digits, and no exponent (`100000`, not `1e5`), thousands separators (`1,000`) or suffixes (`10k`, `1M`); a percentage has its `%` right after the number (`10%`, not `10 %`).",
      wrong: "wait 1.5d", corrected: "wait 36h"),
    e(
      .symbolOperator, "symbol-operator", "an operator written as a symbol",
      "Conditions use the words `and`, `or` and `not`; comparisons use `>=`, `<=` and `!=` typed with plain keyboard characters.",
      wrong: "segment vip = ltv ≥ 500 && orders_90d >= 2", corrected: "segment vip = ltv >= 500 and orders_90d >= 2"),
  ]

  static let syntax: [Entry] = [
    e(
      .unexpectedToken, "unexpected-token", "something else was expected here",
      "The parser expected a particular word or symbol. The message says what it expected and what it found; the rest of the line is skipped, so each line gives at most one such error.",
      wrong: "cooldown Inactive for 30d", corrected: "cooldown Inactive 30d"),
    e(
      .missingBrace, "missing-brace", "a block is missing its closing `}`",
      "A block that opens with `{` must close with `}`. The error points at the end of the block's last line, where the `}` belongs; the note shows where the block opens.",
      wrong: "score engagement {\n  email_open +5\n  cap 100\n\nsegment vip = ltv >= 500",
      corrected: "score engagement {\n  email_open +5\n  cap 100\n}\n\nsegment vip = ltv >= 500"),
    e(
      .assignInsteadOfEquals, "assign-instead-of-equals", "`=` used to compare",
      "A single `=` defines a segment. To compare, write `==`.",
      wrong: "segment loyal = orders_90d = 5", corrected: "segment loyal = orders_90d == 5"),
    e(
      .uppercaseKeyword, "uppercase-keyword", "`AND`, `OR` or `NOT` in capitals",
      "The words that join conditions are lowercase.",
      wrong: "segment vip = ltv >= 500 AND orders_90d >= 2", corrected: "segment vip = ltv >= 500 and orders_90d >= 2"),
    e(
      .durationInWords, "duration-in-words", "a duration written in words",
      "Durations are a number and a one-letter unit with no space between: `s`, `m`, `h`, `d`, `w` (seconds, minutes, hours, days, weeks). `m` is minutes; there are no months or years, which have no fixed length: write days (`30d`, `365d`).",
      wrong: "wait 7 days", corrected: "wait 7d"),
    e(
      .missingUnit, "missing-unit", "a number is missing its unit",
      "Where a duration or percentage is expected, a bare number is ambiguous: `7` could be days or hours.",
      wrong: "cooldown Inactive 30", corrected: "cooldown Inactive 30d"),
    e(
      .nestingTooDeep, "nesting-too-deep", "nested too deeply",
      "Parentheses and blocks nest at most 64 levels; deeper nesting is reported once and skipped.",
      wrong: "segment x = ((((((((...))))))))", corrected: "segment x = ltv >= 500"),
    e(
      .unknownDeclaration, "unknown-declaration", "a line does not start a declaration",
      "At the top level, each declaration starts with a keyword: `campaign`, `contact`, `event`, `segment`, `score`, `states`, `flow`, ...",
      wrong: "segmnt vip = ltv >= 500", corrected: "segment vip = ltv >= 500"),
    e(
      .unknownStatement, "unknown-statement", "a block holds something it cannot",
      "Each block accepts certain statements: a flow holds steps (`wait`, `send`, `if`, ...), a campaign header holds `owner`, `timezone`, `audience`, `description`. An arm of a variant sets its own creative variables, but a key a letter or two from `subject`, `text` or `offer` (`subjcet`) is taken as a slip of it.",
      wrong: "flow f for Inactive {\n  sned email \"x\" subject \"Hi\"\n}",
      corrected: "flow f for Inactive {\n  send email \"x\" subject \"Hi\"\n}"),
    e(
      .emptyFile, "empty-file", "the file has no declarations",
      "An empty file (or one with only comments) is not a campaign.",
      wrong: "# nothing here yet",
      corrected:
        "campaign \"Winback\" {\n  owner \"crm@example.com\"\n}\ncontact {\n  id string key\n}\nstates {\n  initial Active\n}"
    ),
  ]

  static let names: [Entry] = [
    e(
      .unknownName, "unknown-name", "an unknown name in a condition",
      "A condition names something the campaign does not declare: no attribute, score, segment or counter has that name. Close spellings are suggested.",
      wrong: "segment vip = ltvv >= 500", corrected: "segment vip = ltv >= 500"),
    e(
      .unknownEvent, "unknown-event", "an unknown event",
      "Events must be declared with `event name { fields }` before scores, transitions or aggregates can use them.",
      wrong: "score s { email_opn +5 }", corrected: "score s { email_open +5 }"),
    e(
      .unknownState, "unknown-state", "an unknown state",
      "States are declared in the `states` block with `initial`, `state` or `final`.",
      wrong: "Active -> Engagd when engagement >= 20", corrected: "Active -> Engaged when engagement >= 20"),
    e(
      .unknownChannel, "unknown-channel", "an unknown channel",
      "The channels are email, push, in_app, sms, whatsapp and ads; others are declared with `channel name`.",
      wrong: "send emial \"x\" subject \"Hi\"", corrected: "send email \"x\" subject \"Hi\""),
    e(
      .unknownField, "unknown-field", "an unknown field or attribute",
      "An event has no field of that name, or a test sets an attribute that the contact schema does not declare.",
      wrong: "sum(purchase.amout within 90d)", corrected: "sum(purchase.amount within 90d)"),
    e(
      .unknownVariant, "unknown-variant", "an unknown variant",
      "A send names a variant that is not declared with `variant name { ... }`.",
      wrong:
        "flow f for Active {\n  send email \"x\" variant subjet_test\n}\nvariant subject_test {\n  a 50% { subject \"A\" }\n  b 50% { subject \"B\" }\n}",
      corrected:
        "flow f for Active {\n  send email \"x\" variant subject_test\n}\nvariant subject_test {\n  a 50% { subject \"A\" }\n  b 50% { subject \"B\" }\n}"
    ),
    e(
      .unknownCounter, "unknown-counter", "an unknown counter",
      "`increment` names a counter that is not declared with `counter name`.",
      wrong: "flow f for Active {\n  increment cycle\n}",
      corrected: "counter cycle\nflow f for Active {\n  increment cycle\n}"),
    e(
      .unknownEnumCase, "unknown-enum-value", "not one of the values of an enum",
      "An enum attribute or field only takes the values listed in its type.",
      wrong: "page_visit +15 where intent == hihg", corrected: "page_visit +15 where intent == high"),
    e(
      .unknownTimezone, "unknown-timezone", "an unknown time zone",
      "Time zones are IANA names such as \"Asia/Jakarta\" or \"Europe/Berlin\"; for a city alone (\"Berlin\", \"New York\") the help names its zone.",
      wrong: "timezone \"Jakarta\"", corrected: "timezone \"Asia/Jakarta\""),
    e(
      .unknownType, "unknown-type", "an unknown type",
      "The types are int, decimal, bool, string, date, timestamp, duration, percent and enum(...); `?` after a type makes it optional.",
      wrong: "balance money", corrected: "balance decimal"),
    e(
      .duplicate, "duplicate", "declared twice",
      "Each name is declared once per kind. Attributes, scores, segments and counters share one set of names because conditions name them all the same way. What is not a name is given once too: a send's `subject`, a channel's consent rule (merge two into one with `and` or `or`), a score's cap or decay, a state's cooldown. A segment, attribute, score or counter named like an enum value or a state is reported where a comparison needs that value (`tier == gold` with a segment `gold`): the name would mean both, so give the declaration another name.",
      wrong: "segment vip = ltv >= 500\nsegment vip = orders_90d >= 5",
      corrected: "segment vip = ltv >= 500\nsegment frequent = orders_90d >= 5"),
    e(
      .importNotFound, "import-not-found", "an imported file cannot be found",
      "Import paths are relative to the importing file's folder and end in `.campaign`. While an import cannot be read, names it might declare are not reported as unknown: the import is the one message.",
      wrong: "import \"lib/schema.campaing\"", corrected: "import \"lib/schema.campaign\""),
    e(
      .importOutsideProject, "import-outside-project", "an import leaves the project folder",
      "Imports are confined to the main campaign's folder and below: no absolute paths, no `..` past the folder, no symbolic links out of it. Names such an import might declare are not reported as unknown until it is fixed.",
      wrong: "import \"../../other-team/schema.campaign\"", corrected: "import \"lib/schema.campaign\""),
    e(
      .importCycle, "import-cycle", "files import each other",
      "A file cannot import itself, directly or through others.",
      wrong: "# a.campaign\nimport \"b.campaign\"\n# b.campaign\nimport \"a.campaign\"",
      corrected: "# a.campaign and b.campaign both\nimport \"shared.campaign\""),
    e(
      .headerInLibrary, "header-in-library", "an imported file has a campaign header",
      "Imported files hold shared declarations (schema, events, segments); the `campaign` header belongs to the main file.",
      wrong: "# lib/schema.campaign\ncampaign \"Shared\" { }",
      corrected: "# lib/schema.campaign\ncontact { id string key }"),
  ]

  static let types: [Entry] = [
    e(
      .typeMismatch, "type-mismatch", "values of different types",
      "An operator was given values it cannot combine or compare, such as text and a number.",
      wrong: "segment vip = email_opt_in >= 500", corrected: "segment vip = ltv >= 500"),
    e(
      .notACondition, "not-a-condition", "a condition is not true or false",
      "Segments, consent rules, `when`, `where`, `unless` and `if` need a condition, such as a comparison.",
      wrong: "segment vip = ltv", corrected: "segment vip = ltv >= 500"),
    e(
      .mixedUnits, "mixed-units", "a date, timestamp, duration or percentage mixed up",
      "A date is a day on the calendar, a duration a length of time: they cannot be compared. Dates compare with dates (`today`), timestamps with timestamps (`now`).",
      wrong: "segment veteran = signup > 30d", corrected: "segment veteran = signup < today - 30d"),
    e(
      .numberNeedsUnit, "number-needs-unit", "a number compared with a duration",
      "`7` could mean days or hours; a duration needs its unit.",
      wrong: "segment recent = signup > today - 7", corrected: "segment recent = signup > today - 7d"),
    e(
      .unguardedOptional, "unguarded-optional", "a value that may be missing used as if always there",
      "An attribute declared with `?` may be missing for some contacts, and `min`, `max` and `avg` have no value for contacts without such events. Check with `exists(...)` first, or give a default with `??`.",
      wrong: "segment recent = last_login > now - 30d",
      corrected: "segment recent = exists(last_login) and last_login > now - 30d"),
    e(
      .restrictedTargeting, "restricted-targeting", "a restricted attribute used for targeting",
      "Attributes marked `restricted` may be stored but not used to choose who gets a message: not in segments, the audience, transitions or flow conditions. Consent rules may read them.",
      wrong: "segment women = gender == \"f\"", corrected: "segment engaged_buyers = orders_90d >= 2"),
    e(
      .badArguments, "bad-arguments", "a function or option used wrongly",
      "`exists` takes one optional attribute; `count` counts events, `sum`/`avg`/`min`/`max` need a number field; `subject` applies only to email.",
      wrong: "segment big = sum(purchase within 90d) > 100",
      corrected: "segment big = sum(purchase.amount within 90d) > 100"),
    e(
      .nonPositiveDuration, "non-positive-duration", "a duration of zero",
      "Waits, cooldowns, windows and decay periods must be longer than zero.",
      wrong: "wait 0d", corrected: "wait 1d"),
    e(
      .percentOutOfRange, "percent-out-of-range", "a percentage out of range",
      "Decay, variant shares and guardrails are percentages above 0% and at most 100%.",
      wrong: "decay 150% every 7d", corrected: "decay 15% every 7d"),
    e(
      .wrongLiteralType, "wrong-literal-type", "a test value of the wrong type",
      "Values in test blocks must match the declared type of the attribute or field.",
      wrong:
        "test \"t\" {\n  contact {\n    id \"c1\", ltv \"600\", orders_90d 3, gender \"f\", email_opt_in true, push_opt_in false,\n    sms_opt_in false, signup 2025-06-01\n  }\n  at 2026-01-01T10:00 email_open\n}",
      corrected:
        "test \"t\" {\n  contact {\n    id \"c1\", ltv 600, orders_90d 3, gender \"f\", email_opt_in true, push_opt_in false,\n    sms_opt_in false, signup 2025-06-01\n  }\n  at 2026-01-01T10:00 email_open\n}"
    ),
    e(
      .valueOutOfRange, "value-out-of-range", "a number out of range",
      "Counts and caps must be at least 1; points cannot be 0; quiet hours must span some time.",
      wrong: "limit email 0 per 7d", corrected: "limit email 2 per 7d"),
  ]

  static let rules: [Entry] = [
    e(
      .unreachableThreshold, "unreachable-threshold", "a threshold no contact can reach",
      "A score cannot go above its cap, or above 0 if no event gives it points, and never goes below 0. A condition beyond those bounds can never hold.",
      wrong:
        "score engagement {\n  email_open +5\n  cap 100\n}\nstates {\n  initial Active\n  state Engaged\n  Active -> Engaged when engagement >= 120\n}",
      corrected:
        "score engagement {\n  email_open +5\n  cap 100\n}\nstates {\n  initial Active\n  state Engaged\n  Active -> Engaged when engagement >= 20\n}"
    ),
    e(
      .noInitialState, "no-initial-state", "no initial state",
      "Every contact starts in the initial state; the states block must name one.",
      wrong: "states {\n  state Active, Engaged\n}", corrected: "states {\n  initial Active\n  state Engaged\n}"),
    e(
      .severalInitialStates, "several-initial-states", "more than one initial state",
      "Exactly one state is `initial`.",
      wrong: "initial Active\ninitial New", corrected: "initial Active\nstate New"),
    e(
      .transitionCycle, "transition-cycle", "transitions or segments that loop without new input",
      "Transitions with no trigger or a `when` condition fire without any new event or time passing; if such transitions lead back to where they started and their conditions can hold together, a contact would move forever. Segments defined through each other loop in the same way.",
      wrong: "Active -> Engaged when engagement >= 20\nEngaged -> Active when engagement >= 10",
      corrected: "Active -> Engaged when engagement >= 20\nEngaged -> Active when engagement < 10"),
    e(
      .sendWithoutConsent, "send-without-consent", "a send on a channel with no consent rule",
      "Nothing may be sent on a channel unless the campaign says when a contact agreed to it. Reported once per channel, at its first send.",
      wrong: "flow f for Active {\n  send sms \"reminder\" text \"Your offer ends today\"\n}",
      corrected:
        "consent sms when sms_opt_in\nflow f for Active {\n  send sms \"reminder\" text \"Your offer ends today\"\n}"),
    e(
      .variantWeights, "variant-weights", "variant shares do not add up to 100%",
      "The arms of a variant split all contacts. A `holdout` arm without a share takes what the others leave.",
      wrong: "variant t {\n  a 50%\n  b 40%\n}", corrected: "variant t {\n  a 50%\n  b 40%\n  holdout\n}"),
    e(
      .pushTooLong, "push-too-long", "push copy too long",
      "Push notifications show at most 120 characters; longer copy is cut off on the phone.",
      wrong: "send push \"p\" text \"(130 characters...)\"", corrected: "send push \"p\" text \"Your cart misses you\""),
    e(
      .emailWithoutSubject, "email-without-subject", "an email without a subject",
      "Every email needs a subject: on the send, or in every arm of its variant.",
      wrong: "send email \"reactivation-1\"", corrected: "send email \"reactivation-1\" subject \"We miss you\""),
    e(
      .inAppWithoutTrigger, "in-app-without-trigger", "an in-app message without a session event",
      "In-app messages show while the contact uses the app, so they need the event that marks a session.",
      wrong: "send in_app \"tip-1\"", corrected: "send in_app \"tip-1\" on app_open"),
    e(
      .missingHeader, "missing-header", "no campaign header",
      "A campaign file starts with its header. A file without one that declares a `states` block or a flow is a campaign whose header is missing. A file that holds only shared declarations (schema, events, segments, scores, variants) is a library: it is checked through the campaigns that import it, and when `check` reads it on its own (named, or found in a folder where nothing imports it) only its syntax and imports are checked.",
      wrong: "contact {\n  id string key\n  ltv decimal\n}\nstates {\n  initial Active\n}\nsegment vip = ltv >= 500",
      corrected:
        "campaign \"VIP\" {\n  owner \"crm@example.com\"\n}\ncontact {\n  id string key\n  ltv decimal\n}\nstates {\n  initial Active\n}\nsegment vip = ltv >= 500"
    ),
    e(
      .contactKey, "contact-key", "the contact schema has no usable key",
      "The contact schema needs exactly one `key` attribute, a string or int that is never missing, to match contacts with their events.",
      wrong: "contact {\n  id string\n}", corrected: "contact {\n  id string key\n}"),
    e(
      .noCooldown, "no-cooldown", "`wait cooldown` in a state with no cooldown",
      "`wait cooldown` waits out the cooldown of the flow's state, which must be declared.",
      wrong: "flow f for Inactive {\n  wait cooldown\n}",
      corrected: "cooldown Inactive 30d\nflow f for Inactive {\n  wait cooldown\n}"),
    e(
      .noEngagement, "no-engagement", "engagement is used but never declared",
      "`engaged`, `unless engaged`, `after N sends without engagement` and `after 90d idle` all ask whether the contact engaged, which means nothing until an `engagement` declaration lists the events that count. Reported once, at the first use.",
      wrong: "states {\n  initial Active\n  state Inactive\n  Active -> Inactive after 90d idle\n}",
      corrected:
        "engagement email_open, email_click\nstates {\n  initial Active\n  state Inactive\n  Active -> Inactive after 90d idle\n}"
    ),
    e(
      .testMissingValue, "test-missing-value", "a test leaves out a required value",
      "A test's contact must give every attribute the contact schema requires (those without `?`), and each `at` event every field its event declares required, just as a row of data must. Optional attributes and fields that a test leaves out are missing.",
      wrong:
        "test \"t\" {\n  contact { id \"c1\", ltv 600 }\n  at 2026-01-01T10:00 email_open\n  expect state Active\n}",
      corrected:
        "test \"t\" {\n  contact {\n    id \"c1\", ltv 600, orders_90d 3, gender \"f\", email_opt_in true, push_opt_in false,\n    sms_opt_in false, signup 2025-06-01\n  }\n  at 2026-01-01T10:00 email_open\n  expect state Active\n}"
    ),
    e(
      .testWindow, "test-window", "a test's run has no time to run in",
      "A test's run starts at its first `at` event and ends one second after its last, or at `run until`, which must come after every event. A test therefore needs at least one `at` line.",
      wrong:
        "test \"t\" {\n  contact {\n    id \"c1\", ltv 600, orders_90d 3, gender \"f\", email_opt_in true, push_opt_in false,\n    sms_opt_in false, signup 2025-06-01\n  }\n  at 2026-01-01T10:00 email_open\n  run until 2025-12-01\n  expect state Active\n}",
      corrected:
        "test \"t\" {\n  contact {\n    id \"c1\", ltv 600, orders_90d 3, gender \"f\", email_opt_in true, push_opt_in false,\n    sms_opt_in false, signup 2025-06-01\n  }\n  at 2026-01-01T10:00 email_open\n  run until 2026-03-01\n  expect state Active\n}"
    ),
  ]
}
