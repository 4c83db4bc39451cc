"""``fern-pipeline load``: fetch one source, check and validate it, and load it into the warehouse."""

import json
import sys
import time
from pathlib import Path

import click

from fern_pipeline.cli.common import (
    config_option,
    error_lines,
    json_option,
    jsonable,
    max_bytes_option,
    run_body,
    say,
    source_of,
    source_option,
    timeout_option,
    url_argument,
)
from fern_pipeline.cli.warehouse import database_option, lock_wait_option
from fern_pipeline.config import load_config
from fern_pipeline.ingest.limits import ProgressCallback
from fern_pipeline.ingest.received import Received, receive

#: Bodies smaller than this load without a progress line.
PROGRESS_FROM_BYTES = 4 * 1024 * 1024


def _progress() -> ProgressCallback | None:
    """A progress line on a terminal for large bodies; nothing when output is piped."""
    if not sys.stderr.isatty():
        return None
    shown = 0.0

    def show(received: int, total: int | None) -> None:
        nonlocal shown
        if received < PROGRESS_FROM_BYTES or time.monotonic() - shown < 0.2:
            return
        shown = time.monotonic()
        of = f" of {total / 1e6:.1f}" if total else ""
        click.echo(f"\rfetching: {received / 1e6:.1f}{of} MB", err=True, nl=False)

    return show


@click.command()
@url_argument
@click.option("--name", metavar="NAME", help="Source name for a URL given on the command line.")
@source_option
@config_option
@database_option
@lock_wait_option
@click.option("--start-date", metavar="VALUE", help="Incremental sources: fetch from this start instead.")
@click.option("--full-refresh", is_flag=True, help="Incremental sources: fetch from the initial start.")
@json_option
@timeout_option
@max_bytes_option
def load(
    url: str | None,
    name: str | None,
    configured: str | None,
    config: Path | None,
    database: Path | None,
    lock_wait: float,
    start_date: str | None,
    full_refresh: bool,
    as_json: bool,
    timeout: float | None,
    max_bytes: int | None,
) -> None:
    """Fetch one source and load it into DuckDB (exit 0 when loaded, fully or in part; 1 when not)."""

    def body() -> None:
        if url is not None and name is None:
            raise click.UsageError("a URL needs --name NAME, the source name to store it under")
        source = source_of(url, name, configured, config).with_limits(timeout=timeout, max_bytes=max_bytes)
        project = load_config(config)
        target = database or project.warehouse

        def waiting() -> None:
            what = f"the database {target}" if isinstance(target, Path) else str(target)
            say(f"waiting: {what} is in use by another process", err=True)

        # The warehouse's side (DuckDB, pandas, pandera, Arrow: 125 MiB resident once imported) is
        # imported after the body is fetched and split, unless an incremental start must be read first:
        # while msgspec splits a body its pages are resident (400 MB at 1M messages): with those
        # libraries imported first, the load's peak RSS at 1M messages was 566 MiB, imported after the
        # split 455 MiB (the two commands run alternately, README "Performance").
        start = start_date
        if start is None and source.incremental is not None:
            from fern_pipeline.cli.stored import start_of_next_fetch

            start = start_of_next_fetch(
                target, source, full_refresh=full_refresh, lock_wait=lock_wait, on_wait=waiting
            )
        received = receive(
            Received, source, start_date=start, on_progress=_progress() if not as_json else None
        )
        from fern_pipeline.cli.stored import store

        row, prepared = store(target, received, project, lock_wait=lock_wait, on_wait=waiting)
        if as_json:
            click.echo(json.dumps({key: jsonable(value) for key, value in row.items()}, ensure_ascii=False))
        else:
            if sys.stderr.isatty():
                click.echo("\r\033[K", err=True, nl=False)
            if row["status"] == "failed":
                say(f"error: {row['category']}: {prepared.message} (fetch {row['fetch_id']})")
            else:
                say(f"{row['status']}: loaded {prepared.message} into {target} (fetch {row['fetch_id']})")
            for line in error_lines(prepared.errors):
                say(line)
        sys.exit(1 if row["status"] == "failed" else 0)

    run_body(body)
