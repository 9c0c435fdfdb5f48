"""The operation-model memo: the original's models, each looked up once; unknown actions still refused."""

from collections.abc import Iterator
from typing import Any

import pytest
from localstack.services.stepfunctions.asl.component.state.state_execution.state_task.service import (
    state_task_service,
)

from ticket_localstack.speed.guard import GuardedPatch
from ticket_localstack.speed.operation_model import operation_model_patch

StateTaskService = state_task_service.StateTaskService

CALLS = [
    ("s3", "getObject"),
    ("s3", "put_object"),
    ("sns", "publish"),
    ("stepfunctions", "describeStateMachine"),
]


@pytest.fixture
def patch() -> Iterator[GuardedPatch]:
    applied = operation_model_patch()
    applied.apply()
    yield applied
    applied.revert()


def summary(model: Any) -> tuple[str, list[str], list[str]]:
    output = model.output_shape
    return model.name, sorted(model.input_shape.members), sorted(output.members) if output else []


def test_answers_the_same_models_and_looks_each_up_once(patch: GuardedPatch) -> None:
    patched = [StateTaskService._get_boto_operation_model(*call) for call in CALLS]
    assert StateTaskService._get_boto_operation_model("s3", "getObject") is patched[0]
    patch.revert()
    unpatched = [StateTaskService._get_boto_operation_model(*call) for call in CALLS]
    assert [summary(model) for model in patched] == [summary(model) for model in unpatched]
    assert [model.name for model in patched] == ["GetObject", "PutObject", "Publish", "DescribeStateMachine"]


def test_an_unknown_action_is_refused_every_time(patch: GuardedPatch) -> None:
    for _ in range(2):
        with pytest.raises(RuntimeError, match="No api action named 'noSuchThing'"):
            StateTaskService._get_boto_operation_model("s3", "noSuchThing")


def test_revert_puts_the_static_method_back(patch: GuardedPatch) -> None:
    patched = vars(StateTaskService)["_get_boto_operation_model"]
    patch.revert()
    original = vars(StateTaskService)["_get_boto_operation_model"]
    assert isinstance(original, staticmethod)
    assert original is not patched
    assert not hasattr(original.__func__, "cache_info")
