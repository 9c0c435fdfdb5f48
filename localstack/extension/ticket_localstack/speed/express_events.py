"""Opt-in: no EventBridge "Execution Status Change" events for EXPRESS executions.

Replaces `Execution.publish_execution_status_change_event` (backend/execution.py:323-363), which
LocalStack calls synchronously when an execution starts and when it ends (lines 315 and 91-93): each
call is an internal EventBridge `PutEvents` request on the execution's path, two per execution.

AWS documents these events for Standard workflows (Step Functions developer guide, "Automating Step
Functions event delivery with EventBridge"). Skipping them for EXPRESS is still a behaviour change
against stock LocalStack (a rule matching `aws.states` events of an EXPRESS machine stops firing),
hence opt-in only (TICKET_SKIP_EXPRESS_EVENTS=1). STANDARD executions, and TestState (which has its
own method, backend/test_state/execution.py:119), are untouched.
"""

from collections.abc import Callable
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_EXPECTED = (
    "localstack.services.stepfunctions.backend.execution.Execution.publish_execution_status_change_event"
)


def express_events_patch() -> GuardedPatch:
    """Skips the status-change PutEvents of EXPRESS executions."""
    from localstack.aws.api.stepfunctions import StateMachineType
    from localstack.services.stepfunctions.backend.execution import Execution

    original: Callable[[Any], None] = Execution.publish_execution_status_change_event

    def publish_execution_status_change_event(self: Any) -> None:
        if self.sm_type == StateMachineType.EXPRESS:
            return
        original(self)

    def targets() -> list[Target]:
        return [
            Target(
                Execution,
                "publish_execution_status_change_event",
                _EXPECTED,
                publish_execution_status_change_event,
            )
        ]

    return GuardedPatch(
        name="sfn-skip-express-events",
        summary="no EventBridge status-change events for EXPRESS executions (opt-in)",
        targets=targets,
    )
