#!/usr/bin/env python3
"""Interleaved start-up comparison of whole commands (bench/RESULTS.md, "CLI start-up").

Usage: bench/startup-ab.py ROUNDS 'command A' 'command B' ...

Runs one of each command per round, in order, ROUNDS times after two warm-up rounds, with
stdin, stdout and stderr on /dev/null, and prints per command the median and minimum wall time
and the median and minimum user + sys CPU time of the process (from wait4). Interleaving keeps
a neighbour's build from landing on one command only, which hyperfine's consecutive runs allow.
On a shared machine, run it in a session of its own with a boosted autogroup:
  setsid bash -c 'echo -20 > /proc/self/autogroup; exec bench/startup-ab.py 40 "java -version" "./nebula run examples/hello.wasm"'
"""
import os
import shlex
import statistics
import sys
import time


def main():
    rounds = int(sys.argv[1])
    commands = sys.argv[2:]
    argvs = [shlex.split(c) for c in commands]
    samples = [[] for _ in argvs]
    devnull = os.open(os.devnull, os.O_RDWR)
    for r in range(rounds + 2):
        for k, argv in enumerate(argvs):
            start = time.perf_counter()
            pid = os.fork()
            if pid == 0:
                for fd in (0, 1, 2):
                    os.dup2(devnull, fd)
                try:
                    os.execvp(argv[0], argv)
                finally:
                    os._exit(127)
            _, status, usage = os.wait4(pid, 0)
            wall = (time.perf_counter() - start) * 1000
            if os.waitstatus_to_exitcode(status) != 0:
                sys.exit("failed (%s): %s" % (os.waitstatus_to_exitcode(status), commands[k]))
            if r >= 2:
                samples[k].append((wall, (usage.ru_utime + usage.ru_stime) * 1000))
    for command, runs in zip(commands, samples):
        walls = [w for w, _ in runs]
        cpus = [c for _, c in runs]
        print("%-70s wall median %6.1f min %6.1f ms | cpu median %6.1f min %6.1f ms"
              % (command[:70], statistics.median(walls), min(walls), statistics.median(cpus), min(cpus)))


if __name__ == "__main__":
    main()
