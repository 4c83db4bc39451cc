"""Private PostgreSQL and Redis for tests (Debian's, in temporary folders, on free ports); lakes on them."""

import os
import secrets
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from fern_pipeline.config.lake import LakeConfig

#: Where Debian's postgresql package puts each major version's server binaries.
POSTGRES_BINARIES = Path("/usr/lib/postgresql")
#: The unprivileged account servers run as when the tests run as root (initdb and pg_ctl refuse root).
SERVICE_USER = "nobody"
SERVICE_GROUP = "nogroup"
#: The superuser of the private PostgreSQL cluster.
POSTGRES_USER = "fern"
#: Seconds a server gets to start or stop.
SERVICE_TIMEOUT = 60


def _as_service_user() -> list[str]:
    """The prefix that runs a program unprivileged: ``setpriv`` (which execs it) as root, else none."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", f"--reuid={SERVICE_USER}", f"--regid={SERVICE_GROUP}", "--clear-groups", "--"]


def _service_folder(prefix: str) -> Path:
    """A new folder in the system's temporary directory that the service user owns and may enter."""
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    if os.geteuid() == 0:
        shutil.chown(folder, user=SERVICE_USER)
    return folder


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def postgres_bin(program: str) -> Path:
    """``program`` (initdb, pg_ctl, createdb, psql) of the newest installed PostgreSQL."""
    versions = sorted(POSTGRES_BINARIES.glob("*/bin"), key=lambda path: int(path.parent.name))
    if not versions:
        raise RuntimeError(
            f"PostgreSQL is not installed (no {POSTGRES_BINARIES}/*/bin): apt-get install postgresql"
        )
    return versions[-1] / program


@dataclass(frozen=True)
class Postgres:
    """A running private PostgreSQL: TCP on 127.0.0.1 with a password, a Unix socket without."""

    port: int
    user: str
    password: str
    #: The folder of the cluster's Unix socket (also its data and log).
    folder: Path
    host: str = "127.0.0.1"

    def dsn(self, database: str) -> str:
        """A libpq connection string for ``database`` over TCP, with the password in it."""
        return (
            f"host={self.host} port={self.port} dbname={database} user={self.user} password={self.password}"
        )

    def url(self, database: str) -> str:
        """A ``postgresql://`` URL for ``database`` over TCP, with the password in it."""
        return f"postgresql://{self.user}:{self.password}@{self.host}:{self.port}/{database}"

    def psql(self, sql: str, database: str = "postgres") -> str:
        """Run ``sql`` with psql over the Unix socket; its output, unaligned."""
        return subprocess.run(
            [str(postgres_bin("psql")), "-h", str(self.folder), "-p", str(self.port), "-U", self.user,
             "-d", database, "-v", "ON_ERROR_STOP=1", "-tAc", sql],
            check=True, capture_output=True, text=True, timeout=SERVICE_TIMEOUT,
        ).stdout.strip()  # fmt: skip

    def create_database(self, name: str) -> str:
        """Create the empty database ``name`` (an identifier) and return its name."""
        subprocess.run(
            [str(postgres_bin("createdb")), "-h", str(self.folder), "-p", str(self.port), "-U", self.user,
             name],
            check=True, capture_output=True, timeout=SERVICE_TIMEOUT,
        )  # fmt: skip
        return name


@dataclass(frozen=True)
class Redis:
    """A running private Redis on 127.0.0.1 that keeps nothing on disk."""

    port: int
    host: str = "127.0.0.1"

    def url(self, database: int = 0) -> str:
        """A ``redis://`` URL of database number ``database``."""
        return f"redis://{self.host}:{self.port}/{database}"


@contextmanager
def running_postgres() -> Iterator[Postgres]:
    """A PostgreSQL cluster of its own, unprivileged, in a new temporary folder; stopped and deleted after."""
    folder = _service_folder("fern-postgres-")
    password = secrets.token_urlsafe(18)
    password_file = folder / "password"
    password_file.write_text(password)
    if os.geteuid() == 0:
        shutil.chown(password_file, user=SERVICE_USER)
    data = folder / "data"
    port = free_port()
    subprocess.run(
        [*_as_service_user(), str(postgres_bin("initdb")), "-D", str(data), "-U", POSTGRES_USER,
         f"--pwfile={password_file}", "--auth-host=scram-sha-256", "--auth-local=trust",
         "--encoding=UTF8", "--no-sync"],
        check=True, capture_output=True, timeout=SERVICE_TIMEOUT,
    )  # fmt: skip
    password_file.unlink()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    pg_ctl = [*_as_service_user(), str(postgres_bin("pg_ctl")), "-D", str(data)]
    subprocess.run(
        [*pg_ctl, "-l", str(folder / "server.log"), "-w", "-t", str(SERVICE_TIMEOUT), "-o", options, "start"],
        check=True, capture_output=True, timeout=SERVICE_TIMEOUT,
    )  # fmt: skip
    try:
        yield Postgres(port=port, user=POSTGRES_USER, password=password, folder=folder)
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "-w", "stop"], capture_output=True, timeout=SERVICE_TIMEOUT)
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def running_redis() -> Iterator[Redis]:
    """A Redis server of its own, unprivileged, keeping nothing on disk; stopped after."""
    folder = _service_folder("fern-redis-")
    port = free_port()
    server = subprocess.Popen(
        [*_as_service_user(), "redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(folder), "--loglevel", "notice"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    try:
        assert server.stdout is not None
        # Redis says it is ready on its log; it exits (ending the lines) when it cannot start.
        log = []
        for line in server.stdout:
            log.append(line)
            if "Ready to accept connections" in line:
                break
        else:
            raise RuntimeError("redis-server did not start:\n" + "".join(log))
        # Its later lines are read and dropped, so a full pipe never stops it.
        threading.Thread(target=server.stdout.read, daemon=True).start()
        yield Redis(port=port)
    finally:
        server.terminate()
        server.wait(timeout=SERVICE_TIMEOUT)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[Postgres]:
    """A private PostgreSQL for the test session (see :func:`running_postgres`)."""
    with running_postgres() as server:
        yield server


@pytest.fixture(scope="session")
def redis() -> Iterator[Redis]:
    """A private Redis for the test session (see :func:`running_redis`)."""
    with running_redis() as server:
        yield server


#: The environment variable the test lakes' password template reads.
LAKE_PASSWORD_ENV = "FERN_TEST_LAKE_PASSWORD"


@pytest.fixture
def lake(postgres: Postgres, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> LakeConfig:
    """A new, empty DuckLake: a catalog database of its own on the private PostgreSQL, data under tmp_path.

    Its password is a ``{{ env.NAME }}`` template, set in the environment for the test.
    """
    database = postgres.create_database(f"lake_{uuid.uuid4().hex[:16]}")
    monkeypatch.setenv(LAKE_PASSWORD_ENV, postgres.password)
    return LakeConfig(
        catalog=f"host={postgres.host} port={postgres.port} dbname={database} user={postgres.user}",
        password="{{ env." + LAKE_PASSWORD_ENV + " }}",
        data_path=str(tmp_path / "lake"),
    )
