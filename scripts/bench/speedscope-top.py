#!/usr/bin/env python3
"""Summarizes a dotnet-trace speedscope file: top frames by exclusive and inclusive sample share.

Usage: speedscope-top.py TRACE.speedscope.json [N] [FILTER]
Only the thread profiles whose samples include a frame matching FILTER (default: "Extractor") are counted,
which skips the runtime's idle threads.
"""
import collections
import json
import sys

path = sys.argv[1]
top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
needle = sys.argv[3] if len(sys.argv) > 3 else "Extractor"
data = json.load(open(path))
frames = [f["name"] for f in data["shared"]["frames"]]
exclusive, inclusive, total = collections.Counter(), collections.Counter(), 0
for profile in data["profiles"]:
    if profile.get("type") != "evented":
        continue
    # Rebuild stacks from open/close events; weight each stack by the time until the next event.
    stack, last = [], None
    samples = collections.Counter()
    for ev in profile["events"]:
        if last is not None and stack:
            samples[tuple(stack)] += ev["at"] - last
        last = ev["at"]
        if ev["type"] == "O":
            stack.append(ev["frame"])
        else:
            stack.pop()
    if not any(needle in frames[f] for s in samples for f in s):
        continue
    for s, w in samples.items():
        total += w
        exclusive[frames[s[-1]]] += w
        for name in {frames[f] for f in s}:
            inclusive[name] += w
print(f"total {total:.0f} ms sampled")
print("exclusive:")
for name, w in exclusive.most_common(top):
    print(f"  {w / total:6.1%}  {name[:150]}")
print("inclusive:")
for name, w in inclusive.most_common(top * 2):
    print(f"  {w / total:6.1%}  {name[:150]}")
