"""Fault injection against the running LocalStack (`make local-up`): rules set over HTTP reach the calls
a client makes and the calls Step Functions makes, before or after the call takes effect."""

import json
import time
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError
from localstack_api import FAULTS, client, s3_put_definition, set_faults

ROLE = "arn:aws:iam::000000000000:role/chaos-test"
# Every fault reaches the test; no "sync-" host prefix for StartSyncExecution on 127.0.0.1.
ONE_ATTEMPT = Config(retries={"total_max_attempts": 1}, inject_host_prefix=False)


@pytest.fixture
def bucket() -> Iterator[str]:
    try:
        requests.delete(FAULTS, timeout=3).raise_for_status()
    except requests.RequestException as e:
        pytest.fail(f"no fault endpoint at {FAULTS} ({e}). Run `make local-up` first.")
    name = f"chaos-{uuid.uuid4().hex[:10]}"
    client("s3", ONE_ATTEMPT).create_bucket(Bucket=name)
    yield name
    requests.delete(FAULTS, timeout=3)


def error_of(call: Any) -> tuple[int, str]:
    with pytest.raises(ClientError) as failed:
        call()
    response = failed.value.response
    return response["ResponseMetadata"]["HTTPStatusCode"], response["Error"]["Code"]


def test_a_bad_rule_is_refused_with_400_and_a_message(bucket: str) -> None:
    answer = requests.post(FAULTS, json=[{"service": "s3", "count": -1}], timeout=5)
    assert answer.status_code == 400
    assert answer.json() == {
        "error": "InvalidRequest",
        "message": "rule refused: count must be a whole number from 1 up",
    }
    assert requests.get(FAULTS, timeout=5).json() == []


def test_a_fault_before_the_call_leaves_nothing_behind_and_count_limits_it(bucket: str) -> None:
    s3 = client("s3", ONE_ATTEMPT)
    set_faults({"service": "s3", "operation": "PutObject", "resource": "seats/", "count": 1})

    def put() -> Any:
        return s3.put_object(Bucket=bucket, Key="seats/A1.json", Body=b"{}")

    assert error_of(put) == (503, "ServiceUnavailable")
    assert error_of(lambda: s3.head_object(Bucket=bucket, Key="seats/A1.json"))[0] == 404
    s3.put_object(Bucket=bucket, Key="tickets/t.json", Body=b"{}")  # another prefix: untouched
    put()  # the count is spent
    assert requests.get(FAULTS, timeout=5).json()[0]["injected"] == 1


def test_a_lost_answer_takes_effect_and_then_fails(bucket: str) -> None:
    s3 = client("s3", ONE_ATTEMPT)
    set_faults(
        {
            "service": "s3",
            "operation": "PutObject",
            "after": True,
            "error": {"statusCode": 500, "code": "InternalError"},
        }
    )
    conditional = lambda: s3.put_object(Bucket=bucket, Key="k", Body=b"first", IfNoneMatch="*")  # noqa: E731
    assert error_of(conditional) == (500, "InternalError")
    assert s3.get_object(Bucket=bucket, Key="k")["Body"].read() == b"first"
    requests.delete(FAULTS, timeout=5)
    assert error_of(conditional) == (412, "PreconditionFailed")  # a retry meets its own write


def test_latency_alone_slows_the_call_and_it_succeeds(bucket: str) -> None:
    set_faults({"service": "s3", "operation": "PutObject", "latencyMs": 400})
    started = time.monotonic()
    client("s3", ONE_ATTEMPT).put_object(Bucket=bucket, Key="slow", Body=b"x")
    assert time.monotonic() - started >= 0.4


def test_the_calls_step_functions_makes_get_the_faults(bucket: str) -> None:
    sfn = client("stepfunctions", ONE_ATTEMPT)
    definition = s3_put_definition(bucket, "seats/B2.json", "{}")
    machine = sfn.create_state_machine(
        name=f"chaos-{uuid.uuid4().hex[:8]}", definition=json.dumps(definition), roleArn=ROLE, type="EXPRESS"
    )["stateMachineArn"]
    try:
        set_faults(
            {
                "service": "s3",
                "operation": "PutObject",
                "resource": "seats/",
                "error": {"statusCode": 503, "code": "SlowDown"},
            }
        )
        failed = sfn.start_sync_execution(stateMachineArn=machine, input="{}")
        assert (failed["status"], failed["error"]) == ("FAILED", "S3.S3Exception")
        assert "Status Code: 503" in failed["cause"]
        requests.delete(FAULTS, timeout=5)
        assert sfn.start_sync_execution(stateMachineArn=machine, input="{}")["status"] == "SUCCEEDED"
    finally:
        sfn.delete_state_machine(stateMachineArn=machine)
