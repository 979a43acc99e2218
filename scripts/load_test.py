"""`make load`: the load and soak tests with locust, headless, against a stack on loopback.

    .venv/bin/python scripts/load_test.py --users 50 --minutes 3
    .venv/bin/python scripts/load_test.py --production --users 200 --minutes 3
    .venv/bin/python scripts/load_test.py --users 50 --minutes 30        # the soak test

Starts the default profile (or the production one) on free loopback ports (tests/livestack.py),
runs bench/locustfile.py's simulated users against it, and prints a Markdown table to paste into
docs/performance.md: messages a second, latency percentiles, failures (lost turns), the memory
of each process at the start and the end, each process's CPU time a message and how busy the
machine's CPU was. Nothing is asserted: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import csv
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.livestack import ProductionStack, Stack  # noqa: E402


def machine_cpu() -> tuple[int, int]:
    """All and idle CPU time of the machine so far, in clock ticks (proc(5), /proc/stat)."""
    fields = [int(value) for value in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return sum(fields), fields[3] + fields[4]  # idle + iowait


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--spawn-rate", type=float, default=5.0, help="users started a second")
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--production", action="store_true", help="the production profile (2 Rasa, 2 API workers)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        stack = ProductionStack(Path(tmp)) if args.production else Stack(Path(tmp))
        began = time.monotonic()
        stack.up()
        startup = time.monotonic() - began
        before, cpu_before, machine_before = stack.memory(), stack.cpu_seconds(), machine_cpu()
        prefix = Path(tmp) / "locust"
        try:
            subprocess.run(
                [
                    str(ROOT / ".venv/bin/locust"),
                    "-f",
                    str(ROOT / "bench/locustfile.py"),
                    "--headless",
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    str(args.spawn_rate),
                    "--run-time",
                    f"{int(args.minutes * 60)}s",
                    "--host",
                    stack.base_url,
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                check=False,
            )
            after, cpu_after, machine_after = stack.memory(), stack.cpu_seconds(), machine_cpu()
        finally:
            stack.down()
        with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
            total = next(row for row in csv.DictReader(stats) if row["Name"] == "Aggregated")
        with open(f"{prefix}_failures.csv", encoding="utf-8") as failed:
            failures = list(csv.DictReader(failed))
    profile = "production (2 Rasa, 2 API workers)" if args.production else "default"
    print(
        f"\nMachine: {platform.node()}, {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} "
        f"cores; date {time.strftime('%Y-%m-%d %H:%M')}; profile {profile}; {args.users} users, "
        f"{args.minutes:g} min, 0.5–2 s between messages\n"
    )
    print("| measure | value |\n| --- | --- |")
    print(f"| start until healthy | {startup:.0f} s |")
    print(f"| messages answered | {total['Request Count']} |")
    print(f"| messages a second | {float(total['Requests/s']):.1f} |")
    print(f"| failures (lost turns) | {total['Failure Count']} |")
    for label, key in (("p50", "50%"), ("p95", "95%"), ("p99", "99%"), ("max", "100%")):
        print(f"| /api/chat {label} | {total[key]} ms |")
    for name in after:
        print(f"| RSS of {name}, start → end | {before.get(name, float('nan')):.0f} → {after[name]:.0f} MB |")
    print(f"| RSS of the stack, start → end | {sum(before.values()):.0f} → {sum(after.values()):.0f} MB |")
    messages = int(total["Request Count"]) or 1
    for name in cpu_after:
        used = cpu_after[name] - cpu_before.get(name, 0.0)
        print(f"| CPU of {name} a message | {used / messages * 1000:.1f} ms |")
    busy = 1 - (machine_after[1] - machine_before[1]) / max(1, machine_after[0] - machine_before[0])
    print(f"| the machine's CPU busy (all processes, locust too) | {busy:.0%} |")
    for failure in failures:
        print(f"\nFailure ×{failure['Occurrences']}: {failure['Error']}")


if __name__ == "__main__":
    main()
