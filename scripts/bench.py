"""`make bench`: training time, model load time, /api/chat latency and memory of each process.

Prints a Markdown table to paste into docs/performance.md. Nothing here is
asserted: the numbers depend on the machine.
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.livestack import Stack  # noqa: E402

MESSAGES = [
    "/greet",
    "mikä on työkokeilu?",
    "työhönvalmennusta Kuopiossa",
    "kuinka paljon palkkatukea voi saada",
    "mitä sä osaat",
    "haluan puhua ihmiselle",
    "millainen sää on huomenna",
    "kiitos",
]
ROUNDS = 25


def time_training() -> float:
    """A cold training: its own output folder and an empty Rasa cache."""
    import os

    with tempfile.TemporaryDirectory() as out:
        env = {**os.environ, "RASA_CACHE_DIRECTORY": str(Path(out) / "cache")}
        start = time.monotonic()
        subprocess.run(
            [
                str(ROOT / "scripts/rasa.sh"),
                "train",
                "--quiet",
                "--config",
                str(ROOT / "config.yml"),
                "--domain",
                str(ROOT / "domain.yml"),
                "--data",
                str(ROOT / "bot/data"),
                "--out",
                out,
            ],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        return time.monotonic() - start


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    import httpx

    training = time_training() if "--skip-training" not in sys.argv else float("nan")
    with tempfile.TemporaryDirectory() as tmp:
        stack = Stack(Path(tmp))
        start = time.monotonic()
        stack.up()
        startup = time.monotonic() - start
        client = httpx.Client(base_url=stack.base_url, timeout=60)
        latencies: list[float] = []
        for _ in range(ROUNDS):
            session_id = None
            for message in MESSAGES:
                body = {"message": message, **({"session_id": session_id} if session_id else {})}
                began = time.perf_counter()
                response = client.post("/api/chat", json=body)
                latencies.append((time.perf_counter() - began) * 1000)
                session_id = response.json()["session_id"]
        memory = stack.memory()
        stack.down()
    print(
        f"Machine: {platform.node()}, {platform.processor() or platform.machine()}, "
        f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores, "
        f"Python {platform.python_version()}; date {time.strftime('%Y-%m-%d')}\n"
    )
    print("| measure | value |\n| --- | --- |")
    print(f"| training (rasa train, NLU + core) | {training:.0f} s |")
    print(f"| stack start until /api/health ok (model load) | {startup:.0f} s |")
    print(f"| /api/chat p50, {len(latencies)} sequential messages | {statistics.median(latencies):.0f} ms |")
    print(f"| /api/chat p95 | {percentile(latencies, 0.95):.0f} ms |")
    for name, value in memory.items():
        print(f"| memory (RSS) of {name} | {value:.0f} MB |")


if __name__ == "__main__":
    main()
