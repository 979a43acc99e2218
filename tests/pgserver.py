"""A throwaway PostgreSQL server for the tests: Debian's binaries, a data folder under the test's
temporary folder, loopback only, trust authentication, stopped and removed at the end.

PostgreSQL refuses to run as root; as root the server runs as Debian's `postgres` user.
`scripts/run_tests.sh` installs the Debian package `postgresql` when it is missing.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from tests.livestack import free_port

STARTUP_TIMEOUT_SECONDS = 60
SUPERUSER = "polkuopas"


def postgres_bin_dir() -> Path | None:
    """The newest installed PostgreSQL's bin folder (Debian keeps them per major version)."""
    found = []
    for path in Path("/usr/lib/postgresql").glob("*/bin"):
        if (path / "postgres").exists() and path.parent.name.isdigit():
            found.append((int(path.parent.name), path))
    return max(found)[1] if found else None


class PostgresServer:
    """Its own folder under the system's temporary folder (pytest's is private to root)."""

    def __init__(self):
        bin_dir = postgres_bin_dir()
        if bin_dir is None:
            raise RuntimeError(
                "PostgreSQL is not installed (Debian package postgresql); scripts/run_tests.sh installs it"
            )
        self.bin_dir = bin_dir
        self.folder = Path(tempfile.mkdtemp(prefix="polkuopas-pg-"))
        self.data = self.folder / "data"
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self._user: dict = {}
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
            self._user = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}

    def up(self) -> None:
        subprocess.run(
            [
                str(self.bin_dir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            ],
            check=True,
            capture_output=True,
            cwd=self.folder,
            **self._user,
        )
        with open(self.folder / "postgres.log", "w") as log:
            self.process = subprocess.Popen(
                [
                    str(self.bin_dir / "postgres"),
                    "-D",
                    str(self.data),
                    "-p",
                    str(self.port),
                    "-h",
                    "127.0.0.1",
                    "-k",
                    str(self.folder),
                    # a test database: speed over durability
                    "-c",
                    "fsync=off",
                    "-c",
                    "synchronous_commit=off",
                    "-c",
                    "full_page_writes=off",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.folder,
                start_new_session=True,
                **self._user,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"PostgreSQL exited at start (code {self.process.returncode})")
            try:
                engine = sa.create_engine(self.url("postgres"))
                with engine.connect():
                    engine.dispose()
                    return
            except sa.exc.OperationalError:
                time.sleep(0.2)
        raise RuntimeError(f"PostgreSQL did not accept connections in {STARTUP_TIMEOUT_SECONDS} s")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database on this server; returns its URL."""
        if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", name):
            raise ValueError(f"not a plain database name: {name!r}")
        engine = sa.create_engine(self.url("postgres"), isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.exec_driver_sql(f"CREATE DATABASE {name}")
        engine.dispose()
        return self.url(name)

    def down(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)  # PostgreSQL's fast shutdown
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
