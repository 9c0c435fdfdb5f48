"""The recorder's bookkeeping, the endpoint's logic and the switch, without LocalStack running."""

import threading

import pytest

from ticket_localstack.coverage import coverage_wanted
from ticket_localstack.coverage.endpoint import handle
from ticket_localstack.coverage.recorder import END, CoverageRecorder, edge_id

ARN = "arn:aws:states:us-east-1:000000000000:stateMachine:m"


@pytest.mark.parametrize(
    ("edge", "expected"),
    [
        (("A", "next", None, "B"), "A -> B"),
        (("A", "end", None, END), "A -> (end)"),
        (("A", "choice", 0, "B"), "A -[choice 0]-> B"),
        (("A", "default", None, "B"), "A -[default]-> B"),
        (("A", "catch", 2, "B"), "A -[catch 2]-> B"),
        (("A", "retry", None, "A"), "A -[retry]-> A"),
        (("P", "branch", 1, "S"), "P -[branch 1]-> S"),
    ],
)
def test_edge_ids_are_the_ones_the_definition_tool_writes(
    edge: tuple[str, str, int | None, str], expected: str
) -> None:
    assert edge_id(*edge) == expected


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown edge kind"):
        edge_id("A", "jump", None, "B")


def test_counts_states_and_edges_per_machine() -> None:
    recorder = CoverageRecorder()
    recorder.state_entered(ARN, "m", "A")
    recorder.state_entered(ARN, "m", "A")
    recorder.edge_taken(ARN, "m", ("A", "choice", 1, "B"))
    recorder.edge_taken(ARN, "m", ("A", "choice", 1, "B"))
    recorder.edge_taken(ARN, "m", ("B", "end", None, END))
    recorder.state_entered(f"{ARN}2", "m2", "X")

    listing = recorder.listing()

    assert listing["enabled"] is True
    assert [m["arn"] for m in listing["machines"]] == [ARN, f"{ARN}2"]
    first = listing["machines"][0]
    assert first["name"] == "m"
    assert first["states"] == {"A": 2}
    assert first["edges"] == [
        {"id": "A -[choice 1]-> B", "source": "A", "kind": "choice", "index": 1, "target": "B", "count": 2},
        {"id": "B -> (end)", "source": "B", "kind": "end", "target": END, "count": 1},
    ]


def test_memory_is_bounded_by_the_number_of_machines() -> None:
    recorder = CoverageRecorder(max_machines=2)
    for n in range(4):
        recorder.state_entered(f"{ARN}{n}", "m", "A")
    listing = recorder.listing()
    assert len(listing["machines"]) == 2
    assert listing["dropped"] == 2


def test_a_disabled_recorder_counts_nothing() -> None:
    recorder = CoverageRecorder()
    recorder.enabled = False
    recorder.state_entered(ARN, "m", "A")
    recorder.edge_taken(ARN, "m", ("A", "next", None, "B"))
    assert recorder.listing() == {"enabled": False, "machines": [], "dropped": 0}


def test_concurrent_increments_are_not_lost() -> None:
    recorder = CoverageRecorder()

    def work() -> None:
        for _ in range(2000):
            recorder.edge_taken(ARN, "m", ("A", "next", None, "B"))

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert recorder.listing()["machines"][0]["edges"][0]["count"] == 8000


def test_get_lists_and_delete_clears() -> None:
    recorder = CoverageRecorder()
    recorder.state_entered(ARN, "m", "A")
    status, listing = handle(recorder, "GET")
    assert status == 200
    assert listing["machines"][0]["states"] == {"A": 1}
    status, listing = handle(recorder, "DELETE")
    assert (status, listing["machines"]) == (200, [])
    assert recorder.listing()["machines"] == []


@pytest.mark.parametrize(
    ("value", "wanted"), [(None, True), ("", True), ("1", True), ("on", True), ("0", False), ("OFF", False)]
)
def test_ticket_coverage_switch(value: str | None, wanted: bool) -> None:
    env = {} if value is None else {"TICKET_COVERAGE": value}
    assert coverage_wanted(env) is wanted
