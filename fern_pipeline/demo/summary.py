"""Say where the results are: each configured source's latest fetch, the DuckDB file, the audits kept and
the audit report."""

import duckdb

from fern_pipeline.audit.build import REPORT_FILE
from fern_pipeline.audit.history import history_line
from fern_pipeline.config import load_config
from fern_pipeline.store.queries import records


def main() -> None:
    """Print one line per source (its latest fetch's status and message), the database and the report."""
    config = load_config()
    with duckdb.connect(str(config.database), read_only=True) as connection:
        for source in config.sources:
            latest = records(connection, "latest_fetch", source=source.name)
            if not latest:
                print(f"{source.name}: not fetched yet")
                continue
            print(f"{source.name}: {latest[0]['status']}: {latest[0]['message']}")
        history = history_line(connection)
    print(f"database: {config.database}")
    print(history)
    report = config.database.parent / REPORT_FILE
    print(f"audit report: {report}" if report.is_file() else "audit report: not written yet")


if __name__ == "__main__":
    main()
