#!/usr/bin/env python3
"""Writes awkward but valid CSV and JSON Lines files, for checking DataReader against
Python's csv and json modules (see python-parse.py and DataReaderAgreementTests).

    python3 scripts/gen-awkward-data.py --seed 1 --count 200 --out DIR

writes DIR/csv-0000.csv ... and DIR/jsonl-0000.jsonl ... (COUNT of each). The same
arguments always give the same bytes. Standard library only.

CSV: quoted fields with commas, doubled quotes and line breaks (LF, CRLF, lone CR),
empty fields, leading and trailing spaces, unicode (accents, emoji, CJK, U+2028, NEL),
very long fields, a byte order mark, LF or CRLF (or mixed) row ends, a last row with or
without a line break, blank lines at the very end. Every row has as many fields as the
header, and header names are distinct.

JSON Lines: flat objects with distinct keys; strings with every escape, \\u escapes in
either case, surrogate pairs, raw unicode; numbers of every JSON shape; true, false,
null; spaces and tabs between tokens; blank lines, a byte order mark, CRLF.
"""
import argparse
import os
import random

WORDS = ["alice", "Bob", "crm", "email", "sms", "push", "winback", "42", "-7", "12.50", "2025-07-01T12:34:56Z", "x"]
UNICODE = ["\u00e9", "\u00fc", "\u00df", "\u65e5\u672c", "\U0001F600", "\U0001F44D\U0001F3FD", "\u2028", "\u0085",
           "\u200b", "\ufeff", "\u00a0", "\u0394", "\u05d0", "\x7f"]
AWKWARD = [",", '"', '""', "\n", "\r\n", "\r", " ", "\t", "'", ";", "\\", "#"]


def field_text(rng, long_ok):
    roll = rng.random()
    if roll < 0.12:
        return ""
    if long_ok and roll < 0.14:
        piece = rng.choice(WORDS + UNICODE + AWKWARD)
        return piece * rng.randint(20000, 70000)
    parts = []
    for _ in range(rng.randint(1, 6)):
        pick = rng.random()
        if pick < 0.45:
            parts.append(rng.choice(WORDS))
        elif pick < 0.7:
            parts.append(rng.choice(AWKWARD))
        else:
            parts.append(rng.choice(UNICODE))
    return "".join(parts)


def csv_field(rng, text, single_column):
    must_quote = any(c in text for c in ',"\r\n') or (single_column and text == "")
    if must_quote or rng.random() < 0.15:
        return '"' + text.replace('"', '""') + '"'
    return text


def write_csv(rng, path):
    columns = rng.randint(1, 8)
    names = set()
    header = []
    while len(header) < columns:
        name = field_text(rng, False) or "col"
        if name not in names:
            names.add(name)
            header.append(name)
    long_ok = rng.random() < 0.05
    rows = [[field_text(rng, long_ok) for _ in range(columns)] for _ in range(rng.randint(0, 25))]
    ending = rng.choice(["\n", "\r\n", "mixed"])
    out = "\ufeff" if rng.random() < 0.2 else ""
    lines = [header] + rows
    for index, row in enumerate(lines):
        out += ",".join(csv_field(rng, text, columns == 1) for text in row)
        last = index == len(lines) - 1
        if not last or rng.random() < 0.7:
            out += rng.choice(["\n", "\r\n"]) if ending == "mixed" else ending
            if last and rng.random() < 0.15:
                out += rng.choice(["\n", "\r\n", "\n\n", "\r\n\r\n"])
    with open(path, "wb") as file:
        file.write(out.encode("utf-8"))


SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def json_string(rng, text):
    out = ['"']
    for char in text:
        code = ord(char)
        must_escape = char in '"\\' or code < 0x20
        roll = rng.random()
        if must_escape and char in SHORT_ESCAPES and roll < 0.6:
            out.append(SHORT_ESCAPES[char])
        elif must_escape or roll < 0.2:
            hex_format = "\\u%04x" if rng.random() < 0.5 else "\\u%04X"
            if code >= 0x10000:
                high = 0xD800 + ((code - 0x10000) >> 10)
                low = 0xDC00 + ((code - 0x10000) & 0x3FF)
                out.append(hex_format % high + hex_format % low)
            else:
                out.append(hex_format % code)
        elif char == "/" and roll < 0.5:
            out.append("\\/")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


def json_number(rng):
    text = "-" if rng.random() < 0.3 else ""
    text += "0" if rng.random() < 0.2 else str(rng.randint(1, 9)) + "".join(
        rng.choice("0123456789") for _ in range(rng.choice([0, 1, 3, 10, 25])))
    if rng.random() < 0.4:
        text += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 12)))
    if rng.random() < 0.2:
        text += rng.choice("eE") + rng.choice(["", "+", "-"]) + str(rng.randint(0, 400))
    return text


def json_text(rng):
    pool = WORDS + UNICODE + AWKWARD + ["/", "\x00", "\x01", "\x1f", "\b", "\f", "\U0010FFFF", "\uffff"]
    return "".join(rng.choice(pool) for _ in range(rng.randint(0, 6)))


def space(rng):
    return rng.choice(["", "", "", " ", "  ", "\t", " \t "])


def write_jsonl(rng, path):
    out = "\ufeff" if rng.random() < 0.2 else ""
    newline = "\r\n" if rng.random() < 0.3 else "\n"
    line_count = rng.randint(0, 25)
    for index in range(line_count):
        if rng.random() < 0.1:
            out += rng.choice(["", " ", "\t", "\r"]) + "\n"
        keys = []
        key_count = rng.randint(0, 8)
        while len(keys) < key_count:
            key = json_text(rng)
            if key not in keys:
                keys.append(key)
        members = []
        for key in keys:
            roll = rng.random()
            if roll < 0.45:
                value = json_string(rng, json_text(rng))
            elif roll < 0.8:
                value = json_number(rng)
            else:
                value = rng.choice(["true", "false", "null"])
            members.append(space(rng) + json_string(rng, key) + space(rng) + ":" + space(rng) + value + space(rng))
        out += space(rng) + "{" + ",".join(members) + ("" if members else space(rng)) + "}" + space(rng)
        if index < line_count - 1 or rng.random() < 0.7:
            out += newline
    if rng.random() < 0.1:
        out += newline + newline
    with open(path, "wb") as file:
        file.write(out.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = random.Random(args.seed)
    for index in range(args.count):
        write_csv(rng, os.path.join(args.out, "csv-%04d.csv" % index))
        write_jsonl(rng, os.path.join(args.out, "jsonl-%04d.jsonl" % index))


if __name__ == "__main__":
    main()
