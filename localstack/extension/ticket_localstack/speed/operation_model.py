"""Look up each service operation's botocore model once, not on every task call.

Replaces the static method `StateTaskService._get_boto_operation_model`
(state_task/service/state_task_service.py:99-118), called twice per service task (input and output
shapes, lines 222 and 236). Each call loads a new `ServiceModel` (`aws/spec.py:load_service`) and
snake-cases every operation name of the service to find the one asked for (S3: over 100 regex
substitutions), then builds the operation model again.

Why it is safe: the result depends only on its two string arguments and the botocore specs installed,
which do not change while LocalStack runs. `OperationModel` is read-only in use (its shapes are read to
convert parameters and responses); botocore itself shares operation models between clients. An unknown
action raises, and `lru_cache` does not store exceptions.
"""

import functools
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_MAX_OPERATIONS = 1024
_EXPECTED = (
    "localstack.services.stepfunctions.asl.component.state.state_execution.state_task.service."
    "state_task_service.StateTaskService._get_boto_operation_model"
)


def operation_model_patch() -> GuardedPatch:
    """Memoizes `_get_boto_operation_model` by (boto service name, action name)."""
    from localstack.services.stepfunctions.asl.component.state.state_execution.state_task.service import (
        state_task_service,
    )

    task_service = state_task_service.StateTaskService
    original: Any = task_service._get_boto_operation_model  # the plain function behind the staticmethod
    cached = functools.lru_cache(maxsize=_MAX_OPERATIONS)(original)

    def targets() -> list[Target]:
        return [Target(task_service, "_get_boto_operation_model", _EXPECTED, staticmethod(cached))]

    return GuardedPatch(
        name="sfn-operation-model-cache",
        summary="botocore operation models looked up once per (service, action)",
        targets=targets,
        drop_caches=cached.cache_clear,
    )
