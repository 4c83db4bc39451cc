"""What each contender runs in its own fresh process: `python -m benchmarks.contenders NAME URL DATABASE`.

``fern`` is the real command line (`fern-pipeline load`); ``duckdb``, ``dlt``, ``dagster`` (the
source's asset through ``dg.materialize``) and ``inprocess`` (the same load called from Python) are
written here. Every contender starts from the URL, so getting the bytes from the server is measured
for all. ``dagster`` and ``inprocess`` also print the seconds of the call alone, imports excluded, as
the last line of their output: a Dagster code location has imported everything before a run starts.
"""

import json
import os
import shutil
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

#: Statements of the DuckDB baseline, in order, from ``sql/`` beside this module.
BASELINE_STATEMENTS = ("read_document", "insert_conversations", "insert_messages")
SQL = Path(__file__).with_name("sql")
SOURCE = "bench"


def fern_command(url: str, database: Path, max_bytes: int) -> list[str]:
    """The full path as a user runs it: fetch, format check, pandera validation, DuckDB."""
    executable = Path(sys.executable).with_name("fern-pipeline")
    limits = ["--max-bytes", str(max_bytes), "--timeout", "900"]
    return [str(executable), "load", url, "--name", SOURCE, "--database", str(database), "--json", *limits]


def duckdb_baseline(url: str, database: Path, schema: str) -> None:
    """Download the body to a temporary file with the standard library, then let DuckDB read it.

    ``schema`` is the DDL of the ``conversations`` and ``messages`` tables, the same as fern_pipeline's,
    passed in so this process imports nothing but duckdb.
    """
    import duckdb

    with tempfile.TemporaryDirectory() as scratch:
        body = Path(scratch) / "body.json"
        with urllib.request.urlopen(url) as response, body.open("wb") as out:
            shutil.copyfileobj(response, out, 1 << 20)
        with duckdb.connect(str(database)) as connection:
            connection.execute("SET TimeZone = 'UTC'")
            connection.execute(schema)
            connection.begin()
            parameters = {"path": str(body), "maximum_object_size": body.stat().st_size + 1}
            for name in BASELINE_STATEMENTS:
                statement = (SQL / f"{name}.sql").read_text(encoding="utf-8")
                wanted = {key: value for key, value in parameters.items() if f"${key}" in statement}
                if "$source" in statement:
                    wanted["source"] = SOURCE
                connection.execute(statement, wanted)
            connection.commit()


def dlt_rest_api(url: str, database: Path) -> None:
    """dlt's REST API source into DuckDB, with its defaults.

    dlt normalises the document into its own tables, ``conversations`` and ``conversations__messages``.
    """
    os.environ.setdefault("RUNTIME__DLTHUB_TELEMETRY", "false")
    import dlt
    from dlt.sources.rest_api import rest_api_source

    base, _, path = url.rpartition("/")
    source = rest_api_source(
        {
            "client": {"base_url": f"{base}/"},
            "resources": [
                {
                    "name": "conversations",
                    "endpoint": {"path": path, "data_selector": "conversations", "paginator": "single_page"},
                }
            ],
        }
    )
    with tempfile.TemporaryDirectory() as scratch:
        pipeline = dlt.pipeline(
            pipeline_name="bench",
            pipelines_dir=scratch,
            destination=dlt.destinations.duckdb(str(database)),
            dataset_name=SOURCE,
        )
        pipeline.run(source)


def dagster_materialize(url: str, database: Path, max_bytes: int) -> None:
    """The source's asset materialized in process with ``dg.materialize``, as a Dagster user runs it.

    The instance is made before the call is timed, as a deployment's step process has its instance
    before the step runs: making the first one imports Dagster's SQL storage (SQLAlchemy, Alembic),
    0.8 s under cProfile, which is Dagster starting, not what it adds to a load.
    """
    import dagster as dg
    from dagster_duckdb import DuckDBResource

    from fern_pipeline.config import SourceConfig
    from fern_pipeline.defs.sources import build_source_asset

    source = SourceConfig(name=SOURCE, url=url, max_bytes=max_bytes, timeout=900)  # type: ignore[arg-type]
    with dg.DagsterInstance.ephemeral() as instance:
        started = time.perf_counter()
        result = dg.materialize(
            [build_source_asset(source)],
            resources={"duckdb": DuckDBResource(database=str(database))},
            instance=instance,
        )
        print(json.dumps({"call_seconds": time.perf_counter() - started}))
    if not result.success:
        raise SystemExit("the materialization failed")


def in_process_load(url: str, database: Path, max_bytes: int) -> None:
    """The load the asset runs, called directly: what ``dg.materialize`` is compared with."""
    from fern_pipeline.config import SourceConfig
    from fern_pipeline.ingest.prepare import prepare
    from fern_pipeline.store.load import load_into

    source = SourceConfig(name=SOURCE, url=url, max_bytes=max_bytes, timeout=900)  # type: ignore[arg-type]
    started = time.perf_counter()
    load_into(database, prepare(source))
    print(json.dumps({"call_seconds": time.perf_counter() - started}))


def main(arguments: list[str]) -> None:
    name, url, database = arguments[:3]
    if name == "duckdb":
        duckdb_baseline(url, Path(database), Path(arguments[3]).read_text(encoding="utf-8"))
    elif name == "dlt":
        dlt_rest_api(url, Path(database))
    elif name == "dagster":
        dagster_materialize(url, Path(database), int(arguments[3]))
    elif name == "inprocess":
        in_process_load(url, Path(database), int(arguments[3]))
    else:
        raise SystemExit(f"unknown contender {name!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
