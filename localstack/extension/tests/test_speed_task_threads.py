"""sfn-task-thread-pool: every task runs once on a daemon worker, workers are reused and leave when idle,
a task that overruns does not hold up the next, and a finished task leaves TMP_THREADS like a thread."""

import contextvars
import threading
import time

from localstack.services.stepfunctions.asl.component.state.state_execution import execute_state
from patch_swap import swapped

from ticket_localstack.speed.task_threads import PooledTask, WorkerPool, task_threads_patch
from ticket_localstack.thread_pruner import prune_finished

MARK: contextvars.ContextVar[str] = contextvars.ContextVar("mark")


def test_every_task_runs_once_on_a_daemon_worker_in_a_fresh_context() -> None:
    pool = WorkerPool()
    seen: list[tuple[str, bool, str | None]] = []
    lock = threading.Lock()
    done = threading.Semaphore(0)

    def task() -> None:
        with lock:
            current = threading.current_thread()
            seen.append((current.name, current.daemon, MARK.get(None)))
        MARK.set("left behind")  # a new thread's context would not see it; the next task must not either
        done.release()

    for _ in range(50):
        pool.submit(task)
        assert done.acquire(timeout=5)
    assert len(seen) == 50
    assert all(daemon and mark is None for _, daemon, mark in seen)
    assert len({name for name, _, _ in seen}) == 1  # one after another: the same worker each time


def test_a_busy_worker_does_not_hold_up_the_next_task_and_idle_workers_leave() -> None:
    pool = WorkerPool(idle_s=0.2)
    release = threading.Event()
    second = threading.Event()
    pool.submit(release.wait)  # overruns, as a task past its state's timeout
    pool.submit(second.set)
    assert second.wait(5)
    release.set()
    deadline = time.monotonic() + 5
    assert pool.workers == 2
    while time.monotonic() < deadline and pool.workers:
        time.sleep(0.05)
    assert pool.idle == 0 and pool.workers == 0


def test_an_exception_in_a_task_leaves_the_worker_serving() -> None:
    pool = WorkerPool()
    ran = threading.Event()

    def fail() -> None:
        raise RuntimeError("a failing task")

    pool.submit(fail)
    pool.submit(ran.set)
    assert ran.wait(5)


def test_a_pooled_task_answers_like_a_thread_and_is_pruned_once_finished() -> None:
    release = threading.Event()
    task = PooledTask(target=release.wait, daemon=True)
    listed: list[object] = [task]
    task.start()
    assert task.is_alive()
    assert prune_finished(listed) == 0
    release.set()
    task.join(5)
    assert not task.is_alive()
    assert prune_finished(listed) == 1 and listed == []


def test_the_patch_replaces_the_modules_thread_and_reverts() -> None:
    assert swapped(task_threads_patch(), execute_state, "Thread") == (PooledTask, threading.Thread)
