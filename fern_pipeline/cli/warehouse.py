"""The options of the commands that write the warehouse: which database, and how long to wait for it."""

from pathlib import Path

import click

from fern_pipeline.errors import LOCK_WAIT

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
