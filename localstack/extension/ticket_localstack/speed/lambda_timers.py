"""Lambda's execution-environment timers kept by one scheduler thread instead of a thread each.

Every invocation releases its environment (services/lambda_/invocation/execution_environment.py:262-274),
which starts a new `threading.Timer`: a thread that sleeps `LAMBDA_KEEPALIVE_MS` (10 minutes) and is
cancelled by the next invocation (`reserve`, :277-285). Starting it waits for the new thread to take the
GIL: about 8% of a Lambda task's time in a py-spy profile (`--idle`, `ExecutionEnvironment.release`).
The environment's start-up timer (:212) is one too.

`SharedTimer` has what the module uses of `Timer` (`Timer(interval, function)`, `start`, `cancel`); one
daemon thread keeps every pending timer in a heap and wakes at the earliest.

Why it is safe: a timer fires `interval` seconds after `start` unless it was cancelled first, as before;
its function runs in a thread of its own when it fires (it may stop an environment, which takes a while),
so a slow one delays no other timer. Only starting and cancelling, once per invocation, get cheaper;
firing (an idle environment stopped, a start-up timed out) is rare and starts a thread as it did.
"""

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_EXPECTED = "threading.Timer"


class TimerHeap:
    """Pending timers in due order, and the one thread that waits for the earliest."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: list[tuple[float, int, SharedTimer]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None
        self._dropped = 0

    def add(self, timer: "SharedTimer") -> None:
        with self._cond:
            heapq.heappush(self._pending, (time.monotonic() + timer.interval, next(self._order), timer))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="ticket-lambda-timers", daemon=True)
                self._thread.start()
            self._cond.notify()

    def cancelled(self) -> None:
        """One more cancelled timer in the heap; when they are most of it, they are dropped (a cancelled
        timer would otherwise wait there for its interval: ten minutes, two per Generate)."""
        with self._cond:
            self._dropped += 1
            if self._dropped > len(self._pending) // 2 + 64:
                self._pending = [entry for entry in self._pending if not entry[2].cancelled]
                heapq.heapify(self._pending)
                self._dropped = 0

    def pending(self) -> int:
        with self._cond:
            return sum(1 for _, _, timer in self._pending if not timer.cancelled)

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._pending and self._pending[0][2].cancelled:
                    heapq.heappop(self._pending)
                    self._dropped = max(0, self._dropped - 1)
                if not self._pending:
                    self._cond.wait()
                    continue
                due, _, timer = self._pending[0]
                wait = due - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._pending)
            timer.fire()


HEAP = TimerHeap()


class SharedTimer:
    """`threading.Timer(interval, function)` as `execution_environment` uses it: `start` and `cancel`."""

    def __init__(self, interval: float, function: Callable[..., Any]) -> None:
        self.interval = interval
        self.function = function
        self.cancelled = False
        self._lock = threading.Lock()
        self._started = False
        self._fired = False

    def start(self) -> None:
        with self._lock:
            self._started = True
        HEAP.add(self)

    def cancel(self) -> None:
        with self._lock:
            if self.cancelled or self._fired:
                return
            self.cancelled = True
            waiting = self._started  # in the heap until it is dropped
        if waiting:
            HEAP.cancelled()

    def fire(self) -> None:
        with self._lock:
            if self.cancelled or self._fired:
                return
            self._fired = True
        threading.Thread(target=self.function, name="ticket-lambda-timer-fired", daemon=True).start()


def lambda_timers_patch() -> GuardedPatch:
    """`execution_environment.Timer` replaced by `SharedTimer`."""
    from localstack.services.lambda_.invocation import execution_environment

    return GuardedPatch(
        name="lambda-shared-timers",
        summary="Lambda's keep-alive and start-up timers kept by one thread, not a thread each",
        targets=lambda: [Target(execution_environment, "Timer", _EXPECTED, SharedTimer)],
    )
