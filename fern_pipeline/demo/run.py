"""Load every configured source (the built-in demo sources without a config file) and say where."""

import sys

from fern_pipeline.config import load_config
from fern_pipeline.ingest import prepare
from fern_pipeline.store.load import load_into


def main() -> int:
    """Load each source once; exit 1 if any fetch failed."""
    config = load_config()
    failed = 0
    for source in config.sources:
        prepared = prepare(source)
        row = load_into(config.database, prepared)
        failed += row["status"] == "failed"
        print(f"{source.name}: {row['status']}: {prepared.message}")
    print(f"database: {config.database}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
