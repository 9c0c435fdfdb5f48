"""The opt-in events patch: EXPRESS executions publish no status-change event, STANDARD ones still do."""

import datetime
from types import SimpleNamespace
from typing import Any

from localstack.aws.api.stepfunctions import ExecutionStatus, StateMachineType
from localstack.services.stepfunctions.backend.execution import Execution

from ticket_localstack.speed.express_events import express_events_patch


class Events:
    def __init__(self) -> None:
        self.sent: list[Any] = []

    def put_events(self, Entries: list[Any]) -> None:  # boto3's parameter name
        self.sent.extend(Entries)


def execution(kind: StateMachineType, events: Events) -> Any:
    return SimpleNamespace(
        sm_type=kind,
        input_data={"a": 1},
        output=None,
        output_details=None,
        input_details=None,
        exec_arn="arn:aws:states:us-east-1:000000000000:execution:m:e",
        state_machine=SimpleNamespace(arn="arn:aws:states:us-east-1:000000000000:stateMachine:m"),
        name="e",
        exec_status=ExecutionStatus.RUNNING,
        start_date=datetime.datetime.now(tz=datetime.UTC),
        stop_date=None,
        error=None,
        cause=None,
        _get_events_client=lambda: events,
    )


def test_express_executions_skip_the_event_and_standard_ones_send_it() -> None:
    patch = express_events_patch()
    patch.apply()
    try:
        express, standard = Events(), Events()
        Execution.publish_execution_status_change_event(execution(StateMachineType.EXPRESS, express))
        Execution.publish_execution_status_change_event(execution(StateMachineType.STANDARD, standard))
    finally:
        patch.revert()
    assert express.sent == []
    assert [entry["DetailType"] for entry in standard.sent] == ["Step Functions Execution Status Change"]


def test_unpatched_express_executions_send_it() -> None:
    events = Events()
    Execution.publish_execution_status_change_event(execution(StateMachineType.EXPRESS, events))
    assert len(events.sent) == 1
