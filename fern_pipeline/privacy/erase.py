"""Erasure: one request's conversations removed with their messages and format errors, leaving no copy."""

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.forget import forget_in_history
from fern_pipeline.config import Warehouse
from fern_pipeline.ingest.masking.detect import DEFAULT_REGIONS
from fern_pipeline.ingest.masking.mask import Masker
from fern_pipeline.ingest.masking.pseudonym import Pseudonyms
from fern_pipeline.privacy.compact import compact
from fern_pipeline.store.connection import LOCK_WAIT, connect
from fern_pipeline.store.lake import committed, purge_deleted
from fern_pipeline.store.privacy_log import entry, log
from fern_pipeline.store.queries import sql
from fern_pipeline.store.schema import ensure_schema
from fern_pipeline.store.transaction import transaction

#: Hex digits of the keyed hash of an erasure's selector kept in ``privacy_log``.
SELECTOR_DIGITS = 16
#: Shortest part of an erased text looked for as a quote cut short: shorter parts are too common.
MIN_CUT = 10


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
    """What an erasure removed, by source (conversations, messages, format-error rows), and after it:
    the DuckDB file's size before and after its rewrite, or the lake's data files deleted."""

    removed: dict[str, tuple[int, int, int]]
    bytes_before: int | None
    bytes_after: int | None
    files_deleted: int | None
    report_path: Path | None


def delete(
    connection: duckdb.DuckDBPyConnection,
    selector: Selector,
    pseudonyms: Pseudonyms | None,
    phone_regions: tuple[str, ...] = DEFAULT_REGIONS,
) -> dict[str, tuple[int, int, int]]:
    """Delete the chosen conversations, their messages and format errors, and blank the audit history's
    labels quoting them (in the caller's transaction).

    A text is looked for in clear, masked, with an ``@`` percent-encoded (``%40``, as a URL carries an
    address), and in messages as a quote cut short (see :func:`cut_quotes`);
    a conversation id as sent and masked (masking at load masks ids too), with the load's
    ``phone_regions``.
    """
    mask = (lambda text: text) if pseudonyms is None else Masker(pseudonyms, phone_regions).text
    clear = None if selector.text is None else selector.text.lower()
    masked = None if selector.text is None else mask(selector.text).lower()
    conversation_id = selector.conversation_id
    parameters = {
        "source": selector.source,
        "conversation_id": conversation_id,
        "masked_id": None if conversation_id is None else mask(conversation_id),
        "clear": clear,
        "masked": masked,
        "encoded": None if clear is None or "@" not in clear else clear.replace("@", "%40"),
        "cut": sorted({*cut_quotes(clear), *cut_quotes(masked)}),
    }
    connection.execute(sql("erase_select"), {key: value for key, value in parameters.items() if key != "cut"})
    connection.execute(sql("erase_select_format_errors"), parameters)
    forget_in_history(connection)
    removed = {
        source: (conversations, messages, format_errors)
        for source, conversations, messages, format_errors in connection.execute(
            sql("erase_counts")
        ).fetchall()
    }
    for table in ("conversations", "messages", "format_errors"):
        connection.execute(sql(f"erase_{table}"))
    connection.execute(
        sql("erase_fetch_messages"), {key: parameters[key] for key in ("clear", "masked", "encoded", "cut")}
    )
    return removed


def cut_quotes(text: str | None) -> list[str]:
    """How an error message holds ``text`` quoted but cut short: each prefix of :data:`MIN_CUT` characters
    or more that is not ``text`` whole, then the closing quote (earlier versions cut before masking)."""
    if text is None:
        return []
    return [text[:end] + quote for end in range(MIN_CUT, len(text)) for quote in ("'", '"')]


def _delete_and_log(
    connection: duckdb.DuckDBPyConnection,
    selector: Selector,
    pseudonyms: Pseudonyms | None,
    phone_regions: tuple[str, ...],
) -> dict[str, tuple[int, int, int]]:
    """:func:`delete` and its ``privacy_log`` rows in one transaction; the rows removed, by source."""
    now = datetime.now(UTC)
    with transaction(connection):
        removed = delete(connection, selector, pseudonyms, phone_regions)
        hashed = selector.hashed(pseudonyms)
        log(
            connection,
            [
                entry("erasure", source, now, setting=selector.kind, selector=hashed, removed=counts)
                for source, counts in (removed or {selector.source or "*": (0, 0, 0)}).items()
            ],
        )
    return removed


def erase(
    warehouse: Warehouse,
    selector: Selector,
    *,
    pseudonyms: Pseudonyms | None,
    audit: AuditSettings,
    phone_regions: tuple[str, ...] = DEFAULT_REGIONS,
    lock_wait: float = LOCK_WAIT,
    on_wait: Callable[[], None] | None = None,
) -> Erased:
    """Erase what ``selector`` chooses from ``warehouse``, rebuild the audit, and leave no copy behind.

    Opens the warehouse like a load does (waiting for another writer of the file; on a lake, a
    commit that conflicts with another writer's is retried, calling ``on_wait``). The deletion and
    its ``privacy_log`` row (the selector hashed with the pseudonym key, or left out without one)
    are one transaction. The audit and its report are rebuilt for this warehouse: a DuckDB file's
    report beside it, whatever database ``audit`` was configured for. Then a DuckDB file is rewritten (see
    :func:`~fern_pipeline.privacy.compact.compact`) so that no byte of the erased rows remains in
    it; on a lake the data files with deleted rows are rewritten and the older snapshots expired
    with their files (see :func:`~fern_pipeline.store.lake.purge_deleted`).
    """
    before = warehouse.stat().st_size if isinstance(warehouse, Path) else None
    if isinstance(warehouse, Path) and audit.report_path is not None:
        audit = replace(audit, report_path=warehouse.parent / audit.report_path.name)
    with connect(warehouse, wait=lock_wait, on_wait=on_wait) as connection:
        ensure_schema(connection)
        removed = committed(
            connection,
            lambda: _delete_and_log(connection, selector, pseudonyms, phone_regions),
            what="the erasure",
            on_retry=on_wait,
        )
        report = build_audit(connection, audit).report_path
        if isinstance(warehouse, Path):
            return Erased(removed, before, compact(connection, warehouse), None, report)
        deleted = purge_deleted(connection, on_retry=on_wait)
        return Erased(removed, None, None, len(deleted), report)
