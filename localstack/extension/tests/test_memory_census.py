"""The memory census: what stays allocated between POST and DELETE, by the line that allocated it."""

from ticket_localstack import memory_census

_kept: list[bytes] = []


def keep_a_megabyte() -> None:
    _kept.append(bytes(1024 * 1024))


def test_it_finds_what_was_kept_since_it_started_and_where() -> None:
    memory_census.start()
    keep_a_megabyte()
    freed = [bytes(2 * 1024 * 1024)]
    freed.clear()
    census = memory_census.finish()
    _kept.clear()
    assert census is not None
    assert 1024 <= census["keptKb"] < 2048  # the kept megabyte, not the freed two
    top = census["sites"][0]
    allocating_line = keep_a_megabyte.__code__.co_firstlineno + 1
    assert top["where"].endswith(f"test_memory_census.py:{allocating_line}") and top["kb"] >= 1024


def test_without_a_start_it_answers_409_and_stops_after_one_census() -> None:
    assert memory_census.handle("DELETE")[0] == 409
    assert memory_census.handle("POST") == (200, {"tracing": True})
    status, document = memory_census.handle("DELETE")
    assert status == 200 and "sites" in document
    assert memory_census.handle("DELETE")[0] == 409
