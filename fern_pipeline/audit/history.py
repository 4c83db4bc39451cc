"""Every audit kept: its figures and topics appended to history, each topic matched to the audit before."""

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

from fern_pipeline.audit.change import article_changes
from fern_pipeline.audit.help_center import Article
from fern_pipeline.audit.queries import records, run, sql
from fern_pipeline.audit.topics import TopicModel

#: Least cosine similarity of two audits' topic centroids that are the same question. Measured on the
#: demo, audits a week apart (42 topics): the same topic 0.91 to 1.00 (median 0.99); a topic and
#: another of the audit before at most 0.80; two topics of one audit at most 0.75; three paraphrases of
#: a question in English and in German 0.89 (history_test.py).
SAME_TOPIC_FROM = 0.85

LINEAGE = pa.schema(
    [
        ("topic_key", pa.int64()),
        ("topic_id", pa.int64()),
        ("status", pa.string()),
        ("similarity", pa.float64()),
        ("centroid", pa.list_(pa.float32())),
        ("previous_label", pa.string()),
        ("previous_count", pa.int64()),
    ]
)
RUN = pa.schema(
    [
        ("audit_end", pa.timestamp("us", tz="UTC")),
        ("window_start", pa.timestamp("us", tz="UTC")),
        ("previous_end", pa.timestamp("us", tz="UTC")),
    ]
)


def centroids(model: TopicModel | None, topic_ids: Sequence[int]) -> np.ndarray:
    """The unit-length mean of each topic's embedded texts (topic ids count from 1), one row per id."""
    if model is None or not topic_ids:
        return np.zeros((0, 0), dtype=np.float32)
    means = np.stack([model.members(topic_id - 1).mean(axis=0) for topic_id in topic_ids])
    return (means / np.maximum(np.linalg.norm(means, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def match_topics(
    current: np.ndarray, previous: np.ndarray, threshold: float = SAME_TOPIC_FROM
) -> dict[int, tuple[int, float]]:
    """Pairs of (current row → previous row, similarity), most similar first, each row used once, none
    below ``threshold``."""
    if not len(current) or not len(previous):
        return {}
    similarity = current @ previous.T
    pairs: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for flat in np.argsort(-similarity, axis=None, kind="stable"):
        row, column = divmod(int(flat), similarity.shape[1])
        if similarity[row, column] < threshold:
            break
        if row not in pairs and column not in taken:
            pairs[row] = (column, float(similarity[row, column]))
            taken.add(column)
    return pairs


def lineage(
    topic_ids: Sequence[int], vectors: np.ndarray, previous: list[dict[str, Any]], last_key: int
) -> pa.Table:
    """Each current topic's lasting key and status (``kept`` or ``new``), and the previous audit's
    topics that found no match (``gone``)."""
    before = (
        np.array([row["centroid"] for row in previous], dtype=np.float32)
        if previous
        else np.zeros((0, 0), dtype=np.float32)
    )
    pairs = match_topics(vectors, before)
    rows = []
    for row, topic_id in enumerate(topic_ids):
        if row in pairs:
            match, similarity = pairs[row]
            old = previous[match]
            key, status, label, count = old["topic_key"], "kept", old["label"], old["conversation_count"]
        else:
            last_key += 1
            key, status, label, count, similarity = last_key, "new", None, None, None
        rows.append(
            {
                "topic_key": key,
                "topic_id": topic_id,
                "status": status,
                "similarity": similarity,
                "centroid": vectors[row].tolist(),
                "previous_label": label,
                "previous_count": count,
            }
        )
    matched = {match for match, _ in pairs.values()}
    rows += [
        {
            "topic_key": old["topic_key"],
            "topic_id": None,
            "status": "gone",
            "similarity": None,
            "centroid": None,
            "previous_label": old["label"],
            "previous_count": old["conversation_count"],
        }
        for index, old in enumerate(previous)
        if index not in matched
    ]
    return pa.Table.from_pylist(rows, schema=LINEAGE)


def record_history(
    connection: duckdb.DuckDBPyConnection,
    stage: Callable[[str, object], None],
    model: TopicModel | None,
    window: tuple[datetime, datetime],
    articles: Sequence[Article] = (),
) -> None:
    """Write ``audit_topic_weeks``, ``audit_theme_weeks`` and ``audit_article_changes``, and append this
    audit to the history tables (inside the audit's transaction, after the staged topics and themes
    exist); an audit of the same window end replaces its rows."""
    start, end = window
    run(connection, "topic_weeks", window_start=start, window_end=end)
    connection.execute(sql("theme_weeks"))
    connection.execute(sql("history_create"))
    for table in ("summary", "topics", "themes"):
        run(connection, f"history_forget_{table}", audit_end=end)
    [before] = records(connection, "history_previous_end", audit_end=end)
    previous_end = before["previous_end"]
    previous = records(connection, "history_previous", previous_end=previous_end)
    [last] = records(connection, "history_last_key")
    topic_ids = [row["topic_id"] for row in records(connection, "history_current_topics")]
    stage("audit_lineage", lineage(topic_ids, centroids(model, topic_ids), previous, last["last_key"]))
    stage(
        "audit_history_run",
        pa.Table.from_pylist(
            [{"audit_end": end, "window_start": start, "previous_end": previous_end}], schema=RUN
        ),
    )
    stage("audit_article_change_rows", article_changes(connection, articles, start, end))
    connection.execute(sql("history_write"))


def history_line(connection: duckdb.DuckDBPyConnection) -> str:
    """One line on the audits kept and what the latest one found new, kept and gone."""
    try:
        [counts] = records(connection, "history_counts")
    except duckdb.CatalogException:
        return "audit history: none kept yet"
    return (
        f"audit history: {counts['audits']} audits kept; the latest against the one before: "
        f"{counts['new']} new, {counts['kept']} kept and {counts['gone']} gone topics"
    )
