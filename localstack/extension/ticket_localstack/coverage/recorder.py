"""What the workflow did: per state machine, how often each state was entered and each edge taken.

Pure bookkeeping, no LocalStack types: `interpreter.py` feeds it from the Step Functions interpreter.
An edge is (from, kind, to). Its id, `edge_id`, is the one tools/asl/edges.ts gives the same edge of
the definition, so `make coverage` can match the two:

  next        A -> B               a state's Next
  end         A -> (end)           End: true, or a Succeed state (in a Parallel branch: the branch ends)
  choice N    A -[choice N]-> B    the Choice rule at index N matched
  default     A -[default]-> B     no Choice rule matched
  catch N     A -[catch N]-> B     the Catcher at index N caught the error
  retry       A -[retry]-> A       the state is attempted again under one of its Retriers
  branch N    P -[branch N]-> S    the Parallel P started its branch N, whose StartAt is S

Memory is bounded: at most `max_machines` state machines are kept (later ones are counted in
`dropped`), and each machine holds at most its own states and edges.
"""

import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import NotRequired, TypedDict

END = "(end)"
INDEXED_KINDS = ("choice", "catch", "branch")
KINDS = ("next", "end", "default", "retry", *INDEXED_KINDS)

Edge = tuple[str, str, int | None, str]
"""(from, kind, index or None, to)."""


def edge_id(source: str, kind: str, index: int | None, target: str) -> str:
    """`A -> B`, `A -> (end)`, `A -[choice 0]-> B`, `A -[default]-> B`, `A -[retry]-> A`."""
    if kind not in KINDS:
        raise ValueError(f"unknown edge kind {kind!r}")
    if kind in ("next", "end"):
        return f"{source} -> {target}"
    label = f"{kind} {index}" if kind in INDEXED_KINDS else kind
    return f"{source} -[{label}]-> {target}"


class EdgeCount(TypedDict):
    id: str
    source: str
    kind: str
    index: NotRequired[int]
    target: str
    count: int


class MachineCoverage(TypedDict):
    arn: str
    name: str
    states: dict[str, int]
    edges: list[EdgeCount]


class Listing(TypedDict):
    enabled: bool
    machines: list[MachineCoverage]
    dropped: int


@dataclass
class _Machine:
    name: str
    states: Counter[str] = field(default_factory=Counter)
    edges: Counter[Edge] = field(default_factory=Counter)


class CoverageRecorder:
    """Thread-safe counters; one lock, held for a dictionary increment."""

    def __init__(self, max_machines: int = 256) -> None:
        self._lock = threading.Lock()
        self._max_machines = max_machines
        self._machines: dict[str, _Machine] = {}
        self._dropped = 0
        self.enabled = True

    def _machine(self, arn: str, name: str) -> _Machine | None:
        machine = self._machines.get(arn)
        if machine is None:
            if len(self._machines) >= self._max_machines:
                self._dropped += 1
                return None
            machine = self._machines[arn] = _Machine(name)
        return machine

    def state_entered(self, arn: str, name: str, state: str) -> None:
        if not self.enabled:
            return
        with self._lock:
            if (machine := self._machine(arn, name)) is not None:
                machine.states[state] += 1

    def edge_taken(self, arn: str, name: str, edge: Edge) -> None:
        if not self.enabled:
            return
        with self._lock:
            if (machine := self._machine(arn, name)) is not None:
                machine.edges[edge] += 1

    def clear(self) -> None:
        with self._lock:
            self._machines.clear()
            self._dropped = 0

    def listing(self) -> Listing:
        with self._lock:
            machines = [_listed(arn, machine) for arn, machine in sorted(self._machines.items())]
            return Listing(enabled=self.enabled, machines=machines, dropped=self._dropped)


def _listed(arn: str, machine: _Machine) -> MachineCoverage:
    edges: list[EdgeCount] = []
    for (source, kind, index, target), count in sorted(machine.edges.items(), key=lambda e: str(e[0])):
        edge = EdgeCount(
            id=edge_id(source, kind, index, target), source=source, kind=kind, target=target, count=count
        )
        if index is not None:
            edge["index"] = index
        edges.append(edge)
    states = dict(sorted(machine.states.items()))
    return MachineCoverage(arn=arn, name=machine.name, states=states, edges=edges)
