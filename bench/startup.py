"""Start-up time and peak memory of the commands users run in shell loops.

Reported as ratios against `python -c pass` measured in the same run (machines here are noisy:
absolute numbers mean little, ratios a lot). Usage: python bench/startup.py [--runs N]
Peak memory is the child's maximum resident set size (Linux: ru_maxrss in KiB).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time

CASES = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "coopfinder --help": [sys.executable, "-m", "coopfinder", "--help"],
    "route DE FR evidence (json)": [sys.executable, "-m", "coopfinder", "route", "DE", "FR", "-m", "evidence", "-f", "json"],
    "route US GB evidence cyber (table)": [sys.executable, "-m", "coopfinder", "route", "US", "GB", "-m", "evidence", "-c", "cyber"],
    "validate": [sys.executable, "-m", "coopfinder", "validate"],
}


def measured(cmd: list[str], runs: int) -> tuple[float, int]:
    """(median seconds, peak RSS in KiB) over `runs` runs."""
    samples, peak = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        samples.append(time.perf_counter() - start)
        peak = max(peak, usage.ru_maxrss)
    return statistics.median(samples), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    base, base_mem = measured(CASES["python -c pass"], args.runs)
    print(f"{'case':40} {'median s':>9} {'x time':>7} {'peak MiB':>9} {'x memory':>9}")
    for name, cmd in CASES.items():
        t, mem = (base, base_mem) if cmd is CASES["python -c pass"] else measured(cmd, args.runs)
        print(f"{name:40} {t:9.3f} {t / base:7.1f} {mem / 1024:9.1f} {mem / base_mem:9.1f}")


if __name__ == "__main__":
    main()
