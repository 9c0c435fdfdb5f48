"""lambda-shared-timers: a timer fires once, after its interval, in a thread of its own, unless it was
cancelled; cancelled timers leave the heap; a slow timer function holds up no other timer."""

import threading
import time

from localstack.services.lambda_.invocation import execution_environment
from patch_swap import swapped

from ticket_localstack.speed.lambda_timers import HEAP, SharedTimer, lambda_timers_patch


def test_a_started_timer_fires_once_after_its_interval_in_a_thread_of_its_own() -> None:
    fired: list[tuple[float, str]] = []
    started = time.monotonic()
    timer = SharedTimer(
        0.2, lambda: fired.append((time.monotonic() - started, threading.current_thread().name))
    )
    timer.start()
    time.sleep(0.1)
    assert fired == []
    time.sleep(0.4)
    assert len(fired) == 1
    after, thread = fired[0]
    assert 0.2 <= after < 0.45
    assert thread not in (threading.current_thread().name, "ticket-lambda-timers")
    timer.cancel()  # after firing: nothing happens
    assert len(fired) == 1


def test_a_cancelled_timer_never_fires_and_cancelled_timers_leave_the_heap() -> None:
    fired: list[int] = []
    before = HEAP.pending()
    timers = [SharedTimer(0.3, lambda n=n: fired.append(n)) for n in range(500)]
    for timer in timers:
        timer.start()
    assert HEAP.pending() == before + 500
    for timer in timers[1:]:
        timer.cancel()
    assert HEAP.pending() == before + 1
    assert len(HEAP._pending) < before + 500  # dropped without waiting for their interval
    time.sleep(0.6)
    assert fired == [0]


def test_timers_fire_in_due_order_and_a_slow_one_holds_up_no_other() -> None:
    order: list[str] = []

    def slow() -> None:
        order.append("slow")
        time.sleep(1)

    SharedTimer(0.05, slow).start()
    SharedTimer(0.25, lambda: order.append("late")).start()
    SharedTimer(0.15, lambda: order.append("early")).start()
    time.sleep(0.5)
    assert order == ["slow", "early", "late"]


def test_a_timer_cancelled_before_it_starts_never_fires() -> None:
    fired: list[int] = []
    timer = SharedTimer(0.0, lambda: fired.append(1))
    timer.cancel()  # as ExecutionEnvironment.reserve does to its first, never-started timer
    timer.start()
    time.sleep(0.2)
    assert fired == []


def test_the_patch_replaces_the_modules_timer_and_reverts() -> None:
    assert swapped(lambda_timers_patch(), execution_environment, "Timer") == (SharedTimer, threading.Timer)
