"""The audit's alert checks: non-blocking, WARN, naming topics by keywords, in a real Dagster run."""

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import duckdb

from fern_pipeline.audit.alert_rules import Alerts
from fern_pipeline.audit.alerts import last_week_rise
from fern_pipeline.defs.audit import AUDIT_KEY, build_audit_defs
from fern_pipeline.defs.audit_checks import NEW, RISING, new_result, rising_result, weeks_metadata
from fern_pipeline_tests.audit.conftest import audited_project
from fern_pipeline_tests.defs.audit_test import _materialize

DOUBLED = last_week_rise([10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 10, 21], topic_id=1, week="2026-W46")
STABLE = last_week_rise([10, 11, 9, 10, 12, 8, 10, 11, 9, 10, 10, 11], topic_id=2, week="2026-W46")


def _alerts(new: tuple[tuple[str, int], ...] = (), compared: bool = True) -> Alerts:
    assert DOUBLED is not None and STABLE is not None
    return Alerts(
        rises=(("password · reset", DOUBLED), ("parcel · paket", STABLE)),
        new=new,
        compared=compared,
        weeks=(("password · reset", (("2026-W45", 10), ("2026-W46", 21))),),
    )


def test_a_rising_topic_fails_the_check_as_a_warning_naming_its_counts_and_baseline() -> None:
    result = rising_result(AUDIT_KEY, _alerts())
    assert not result.passed and result.severity == dg.AssetCheckSeverity.WARN
    assert result.description == "password · reset: 21 in 2026-W46 against 10.0 a week before"
    assert result.metadata["topics_rising"].value == 1 and result.metadata["topics_tested"].value == 2
    assert "password · reset" in result.metadata["rising"].value
    assert "parcel" not in result.metadata["rising"].value


def test_new_topics_fail_as_a_warning_only_when_there_was_an_audit_before() -> None:
    failed = new_result(AUDIT_KEY, _alerts(new=(("invoice · rechnung", 7),)))
    assert not failed.passed and failed.severity == dg.AssetCheckSeverity.WARN
    assert failed.description == "invoice · rechnung: 7 conversations"
    first = new_result(AUDIT_KEY, _alerts(compared=False))
    assert first.passed and first.description == "The first audit kept: nothing to compare with yet."


def test_the_weeks_are_a_table_and_the_last_full_week_a_number() -> None:
    metadata = weeks_metadata(_alerts())
    assert "| password · reset | 10 | 21 |" in metadata["topic_weeks"].value
    assert metadata["last_full_week_conversations"].value == 21


def test_both_checks_run_with_every_audit_and_never_block(tmp_path: Path) -> None:
    config = audited_project(tmp_path)
    specs = build_audit_defs(config).assets[0].check_specs  # type: ignore[index, union-attr]
    assert {(spec.name, spec.blocking) for spec in specs} == {(RISING, False), (NEW, False)}
    first = _materialize(config, weeks_back=1, window_days=30)
    second = _materialize(config, window_days=30)
    assert first.success and second.success
    for result in (first, second):
        evaluations = {check.check_name: check for check in result.get_asset_check_evaluations()}
        assert set(evaluations) == {RISING, NEW}
        assert all(check.severity == dg.AssetCheckSeverity.WARN for check in evaluations.values())
    first_new = {check.check_name: check for check in first.get_asset_check_evaluations()}[NEW]
    assert first_new.passed and first_new.description.startswith("The first audit kept")
    [materialization] = second.asset_materializations_for_node("support_audit")
    assert "topic_weeks" in materialization.metadata
    with duckdb.connect(str(config.database)) as connection:
        ends = connection.execute(
            "SELECT DISTINCT audit_end FROM audit_history_summary ORDER BY 1"
        ).fetchall()
    # weeks_back = 1: the first audit ended a week before the newest message (2026-11-19T21:00Z)
    assert [end for (end,) in ends] == [
        datetime(2026, 11, 12, 21, tzinfo=UTC),
        datetime(2026, 11, 19, 21, tzinfo=UTC),
    ]
