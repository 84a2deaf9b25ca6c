// swift-tools-version: 6.0
// campaignc: a compiler and checker for `.campaign` files.
// The targets mirror the pipeline and depend one way:
//   CampaignLang <- Lexer <- Parser <- Checker <- Evaluator
//   CampaignLang <- DataReader (CSV and JSON Lines data, typed values) <- Evaluator
//   Checker <- Lints (warnings, suppression comments, the worst-case message budget)
//   CampaignLang <- Render (diagnostic renderers)
//   CampaignLang <- Lexer <- Parser <- Formatter (`campaignc fmt`: the canonical layout)
//   campaignc (the command line) sits on top of all of them.
//   FrontEndFuzz (the whole front end on one input) <- campaignc-fuzz (libFuzzer target).
// No package dependencies: Foundation and the toolchain only.
import PackageDescription

let package = Package(
  name: "campaignc",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "campaignc", targets: ["campaignc"]),
    .executable(name: "campaignc-fuzz", targets: ["campaignc-fuzz"]),
  ],
  targets: [
    .target(name: "CampaignLang"),
    .target(name: "Lexer", dependencies: ["CampaignLang"]),
    .target(name: "Parser", dependencies: ["CampaignLang", "Lexer"]),
    .target(name: "Checker", dependencies: ["CampaignLang", "Lexer", "Parser"]),
    .target(name: "DataReader", dependencies: ["CampaignLang"]),
    .target(name: "Evaluator", dependencies: ["CampaignLang", "Checker", "DataReader"]),
    .target(name: "Lints", dependencies: ["CampaignLang", "Lexer", "Checker"]),
    .target(name: "Render", dependencies: ["CampaignLang"]),
    .target(name: "Formatter", dependencies: ["CampaignLang", "Lexer", "Parser"]),
    .target(
      name: "Driver",
      dependencies: [
        "CampaignLang", "Lexer", "Parser", "Checker", "Lints", "Render", "DataReader", "Evaluator", "Formatter",
      ]),
    .executableTarget(name: "campaignc", dependencies: ["Driver"]),
    // The fuzz entry (the whole front end on one input) and its executable: libFuzzer's
    // target when built with `--sanitize fuzzer -Xswiftc -DFUZZING` (scripts/fuzz.sh),
    // otherwise a replayer of saved inputs.
    .target(name: "FrontEndFuzz", dependencies: ["CampaignLang", "Checker", "Lints", "Render", "Formatter"]),
    .executableTarget(name: "campaignc-fuzz", dependencies: ["FrontEndFuzz"]),
    .testTarget(
      name: "CampaignTests",
      dependencies: [
        "CampaignLang", "Lexer", "Parser", "Checker", "Lints", "Render", "Driver", "Evaluator", "DataReader",
        "Formatter", "FrontEndFuzz",
      ],
      // Golden files and fuzz regression inputs are read from the repository by path,
      // not bundled.
      exclude: ["Goldens", "FuzzRegressions"]
    ),
  ]
)
