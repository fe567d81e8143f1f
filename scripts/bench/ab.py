#!/usr/bin/env python3
"""Interleaved timing of several commands (issue 33): each round runs every command once, in turn, so that a busy
spell of a shared machine hits them alike. Prints, per command, the median wall time from spawn to exit, the median
CPU time (user + system, from the kernel's accounting of the child), the median page faults and the largest peak RSS.

Commands start through posix_spawn (vfork, no copy of this interpreter), so the harness adds about 2 ms, the cost of
starting /bin/true here; scripts/bench/ab.sh, a bash loop, adds 5 ms.

Usage: scripts/bench/ab.py ROUNDS 'COMMAND A' 'COMMAND B' ...   (each command one shell-quoted string)
   or: scripts/bench/ab.py --tsv ROUNDS ...   (one line per command: label, wall, p25, p75, cpu, faults, peak kB)
"""
import os
import shlex
import statistics
import sys
import time


def run_once(argv, devnull):
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ,
                          file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter() - start) * 1000
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"ab.py: '{shlex.join(argv)}' exited {os.waitstatus_to_exitcode(status)}")
    return wall, (usage.ru_utime + usage.ru_stime) * 1000, usage.ru_minflt, usage.ru_maxrss


def main(args):
    tsv = args[:1] == ["--tsv"]
    if tsv:
        args = args[1:]
    if len(args) < 2 or not args[0].isdigit():
        raise SystemExit(__doc__)
    rounds, commands = int(args[0]), [shlex.split(c) for c in args[1:]]
    samples = [[] for _ in commands]
    devnull = os.open(os.devnull, os.O_WRONLY)
    for _ in range(rounds):
        for k, argv in enumerate(commands):
            samples[k].append(run_once(argv, devnull))
    for argv, runs in zip(commands, samples):
        wall = sorted(r[0] for r in runs)
        quartile = lambda q: wall[round(q * (len(wall) - 1))]
        cpu = statistics.median(r[1] for r in runs)
        faults = statistics.median(r[2] for r in runs)
        peak = max(r[3] for r in runs)
        label = shlex.join(argv)
        if tsv:
            print(f"{label}\t{statistics.median(wall):.1f}\t{quartile(.25):.1f}\t{quartile(.75):.1f}\t{cpu:.1f}\t{faults:.0f}\t{peak}")
        else:
            print(f"{label[:72]:72s} wall {statistics.median(wall):6.1f} ms (p25 {quartile(.25):.1f}, p75 {quartile(.75):.1f})"
                  f"  cpu {cpu:6.1f} ms  faults {faults:5.0f}  peak {peak / 1024:.0f} MB")


if __name__ == "__main__":
    main(sys.argv[1:])
