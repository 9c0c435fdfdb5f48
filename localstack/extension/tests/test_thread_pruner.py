"""The thread pruner frees the stacks of finished threads that LocalStack keeps listed."""

import threading
import time

from ticket_localstack.thread_pruner import prune_finished


def mappings() -> int:
    with open("/proc/self/maps") as maps:
        return sum(1 for _ in maps)


def test_finished_threads_are_dropped_and_their_stacks_freed() -> None:
    listed: list[object] = []
    before = mappings()
    for _ in range(300):
        thread = threading.Thread(target=lambda: None)
        thread.start()
        listed.append(thread)
    for entry in listed:
        while isinstance(entry, threading.Thread) and entry.is_alive():
            time.sleep(0.001)
    held = mappings()
    assert prune_finished(listed) == 300
    assert listed == []
    # On Python 3.13 each listed finished thread held its stack: two mappings each, until joined.
    assert held - before >= 500
    assert mappings() - before < 50


def test_running_threads_and_other_entries_stay_listed() -> None:
    release = threading.Event()
    running = threading.Thread(target=release.wait)
    done = threading.Thread(target=lambda: None)
    running.start()
    done.start()
    done.join()
    pool = object()  # LocalStack lists thread pools there too
    listed: list[object] = [running, done, pool]
    try:
        assert prune_finished(listed) == 1
        assert listed == [running, pool]
    finally:
        release.set()
        running.join()
