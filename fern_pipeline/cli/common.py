"""What the commands share: their options, the source they work on, and plain output safe for a terminal."""

import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from fern_pipeline.config import SourceConfig, adhoc_source, load_config
from fern_pipeline.errors import ConfigError, DatabaseBusy, FormatError, LakeUnavailable

#: How many format errors the plain output lists before summarising the rest.
SHOWN_ERRORS = 20


def source_of(url: str | None, name: str | None, configured: str | None, config: Path | None) -> SourceConfig:
    """The source a command works on: a configured one, or an ad-hoc URL."""
    if (url is None) == (configured is None):
        raise click.UsageError("give either a URL or --source NAME")
    if configured is not None:
        return load_config(config).source(configured)
    try:
        return adhoc_source(url, name or "adhoc")  # type: ignore[arg-type]
    except ConfigError as error:
        raise click.UsageError(str(error)) from None


def error_lines(errors: Sequence[FormatError]) -> list[str]:
    lines = [f"  {error.path or '/'}: {error.code}: {error.message}" for error in errors[:SHOWN_ERRORS]]
    if len(errors) > SHOWN_ERRORS:
        lines.append(f"  … and {len(errors) - SHOWN_ERRORS} more")
    return lines


def printable(text: str) -> str:
    """``text`` with every character a terminal could act on (controls, bidi overrides) escaped.

    Messages quote what servers send (a Content-Type, a redirect's Location); none of it may move
    the cursor, recolour or reorder what the user reads.
    """
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode() for char in text)


def say(text: str, *, err: bool = False) -> None:
    """Print one line of plain output, made safe for a terminal."""
    click.echo(printable(text), err=err)


def jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


def run_body(command: Callable[[], None]) -> None:
    """Run a command body: a configuration mistake is a usage error (exit 2), a busy database a failure."""
    try:
        command()
    except ConfigError as error:
        say(f"error: configuration: {error}", err=True)
        sys.exit(2)
    except (DatabaseBusy, LakeUnavailable) as unavailable:
        say(f"error: {unavailable.category}: {unavailable}")
        sys.exit(1)


url_argument = click.argument("url", required=False)
source_option = click.option("--source", "configured", metavar="NAME", help="A source from the config file.")
config_option = click.option(
    "--config", type=click.Path(path_type=Path, dir_okay=False), help="Sources file (else the usual search)."
)
json_option = click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
timeout_option = click.option("--timeout", type=click.FloatRange(min=0, min_open=True), help="Seconds.")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), help="Largest body accepted.")
