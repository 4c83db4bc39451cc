"""The ``fern-pipeline`` command: ``check`` an endpoint, ``load`` a source, ``erase`` conversations."""

import json
import os
import sys
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from fern_pipeline.config import SourceConfig, adhoc_source, load_config
from fern_pipeline.errors import ConfigError, DatabaseBusy, FormatError
from fern_pipeline.ingest import ProgressCallback, counted, prepare
from fern_pipeline.ingest.endpoint_check import check_endpoint
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms
from fern_pipeline.ingest.masking.settings import privacy_settings
from fern_pipeline.store.connection import LOCK_WAIT
from fern_pipeline.store.cursor import start_of_next_fetch
from fern_pipeline.store.lake import LakeUnavailable
from fern_pipeline.store.load import load_into

#: How many format errors the plain output lists before summarising the rest.
SHOWN_ERRORS = 20
#: Bodies smaller than this load without a progress line.
PROGRESS_FROM_BYTES = 4 * 1024 * 1024


def _source(url: str | None, name: str | None, configured: str | None, config: Path | None) -> SourceConfig:
    """The source a command works on: a configured one, or an ad-hoc URL."""
    if (url is None) == (configured is None):
        raise click.UsageError("give either a URL or --source NAME")
    if configured is not None:
        return load_config(config).source(configured)
    try:
        return adhoc_source(url, name or "adhoc")  # type: ignore[arg-type]
    except ConfigError as error:
        raise click.UsageError(str(error)) from None


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


def _error_lines(errors: Sequence[FormatError]) -> list[str]:
    lines = [f"  {error.path or '/'}: {error.code}: {error.message}" for error in errors[:SHOWN_ERRORS]]
    if len(errors) > SHOWN_ERRORS:
        lines.append(f"  … and {len(errors) - SHOWN_ERRORS} more")
    return lines


def _printable(text: str) -> str:
    """``text`` with every character a terminal could act on (controls, bidi overrides) escaped.

    Messages quote what servers send (a Content-Type, a redirect's Location); none of it may move
    the cursor, recolour or reorder what the user reads.
    """
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode() for char in text)


def _say(text: str, *, err: bool = False) -> None:
    """Print one line of plain output, made safe for a terminal."""
    click.echo(_printable(text), err=err)


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def _run(command: Any) -> None:
    """Run a command body: a configuration mistake is a usage error (exit 2), a busy database a failure."""
    try:
        command()
    except ConfigError as error:
        _say(f"error: configuration: {error}", err=True)
        sys.exit(2)
    except (DatabaseBusy, LakeUnavailable) as unavailable:
        _say(f"error: {unavailable.category}: {unavailable}")
        sys.exit(1)


url_argument = click.argument("url", required=False)
source_option = click.option("--source", "configured", metavar="NAME", help="A source from the config file.")
config_option = click.option(
    "--config", type=click.Path(path_type=Path, dir_okay=False), help="Sources file (else the usual search)."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
timeout_option = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), help="Seconds.")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), help="Largest body accepted.")
database_option = click.option(
    "--database", type=click.Path(path_type=Path, dir_okay=False), help="DuckDB file."
)
lock_wait_option = click.option(
    "--lock-wait",
    type=click.FloatRange(min=0),
    default=LOCK_WAIT,
    show_default=True,
    help="Seconds to wait while another process writes the database.",
)


@click.group()
@click.version_option(package_name="fern_pipeline")
def main() -> None:
    """Load support conversations from custom support endpoints into DuckDB."""


@main.command()
@url_argument
@source_option
@config_option
@json_option
@timeout_option
@max_bytes_option
def check(
    url: str | None,
    configured: str | None,
    config: Path | None,
    as_json: bool,
    timeout: float | None,
    max_bytes: int | None,
) -> None:
    """Fetch an endpoint and check its format, writing nothing (exit 0 when valid, 1 when not)."""

    def body() -> None:
        source = _source(url, None, configured, config).with_limits(timeout=timeout, max_bytes=max_bytes)
        checked = check_endpoint(source, privacy=privacy_settings(load_config(config), source.name))
        if as_json:
            click.echo(json.dumps(checked.as_json(), ensure_ascii=False))
        else:
            _say(checked.first_line)
            for line in _error_lines(checked.errors):
                _say(line)
        sys.exit(0 if checked.ok else 1)

    _run(body)


@main.command()
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
        source = _source(url, name, configured, config).with_limits(timeout=timeout, max_bytes=max_bytes)
        project = load_config(config)
        target = database or project.warehouse

        def waiting() -> None:
            what = f"the database {target}" if isinstance(target, Path) else str(target)
            _say(f"waiting: {what} is in use by another process", err=True)

        start = start_of_next_fetch(
            target,
            source,
            start_date=start_date,
            full_refresh=full_refresh,
            lock_wait=lock_wait,
            on_wait=waiting,
        )
        prepared = prepare(
            source,
            start_date=start,
            on_progress=_progress() if not as_json else None,
            privacy=privacy_settings(project, source.name),
        )
        row = load_into(target, prepared, lock_wait=lock_wait, on_wait=waiting)
        if as_json:
            click.echo(json.dumps({key: _jsonable(value) for key, value in row.items()}, ensure_ascii=False))
        else:
            if sys.stderr.isatty():
                click.echo("\r\033[K", err=True, nl=False)
            if row["status"] == "failed":
                _say(f"error: {row['category']}: {prepared.message} (fetch {row['fetch_id']})")
            else:
                _say(f"{row['status']}: loaded {prepared.message} into {target} (fetch {row['fetch_id']})")
            for line in _error_lines(prepared.errors):
                _say(line)
        sys.exit(1 if row["status"] == "failed" else 0)

    _run(body)


@main.command(name="erase")
@click.option(
    "--source", "source", metavar="NAME", help="The source of --conversation (or to search with --text)."
)
@click.option("--conversation", metavar="ID", help="The id of the conversation to erase.")
@click.option("--text", metavar="TEXT", help="Erase every conversation with a message containing this text.")
@config_option
@database_option
@lock_wait_option
@json_option
def erase_command(
    source: str | None,
    conversation: str | None,
    text: str | None,
    config: Path | None,
    database: Path | None,
    lock_wait: float,
    as_json: bool,
) -> None:
    """Erase a person's conversations with their messages and format errors, leaving no copy behind.

    The text is matched in clear and, where masking is on, through its pseudonym. The audit is
    rebuilt and the database file rewritten (on a lake: its old snapshots expired, their files deleted).
    """

    # Only erase rebuilds the audit: its libraries (scikit-learn, the sentence encoder) take 1.6 s to
    # import, which check and load, run on every schedule, do not pay.
    from fern_pipeline.audit import AuditSettings
    from fern_pipeline.privacy.erase import Selector, erase

    def body() -> None:
        try:
            selector = Selector(source=source, conversation_id=conversation, text=text)
        except ValueError as error:
            raise click.UsageError(str(error)) from None
        project = load_config(config)
        target = database or project.warehouse
        if isinstance(target, Path) and not target.is_file():
            raise click.UsageError(f"there is no database at {target}")
        what = f"the database {target}" if isinstance(target, Path) else str(target)
        key = project.pseudonym_key()
        erased = erase(
            target,
            selector,
            pseudonyms=None if key is None else Pseudonyms(key),
            audit=AuditSettings.from_config(project),
            phone_regions=project.privacy.phone_regions,
            lock_wait=lock_wait,
            on_wait=lambda: _say(f"waiting: {what} is in use by another process", err=True),
        )
        if as_json:
            removed = {
                name: dict(zip(("conversations", "messages", "format_errors"), counts, strict=True))
                for name, counts in erased.removed.items()
            }
            click.echo(
                json.dumps(
                    {
                        "removed": removed,
                        "bytes_before": erased.bytes_before,
                        "bytes_after": erased.bytes_after,
                        "files_deleted": erased.files_deleted,
                        "report_path": str(erased.report_path),
                    }
                )
            )
            return
        for name, (conversations, messages, format_errors) in erased.removed.items():
            _say(
                f"erased: {name}: {counted(conversations, 'conversation')}, {counted(messages, 'message')}, "
                f"{counted(format_errors, 'format-error row')}"
            )
        if not erased.removed:
            _say("erased: nothing matched")
        if erased.bytes_before is not None and erased.bytes_after is not None:
            rewritten = (
                f"rewrote {target} ({erased.bytes_before:,} bytes before, {erased.bytes_after:,} after)"
            )
        else:
            rewritten = f"purged {target}: {counted(erased.files_deleted or 0, 'old data file')} deleted"
        _say(f"{rewritten}; audit rebuilt: {erased.report_path}")

    _run(body)


def run() -> None:
    """The ``fern-pipeline`` command: :func:`main`, then an exit without tearing the interpreter down.

    Once the output is flushed nothing is left to do (the database is closed, the fetched bodies are
    unlinked temporary files), but freeing pandas, Arrow, DuckDB and a load's objects one by one took
    0.3 s of a 2.5 s load of 200,000 messages.
    """
    try:
        main()
    except SystemExit as exit:
        code = exit.code
    else:
        code = 0
    if not isinstance(code, int):
        if code is not None:
            click.echo(code, err=True)
        code = 0 if code is None else 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    run()
