#!/usr/bin/env python3
"""Rewrites a `campaignc simulate --format csv` report of examples/bench/winback-journey.campaign
in the canonical form of ../shared/bench/WORKLOAD.md ("winback-journey", Output), so it can be
compared byte for byte with ../shared/bench/oracle/journey-*.txt.

    python3 scripts/journey-canonical.py REPORT.csv > journey.txt

Every figure is read from the report's own tables: final_states, sends (flows email_1 and
email_2), audiences (ads), transitions (into reactivated), counters (cycle) and months.
"""
import sys

STATES = ("ads_audience", "ads_cooldown", "awaiting_email1", "awaiting_email2", "never_triggered",
          "opted_out", "reactivated", "suppressed")


def tables(text):
    """{name: [row dicts]} from the report's `# name` blocks."""
    result = {}
    for block in text.strip("\n").split("\n\n"):
        lines = block.split("\n")
        name, header = lines[0][2:], lines[1].split(",")
        result[name] = [dict(zip(header, line.split(","))) for line in lines[2:]]
    return result


def main(path):
    t = tables(open(path, encoding="utf-8").read())
    finals = {row["state"]: int(row["contacts"]) for row in t["final_states"]}
    sends = {}
    for row in t["sends"]:
        sends[row["flow"]] = sends.get(row["flow"], 0) + int(row["sends"])
    moves = {row["audience"]: int(row["moves"]) for row in t["audiences"]}
    reactivations = sum(int(row["count"]) for row in t["transitions"] if row["to"] == "reactivated")
    cycles = {int(row["value"]): int(row["contacts"]) for row in t["counters"] if row["counter"] == "cycle"}
    out = ["final_state,contacts"]
    out += [f"{state},{finals.get(state, 0)}" for state in STATES]
    out += [f"total,{finals['total']}", "", "metric,value"]
    out += [f"email1_sent,{sends.get('email_1', 0)}", f"email2_sent,{sends.get('email_2', 0)}",
            f"moved_to_ads,{moves.get('ads', 0)}", f"reactivations,{reactivations}"]
    out += [f"contacts_with_{n}_cycles,{cycles.get(n, 0)}" for n in range(3)]
    out += ["", "month,email1_sent,email2_sent,moved_to_ads"]
    for row in t["months"]:
        out.append(",".join([row["month"], row.get("email_1_step1_sends", "0"),
                             row.get("email_2_step1_sends", "0"), row.get("moved_to_ads", "0")]))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
