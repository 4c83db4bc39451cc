"""Erasure: one request's conversations removed with their messages and format errors, leaving no copy."""

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from fern_pipeline.audit import AuditSettings, build_audit
from fern_pipeline.privacy.compact import compact
from fern_pipeline.privacy.mask import Masker
from fern_pipeline.privacy.pseudonym import Pseudonyms
from fern_pipeline.store.connection import LOCK_WAIT, connect_when_free
from fern_pipeline.store.privacy_log import entry, log
from fern_pipeline.store.queries import sql
from fern_pipeline.store.schema import ensure_schema
from fern_pipeline.store.transaction import transaction

#: Hex digits of the keyed hash of an erasure's selector kept in ``privacy_log``.
SELECTOR_DIGITS = 16


@dataclass(frozen=True)
class Selector:
    """What an erasure removes: ``source``'s conversation ``conversation_id``, or every conversation
    (of ``source``, if given) with a message containing ``text``, in clear or as its pseudonym."""

    source: str | None = None
    conversation_id: str | None = None
    text: str | None = None

    def __post_init__(self) -> None:
        if (self.conversation_id is None) == (self.text is None):
            raise ValueError("choose the conversations by a conversation id or by a text, one of the two")
        if self.conversation_id is not None and self.source is None:
            raise ValueError("a conversation id needs its source")
        if self.text is not None and not self.text.strip():
            raise ValueError("the text to erase is empty")

    @property
    def kind(self) -> str:
        return "conversation" if self.conversation_id is not None else "text"

    def hashed(self, pseudonyms: Pseudonyms | None) -> str | None:
        """The selector as ``privacy_log`` keeps it: keyed, so it cannot be found by hashing guesses."""
        if pseudonyms is None:
            return None
        chosen = f"{self.source}/{self.conversation_id}" if self.text is None else self.text.lower()
        return pseudonyms.digest(f"erasure:{self.kind}:{chosen}")[:SELECTOR_DIGITS]


@dataclass(frozen=True)
class Erased:
    """What an erasure removed, by source (conversations, messages, format-error rows), and the file after."""

    removed: dict[str, tuple[int, int, int]]
    bytes_before: int
    bytes_after: int
    report_path: Path | None


def _removed(
    connection: duckdb.DuckDBPyConnection, name: str, parameters: dict[str, str | None] | None = None
) -> Counter[str]:
    """Run the DELETE of ``sql/<name>.sql``, which returns each removed row's source; counted by source."""
    return Counter(source for (source,) in connection.execute(sql(name), parameters or {}).fetchall())


def delete(
    connection: duckdb.DuckDBPyConnection, selector: Selector, pseudonyms: Pseudonyms | None
) -> dict[str, tuple[int, int, int]]:
    """Delete the chosen conversations, their messages and format errors (in the caller's transaction)."""
    clear = None if selector.text is None else selector.text.lower()
    masked = (
        clear
        if pseudonyms is None or selector.text is None
        else Masker(pseudonyms).text(selector.text).lower()
    )
    parameters = {
        "source": selector.source,
        "conversation_id": selector.conversation_id,
        "clear": clear,
        "masked": masked,
    }
    connection.execute(sql("erase_select"), parameters)
    conversations = _removed(connection, "erase_conversations")
    messages = _removed(connection, "erase_messages")
    format_errors = _removed(connection, "erase_format_errors", parameters)
    connection.execute(sql("erase_fetch_messages"), {"clear": clear, "masked": masked})
    sources = sorted({*conversations, *messages, *format_errors})
    return {source: (conversations[source], messages[source], format_errors[source]) for source in sources}


def erase(
    database: Path,
    selector: Selector,
    *,
    pseudonyms: Pseudonyms | None,
    audit: AuditSettings,
    lock_wait: float = LOCK_WAIT,
    on_wait: Callable[[], None] | None = None,
) -> Erased:
    """Erase what ``selector`` chooses from ``database``, rebuild the audit, and rewrite the file.

    Waits for another writer like a load does. The deletion and its ``privacy_log`` row (the
    selector hashed with the pseudonym key, or left out without one) are one transaction; the file
    is then rewritten (see :func:`~fern_pipeline.privacy.compact.compact`) so that no byte of the
    erased rows remains in it.
    """
    before = database.stat().st_size
    with connect_when_free(database, wait=lock_wait, on_wait=on_wait) as connection:
        ensure_schema(connection)
        now = datetime.now(UTC)
        with transaction(connection):
            removed = delete(connection, selector, pseudonyms)
            hashed = selector.hashed(pseudonyms)
            log(
                connection,
                [
                    entry("erasure", source, now, setting=selector.kind, selector=hashed, removed=counts)
                    for source, counts in (removed or {selector.source or "*": (0, 0, 0)}).items()
                ],
            )
        report = build_audit(connection, audit).report_path
        after = compact(connection, database)
    return Erased(removed, before, after, report)
