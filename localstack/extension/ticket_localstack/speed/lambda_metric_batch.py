"""Lambda's CloudWatch metrics written in one PutMetricData per account and region every half second.

After every invocation LocalStack starts a thread (services/lambda_/invocation/version_manager.py:300-318)
that calls `record_cw_metric_invocation`, or `record_cw_metric_error` (metrics.py): one internal
`PutMetricData` of AWS/Lambda `Invocations` (and one of `Errors` after an error) through botocore, the
gateway and CloudWatch's SQLite store. Two or more requests per Generate.

This patch counts them instead, per function and metric, and writes what half a second gathered as one
PutMetricData per account and region: each metric as `Values=[1]`, `Counts=[n]`, which CloudWatch's store
expands into the same n data points of 1 (services/cloudwatch/cloudwatch_database_helper.py:105-111).
A count takes microseconds, so the version manager's `start_thread` runs those two calls in the invoking
thread instead of a new thread each (starting one waited about 0.6 ms for the new thread to take the GIL,
on every invocation); every other thread it starts is started as before.

Why it is safe: the same data points reach the same namespace, metric and dimension (built by LocalStack's
own `dimension_lambda`); a point carries the second it is written, up to half a second after its
invocation (AWS itself publishes Lambda metrics per minute, and alarms evaluate whole periods). A write
that fails is logged, as stock LocalStack logs it, and `LambdaVersionManager` is not touched.
"""

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target
from ticket_localstack.speed.windowed import Batch, Windowed

LOG = logging.getLogger(__name__)
WINDOW_S = 0.5
MAX_PER_CALL = 1000  # PutMetricData's limit of MetricData entries
_METRICS = "localstack.services.lambda_.invocation.metrics"
_START_THREAD = "localstack.utils.threads.start_thread"
METRIC_THREADS = "record-cloudwatch-metric"  # the names version_manager.py:306,315 give those threads

Key = tuple[str, str, str, str]  # account, region, function name, metric name
Send = Callable[[str, str, list[dict[str, Any]]], None]  # account, region, MetricData


class MetricBatcher:
    """Counts Lambda metrics per key; writes a window's counts per account and region with `send`."""

    def __init__(
        self, send: Send, dimensions: Callable[[str], list[dict[str, str]]], window_s: float = WINDOW_S
    ):
        self._send = send
        self._dimensions = dimensions
        self._held: Windowed[Key, int] = Windowed(self._write, window_s, "ticket-lambda-metric-batch")

    def count(self, account: str, region: str, function: str, *metrics: str) -> None:
        for metric in metrics:
            self._held.add((account, region, function, metric), 1)

    def flush(self) -> None:
        self._held.flush()

    def _write(self, batch: Batch[Key, int]) -> None:
        now = datetime.now(UTC)
        places: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for (account, region, function, metric), ones in batch:
            places.setdefault((account, region), []).append(
                {
                    "MetricName": metric,
                    "Dimensions": self._dimensions(function),
                    "Timestamp": now,
                    "Values": [1.0],
                    "Counts": [float(len(ones))],
                }
            )
        for (account, region), data in places.items():
            for start in range(0, len(data), MAX_PER_CALL):
                self._send(account, region, data[start : start + MAX_PER_CALL])


def lambda_metric_batch_patch() -> GuardedPatch:
    """The two metric recorders the version manager calls, replaced by counters of one batcher."""
    from localstack.aws.connect import connect_to
    from localstack.services.lambda_.invocation import version_manager
    from localstack.utils.bootstrap import is_api_enabled
    from localstack.utils.cloudwatch.cloudwatch_util import dimension_lambda
    from localstack.utils.threads import start_thread as original_start_thread

    def send(account: str, region: str, data: list[dict[str, Any]]) -> None:
        if not is_api_enabled("cloudwatch"):  # as stock: no CloudWatch, no metrics
            return
        try:
            cloudwatch = connect_to(aws_access_key_id=account, region_name=region).cloudwatch
            cloudwatch.put_metric_data(Namespace="AWS/Lambda", MetricData=data)
        except Exception as e:
            LOG.info("Unable to put metric data for Lambda invocations to CloudWatch: %s", e)

    batcher = MetricBatcher(send, lambda function: dimension_lambda({"func_name": function}))

    def record_cw_metric_invocation(function_name: str, account_id: str, region_name: str) -> None:
        batcher.count(account_id, region_name, function_name, "Invocations")

    def record_cw_metric_error(function_name: str, account_id: str, region_name: str) -> None:
        batcher.count(account_id, region_name, function_name, "Invocations", "Errors")

    def start_thread(method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """A metric thread's work (now a count) is done here; any other thread starts as before."""
        if str(kwargs.get("name", "")).startswith(METRIC_THREADS):
            try:
                method()
            except Exception:  # as in its own thread: logged, the invocation goes on
                LOG.exception("Lambda metric count failed")
            return None  # the two call sites drop what start_thread answers
        return original_start_thread(method, *args, **kwargs)

    return GuardedPatch(
        name="lambda-metric-batch",
        summary="Lambda's CloudWatch metrics written in one PutMetricData per account and half second",
        targets=lambda: [
            Target(
                version_manager,
                "record_cw_metric_invocation",
                f"{_METRICS}.record_cw_metric_invocation",
                record_cw_metric_invocation,
            ),
            Target(
                version_manager,
                "record_cw_metric_error",
                f"{_METRICS}.record_cw_metric_error",
                record_cw_metric_error,
            ),
            Target(version_manager, "start_thread", _START_THREAD, start_thread),
        ],
        drop_caches=batcher.flush,
    )
