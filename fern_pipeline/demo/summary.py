"""Say where the results are: each configured source's latest fetch, and the DuckDB file."""

import duckdb

from fern_pipeline.config import load_config
from fern_pipeline.store.queries import records


def main() -> None:
    """Print one line per source (its latest fetch's status and message), then the database path."""
    config = load_config()
    with duckdb.connect(str(config.database), read_only=True) as connection:
        for source in config.sources:
            latest = records(connection, "latest_fetch", source=source.name)
            if not latest:
                print(f"{source.name}: not fetched yet")
                continue
            print(f"{source.name}: {latest[0]['status']}: {latest[0]['message']}")
    print(f"database: {config.database}")


if __name__ == "__main__":
    main()
