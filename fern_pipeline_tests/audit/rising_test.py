"""rising_topics end to end: planted conversations where one subject doubles in its last full week."""

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import duckdb

from fern_pipeline.audit.alerts import read_alerts
from fern_pipeline.audit.build import AuditSettings, build_audit
from fern_pipeline.audit.summary import topic_name
from fern_pipeline.config import SourceConfig
from fern_pipeline.ingest.prepare import prepare
from fern_pipeline.store.load import load_into
from fern_pipeline_tests.audit.planted_weeks import END, PARCEL, PASSWORD, planted

#: END (2026-11-30) is a Monday: the window's last full week is 2026-W48, from 2026-11-23.
LAST_WEEK = END - timedelta(days=7)


def test_the_subject_that_doubles_in_its_last_week_rises_and_the_stable_one_does_not(
    file_source: Callable[..., SourceConfig], database: Path
) -> None:
    rates = ((PASSWORD, lambda at: 40 if at >= LAST_WEEK else 20), (PARCEL, lambda at: 20))
    load_into(database, prepare(file_source(planted(seed=5, rates=rates))))
    with duckdb.connect(str(database)) as connection:
        build_audit(connection, AuditSettings(window_days=84, end=END))
        alerts = read_alerts(connection, topic_name)
    rising = {name: rise for name, rise in alerts.rising}
    assert rising, [(name, rise.count, rise.baseline) for name, rise in alerts.rises]
    assert all("passw" in name for name in rising), list(rising)
    assert all(rise.week == "2026-W48" for rise in rising.values())
