"""Transition coverage against the running LocalStack (`make local-up`): a small machine with a Choice,
a Parallel that fails in one branch, is retried once and then caught, reports exactly those edges."""

import json
import uuid
from typing import Any

import requests
from botocore.config import Config
from localstack_api import LOCALSTACK_URL, client, require_localstack

COVERAGE = f"{LOCALSTACK_URL}/_ticket_orchestrator/coverage"
ROLE = "arn:aws:iam::000000000000:role/coverage-test"

# Boom fails its branch, so the Parallel fails: retried once (Retry), then caught by its second
# Catcher (the first names another error). The other branch's Pass may or may not finish first.
DEFINITION: dict[str, Any] = {
    "StartAt": "Prepare",
    "States": {
        "Prepare": {"Type": "Pass", "Next": "Pick"},
        "Pick": {
            "Type": "Choice",
            "Choices": [
                {"Variable": "$.mode", "StringEquals": "fan", "Next": "Fan"},
                {"Variable": "$.mode", "StringEquals": "skip", "Next": "Done"},
            ],
            "Default": "Done",
        },
        "Fan": {
            "Type": "Parallel",
            "Branches": [
                {"StartAt": "Calm", "States": {"Calm": {"Type": "Pass", "End": True}}},
                {"StartAt": "Boom", "States": {"Boom": {"Type": "Fail", "Error": "Boom"}}},
            ],
            "Retry": [
                {"ErrorEquals": ["Boom"], "IntervalSeconds": 1, "MaxAttempts": 1, "JitterStrategy": "FULL"}
            ],
            "Catch": [
                {"ErrorEquals": ["Other"], "Next": "Done"},
                {"ErrorEquals": ["States.ALL"], "ResultPath": "$.failure", "Next": "Done"},
            ],
            "Next": "Done",
        },
        "Done": {"Type": "Succeed"},
    },
}


def recorded(arn: str) -> dict[str, Any]:
    answer = requests.get(COVERAGE, timeout=5)
    answer.raise_for_status()
    listing = answer.json()
    assert listing["enabled"] is True, "coverage is off: was LocalStack started with TICKET_COVERAGE=0?"
    machines = [m for m in listing["machines"] if m["arn"] == arn]
    assert len(machines) == 1, f"nothing recorded for {arn}"
    machine: dict[str, Any] = machines[0]
    return machine


def test_records_states_and_every_kind_of_edge_of_real_executions() -> None:
    require_localstack()
    # No "sync-" host prefix for StartSyncExecution on 127.0.0.1.
    sfn = client("stepfunctions", Config(inject_host_prefix=False))
    name = f"coverage-{uuid.uuid4().hex[:8]}"
    arn = sfn.create_state_machine(
        name=name, definition=json.dumps(DEFINITION), roleArn=ROLE, type="EXPRESS"
    )["stateMachineArn"]
    try:
        for mode in ("fan", "other"):
            answer = sfn.start_sync_execution(stateMachineArn=arn, input=json.dumps({"mode": mode}))
            assert answer["status"] == "SUCCEEDED", answer

        machine = recorded(arn)
    finally:
        sfn.delete_state_machine(stateMachineArn=arn)

    assert machine["name"] == name
    edges = {edge["id"]: edge["count"] for edge in machine["edges"]}
    calm_end = edges.pop("Calm -> (end)", 0)  # the Calm branch may be stopped by Boom's failure first
    assert edges == {
        "Prepare -> Pick": 2,
        "Pick -[choice 0]-> Fan": 1,
        "Pick -[default]-> Done": 1,
        "Fan -[branch 0]-> Calm": 2,  # started, then started again by the retry
        "Fan -[branch 1]-> Boom": 2,
        "Fan -[retry]-> Fan": 1,
        "Fan -[catch 1]-> Done": 1,
        "Done -> (end)": 2,
    }
    assert 0 <= calm_end <= 2
    states = machine["states"]
    calm = states.pop("Calm", 0)
    assert states == {"Prepare": 2, "Pick": 2, "Fan": 1, "Boom": 2, "Done": 2}
    assert calm_end <= calm <= 2
