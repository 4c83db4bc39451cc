"""Personal data removed where it must go: retention and erasure over the warehouse and the audit.

``retention`` deletes conversations past their days, ``erase`` deletes a source, a conversation or a
text on request and rebuilds the audit, and ``compact`` rewrites the DuckDB file so no copy is left.
Masking at load is a stage of ingestion (``fern_pipeline.ingest.masking``).
"""
