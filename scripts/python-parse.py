#!/usr/bin/env python3
"""Parses CSV or JSON Lines files with Python's own csv and json modules and prints one
canonical JSON line per file, for comparing DataReader with an independent reader.

    python3 scripts/python-parse.py csv FILE...
    python3 scripts/python-parse.py jsonl FILE...

Each output line is the file's name, a tab, then `json.dumps(rows)` (ASCII only):
- csv: a list of records (the header first), each a list of field strings. The file is
  read as UTF-8 with an optional byte order mark; blank lines at the very end are dropped.
- jsonl: a list of objects, each a list of [key, value] pairs in the order written, where
  value is ["s", text], ["n", number as written], ["b", true or false] or null. Lines of
  only spaces, tabs and carriage returns are skipped.
A file that Python cannot parse prints `ERROR <message>` after the tab.
Standard library only.
"""
import csv
import json
import os
import sys


def read_csv(path):
    csv.field_size_limit(sys.maxsize)
    with open(path, newline="", encoding="utf-8-sig") as file:
        rows = list(csv.reader(file, strict=True))
    while rows and rows[-1] == []:
        rows.pop()
    return rows


def pairs(items):
    result = []
    for key, value in items:
        if isinstance(value, tuple):
            value = ["n", value[1]]
        elif isinstance(value, bool):
            value = ["b", value]
        elif isinstance(value, str):
            value = ["s", value]
        elif value is not None:
            raise ValueError("nested value for key %r" % key)
        result.append([key, value])
    return result


def read_jsonl(path):
    with open(path, "rb") as file:
        data = file.read()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    objects = []
    for line in data.split(b"\n"):
        if line.strip(b" \t\r") == b"":
            continue
        value = json.loads(
            line.decode("utf-8"),
            object_pairs_hook=pairs,
            parse_int=lambda text: ("n", text),
            parse_float=lambda text: ("n", text),
            parse_constant=lambda text: ("n", text),
        )
        if not isinstance(value, list):
            raise ValueError("not an object")
        objects.append(value)
    return objects


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("csv", "jsonl"):
        sys.exit("usage: python-parse.py csv|jsonl FILE...")
    reader = read_csv if sys.argv[1] == "csv" else read_jsonl
    out = sys.stdout
    for path in sys.argv[2:]:
        try:
            text = json.dumps(reader(path), ensure_ascii=True)
        except (ValueError, csv.Error, UnicodeDecodeError) as error:
            text = "ERROR " + str(error).replace("\n", " ")
        out.write(os.path.basename(path) + "\t" + text + "\n")


if __name__ == "__main__":
    main()
