"""What the audit's history and weekly series add to the 200,000-conversation audit, in time and memory.

Generates the data of ``audit_scale.py``, audits it as of a week before the newest message and then as
of now (so the second audit matches its topics against the first), and times ``record_history`` (the
weekly series, the history rows, topic matching and article changes) inside each audit.

    .venv/bin/python -m benchmarks.history_budget [--conversations N]
"""

import argparse
import resource
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import duckdb

import fern_pipeline.audit.build as audit_build
from benchmarks import audit_scale
from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.store.schema import ensure_schema


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=200_000)
    count = parser.parse_args().conversations
    spent: list[float] = []
    record = audit_build.record_history

    def timed(*arguments: object, **keywords: object) -> None:
        started = time.perf_counter()
        record(*arguments, **keywords)  # type: ignore[arg-type]
        spent.append(time.perf_counter() - started)

    audit_build.record_history = timed  # type: ignore[assignment]
    with (
        tempfile.TemporaryDirectory() as folder,
        duckdb.connect(str(Path(folder) / "b.duckdb")) as connection,
    ):
        ensure_schema(connection)
        parameters = {
            "questions": audit_scale.QUESTIONS,
            "details": audit_scale.DETAILS,
            "end": audit_scale.END,
            "count": count,
        }
        connection.execute((audit_scale.SQL / "generate_messages.sql").read_text(), parameters)
        connection.execute(
            (audit_scale.SQL / "summarise_conversations.sql").read_text(), {"end": audit_scale.END}
        )
        for weeks in (1, 0):
            started = time.perf_counter()
            settings = AuditSettings(back=timedelta(weeks=weeks), report_path=Path(folder) / "report.html")
            build_audit(connection, settings)
            total = time.perf_counter() - started
            print(
                f"audit {weeks} week(s) back: {total:.1f} s, of which history and weeks {spent[-1]:.2f} s "
                f"({spent[-1] / total:.1%})"
            )
        statuses = connection.execute(
            "SELECT status, count(*) FROM audit_topic_changes GROUP BY 1 ORDER BY 1"
        )
        print("the second audit's topics against the first:", dict(statuses.fetchall()))
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS (generation and both audits): {peak_mib:,.0f} MiB")


if __name__ == "__main__":
    main()
