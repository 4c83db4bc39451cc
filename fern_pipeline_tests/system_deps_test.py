"""`.ci/system-deps`, run by `make test` first: installs Chromium, PostgreSQL and Redis, or says what to do.

The script runs with a PATH of fakes only: ``id`` (root or not), ``apt-get`` (recording its arguments,
and "installing" into the folders the probes are pointed at) and, where present, ``redis-server``.
"""

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / ".ci" / "system-deps"
BASH = shutil.which("bash") or "/bin/bash"
PACKAGES = ["chromium", "postgresql", "redis-server"]
CHROMIUM_WHY = "chromium renders the audit report and the Dagster UI in the browser tests"
POSTGRES_WHY = "postgresql serves the DuckLake and deployment tests"
REDIS_WHY = "redis-server is the Celery executor tests' broker"


@dataclass(frozen=True)
class Machine:
    """A pretend machine: where the script looks for each package, and what apt-get was asked."""

    root: Path

    @property
    def bin(self) -> Path:
        return self.root / "bin"

    @property
    def chromium(self) -> Path:
        return self.root / "chromium"

    @property
    def postgres(self) -> Path:
        return self.root / "postgresql"

    @property
    def apt_log(self) -> Path:
        return self.root / "apt-get.log"

    def program(self, name: str, body: str) -> None:
        """Put an executable shell script ``name`` on the machine's PATH."""
        path = self.bin / name
        path.write_text(f"#!/bin/sh\n{body}\n")
        path.chmod(0o755)

    def install(self, *packages: str) -> None:
        """Put ``packages`` where the script looks for them."""
        found = {
            "chromium": self.chromium,
            "postgresql": self.postgres / "16" / "bin" / "initdb",
            "redis-server": self.bin / "redis-server",
        }
        for package in packages:
            found[package].parent.mkdir(parents=True, exist_ok=True)
            found[package].write_text("#!/bin/sh\n")
            found[package].chmod(0o755)

    def run(self) -> subprocess.CompletedProcess[str]:
        env = {"PATH": str(self.bin), "CHROMIUM": str(self.chromium), "POSTGRES_BINARIES": str(self.postgres)}
        return subprocess.run(
            [BASH, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60, check=False
        )

    def apt_calls(self) -> list[str]:
        return self.apt_log.read_text().splitlines() if self.apt_log.exists() else []


@pytest.fixture
def machine(tmp_path: Path) -> Machine:
    """Root, with apt-get, and none of the packages; apt-get installs whatever it is asked for."""
    made = Machine(tmp_path)
    made.bin.mkdir()
    made.program("id", "echo 0")
    made.program(
        "apt-get",
        f'echo "$*" >> {made.apt_log}\nPATH=/usr/bin:/bin\n'
        f'[ "$1" = install ] && for p in "$@"; do case "$p" in\n'
        f"  chromium) printf '' > {made.chromium}; chmod +x {made.chromium} ;;\n"
        f"  postgresql) mkdir -p {made.postgres}/16/bin; printf '' > {made.postgres}/16/bin/initdb ;;\n"
        f"  redis-server) printf '' > {made.bin}/redis-server; chmod +x {made.bin}/redis-server ;;\n"
        "esac; done; true",
    )
    return made


def test_with_every_package_present_it_does_nothing(machine: Machine) -> None:
    machine.install(*PACKAGES)
    done = machine.run()
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert machine.apt_calls() == []


def test_as_root_with_apt_get_it_installs_only_what_is_missing(machine: Machine) -> None:
    machine.install("postgresql")
    done = machine.run()
    assert done.returncode == 0, done.stderr
    assert machine.apt_calls() == ["update", "install -y chromium redis-server"]
    assert done.stdout.startswith("make test: installing chromium redis-server from Debian's packages: ")


def test_a_package_still_missing_after_apt_get_is_a_failure(machine: Machine) -> None:
    machine.program("apt-get", f'echo "$*" >> {machine.apt_log}')
    done = machine.run()
    assert done.returncode == 1
    assert done.stderr == (
        "make test: chromium postgresql redis-server still missing after apt-get install: "
        f"{CHROMIUM_WHY}; {POSTGRES_WHY}; {REDIS_WHY}\n"
    )


def test_not_root_it_stops_with_one_line_naming_the_packages_and_why(machine: Machine) -> None:
    machine.program("id", "echo 1000")
    machine.install("chromium")
    done = machine.run()
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "make test: install postgresql redis-server first (as root: apt-get install postgresql "
        f"redis-server): {POSTGRES_WHY}; {REDIS_WHY}\n"
    )
    assert machine.apt_calls() == []


def test_without_apt_get_it_stops_with_one_line(machine: Machine) -> None:
    (machine.bin / "apt-get").unlink()
    machine.install("postgresql", "redis-server")
    done = machine.run()
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"make test: install chromium first (as root: apt-get install chromium): {CHROMIUM_WHY}"
    ]


def test_make_test_runs_it_before_anything_else() -> None:
    """Before the virtualenv is built or a test runs (``make -n`` prints the commands, running none)."""
    planned = subprocess.run(
        ["make", "-n", "test"], cwd=SCRIPT.parents[1], capture_output=True, text=True, timeout=60, check=True
    ).stdout.splitlines()
    assert planned[0] == ".ci/system-deps"
    assert planned[-1].startswith("FERN_REQUIRE_SYSTEM_TESTS=1 ")
