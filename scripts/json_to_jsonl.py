#!/usr/bin/env python3
"""Turns a timeline in JSON (as `examples/gen --format json` writes it) into JSON Lines: one
event object per line, compact, in file order. Streams: memory stays small whatever the size
of the input (the 1M-event JSON is ~2.4 GB).

    scripts/json_to_jsonl.py big.json > big.jsonl

It relies on one thing about the layout: the `events` array is the last top-level key (the
generator writes it last); the events themselves are parsed as JSON, not by their layout.
Standard library only.
"""

import json
import sys

CHUNK = 1 << 20


def main(argv):
    if len(argv) != 2:
        print("usage: json_to_jsonl.py FILE.json > FILE.jsonl", file=sys.stderr)
        return 2
    decoder = json.JSONDecoder()
    out = sys.stdout
    count = 0
    with open(argv[1], encoding="utf-8") as f:
        buf = ""
        # Find the start of the top-level `events` array.
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                print("json_to_jsonl: no `\"events\": [` in the input", file=sys.stderr)
                return 1
            buf += chunk
            at = buf.find('\n    "events": [')
            if at >= 0:
                buf = buf[at + len('\n    "events": [') :]
                break
            buf = buf[-64:]
        pos = 0
        eof = False
        while True:
            # Skip whitespace and the comma between events.
            while True:
                while pos < len(buf) and buf[pos] in " \t\r\n,":
                    pos += 1
                if pos < len(buf) or eof:
                    break
                buf, pos = f.read(CHUNK), 0
                eof = not buf
            if pos >= len(buf):
                print("json_to_jsonl: the input ends inside `events`", file=sys.stderr)
                return 1
            if buf[pos] == "]":
                break
            try:
                obj, end = decoder.raw_decode(buf, pos)
            except json.JSONDecodeError:
                # Most likely the event runs past the buffer: read more and try again.
                if eof:
                    raise
                more = f.read(CHUNK)
                eof = not more
                buf, pos = buf[pos:] + more, 0
                continue
            out.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
            out.write("\n")
            count += 1
            pos = end
    print(f"json_to_jsonl: {count} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
