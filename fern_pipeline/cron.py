"""Cron expressions as Dagster schedules take them, checked once where the configuration is read."""

import re

CRON_FIELD = re.compile(r"^[0-9A-Za-z*/,\-?LW#]+$")
CRON_MACROS = frozenset({"@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@annually", "@midnight"})


def cron(schedule: str | None) -> str | None:
    """``schedule`` itself if it is a cron expression of five fields or a macro, else a ValueError."""
    if schedule is None or schedule in CRON_MACROS:
        return schedule
    fields = schedule.split()
    if len(fields) != 5 or not all(CRON_FIELD.fullmatch(field) for field in fields):
        raise ValueError(f"{schedule!r} is not a cron expression of five fields, e.g. '0 * * * *'")
    return schedule
