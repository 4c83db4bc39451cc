"""Say where the results are: each configured source's latest fetch, and the DuckDB file."""

import duckdb

from fern_pipeline.config import load_config
from fern_pipeline.store.queries import sql


def main() -> None:
    """Print one line per source (its latest fetch's status and message), then the database path."""
    config = load_config()
    with duckdb.connect(str(config.database), read_only=True) as connection:
        for source in config.sources:
            latest = connection.execute(sql("latest_fetch"), {"source": source.name}).fetchall()
            columns = [column[0] for column in connection.description or []]
            if not latest:
                print(f"{source.name}: not fetched yet")
                continue
            fetch = dict(zip(columns, latest[0], strict=True))
            print(f"{source.name}: {fetch['status']}: {fetch['message']}")
    print(f"database: {config.database}")


if __name__ == "__main__":
    main()
