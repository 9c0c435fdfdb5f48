"""A Step Functions Task state runs on a kept worker thread, not on a thread started for it.

`ExecutionState._evaluate_with_timeout` (asl/component/state/state_execution/execute_state.py:167-195) starts
a new daemon thread for every Task state it evaluates, and waits on an event with the state's timeout.
With every other patch on, starting those threads was about 2% of the emulator's CPU at 1 connection
(py-spy `--gil`: `Thread.start` under `_evaluate_with_timeout`, and the new threads' own start-up).

The patch replaces the module's `Thread` with `PooledTask`, which runs the same target on an idle worker of
a small pool (a new worker when none is idle; an idle one leaves after a minute).

Why it is safe: the target is the same function, run once, on a daemon thread, in an empty `contextvars`
context (as a new thread's); the state waits for it with the same event and timeout. A task that outlives
its timeout keeps its worker busy, as it kept its thread, and the next task gets another worker. Each
task is listed in `TMP_THREADS` as the thread was, and answers `is_alive`/`join`, so the thread pruner
drops it once it has finished.
"""

import contextvars
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

LOG = logging.getLogger(__name__)
IDLE_S = 60.0
_EXPECTED = "threading.Thread"
Task = Callable[[], object]


class WorkerPool:
    """Daemon workers fed by one queue. `idle` counts the waiting workers no queued task is meant for;
    `workers` counts them all."""

    def __init__(self, idle_s: float = IDLE_S) -> None:
        self.idle_s = idle_s
        self.idle = 0
        self.workers = 0
        self._tasks: queue.SimpleQueue[Task] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._numbers = itertools.count(1)

    def submit(self, task: Task) -> None:
        with self._lock:
            if self.idle:
                self.idle -= 1  # that worker's: the queue never holds more tasks than waiting workers
                self._tasks.put(task)
                return
            self.workers += 1
        name = f"sfn-task-{next(self._numbers)}"
        threading.Thread(target=self._work, args=(task,), name=name, daemon=True).start()

    def _work(self, task: Task) -> None:
        while True:
            contextvars.Context().run(_run, task)
            with self._lock:
                self.idle += 1
            while True:
                try:
                    task = self._tasks.get(timeout=self.idle_s)
                    break
                except queue.Empty:
                    with self._lock:
                        if self.idle:  # more waiting workers than queued tasks: this one may leave
                            self.idle -= 1
                            self.workers -= 1
                            return


def _run(task: Task) -> None:
    try:
        task()
    except Exception:  # as a thread reports an uncaught exception; the worker stays
        LOG.exception("Step Functions task raised")


_pool = WorkerPool()


class PooledTask:
    """What `execute_state` uses in place of `threading.Thread(target=..., daemon=True)`."""

    def __init__(self, target: Task, daemon: bool = True, **_: Any) -> None:
        self.daemon = daemon
        self._target = target
        self._finished = threading.Event()

    def start(self) -> None:
        _pool.submit(self._run)

    def _run(self) -> None:
        try:
            self._target()
        finally:
            self._finished.set()

    def is_alive(self) -> bool:
        return not self._finished.is_set()

    def join(self, timeout: float | None = None) -> None:
        self._finished.wait(timeout)


def task_threads_patch() -> GuardedPatch:
    """`execute_state.Thread` (threading's) replaced by `PooledTask`."""
    from localstack.services.stepfunctions.asl.component.state.state_execution import execute_state

    return GuardedPatch(
        name="sfn-task-thread-pool",
        summary="Step Functions Task states run on kept worker threads",
        targets=lambda: [Target(execute_state, "Thread", _EXPECTED, PooledTask)],
    )
