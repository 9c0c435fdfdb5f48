"""Keeps LocalStack 4.14.0 from running out of thread stacks on Python 3.13.

LocalStack appends a thread to `localstack.utils.threads.TMP_THREADS` for every Step Functions
execution (`asl/component/program/program.py:80`), every Map iteration and every `start_thread`
(two per Lambda invocation, for metrics), and only empties the list at shutdown. Until Python
3.12 a finished thread's stack was freed anyway. From 3.13 a thread is joinable: its 8 MiB stack
stays mapped until it is joined or its Thread object is freed, and the list keeps every object.
Each leaked stack is two memory mappings, so after about 32,000 threads (a few thousand
requests) the process reaches vm.max_map_count and every new thread fails with "can't start new
thread": LocalStack then answers 500 to everything.

The fix: every few seconds, join the finished threads in the list (at once: they have finished)
and drop them. Running threads stay listed, so shutdown still stops them.
"""

import contextlib
import logging
import threading
import time
from typing import Protocol, runtime_checkable

from localstack.runtime import hooks
from localstack.utils import threads

from ticket_localstack.versions import check_localstack_version

LOG = logging.getLogger(__name__)
PRUNE_EVERY_S = 5.0


@runtime_checkable
class Joinable(Protocol):
    """A thread, or what stands in for one in `TMP_THREADS`."""

    def is_alive(self) -> bool: ...

    def join(self, timeout: float | None = None) -> None: ...


def prune_finished(listed: list[object]) -> int:
    """Joins and removes the finished threads of `listed` in place; returns how many. A thread is
    anything with `is_alive` and `join` (also the speed patches' pooled tasks, speed/task_threads.py).
    Other entries (LocalStack also lists thread pools there) stay, and so does whatever other threads
    append meanwhile (`remove` takes out just the one)."""
    finished = [entry for entry in list(listed) if isinstance(entry, Joinable) and not entry.is_alive()]
    for thread in finished:
        thread.join(timeout=0)
        with contextlib.suppress(ValueError):  # removed by LocalStack's own cleanup meanwhile
            listed.remove(thread)
    return len(finished)


def _prune_forever() -> None:
    while True:
        time.sleep(PRUNE_EVERY_S)
        try:
            prune_finished(threads.TMP_THREADS)  # type: ignore[arg-type]  # a list of threads and pools
        except Exception:  # never let the pruner die over one bad entry
            LOG.exception("thread pruner: pruning failed")


@hooks.on_infra_start()  # type: ignore[untyped-decorator]  # LocalStack's hooks carry no types
def prune_finished_threads() -> None:
    """Starts the pruner (the extension needs Python 3.13, where finished threads keep their stacks)."""
    check_localstack_version("thread pruner")
    threading.Thread(target=_prune_forever, name="ticket-thread-pruner", daemon=True).start()
    LOG.info(
        "thread pruner: finished threads leave TMP_THREADS every %.0f s (Python 3.13 stack leak)",
        PRUNE_EVERY_S,
    )
