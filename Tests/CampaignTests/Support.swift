import CampaignLang
import Checker
import Driver
import Foundation
import Lints
import Parser

/// A file system in memory, for running the driver in tests.
struct MemoryFileSystem: FileSystem {
  var files: [String: [UInt8]]

  init(_ files: [String: String]) {
    self.files = files.mapValues { Array($0.utf8) }
  }

  init(bytes: [String: [UInt8]]) { self.files = bytes }

  func read(_ path: String) -> [UInt8]? { files[normalize(path)] }
  func isDirectory(_ path: String) -> Bool {
    let prefix = normalize(path) + "/"
    return files.keys.contains { $0.hasPrefix(prefix) }
  }
  func exists(_ path: String) -> Bool { files[normalize(path)] != nil || isDirectory(path) }
  func files(under directory: String, suffix: String) -> [String] {
    let prefix = normalize(directory) + "/"
    return files.keys.filter { $0.hasPrefix(prefix) && $0.hasSuffix(suffix) }.sorted()
  }
  func resolved(_ path: String) -> String { "/" + normalize(path) }
  func write(_ path: String, _ bytes: [UInt8]) -> String? { "the in-memory file system is read-only" }

  func normalize(_ path: String) -> String {
    var parts: [String] = []
    for part in path.split(separator: "/") {
      if part == "." { continue }
      if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
      parts.append(String(part))
    }
    return parts.joined(separator: "/")
  }
}

/// Runs `campaignc ARGS` in-process and returns (exit code, stdout, stderr).
func runDriver(_ arguments: [String], files: MemoryFileSystem) -> (Int32, String, String) {
  let output = BufferOutput()
  let status = Driver(fileSystem: files, output: output).run(arguments)
  return (status, output.standardOutput, output.standardError)
}

/// Compiles a single in-memory campaign.
func compile(_ text: String, imports: [String: String] = [:]) -> Compilation {
  Compiler.compile(entryPath: "main.campaign", bytes: Array(text.utf8)) { path in
    imports[path].map { Array($0.utf8) }
  }
}

/// The codes of a compilation's diagnostics, in display order.
func codes(_ compilation: Compilation) -> [String] {
  Diagnostic.sortedForDisplay(compilation.diagnostics).map(\.code.rawValue)
}

/// The codes of a compilation's diagnostics and, when it checked clean, of what the
/// lint pass finds (warnings, suppressions, budgets), as `campaignc check` reports them.
func checkCodes(_ compilation: Compilation) -> [String] {
  Diagnostic.sortedForDisplay(compilation.diagnostics + (Linter.lint(compilation)?.diagnostics ?? [])).map(
    \.code.rawValue)
}

/// The text each diagnostic underlines.
func underlined(_ compilation: Compilation) -> [String] {
  Diagnostic.sortedForDisplay(compilation.diagnostics).map { compilation.sources[$0.range.file].text($0.range) }
}

/// The repository root (this file is Tests/CampaignTests/Support.swift).
let repositoryRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

/// A minimal valid campaign; tests append or replace lines to provoke one error.
/// The required attributes of `minimalCampaign`'s contact besides `id` and `ltv`, for test blocks.
let testContact = "orders_90d 3, gender \"f\", email_opt_in true, signup 2025-06-01"

let minimalCampaign = """
  campaign "T" {
    owner "crm@example.com"
  }
  contact {
    id string key
    ltv decimal
    orders_90d int
    last_login timestamp?
    gender string restricted
    email_opt_in bool
    signup date
  }
  event email_open
  event email_click { url string }
  event page_visit { intent enum(low, high) }
  consent email when email_opt_in
  consent push when email_opt_in
  consent in_app when email_opt_in
  score engagement {
    email_open +5
    email_click +10
    page_visit +15 where intent == high
    cap 100
  }
  states {
    initial Active
    state Engaged
    Active -> Engaged when engagement >= 20
  }

  """
