"""The audit's alerts as non-blocking asset checks (severity WARN): rising topics and new topics.

They are checks of ``support_audit`` declared on the asset itself (``check_specs``), so they run with
every audit and read what it just wrote. Topics are named by their keywords: Dagster keeps check
metadata beyond the reach of retention and erasure, so it quotes no customer message.
"""

import dagster as dg

from fern_pipeline.audit.alert_rules import NEW_MIN, RISE_MIN, RISE_P, Alerts
from fern_pipeline.ingest.received import counted
from fern_pipeline.markdown import table

RISING = "rising_topics"
NEW = "new_topics"
#: Full weeks per topic shown in the materialization's ``topic_weeks`` table.
SHOWN_WEEKS = 6


def alert_check_specs(asset: dg.AssetKey) -> list[dg.AssetCheckSpec]:
    """The two checks, non-blocking: a failure warns and never stops what runs after the audit."""
    return [
        dg.AssetCheckSpec(
            RISING,
            asset=asset,
            blocking=False,
            description=(
                f"Warns when a topic's last full ISO week is far above its own earlier full weeks: a "
                f"one-sided exact binomial test of that week's count given the total, p < {RISE_P}, "
                f"with at least {RISE_MIN} conversations that week."
            ),
        ),
        dg.AssetCheckSpec(
            NEW,
            asset=asset,
            blocking=False,
            description=(
                f"Warns when a topic with at least {NEW_MIN} conversations has no match (by meaning) "
                "among the previous audit's topics."
            ),
        ),
    ]


def rising_result(asset: dg.AssetKey, alerts: Alerts) -> dg.AssetCheckResult:
    """Fails (WARN) naming each rising topic, its last full week and its baseline."""
    rising = alerts.rising
    rows = [
        (name, rise.week, rise.count, f"{rise.baseline:.1f}", rise.baseline_weeks, f"{rise.p_value:.4f}")
        for name, rise in sorted(rising, key=lambda item: item[1].p_value)
    ]
    metadata: dict[str, dg.MetadataValue] = {
        "topics_tested": dg.MetadataValue.int(len(alerts.rises)),
        "topics_rising": dg.MetadataValue.int(len(rising)),
    }
    if rows:
        metadata["rising"] = dg.MetadataValue.md(
            table(["topic", "week", "conversations", "baseline a week", "earlier weeks", "p"], rows)
        )
    description = (
        "; ".join(
            f"{name}: {count} in {week} against {baseline} a week before"
            for name, week, count, baseline, *_ in rows
        )
        if rows
        else f"No topic rose in its last full week ({counted(len(alerts.rises), 'topic')} tested)."
    )
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=RISING,
        passed=not rows,
        severity=dg.AssetCheckSeverity.WARN,
        description=description,
        metadata=metadata,
    )


def new_result(asset: dg.AssetKey, alerts: Alerts) -> dg.AssetCheckResult:
    """Fails (WARN) naming each new topic and its conversations; passes on the first audit."""
    metadata: dict[str, dg.MetadataValue] = {"topics_new": dg.MetadataValue.int(len(alerts.new))}
    if alerts.new:
        metadata["new"] = dg.MetadataValue.md(table(["topic", "conversations"], alerts.new))
    if not alerts.compared:
        description = "The first audit kept: nothing to compare with yet."
    elif alerts.new:
        description = "; ".join(f"{name}: {counted(count, 'conversation')}" for name, count in alerts.new)
    else:
        description = "Every topic with enough conversations was in the previous audit."
    return dg.AssetCheckResult(
        asset_key=asset,
        check_name=NEW,
        passed=not alerts.new,
        severity=dg.AssetCheckSeverity.WARN,
        description=description,
        metadata=metadata,
    )


def weeks_metadata(alerts: Alerts) -> dict[str, dg.MetadataValue]:
    """Each topic's last full weeks as a table, and all topics' last full week as a number to plot."""
    if not alerts.weeks:
        return {}
    header = [week for week, _ in alerts.weeks[0][1][-SHOWN_WEEKS:]]
    rows = [(name, *(count for _, count in points[-SHOWN_WEEKS:])) for name, points in alerts.weeks]
    return {
        "topic_weeks": dg.MetadataValue.md(table(["topic", *header], rows)),
        "last_full_week_conversations": dg.MetadataValue.int(
            sum(points[-1][1] for _, points in alerts.weeks if points)
        ),
    }
