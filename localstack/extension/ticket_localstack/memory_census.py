"""`/_ticket_orchestrator/memory-census`: what the emulator keeps of the requests it answered.

POST starts tracing Python allocations (`tracemalloc`); DELETE takes a snapshot, stops tracing and answers
what is still allocated of what was allocated in between, grouped by the line that allocated it: the memory
those requests left behind (stored objects, logs, caches, a leak), not what the emulator held before.
`make bench` wraps two runs of Generates in it, a short and a long one: what the long one keeps beyond the
short one is what each request keeps. Tracing slows Python down by about half, so only untimed runs are
traced; nothing is traced otherwise.
"""

import threading
import tracemalloc
from typing import Any, TypedDict

from localstack.runtime import hooks

from ticket_localstack.json_route import json_route

ENDPOINT_PATH = "/_ticket_orchestrator/memory-census"
TOP = 40  # enough lines that two censuses can be compared line by line (make bench shows 12)
DEPTH = 10
"""Frames kept per allocation: enough to name the emulator's own line behind a json.dumps or a dict."""
_OWN_CODE = ("/localstack/", "/localemu/", "/moto/", "/ticket_localstack/")


class Site(TypedDict):
    where: str
    kb: float
    blocks: int


class Census(TypedDict):
    keptKb: float
    sites: list[Site]


_lock = threading.Lock()


def start() -> None:
    """Starts tracing (again from nothing, if it was on)."""
    with _lock:
        if tracemalloc.is_tracing():
            tracemalloc.stop()
        tracemalloc.start(DEPTH)


def finish(top: int = TOP) -> Census | None:
    """What stays allocated of what was allocated since `start`, largest first; None if not tracing."""
    with _lock:
        if not tracemalloc.is_tracing():
            return None
        snapshot = tracemalloc.take_snapshot()
        tracemalloc.stop()
    snapshot = snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    sizes: dict[str, list[int]] = {}
    for stat in snapshot.statistics("traceback"):
        size_and_count = sizes.setdefault(_where(_owner(stat.traceback)), [0, 0])
        size_and_count[0] += stat.size
        size_and_count[1] += stat.count
    ranked = sorted(sizes.items(), key=lambda item: item[1][0], reverse=True)
    return Census(
        keptKb=round(sum(size for size, _ in sizes.values()) / 1024, 1),
        sites=[
            Site(where=where, kb=round(size / 1024, 1), blocks=count) for where, (size, count) in ranked[:top]
        ],
    )


def _owner(traceback: tracemalloc.Traceback) -> tracemalloc.Frame:
    """The innermost frame in the emulator's (or the extension's) own code, else the innermost one: the
    line that asked for the memory, rather than the json or threading line that allocated it."""
    innermost_first = list(reversed(traceback))  # a Traceback runs from the oldest frame to the newest
    own = (frame for frame in innermost_first if any(part in frame.filename for part in _OWN_CODE))
    return next(own, innermost_first[0])


def _where(frame: tracemalloc.Frame) -> str:
    """`package/module.py:line`, from site-packages or the standard library on."""
    path = frame.filename
    for marker in ("site-packages/", "/lib/python3."):
        if marker in path:
            path = path.split(marker, 1)[1]
            if marker.startswith("/lib/"):
                path = "stdlib/" + path.split("/", 1)[1]
            break
    return f"{path}:{frame.lineno}"


def handle(method: str) -> tuple[int, dict[str, Any]]:
    """The endpoint's logic, free of HTTP types: (status code, JSON document)."""
    if method == "POST":
        start()
        return 200, {"tracing": True}
    census = finish()
    if census is None:
        return 409, {"error": "NotTracing", "message": f"POST {ENDPOINT_PATH} first, then run the requests"}
    return 200, dict(census)


@hooks.on_infra_start()  # type: ignore[untyped-decorator]  # LocalStack's hooks carry no types
def install_memory_census() -> None:
    """Adds the route to the emulator's edge router (an on_infra_start hook)."""
    json_route(ENDPOINT_PATH, lambda method, _body: handle(method), ["POST", "DELETE"])
