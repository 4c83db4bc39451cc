"""The alert rules' thresholds and results: what counts as a rising or a new topic, without the statistics.

Apart from :mod:`~fern_pipeline.audit.alerts` (which computes them with SciPy) so that Dagster's
definitions can describe the checks without importing the audit's libraries in every step process.
"""

from dataclasses import dataclass

#: Largest p-value that counts as a rise. Measured on planted weekly counts (benchmarks/alerts.py, 4,000
#: seeds): a stable topic is flagged in 3.2 to 4.2 % of weeks whatever its volume; one that doubles in
#: its last week in 76 % at 10 a week, 90 % at 15, 95 % at 20 and 99 % from 30.
RISE_P = 0.045
#: Fewest conversations in the last full week for a rise: below it a doubling is a handful.
RISE_MIN = 10
#: Fewest earlier full weeks to compare with.
BASELINE_WEEKS = 2
#: Fewest conversations of a new topic (one the previous audit did not have) for the new_topics check.
NEW_MIN = 5
#: A week with this many of its days inside the window is a full week.
FULL_WEEK = 7.0 - 1e-6


@dataclass(frozen=True)
class Rise:
    """A topic's last full week against its earlier full weeks, and the test's p-value."""

    topic_id: int
    week: str
    count: int
    baseline: float
    baseline_weeks: int
    p_value: float

    @property
    def rising(self) -> bool:
        return self.p_value < RISE_P and self.count >= RISE_MIN


@dataclass(frozen=True)
class Alerts:
    """What the audit's alert checks report: topics by name (their keywords, never a customer's words)."""

    #: Every tested topic's rise, with its name.
    rises: tuple[tuple[str, Rise], ...]
    #: Topics the previous audit did not have, with at least ``NEW_MIN`` conversations: (name, count).
    new: tuple[tuple[str, int], ...]
    #: Whether there was a previous audit to compare with.
    compared: bool
    #: Each topic's full weeks, oldest first: (name, ((iso_week, conversations), ...)).
    weeks: tuple[tuple[str, tuple[tuple[str, int], ...]], ...]

    @property
    def rising(self) -> list[tuple[str, Rise]]:
        return [(name, rise) for name, rise in self.rises if rise.rising]
