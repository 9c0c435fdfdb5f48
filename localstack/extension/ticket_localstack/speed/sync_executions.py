"""Keep only the latest synchronous EXPRESS executions in Step Functions' store.

`StepFunctionsProvider.start_sync_execution` (provider.py:889-963) puts every `SyncExecution` in the
account's store (`store.executions[exec_arn] = execution`, line 960) and never removes it. Each keeps
its state machine clone, its input, its output and its evaluation environment, so the emulator's
memory grows with every API request (issue 18 measured about 90 KB per Generate).

Why it is safe:
  - Nothing on AWS reads a synchronous EXPRESS execution after it answered: DescribeExecution,
    GetExecutionHistory and ListExecutions are for STANDARD workflows only (LocalStack says so too,
    provider.py:974, "Action only compatible with STANDARD workflows"); its history goes to CloudWatch
    Logs, which are kept as before.
  - The one use the store makes of them, refusing a repeated execution name (line 930), still holds for
    the latest `_KEPT` names; API Gateway names each execution after its unique request id anyway.
  - Only `SyncExecution`s this patch saw finish are dropped, oldest first; STANDARD and asynchronous
    EXPRESS executions are untouched.
The hook is `SyncExecution.to_start_sync_execution_output` (backend/execution.py:399), which the provider
calls once each execution has ended (provider.py:963); a method looked up per call, so the switch works
at run time (the provider's own methods are bound once, in its dispatch table).
"""

import threading
from collections import deque
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_KEPT = 100
_EXPECTED = "localstack.services.stepfunctions.backend.execution.SyncExecution.to_start_sync_execution_output"


class SyncExecutionBound:
    """The arns of the latest sync executions, per store; older ones leave the store."""

    def __init__(self, kept: int = _KEPT) -> None:
        self._kept = kept
        self._lock = threading.Lock()
        self._order: deque[tuple[dict[str, Any], str]] = deque()

    def finished(self, executions: dict[str, Any], exec_arn: str) -> None:
        with self._lock:
            self._order.append((executions, exec_arn))
            while len(self._order) > self._kept:
                store, oldest = self._order.popleft()
                store.pop(oldest, None)

    def __len__(self) -> int:
        return len(self._order)


def sync_execution_bound_patch() -> GuardedPatch:
    """Drops finished synchronous EXPRESS executions from the store beyond the latest `_KEPT`."""
    from localstack.services.stepfunctions import provider
    from localstack.services.stepfunctions.backend.execution import SyncExecution

    # The stores as the provider holds them: LocalStack defines them in backend/store.py, LocalEmu in
    # backend/models.py, and the provider module imports them under this one name in both.
    sfn_stores = provider.sfn_stores  # type: ignore[attr-defined]

    original = SyncExecution.to_start_sync_execution_output
    bound = SyncExecutionBound()

    def to_start_sync_execution_output(self: Any) -> Any:
        output = original(self)
        bound.finished(sfn_stores[self.account_id][self.region_name].executions, self.exec_arn)
        return output

    def targets() -> list[Target]:
        return [
            Target(SyncExecution, "to_start_sync_execution_output", _EXPECTED, to_start_sync_execution_output)
        ]

    return GuardedPatch(
        name="sfn-sync-execution-bound",
        summary=f"only the latest {_KEPT} synchronous EXPRESS executions kept in the store",
        targets=targets,
        # No drop_caches: the arns it holds are not a cache. Forgetting them when the switch flips would
        # leave up to `_KEPT` executions in the store for good; kept, they are the first to go once it is on.
    )
