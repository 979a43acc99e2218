"""Starts the real stack (Rasa 3.6 server, rasa-sdk actions, the API) on free loopback ports.

Used by the integration tests and by the benchmark. It is the default profile of `make run`:
scripts/run_stack.sh, supervisord with deploy/supervisord.conf, which restarts a process that
dies. `pid()` and `kill()` reach one process through supervisorctl.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
STARTUP_TIMEOUT_SECONDS = 300
# the processes of deploy/supervisord.conf
PROGRAMS = ("rasa", "actions", "api:api-0")


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
            # the action server sees an edit approved in the API within seconds, not half a minute
            "POLKUOPAS_CATALOGUE_CHECK_SECONDS": "1",
        }
        self.logs = tmp
        self.env["POLKUOPAS_RUN_DIR"] = str(tmp)
        self.env["POLKUOPAS_HOST"] = "127.0.0.1"
        self.processes: list[subprocess.Popen] = []

    @property
    def programs(self) -> tuple[str, ...]:
        return PROGRAMS

    def start(self, name: str, command: list[str]) -> None:
        log = open(self.logs / f"{name}.log", "w")  # noqa: SIM115  (open while the process runs)
        self.processes.append(
            subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
            )
        )

    # the profile: its start script and supervisord's configuration
    script = "scripts/run_stack.sh"
    configuration = "deploy/supervisord.conf"

    def supervisorctl(self, *args: str) -> str:
        done = subprocess.run(
            [str(ROOT / ".venv/bin/supervisorctl"), "--configuration", str(ROOT / self.configuration), *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=30,
        )
        return done.stdout.strip()

    def pid(self, name: str) -> int:
        """The process id of `rasa`, `actions` or `api` (`rasa:rasa-0` ... in the production
        profile); 0 while it is not running."""
        answer = self.supervisorctl("pid", name)
        return int(answer) if answer.isdigit() else 0

    def running(self) -> dict[str, int]:
        """The process id of each running process of the stack, by its name."""
        pids = {name: self.pid(name) for name in self.programs}
        return {name: pid for name, pid in pids.items() if pid and Path(f"/proc/{pid}").exists()}

    def memory(self) -> dict[str, float]:
        """Resident memory (RSS, MB) of each running process of the stack, by its name."""
        found = {}
        for name, pid in self.running().items():
            status = Path(f"/proc/{pid}/status").read_text()
            rss = next((line for line in status.splitlines() if line.startswith("VmRSS:")), None)
            if rss:
                found[name] = int(rss.split()[1]) / 1024
        return found

    def cpu_seconds(self) -> dict[str, float]:
        """CPU time (user + system, seconds) each running process of the stack has used so far, by its
        name (of PostgreSQL, its postmaster only: each connection has a process of its own)."""
        found = {}
        for name, pid in self.running().items():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()  # proc(5): fields 14, 15
            found[name] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return found

    def kill(self, name: str, sig: signal.Signals = signal.SIGKILL) -> int:
        """Sends `sig` to one process of the stack, as a crash would; gives the process id it had."""
        pid = self.pid(name)
        if not pid:
            raise RuntimeError(f"{name} is not running")
        os.kill(pid, sig)
        return pid

    def create_staff(self, username: str, password: str, area: str | None) -> None:
        """A staff account on the stack's database, made as an area's IT would: `polkuopas staff
        create` (area None: a national admin)."""
        where = ["--area", area] if area else ["--national"]
        done = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "polkuopas"), "staff", "create", username, *where, "--password-stdin"],
            input=password + "\n",
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise RuntimeError(f"polkuopas staff create {username}: {done.stderr}")

    def health(self) -> dict[str, str]:
        """/api/health's answer, or {} while the API does not answer."""
        try:
            answer: dict[str, str] = httpx.get(f"{self.base_url}/api/health", timeout=5).json()
            return answer
        except (httpx.HTTPError, ValueError):
            return {}

    def healthy(self) -> bool:
        return self.health().get("status") == "ok"

    def up(self) -> None:
        self.start("stack", [str(ROOT / self.script)])
        self.wait_healthy(STARTUP_TIMEOUT_SECONDS)

    def wait_healthy(self, timeout: float) -> float:
        """Waits until /api/health says ok; gives the seconds it took."""
        began = time.monotonic()
        while time.monotonic() - began < timeout:
            if any(process.poll() is not None for process in self.processes):
                raise RuntimeError(f"supervisord exited; logs in {self.logs}")
            if self.healthy():
                return time.monotonic() - began
            time.sleep(1)
        raise RuntimeError(f"stack not healthy in {timeout:.0f} s; logs in {self.logs}")

    def down(self) -> None:
        """Stops supervisord, which stops its processes (anything left is killed)."""
        children = [pid for pid in (self.pid(name) for name in self.programs) if pid]
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        for pid in children:
            with contextlib.suppress(OSError):  # already stopped
                os.killpg(pid, signal.SIGKILL)


class ProductionStack(Stack):
    """The production profile (scripts/run_production.sh): its own PostgreSQL and Redis, `rasa_count`
    Rasa servers with their action servers, and two API workers."""

    script = "scripts/run_production.sh"
    configuration = "deploy/supervisord.production.conf"

    def __init__(self, tmp: Path, rasa_count: int = 2):
        super().__init__(tmp)
        self.rasa_count = rasa_count
        # PostgreSQL runs as `postgres`, which cannot enter pytest's private temporary folders
        self.run_dir = Path(tempfile.mkdtemp(prefix="polkuopas-production-"))
        self.run_dir.chmod(0o755)
        rasa_base, actions_base = free_port_range(rasa_count), free_port_range(rasa_count)
        self.rasa_urls = [f"http://127.0.0.1:{rasa_base + n}" for n in range(rasa_count)]
        for name in ("DATABASE_URL", "RASA_TRACKER_DB", "RASA_URL", "ACTION_SERVER_PORT"):
            self.env.pop(name)
        self.env.update(
            {
                "POLKUOPAS_RUN_DIR": str(self.run_dir),
                "POLKUOPAS_RASA_PROCESSES": str(rasa_count),
                "POLKUOPAS_API_WORKERS": "2",
                "RASA_PORT_BASE": str(rasa_base),
                "ACTION_SERVER_PORT_BASE": str(actions_base),
                "RASA_TRACKER_PORT": str(free_port()),
                "REDIS_PORT": str(free_port()),
            }
        )

    @property
    def programs(self) -> tuple[str, ...]:
        numbered = [f"{kind}:{kind}-{n}" for kind in ("rasa", "actions") for n in range(self.rasa_count)]
        workers = [f"api:api-{n}" for n in range(int(self.env["POLKUOPAS_API_WORKERS"]))]
        return (*numbered, *workers, "redis", "postgresql")

    def down(self) -> None:
        super().down()
        shutil.rmtree(self.run_dir, ignore_errors=True)


def free_port_range(count: int) -> int:
    """The first of `count` consecutive free loopback ports."""
    for _ in range(100):
        first = free_port()
        if first + count <= 65535 and all(port_is_free(first + n) for n in range(1, count)):
            return first
    raise RuntimeError(f"no {count} consecutive free ports")


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True
