"""Start-up and end-to-end cost of the commands users run in shell loops.

Reported as ratios against `python -c pass` timed in the same run (machines here are noisy:
absolute seconds mean little, ratios a lot). Usage: python bench/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
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


def timed(cmd: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    base = timed(CASES["python -c pass"], args.runs)
    print(f"{'case':40} {'median s':>9} {'x python -c pass':>17}")
    for name, cmd in CASES.items():
        t = base if cmd is CASES["python -c pass"] else timed(cmd, args.runs)
        print(f"{name:40} {t:9.3f} {t / base:17.1f}")


if __name__ == "__main__":
    main()
