"""labbook.mkdocs.idle_gc: collect and freeze after a serve build, never during one."""

from __future__ import annotations

import gc
import time

from labbook.mkdocs.idle_gc import IdleCollector


def _wait_for(collector: IdleCollector, count: int) -> None:
    deadline = time.monotonic() + 10
    while collector.collections < count and time.monotonic() < deadline:
        time.sleep(0.01)


def test_after_a_build_garbage_is_collected_and_the_rest_frozen() -> None:
    collector = IdleCollector(enabled=True, delay=0)
    try:
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        collector.build_done()
        _wait_for(collector, 1)
        assert collector.collections == 1
        assert gc.get_freeze_count() > 0
    finally:
        collector.close()
    assert gc.get_freeze_count() == 0


def test_a_build_that_starts_first_cancels_the_collection() -> None:
    collector = IdleCollector(enabled=True, delay=5)
    collector.build_done()
    collector.build_started()
    time.sleep(0.05)
    assert collector.collections == 0
    collector.close()


def test_a_one_off_build_never_collects() -> None:
    collector = IdleCollector(enabled=False, delay=0)
    collector.build_done()
    time.sleep(0.05)
    assert collector.collections == 0 and gc.get_freeze_count() == 0
