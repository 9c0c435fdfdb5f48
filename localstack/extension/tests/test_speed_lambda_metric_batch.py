"""lambda-metric-batch: the same Lambda data points, written per account and region in one call."""

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from localstack.utils.threads import start_thread as original_start_thread
from localstack_api import client

from ticket_localstack.speed.lambda_metric_batch import (
    MAX_PER_CALL,
    METRIC_THREADS,
    MetricBatcher,
    lambda_metric_batch_patch,
)

START_THREAD = "start_thread"  # the version manager's import, which the patch replaces


def by_function(function: str) -> list[dict[str, str]]:
    return [{"Name": "FunctionName", "Value": function}]


def test_a_window_of_counts_is_one_call_per_account_and_region() -> None:
    calls: list[tuple[str, str, list[dict[str, Any]]]] = []
    batcher = MetricBatcher(lambda *call: calls.append(call), by_function, window_s=0.2)
    for _ in range(3):
        batcher.count("111111111111", "us-east-1", "f", "Invocations")
    batcher.count("111111111111", "us-east-1", "g", "Invocations", "Errors")
    batcher.count("222222222222", "eu-west-1", "f", "Invocations")
    assert calls == []  # held for the window
    time.sleep(0.5)
    points = {
        (account, region, d["Dimensions"][0]["Value"], d["MetricName"]): (d["Values"], d["Counts"])
        for account, region, data in calls
        for d in data
    }
    assert sorted((account, region) for account, region, _ in calls) == [
        ("111111111111", "us-east-1"),
        ("222222222222", "eu-west-1"),
    ]
    assert points == {
        ("111111111111", "us-east-1", "f", "Invocations"): ([1.0], [3.0]),
        ("111111111111", "us-east-1", "g", "Invocations"): ([1.0], [1.0]),
        ("111111111111", "us-east-1", "g", "Errors"): ([1.0], [1.0]),
        ("222222222222", "eu-west-1", "f", "Invocations"): ([1.0], [1.0]),
    }


def test_more_metrics_than_one_call_takes_are_split_and_flush_writes_at_once() -> None:
    calls: list[int] = []
    batcher = MetricBatcher(lambda account, region, data: calls.append(len(data)), by_function, window_s=60)
    for n in range(MAX_PER_CALL + 5):
        batcher.count("111111111111", "us-east-1", f"f{n}", "Invocations")
    batcher.flush()
    assert calls == [MAX_PER_CALL, 5]


def test_lambda_metrics_reach_cloudwatch_as_many_as_invocations_and_errors(
    make_function: Callable[..., str], invoke: Callable[..., Any]
) -> None:
    """Against the running LocalStack (with or without the patch: the same sums)."""
    name = make_function("exports.handler = async (e) => { if (e.fail) throw new Error('no'); return 1; };")
    for event in ({}, {}, {"fail": True}):
        invoke(name, event)
    cloudwatch = client("cloudwatch")

    def total(metric: str) -> float:
        points = cloudwatch.get_metric_statistics(
            Namespace="AWS/Lambda",
            MetricName=metric,
            Dimensions=by_function(name),
            StartTime=datetime.now(UTC) - timedelta(minutes=5),
            EndTime=datetime.now(UTC) + timedelta(minutes=1),
            Period=3600,
            Statistics=["Sum"],
        )["Datapoints"]
        return float(sum(p["Sum"] for p in points))

    deadline = time.monotonic() + 10
    while (total("Invocations"), total("Errors")) != (3, 1) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert (total("Invocations"), total("Errors")) == (3, 1)


def test_the_version_managers_metric_threads_run_inline_and_other_threads_start() -> None:
    from localstack.services.lambda_.invocation import version_manager

    patch = lambda_metric_batch_patch()
    patch.apply()
    try:
        start_thread: Any = getattr(version_manager, START_THREAD)
        ran: list[str] = []
        here = threading.current_thread().name
        answer = start_thread(
            lambda *args, **kwargs: ran.append(threading.current_thread().name),
            name=f"{METRIC_THREADS}-f:$LATEST",
        )
        assert (answer, ran) == (None, [here])  # a count, done in the invoking thread
        other = start_thread(
            lambda *args, **kwargs: ran.append(threading.current_thread().name), name="provisioning"
        )
        other.join(5)
        assert ran[1] != here  # any other thread is started as before
    finally:
        patch.revert()
    assert getattr(version_manager, START_THREAD) is original_start_thread
