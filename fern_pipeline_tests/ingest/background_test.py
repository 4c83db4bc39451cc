"""Tests of running an iterator ahead in a thread: order, errors, stopping early, the switch interval."""

import sys
import threading
import time
from collections.abc import Iterator

import pytest

from fern_pipeline.ingest.background import SWITCH_INTERVAL, WAITING, ahead


def test_items_arrive_in_order_from_another_thread() -> None:
    producers: set[str] = set()

    def numbers() -> Iterator[int]:
        for number in range(50):
            producers.add(threading.current_thread().name)
            yield number

    with ahead(numbers()) as made:
        assert list(made) == list(range(50))
    assert producers == {"fern-pipeline-batches"}


def test_an_error_of_the_producer_is_raised_to_the_consumer_after_its_items() -> None:
    def failing() -> Iterator[int]:
        yield 1
        raise ValueError("the producer broke")

    received = []
    with pytest.raises(ValueError, match="the producer broke"), ahead(failing()) as items:
        for item in items:
            received.append(item)
    assert received == [1]


def test_a_consumer_that_stops_early_stops_and_closes_the_producer() -> None:
    closed = threading.Event()
    # Threads an earlier test left in this worker (a server's, a client's) are not the producer's.
    before = set(threading.enumerate())

    def endless() -> Iterator[int]:
        number = 0
        try:
            while True:
                yield number
                number += 1
        finally:
            closed.set()

    with pytest.raises(RuntimeError, match="the consumer broke"), ahead(endless()) as items:
        for item in items:
            if item == 3:
                raise RuntimeError("the consumer broke")
    assert closed.is_set()
    assert set(threading.enumerate()) <= before


def test_the_switch_interval_is_short_while_producing_and_restored_after() -> None:
    before = sys.getswitchinterval()
    with ahead(number for number in range(3)) as numbers:
        seen = [sys.getswitchinterval() for _ in numbers]
    assert seen == [min(before, SWITCH_INTERVAL)] * 3
    assert sys.getswitchinterval() == before


def test_the_producer_starts_with_the_block_and_stays_at_most_waiting_items_ahead() -> None:
    made: list[int] = []

    def counted() -> Iterator[int]:
        for number in range(20):
            made.append(number)
            yield number

    with ahead(counted()) as consumed:
        time.sleep(0.2)  # room for the producer to run as far as it may, before anything is taken
        assert 1 <= len(made) <= WAITING + 1
        next(consumed)
        time.sleep(0.2)
        assert len(made) <= WAITING + 2
        assert list(consumed) == list(range(1, 20))
