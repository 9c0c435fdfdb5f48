"""Parse each state machine definition once: the ASL program cached per definition, for executions.

Replaces `ExecutionWorker._get_evaluation_entrypoint` (backend/execution_worker.py:60-63), which runs
the ANTLR lexer and parser and the preprocessor over the whole definition at the start of every
execution (tens of milliseconds of CPU for a workflow of a dozen states).

Why it is safe:
  - Evaluation keeps no state in the program: every per-execution value lives in the `Environment`
    (stack, heap, states, variables, program state). Retry counters and backoff multipliers are kept in
    `env.heap` under the component's `heap_key` (common/retry/max_attempts_decl.py:32-45,
    backoff_rate_decl.py:23-30), and every frame gets a fresh heap (eval/environment.py:100,154).
    LocalStack already relies on this when it runs one Map/Parallel subtree in several threads
    (iteration/iteration_component.py:15-17: "the evaluation must be stateless as for all
    EvalComponents to ensure they can be reused or used concurrently").
  - The one lazy attribute, `EvalComponent.heap_key` (eval_component.py:16-22), could be drawn twice
    by two threads on first use, which would lose a retry count; it is drawn on every component that
    reads it (the retry declarations) before the program is shared.
  - Only `ExecutionWorker` and `SyncExecutionWorker` use the cache. TestState
    (`TestStateExecutionWorker`) parses with its own parser and wraps states with mocks, so it keeps
    its own method and is never cached; any other subclass falls back to the original too.
  - A definition that fails to parse raises, and `lru_cache` does not store exceptions.
"""

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ticket_localstack.speed.guard import GuardedPatch, Target

if TYPE_CHECKING:
    from localstack.services.stepfunctions.asl.component.eval_component import EvalComponent

_MAX_DEFINITIONS = 256


def heap_key_users() -> "tuple[type[EvalComponent], ...]":
    """The components that read `heap_key` in LocalStack 4.14.0 (a unit test checks there are no others).
    Only these get one drawn: drawing it on every component would only lengthen LocalStack's error logs,
    which print each component's attributes."""
    from localstack.services.stepfunctions.asl.component.common.retry.backoff_rate_decl import BackoffRateDecl
    from localstack.services.stepfunctions.asl.component.common.retry.max_attempts_decl import MaxAttemptsDecl

    return MaxAttemptsDecl, BackoffRateDecl


def assign_heap_keys(program: object) -> int:
    """Draws `heap_key` on every heap-key user reachable from `program`; returns how many."""
    from localstack.services.stepfunctions.asl.component.component import Component

    users = heap_key_users()
    seen: set[int] = set()
    pending: list[object] = [program]
    assigned = 0
    while pending:
        item = pending.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, users):
            _ = item.heap_key
            assigned += 1
        if isinstance(item, Component):
            pending.extend(getattr(item, "__dict__", {}).values())
        elif isinstance(item, list | tuple | set | frozenset):
            pending.extend(item)
        elif isinstance(item, dict):
            pending.extend(item.values())
    return assigned


def program_cache_patch() -> GuardedPatch:
    """Shares one parsed program per definition string between executions (never TestState)."""
    from localstack.services.stepfunctions.asl.parse.asl_parser import AmazonStateLanguageParser
    from localstack.services.stepfunctions.backend.execution_worker import (
        ExecutionWorker,
        SyncExecutionWorker,
    )

    @functools.lru_cache(maxsize=_MAX_DEFINITIONS)
    def parse_shared(definition: str) -> Any:
        program = AmazonStateLanguageParser.parse(definition)[0]
        assign_heap_keys(program)
        return program

    original: Callable[[Any], Any] = ExecutionWorker._get_evaluation_entrypoint
    cached_kinds = (ExecutionWorker, SyncExecutionWorker)

    def _get_evaluation_entrypoint(self: Any) -> Any:
        if type(self) not in cached_kinds:
            return original(self)
        return parse_shared(self._evaluation_details.state_machine_details.definition)

    def targets() -> list[Target]:
        return [
            Target(
                ExecutionWorker,
                "_get_evaluation_entrypoint",
                "localstack.services.stepfunctions.backend.execution_worker."
                "ExecutionWorker._get_evaluation_entrypoint",
                _get_evaluation_entrypoint,
            )
        ]

    return GuardedPatch(
        name="sfn-program-cache",
        summary="ASL programs parsed once per definition for executions (TestState excluded)",
        targets=targets,
        drop_caches=parse_shared.cache_clear,
    )
