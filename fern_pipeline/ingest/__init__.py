"""Ingestion: a source's payload fetched, split, checked, flattened and validated, batch by batch.

The stages, in order: ``fetch`` (with ``http``, ``files``, ``limits``) and ``pagination`` bring the
body into a ``body`` file; ``split`` cuts it into conversations; ``check`` (with ``document``,
``conversation``, ``checked``, ``instants`` and the faster ``fast_check``) checks them in ``batches``;
``received`` runs a source's fetch and that check; ``flatten`` turns them into validated Arrow rows;
``prepare`` runs one source through all of them for the warehouse, ``endpoint_check`` through the
check alone, and ``background`` makes the next batch while the store inserts the last. ``cursor``
computes the incremental start of a fetch. Nothing here touches the database.

Import the modules themselves: this package imports nothing, so that checking an endpoint does not
import what the load needs (pandas, pandera, Arrow).
"""
