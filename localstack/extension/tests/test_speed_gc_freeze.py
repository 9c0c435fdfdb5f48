"""python-gc-freeze: applying collects then freezes (garbage cycles are freed, not frozen), reverting
unfreezes, the endpoint freezes again only while the patch is applied, and the running emulator has
frozen its objects."""

import gc
import weakref

import requests
from localstack_api import LOCALSTACK_URL, require_localstack

from ticket_localstack.speed.control import SpeedPatches
from ticket_localstack.speed.gc_freeze import ENDPOINT_PATH, NAME, CollectorClock, gc_freeze_patch, handle


class Node:
    """A reference cycle, as Step Functions environments make them."""

    def __init__(self) -> None:
        self.me = self


def test_applying_frees_garbage_cycles_freezes_the_rest_and_reverting_unfreezes() -> None:
    garbage, live = Node(), Node()
    dropped = weakref.ref(garbage)
    del garbage  # only the cyclic collector can free it
    patch = gc_freeze_patch()
    try:
        patch.apply()
        assert dropped() is None  # collected before the freeze, not frozen with the live objects
        assert patch.applied and gc.get_freeze_count() > 0
        assert not any(obj is live for obj in gc.get_objects())  # frozen: out of every generation
    finally:
        patch.revert()
    assert not patch.applied and gc.get_freeze_count() == 0
    assert any(obj is live for obj in gc.get_objects())


def test_the_endpoint_freezes_again_only_while_the_patch_is_applied() -> None:
    controller = SpeedPatches({NAME: gc_freeze_patch}, {})
    try:
        controller.set_enabled(False)
        assert handle(controller, "POST")[0] == 409
        status, answer = handle(controller, "GET")
        assert status == 200 and answer["applied"] is False and answer["frozen"] == 0
        controller.set_enabled(True)
        status, answer = handle(controller, "POST")
        assert status == 200 and answer["frozen"] > 0 and answer["seconds"] >= 0
    finally:
        controller.set_enabled(False)
    assert gc.get_freeze_count() == 0


def test_the_clock_counts_and_times_each_generations_collections() -> None:
    clock = CollectorClock()
    gc.callbacks.append(clock)
    try:
        gc.collect(0)
        gc.collect(2)
    finally:
        gc.callbacks.remove(clock)
    figures = clock.figures()
    assert figures["collections"][0] >= 1 and figures["collections"][2] >= 1
    assert all(seconds >= 0 for seconds in figures["seconds"])


def test_the_running_emulator_has_frozen_its_objects_and_times_its_collections() -> None:
    require_localstack()
    answer = requests.get(f"{LOCALSTACK_URL}{ENDPOINT_PATH}", timeout=10).json()
    assert answer["applied"] is True
    assert answer["frozen"] > 100_000  # the start-up and deployed state (about 770,000 after make local-up)
    assert sum(answer["collections"]) > 0 and len(answer["seconds"]) == 3
