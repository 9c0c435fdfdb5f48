"""The sync-execution bound: the store keeps the latest synchronous EXPRESS executions and drops older
ones, on the running LocalStack (`make local-up`) as well as in the bound itself."""

import json
import uuid
from typing import Any

import pytest
from botocore.config import Config
from botocore.exceptions import ClientError
from localstack_api import client, require_localstack

from ticket_localstack.speed.sync_executions import SyncExecutionBound

ROLE = "arn:aws:iam::000000000000:role/sync-bound-test"
PASS = {"StartAt": "Done", "States": {"Done": {"Type": "Pass", "End": True}}}


def test_the_bound_drops_the_oldest_beyond_its_size_from_their_own_store() -> None:
    bound = SyncExecutionBound(kept=2)
    east: dict[str, Any] = {"a": 1, "b": 2, "x": "a standard one"}
    west: dict[str, Any] = {"c": 3}
    bound.finished(east, "a")
    bound.finished(east, "b")
    bound.finished(west, "c")
    assert east == {"b": 2, "x": "a standard one"}
    assert west == {"c": 3}
    assert len(bound) == 2


def error_code(call: Any) -> str:
    with pytest.raises(ClientError) as failed:
        call()
    code: str = failed.value.response["Error"]["Code"]
    return code


def test_an_old_sync_execution_leaves_the_store_and_a_recent_one_stays() -> None:
    require_localstack()
    sfn = client("stepfunctions", Config(inject_host_prefix=False))
    machine = sfn.create_state_machine(
        name=f"sync-bound-{uuid.uuid4().hex[:8]}", definition=json.dumps(PASS), roleArn=ROLE, type="EXPRESS"
    )["stateMachineArn"]
    try:
        arns = [
            sfn.start_sync_execution(stateMachineArn=machine, input="{}")["executionArn"] for _ in range(101)
        ]
        # Describing an EXPRESS execution is refused either way; the error says whether the store knows it.
        assert error_code(lambda: sfn.describe_execution(executionArn=arns[0])) == "ExecutionDoesNotExist"
        assert error_code(lambda: sfn.describe_execution(executionArn=arns[-1])) != "ExecutionDoesNotExist"
    finally:
        sfn.delete_state_machine(stateMachineArn=machine)
