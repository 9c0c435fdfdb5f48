"""lambda-log-batch: the same lines reach the same streams, in order, in fewer items; nothing is held back."""

import queue
import time
from typing import Any

from localstack.services.lambda_.invocation.logs import LogHandler, LogItem

from ticket_localstack.speed.lambda_log_batch import MAX_CHARS, LogBatcher, lambda_log_batch_patch


def handed_over(handler: Any) -> list[LogItem]:
    items = []
    while True:
        try:
            items.append(handler.log_queue.get_nowait())
        except queue.Empty:
            return items


def lines(items: list[LogItem]) -> list[tuple[str, str]]:
    """What the log thread sends: each item's non-empty lines, with its stream."""
    return [(item.log_stream, line) for item in items for line in item.logs.split("\n") if line]


def test_logs_of_one_window_reach_each_stream_as_one_item_in_order() -> None:
    handler = LogHandler(role_arn="arn:aws:iam::000000000000:role/r", region="us-east-1")
    batcher = LogBatcher(LogItem, window_s=0.2)
    sent = [("a", "START 1\nline 1\n"), ("b", "START 2"), ("a", "line 3\nEND 3"), ("b", "END 2\n"), ("a", "")]
    for stream, logs in sent:
        batcher.add(handler, LogItem(log_group="/aws/lambda/f", log_stream=stream, logs=logs))
    assert handed_over(handler) == []  # held for the window
    time.sleep(0.5)
    items = handed_over(handler)
    assert sorted(item.log_stream for item in items) == ["a", "b"]
    expected = [(stream, line) for stream, logs in sent for line in logs.split("\n") if line]
    assert sorted(lines(items), key=lambda x: x[0]) == sorted(expected, key=lambda x: x[0])
    assert [line for stream, line in lines(items) if stream == "a"] == [
        "START 1",
        "line 1",
        "line 3",
        "END 3",
    ]


def test_a_stream_at_the_size_limit_is_handed_over_at_once() -> None:
    handler = LogHandler(role_arn="arn:aws:iam::000000000000:role/r", region="us-east-1")
    batcher = LogBatcher(LogItem, window_s=60)
    batcher.add(handler, LogItem(log_group="g", log_stream="s", logs="x" * (MAX_CHARS - 10)))
    assert handed_over(handler) == []
    batcher.add(handler, LogItem(log_group="g", log_stream="s", logs="y" * 10))
    assert [len(item.logs) for item in handed_over(handler)] == [MAX_CHARS + 1]


def test_a_stopping_handler_gets_what_is_held_before_its_shutdown() -> None:
    patch = lambda_log_batch_patch()
    patch.apply()
    try:
        kept = LogHandler(role_arn="arn:aws:iam::000000000000:role/r", region="us-east-1")
        stopping = LogHandler(role_arn="arn:aws:iam::000000000000:role/r", region="us-east-1")
        for handler in (kept, stopping):
            handler.add_logs(LogItem(log_group="g", log_stream="s", logs=f"from {id(handler)}"))
        stopping.stop()  # no thread was started: stop only hands over
        assert [item.logs for item in handed_over(stopping)] == [f"from {id(stopping)}"]
        assert handed_over(kept) == []  # still held
    finally:
        patch.revert()  # and reverting hands over the rest
    assert [item.logs for item in handed_over(kept)] == [f"from {id(kept)}"]
    assert LogHandler.add_logs.__module__.endswith("invocation.logs")
