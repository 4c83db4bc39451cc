"""Dagster wiring: resources, an asset per source, its checks and schedules; no logic of its own."""
