"""``fern-pipeline check``: fetch an endpoint and check its format; imports no warehouse, pandas or Arrow."""

import json
import sys
from pathlib import Path

import click

from fern_pipeline.cli.common import (
    config_option,
    error_lines,
    json_option,
    max_bytes_option,
    run_body,
    say,
    source_of,
    source_option,
    timeout_option,
    url_argument,
)
from fern_pipeline.config import load_config
from fern_pipeline.ingest.endpoint_check import check_endpoint
from fern_pipeline.ingest.masking.settings import privacy_settings


@click.command()
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
        source = source_of(url, None, configured, config).with_limits(timeout=timeout, max_bytes=max_bytes)
        checked = check_endpoint(source, privacy=privacy_settings(load_config(config), source.name))
        if as_json:
            click.echo(json.dumps(checked.as_json(), ensure_ascii=False))
        else:
            say(checked.first_line)
            for line in error_lines(checked.errors):
                say(line)
        sys.exit(0 if checked.ok else 1)

    run_body(body)
