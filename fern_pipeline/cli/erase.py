"""``fern-pipeline erase``: erase a person's conversations everywhere, then rebuild the audit."""

import json
from pathlib import Path

import click

from fern_pipeline.audit.build import AuditSettings
from fern_pipeline.cli.common import config_option, json_option, run_body, say
from fern_pipeline.cli.warehouse import database_option, lock_wait_option
from fern_pipeline.config import load_config
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms
from fern_pipeline.ingest.received import counted
from fern_pipeline.privacy.erase import Selector, erase


@click.command(name="erase")
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
            on_wait=lambda: say(f"waiting: {what} is in use by another process", err=True),
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
            say(
                f"erased: {name}: {counted(conversations, 'conversation')}, {counted(messages, 'message')}, "
                f"{counted(format_errors, 'format-error row')}"
            )
        if not erased.removed:
            say("erased: nothing matched")
        if erased.bytes_before is not None and erased.bytes_after is not None:
            rewritten = (
                f"rewrote {target} ({erased.bytes_before:,} bytes before, {erased.bytes_after:,} after)"
            )
        else:
            rewritten = f"purged {target}: {counted(erased.files_deleted or 0, 'old data file')} deleted"
        say(f"{rewritten}; audit rebuilt: {erased.report_path}")

    run_body(body)
