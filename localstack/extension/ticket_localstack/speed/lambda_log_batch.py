"""Lambda logs reach CloudWatch Logs in one PutLogEvents per log stream every half second.

LocalStack ships each invocation's log on its own: `LogHandler.add_logs`
(services/lambda_/invocation/logs.py:96-99) queues it, and the function's log thread sends one internal
`PutLogEvents` for it (:46-85), through botocore and the whole gateway: two requests per Generate.

This patch holds each log for up to `WINDOW_S`, then hands the same thread one item per log stream with
every log that came in meanwhile, joined by newlines. The thread splits an item into lines and drops the
empty ones, so it sends the same lines, in the same order, to the same group and stream, with the same
call and error handling; only in fewer requests.

Why it is safe: lines reach CloudWatch Logs up to half a second later (Lambda's own delivery takes
seconds, and readers poll), and carry the time they are sent, as stock LocalStack stamps them. Nothing
is held back from a stopping handler (`LogHandler.stop` hands over what it holds first), and an item
stays far under PutLogEvents' 1 MB: a stream's logs are handed over as soon as they reach `MAX_CHARS`.
"""

from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target
from ticket_localstack.speed.windowed import Batch, Windowed

WINDOW_S = 0.5
MAX_CHARS = 256 * 1024
_LOGS = "localstack.services.lambda_.invocation.logs"

Stream = tuple[Any, str, str]  # the LogHandler, the log group, the log stream


class LogBatcher:
    """Logs held per stream, each stream's handed to its handler's queue as one LogItem."""

    def __init__(self, item_type: type, window_s: float = WINDOW_S) -> None:
        self._item_type = item_type  # LocalStack's LogItem(log_group, log_stream, logs)
        self._held: Windowed[Stream, str] = Windowed(self._hand_over, window_s, "ticket-lambda-log-batch")

    def add(self, handler: Any, item: Any) -> None:
        stream = (handler, item.log_group, item.log_stream)
        if sum(map(len, self._held.add(stream, item.logs))) >= MAX_CHARS:
            self._held.flush(keep=lambda key: key != stream)

    def flush(self, handler: Any = None) -> None:
        """Hands over what is held: for one handler, or for all."""
        self._held.flush(keep=lambda key: handler not in (None, key[0]))

    def _hand_over(self, batch: Batch[Stream, str]) -> None:
        for (handler, group, stream), logs in batch:
            handler.log_queue.put(self._item_type(log_group=group, log_stream=stream, logs="\n".join(logs)))


def lambda_log_batch_patch() -> GuardedPatch:
    """`LogHandler.add_logs` holds logs for the batcher; `LogHandler.stop` hands them over first."""
    from localstack.services.lambda_.invocation import logs
    from localstack.utils.bootstrap import is_api_enabled

    batcher = LogBatcher(logs.LogItem)
    original_stop = logs.LogHandler.stop

    def add_logs(self: Any, log_item: Any) -> None:
        if is_api_enabled("logs"):  # as stock: no logs service, no logs
            batcher.add(self, log_item)

    def stop(self: Any) -> None:
        batcher.flush(self)
        original_stop(self)

    return GuardedPatch(
        name="lambda-log-batch",
        summary="Lambda logs reach CloudWatch Logs in one PutLogEvents per stream and half second",
        targets=lambda: [
            Target(logs.LogHandler, "add_logs", f"{_LOGS}.LogHandler.add_logs", add_logs),
            Target(logs.LogHandler, "stop", f"{_LOGS}.LogHandler.stop", stop),
        ],
        drop_caches=batcher.flush,
    )
