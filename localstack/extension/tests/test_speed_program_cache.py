"""The program cache: one parsed program per definition for executions, never for TestState, with every
heap key drawn before the program is shared, and retry counters kept per execution."""

import json
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import localstack.services.stepfunctions.asl as asl
import pytest
import speed_workflows as wf
from localstack.services.stepfunctions.asl.component.common.retry.backoff_rate_decl import BackoffRateDecl
from localstack.services.stepfunctions.asl.component.common.retry.max_attempts_decl import (
    MaxAttemptsDecl,
    MaxAttemptsOutcome,
)
from localstack.services.stepfunctions.asl.component.component import Component
from localstack.services.stepfunctions.backend.execution_worker import ExecutionWorker, SyncExecutionWorker
from localstack.services.stepfunctions.backend.test_state import execution_worker as test_state

from ticket_localstack.speed.guard import GuardedPatch
from ticket_localstack.speed.program_cache import heap_key_users, program_cache_patch

DEFINITION = json.dumps(wf.features("a-bucket"))


def worker(kind: type[Any], definition: str = DEFINITION, **extra: Any) -> Any:
    details = SimpleNamespace(state_machine_details=SimpleNamespace(definition=definition))
    return kind(
        evaluation_details=details,
        exec_comm=None,
        cloud_watch_logging_session=None,
        activity_store={},
        **extra,
    )


def components(root: object, kind: type[Any]) -> list[Any]:
    found, seen, pending = [], set(), [root]
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            found.append(item)
        if isinstance(item, Component):
            pending.extend(vars(item).values())
        elif isinstance(item, list | tuple):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
    return found


@pytest.fixture
def patch() -> Iterator[GuardedPatch]:
    applied = program_cache_patch()
    applied.apply()
    yield applied
    applied.revert()


def test_executions_of_one_definition_share_one_program(patch: GuardedPatch) -> None:
    program = worker(ExecutionWorker)._get_evaluation_entrypoint()
    assert worker(ExecutionWorker)._get_evaluation_entrypoint() is program
    assert worker(SyncExecutionWorker)._get_evaluation_entrypoint() is program
    other = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}})
    assert worker(ExecutionWorker, other)._get_evaluation_entrypoint() is not program


def test_test_state_and_unknown_workers_are_never_cached(patch: GuardedPatch) -> None:
    class OtherWorker(ExecutionWorker):
        pass

    tested = worker(test_state.TestStateExecutionWorker, state_name="Prepare")
    assert tested._get_evaluation_entrypoint() is not tested._get_evaluation_entrypoint()
    other = worker(OtherWorker)
    assert other._get_evaluation_entrypoint() is not other._get_evaluation_entrypoint()


def test_every_heap_key_is_drawn_before_the_program_is_shared(patch: GuardedPatch) -> None:
    program = worker(ExecutionWorker)._get_evaluation_entrypoint()
    retry_parts = components(program, MaxAttemptsDecl) + components(program, BackoffRateDecl)
    assert len(retry_parts) == 4  # two retriers (GetMissing, Echo), each with both parts
    assert all(part._EvalComponent__heap_key is not None for part in retry_parts)


def test_only_the_retry_declarations_read_heap_key_in_this_localstack() -> None:
    asl_root = Path(asl.__file__).parent
    readers = {
        path.relative_to(asl_root).as_posix()
        for path in asl_root.rglob("*.py")
        if "heap_key" in path.read_text()
    }
    assert readers == {
        "component/eval_component.py",
        "component/common/retry/max_attempts_decl.py",
        "component/common/retry/backoff_rate_decl.py",
    }
    assert heap_key_users() == (MaxAttemptsDecl, BackoffRateDecl)


def test_retry_counters_live_in_each_execution_environment(patch: GuardedPatch) -> None:
    program = worker(ExecutionWorker)._get_evaluation_entrypoint()
    max_attempts = components(program, MaxAttemptsDecl)[0]

    def fresh_env() -> Any:
        env = SimpleNamespace(heap={}, stack=[], next_field_name=None)
        env.is_running = lambda: True
        return env

    def attempt(env: Any) -> MaxAttemptsOutcome:
        max_attempts.eval(env)
        outcome: MaxAttemptsOutcome = env.stack.pop()
        return outcome

    first, second = fresh_env(), fresh_env()
    outcomes = [attempt(first) for _ in range(max_attempts.attempts + 1)]
    assert outcomes[-1] is MaxAttemptsOutcome.EXHAUSTED
    assert attempt(second) is MaxAttemptsOutcome.SUCCESS
    assert first.heap.keys() == second.heap.keys()


def test_revert_restores_parsing_per_execution(patch: GuardedPatch) -> None:
    patch.revert()
    assert (
        worker(ExecutionWorker)._get_evaluation_entrypoint()
        is not worker(ExecutionWorker)._get_evaluation_entrypoint()
    )
