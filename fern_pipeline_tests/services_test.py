"""The private servers the tests start: unprivileged, on their own ports, PostgreSQL wanting its password."""

import os
import subprocess

from fern_pipeline_tests.services import Postgres, Redis, postgres_bin


def _user_of(pid: str) -> str:
    return subprocess.run(["ps", "-o", "user=", "-p", pid], capture_output=True, text=True, check=True).stdout


def _psql_over_tcp(postgres: Postgres, password: str) -> subprocess.CompletedProcess[str]:
    command = [str(postgres_bin("psql")), "-h", postgres.host, "-p", str(postgres.port), "-U", postgres.user]
    return subprocess.run(
        [*command, "-d", "postgres", "-tAc", "SELECT current_user"],
        capture_output=True,
        text=True,
        env={**os.environ, "PGPASSWORD": password},
        check=False,
    )


def test_postgres_runs_unprivileged_and_wants_its_password_over_tcp(postgres: Postgres) -> None:
    assert postgres.psql("SELECT current_setting('port')") == str(postgres.port)
    pid = (postgres.folder / "data" / "postmaster.pid").read_text().splitlines()[0]
    assert _user_of(pid).strip() not in ("", "root")
    refused = _psql_over_tcp(postgres, postgres.password + "x")
    assert refused.returncode != 0 and "password authentication failed" in refused.stderr
    assert _psql_over_tcp(postgres, postgres.password).stdout.strip() == postgres.user
    postgres.create_database("services_test")
    assert "services_test" in postgres.psql("SELECT datname FROM pg_database").splitlines()


def test_redis_runs_unprivileged_and_answers(redis: Redis) -> None:
    command = ["redis-cli", "-h", redis.host, "-p", str(redis.port)]
    pong = subprocess.run([*command, "PING"], capture_output=True, text=True, check=True).stdout
    assert pong.strip() == "PONG"
    info = subprocess.run([*command, "INFO", "server"], capture_output=True, text=True, check=True).stdout
    [pid] = [line.split(":")[1].strip() for line in info.splitlines() if line.startswith("process_id:")]
    assert _user_of(pid).strip() not in ("", "root")
