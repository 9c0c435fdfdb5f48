"""Parallel branches log their start and end at DEBUG, not INFO.

`BranchWorker._thread_routine` (asl/component/state/state_execution/state_parallel/branch_worker.py:30-34)
writes "[BranchWorker] [launched] [id: …]" and "[terminated]" at INFO for every branch of every Parallel
state: about ten lines per Generate, two thirds of LocalStack's whole log (`make local-logs`) after a
load run, and 3% of its CPU under 20 connections (py-spy, the logging module's share).

Why it is safe: the two lines carry only a thread id, nothing of the execution; the branch runs the
same program and reports to the same communicator in the same order; with LS_LOG=debug the lines are
still there.
"""

import logging
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_MODULE = "localstack.services.stepfunctions.asl.component.state.state_execution.state_parallel.branch_worker"


def branch_log_patch() -> GuardedPatch:
    """The branch worker's two INFO lines per branch written at DEBUG."""
    from localstack.services.stepfunctions.asl.component.state.state_execution.state_parallel import (
        branch_worker,
    )

    log = logging.getLogger(branch_worker.__name__)

    def _thread_routine(self: Any) -> None:
        log.debug("[BranchWorker] [launched] [id: %s]", self._worker_thread.native_id)
        self._program.eval(self.env)
        log.debug("[BranchWorker] [terminated] [id: %s]", self._worker_thread.native_id)
        self._branch_worker_comm.on_terminated(env=self.env)

    return GuardedPatch(
        name="sfn-branch-log-debug",
        summary="Parallel branches log their start and end at DEBUG",
        targets=lambda: [
            Target(
                branch_worker.BranchWorker,
                "_thread_routine",
                f"{_MODULE}.BranchWorker._thread_routine",
                _thread_routine,
            )
        ],
    )
