"""Benchmark of `fern-pipeline load` against DuckDB's own JSON reader and dlt (issue 7)."""
