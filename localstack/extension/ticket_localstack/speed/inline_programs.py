"""A Step Functions program without TimeoutSeconds runs in its caller's thread, and a Parallel branch's
thread gets a short name.

`Program.eval` (asl/component/program/program.py:76-85) starts a thread for every program it runs, the
execution's and each Parallel branch's, only to join it at once with the program's TimeoutSeconds. A
Parallel branch already runs in a thread of its own (`BranchWorker.start`), so a branch cost two threads,
and `BranchWorker.start` (branch_worker.py:36-44) names its thread after `str()` of the whole branch
program, a walk of every component in it. With every other patch on, those were about 3% and 0.7% of the
emulator's CPU at 1 connection (py-spy `--gil`: `Thread.start` under `Program.eval`, `Component.__str__`).

Why it is safe: without TimeoutSeconds the original joins with no timeout, so it waits for the program to
end and never sets the execution timed out; running the program inline waits for the same end. A program
with TimeoutSeconds keeps the original's thread and timeout. An exception out of the program, which
the original's thread would print and drop, is logged and dropped here as well. A stopped execution is
seen by the program's loop (`env.is_running()`), in whatever thread it runs. The branch thread is started,
listed in `TMP_THREADS` and run exactly as before; only its name changes, which LocalStack shows in its
log lines, cut to 15 characters.
"""

import itertools
import logging
import threading
from collections.abc import Callable
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

LOG = logging.getLogger(__name__)
_SFN = "localstack.services.stepfunctions.asl.component"
_PROGRAM_EVAL = f"{_SFN}.program.program.Program.eval"
_BRANCH_START = f"{_SFN}.state.state_execution.state_parallel.branch_worker.BranchWorker.start"


def inline_programs_patch() -> GuardedPatch:
    """`Program.eval` inline when the program has no TimeoutSeconds; branch threads named by a counter."""
    from localstack.services.stepfunctions.asl.component.eval_component import EvalComponent
    from localstack.services.stepfunctions.asl.component.program.program import Program
    from localstack.services.stepfunctions.asl.component.state.state_execution.state_parallel import (
        branch_worker,
    )
    from localstack.utils.threads import TMP_THREADS

    threaded_eval: Callable[[Any, Any], None] = vars(Program)["eval"]
    numbers = itertools.count(1)

    def eval(self: Any, env: Any) -> None:  # the method's own name
        if self.timeout_seconds:
            threaded_eval(self, env)
            return
        env.next_state_name = self.start_at.start_at_name
        try:
            EvalComponent.eval(self, env)
        except Exception:  # as the original's thread would: reported, not raised to the caller
            LOG.exception("Step Functions program ended with an uncaught exception")

    def start(self: Any) -> None:
        if self._worker_thread is not None:
            raise RuntimeError("Attempted to rerun a BranchWorker.")
        self._worker_thread = threading.Thread(
            target=self._thread_routine, name=f"BranchWorker-{next(numbers)}", daemon=True
        )
        TMP_THREADS.append(self._worker_thread)
        self._worker_thread.start()

    return GuardedPatch(
        name="sfn-inline-programs",
        summary="Step Functions programs without TimeoutSeconds run in their caller's thread",
        targets=lambda: [
            Target(Program, "eval", _PROGRAM_EVAL, eval),
            Target(branch_worker.BranchWorker, "start", _BRANCH_START, start),
        ],
    )
