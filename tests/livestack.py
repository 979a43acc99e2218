"""Starts the real stack (Rasa 3.6 server, rasa-sdk actions, the API) on free loopback ports.

Used by the integration tests and by the benchmark. The commands are the same
as in the Procfile that `make run` uses.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_SECONDS = 300


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Stack:
    def __init__(self, tmp: Path):
        self.rasa_port, self.actions_port, self.api_port = free_port(), free_port(), free_port()
        self.base_url = f"http://127.0.0.1:{self.api_port}"
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{tmp / 'polkuopas.db'}",
            "RASA_TRACKER_DB": str(tmp / "rasa_tracker.db"),
            "RASA_URL": f"http://127.0.0.1:{self.rasa_port}",
            "ACTION_SERVER_PORT": str(self.actions_port),
            "POLKUOPAS_PORT": str(self.api_port),
            "RASA_TELEMETRY_ENABLED": "false",
            # not the default 30, so the tests see the configured period reach the user
            "POLKUOPAS_RETENTION_DAYS": "21",
            # the tests click through whole interviews in seconds, from one address
            "POLKUOPAS_CHAT_PER_MINUTE_CLIENT": "100000",
            "POLKUOPAS_CHAT_PER_MINUTE_SESSION": "100000",
            "POLKUOPAS_API_PER_MINUTE_CLIENT": "100000",
        }
        self.logs = tmp
        self.processes: list[subprocess.Popen] = []

    def start(self, name: str, command: list[str]) -> None:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115  (open while the process runs)
        self.processes.append(
            subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        )

    def up(self) -> None:
        self.start(
            "actions",
            [
                "env",
                "SANIC_HOST=127.0.0.1",
                str(ROOT / ".venv/bin/python"),
                "-m",
                "rasa_sdk",
                "--actions",
                "bot.actions",
                "--port",
                str(self.actions_port),
            ],
        )
        self.start("rasa", [str(ROOT / "scripts/run_rasa.sh")])
        self.start(
            "api",
            [
                str(ROOT / ".venv/bin/uvicorn"),
                "api.main:app",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.api_port),
                "--no-access-log",
            ],
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"a process exited early; logs in {self.logs}")
            try:
                health = httpx.get(f"{self.base_url}/api/health", timeout=5).json()
                if health["status"] == "ok":
                    return
            except (httpx.HTTPError, ValueError, KeyError):
                pass
            time.sleep(2)
        raise RuntimeError(f"stack not healthy in {STARTUP_TIMEOUT_SECONDS} s; logs in {self.logs}")

    def down(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
