#!/usr/bin/env python3
"""Writes awkward but valid CSV files and what Python's csv module reads from them.

Seeded and deterministic. For each case i it writes DIR/case-i.csv and DIR/case-i.json,
the rows as Python's csv.reader returns them (blank lines, which csv.reader gives as
empty rows, are left out: campaignc skips them). Used by DataReaderTests to check the
hand-written reader against an independent one.

    python3 scripts/csv-oracle.py --seed 1 --count 200 --out DIR
"""
import argparse
import csv
import io
import json
import os
import random

PIECES = ["a", "b", "plain", "12.50", "2026-06-30T00:00:00Z", "", " ", "é", "日本", "😀", ",", "\"", "\n", "\r\n",
          "x,y", "say \"hi\"", "tab\there", "  padded  ", "c0000001", "true", "-3"]


def field(rng):
    if rng.random() < 0.02:
        return "long" * rng.randrange(1000, 5000)
    return "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 4)))


def write_field(rng, value):
    needs = any(c in value for c in ",\"\r\n") or rng.random() < 0.2
    if not needs:
        return value
    return "\"" + value.replace("\"", "\"\"") + "\""


def make_case(rng):
    columns = rng.randrange(1, 7)
    rows = [[field(rng) for _ in range(columns)] for _ in range(rng.randrange(1, 30))]
    ending = rng.choice(["\n", "\r\n"])
    text = ""
    for row in rows:
        # A single empty unquoted field would be a blank line: quote it.
        cells = [write_field(rng, v) for v in row]
        if columns == 1 and cells[0] == "":
            cells[0] = "\"\""
        text += ",".join(cells) + ending
    if rng.random() < 0.3:
        text = text[: -len(ending)]  # no line break after the last row
    if rng.random() < 0.1:
        text += ending * rng.randrange(1, 3)  # blank lines at the end
    data = text.encode("utf-8")
    if rng.random() < 0.2:
        data = b"\xef\xbb\xbf" + data
    return data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.count):
        data = make_case(rng)
        with open(os.path.join(args.out, f"case-{i}.csv"), "wb") as f:
            f.write(data)
        text = data.decode("utf-8-sig")
        rows = [row for row in csv.reader(io.StringIO(text, newline=""), strict=True) if row != []]
        with open(os.path.join(args.out, f"case-{i}.json"), "w", encoding="utf-8") as f:
            json.dump(rows, f, ensure_ascii=False)


if __name__ == "__main__":
    main()
