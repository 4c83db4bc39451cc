"""The incremental cursor: where the next fetch starts, written in the format of the URL's own value."""

import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EPOCH_SECONDS = re.compile(r"^\d{9,11}$")
EPOCH_MILLISECONDS = re.compile(r"^\d{12,14}$")


def parse_start(value: str) -> datetime | None:
    """A start value (date, ISO 8601 date-time, epoch seconds or milliseconds) as a UTC instant."""
    text = value.strip()
    try:
        if EPOCH_MILLISECONDS.fullmatch(text):
            return datetime.fromtimestamp(int(text) / 1000, UTC)
        if EPOCH_SECONDS.fullmatch(text):
            return datetime.fromtimestamp(int(text), UTC)
        moment = datetime.fromisoformat(text)
    except (ValueError, OverflowError):
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def start_writer(example: str | None) -> Callable[[datetime], str]:
    """How to write an instant the way ``example`` is written (ISO 8601 in UTC when there is none)."""
    text = (example or "").strip()
    if DATE.fullmatch(text):
        return lambda moment: moment.astimezone(UTC).date().isoformat()
    if EPOCH_MILLISECONDS.fullmatch(text):
        return lambda moment: str(int(moment.timestamp() * 1000))
    if EPOCH_SECONDS.fullmatch(text):
        return lambda moment: str(int(moment.timestamp()))
    if text and not text.endswith(("Z", "z")):
        return lambda moment: moment.astimezone(UTC).isoformat(timespec="seconds")
    return lambda moment: moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def next_start(
    *,
    initial: str | None,
    lookback: timedelta,
    newest: datetime | None,
    unsettled: Sequence[str | None],
) -> str | None:
    """The start of the next incremental fetch.

    ``newest`` is the newest stored ``lastMessageAt`` of the source; ``unsettled`` are the start values
    of its partial fetches since its last complete one. The cursor never passes a window whose
    rejected conversations were not loaded: such a window is fetched again until it loads whole.
    ``None`` means the whole history (no start parameter).
    """
    if any(start is None for start in unsettled) or (newest is None and not unsettled):
        return initial
    candidates = [moment for start in unsettled if start and (moment := parse_start(start)) is not None]
    if newest is not None:
        candidates.append(newest - lookback)
    floor = parse_start(initial) if initial else None
    start = min(candidates)
    if floor is not None and start < floor:
        return initial
    return start_writer(initial)(start)


def with_query_value(url: str, name: str, value: str) -> str:
    """``url`` with the query parameter ``name`` set to ``value`` (in its place, or appended)."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if any(key == name for key, _ in pairs):
        pairs = [(key, value if key == name else current) for key, current in pairs]
    else:
        pairs.append((name, value))
    return urlunsplit(parts._replace(query=urlencode(pairs, safe=":,/")))
