import Checker
import Evaluator
import Foundation
import Testing

/// Compiles `campaign` (which must check clean) and loads the data, for engine tests.
func loadData(
  _ campaign: String, contacts: String, events: String, from: Int64? = nil, to: Int64? = nil,
  skipBadRows: Bool = false, eventsFile: String = "events.csv", contactsFile: String = "contacts.csv",
  keptText: Set<Int>? = nil
) throws -> (CheckedCampaign, DataSet) {
  let compilation = compile(campaign)
  let program = try #require(compilation.program, "campaign has errors: \(codes(compilation))")
  var request = LoadRequest(
    contactsFile: contactsFile, contactsBytes: Array(contacts.utf8), eventsFile: eventsFile,
    eventsBytes: Array(events.utf8), from: from, to: to, skipBadRows: skipBadRows)
  request.keptText = keptText
  return (program, try DataLoader.load(program, request))
}

/// Runs a whole simulation and returns the report and every contact's result.
func simulate(
  _ campaign: String, contacts: String, events: String, from: Int64? = nil, to: Int64? = nil
) throws -> (SimulationReport, [Simulation.ContactResult]) {
  let (program, data) = try loadData(campaign, contacts: contacts, events: events, from: from, to: to)
  let simulation = Simulation(campaign: program, data: data)
  var results: [Simulation.ContactResult] = []
  let report = simulation.run(perContact: { results.append($0) })
  return (report, results)
}

/// Seconds since 1970 of an ISO timestamp with a zone.
func instant(_ text: String) -> Int64 {
  let formatter = ISO8601DateFormatter()
  return Int64(formatter.date(from: text)!.timeIntervalSince1970)
}

/// A small campaign over the bench generator's columns.
let engineCampaign = """
  campaign "Engine" {
    owner "crm@example.com"
    timezone "UTC"
  }
  contact {
    contact_id string key
    email string pii
    tier enum(bronze, silver, gold)
    email_opt_in bool
    consent_until date?
    timezone string
  }
  event open { channel string }
  event click { channel string }
  event purchase { amount decimal }
  event unsubscribe
  consent email when email_opt_in and (consent_until ?? 2999-01-01) >= today
  engagement open, click, purchase
  score heat {
    open +5
    click +10
    purchase +25
    decay half-life 30d
    cap 100
  }
  states {
    initial active
    state engaged, lapsed
    final gone
    any -> gone on unsubscribe
    active -> engaged when heat >= 20
    engaged -> active when heat < 20
    active -> lapsed after 30d idle
    lapsed -> active on click
  }

  """
