"""Python's cyclic garbage collector stops re-examining the emulator's long-lived objects (`gc.freeze`).

The emulator holds about 400,000 GC-tracked objects once it is ready (modules, service models, providers)
and about 770,000 once the project is deployed and has answered a request. Each full collection walks all
of them: 0.3-0.4 s, every 100 or so Generates. With every other patch on, the collector was about a quarter
of the emulator's CPU at 1 connection (py-spy `--gil --native`: `gc_collect_main`), about 5 ms of CPU per
Generate (`gc.callbacks`, timed per generation).

`gc.freeze()` moves every object tracked at that moment into a permanent generation that collections skip.
This patch collects and then freezes when it applies (at start-up), and again when asked:
`POST /_ticket_orchestrator/gc-freeze`, which `make local-up` sends once the stack is deployed and has
answered its smoke request. `GET` on it answers how many objects are frozen and, since start-up, how many
collections of each generation ran and how long they took (timed through `gc.callbacks`, patch on or off).

Why it is safe: freezing changes which objects the cyclic collector examines, nothing else. A frozen object
is still freed by reference counting when its last reference goes; only a reference cycle among frozen
objects that becomes garbage later stays in memory. The collection just before the freeze leaves only
live objects to freeze, and they are taken at quiet points, so what stays is bounded by what is live then
(the start-up and deployed state, and any request in flight at that moment), once per freeze. Reverting
the patch (`gc.unfreeze`) hands everything back to the collector.
"""

import gc
import logging
import threading
import time
from typing import Any, TypedDict

from ticket_localstack.json_route import json_route
from ticket_localstack.speed.control import SpeedPatches
from ticket_localstack.speed.guard import GuardedPatch

LOG = logging.getLogger(__name__)
NAME = "python-gc-freeze"
ENDPOINT_PATH = "/_ticket_orchestrator/gc-freeze"


class Frozen(TypedDict):
    frozen: int
    seconds: float


class CollectorClock:
    """Collections per generation and the seconds they took, from `gc.callbacks`."""

    def __init__(self) -> None:
        self.collections = [0, 0, 0]
        self.seconds = [0.0, 0.0, 0.0]
        self._started = threading.local()  # a collection starts and stops in one thread

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started.at = time.perf_counter()
        elif (started := getattr(self._started, "at", None)) is not None:
            generation = info["generation"]
            self.collections[generation] += 1
            self.seconds[generation] += time.perf_counter() - started

    def figures(self) -> dict[str, list[int] | list[float]]:
        return {"collections": list(self.collections), "seconds": [round(s, 3) for s in self.seconds]}


CLOCK = CollectorClock()


def collect_and_freeze() -> Frozen:
    """A full collection, then every object still tracked moved to the permanent generation."""
    started = time.perf_counter()
    gc.collect()
    gc.freeze()
    done = Frozen(frozen=gc.get_freeze_count(), seconds=round(time.perf_counter() - started, 3))
    LOG.info("%s: %d objects frozen (collect and freeze took %.3f s)", NAME, done["frozen"], done["seconds"])
    return done


def gc_freeze_patch() -> GuardedPatch:
    """No attribute replaced: applying collects and freezes, reverting unfreezes."""
    return GuardedPatch(
        name=NAME,
        summary="long-lived objects frozen out of Python's cyclic garbage collection",
        targets=lambda: [],
        on_apply=collect_and_freeze,
        drop_caches=gc.unfreeze,
    )


def handle(controller: SpeedPatches, method: str) -> tuple[int, dict[str, Any]]:
    """GET: how many objects are frozen; POST: collect and freeze again (409 while the patch is off)."""
    applied = NAME in controller.status()["applied"]
    if method == "GET":
        return 200, {"applied": applied, "frozen": gc.get_freeze_count(), **CLOCK.figures()}
    if not applied:
        return 409, {"error": "PatchOff", "message": f"{NAME} is not applied: nothing is frozen"}
    return 200, dict(collect_and_freeze())


def register(controller: SpeedPatches) -> Any:
    """Starts timing the collector and adds the route to LocalStack's edge router; returns the rule."""
    if CLOCK not in gc.callbacks:
        gc.callbacks.append(CLOCK)
    return json_route(ENDPOINT_PATH, lambda method, _body: handle(controller, method), ["GET", "POST"])
