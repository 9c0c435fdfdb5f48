"""sfn-branch-log-debug: a Parallel branch still runs its program and reports its end, and logs at DEBUG."""

import logging
from types import SimpleNamespace
from typing import Any

import pytest
from localstack.services.stepfunctions.asl.component.state.state_execution.state_parallel import branch_worker

from ticket_localstack.speed.branch_logs import branch_log_patch


def test_a_branch_runs_reports_and_logs_at_debug_only(caplog: pytest.LogCaptureFixture) -> None:
    calls: list[str] = []
    env = object()
    worker: Any = SimpleNamespace(
        _worker_thread=SimpleNamespace(native_id=7),
        _program=SimpleNamespace(eval=lambda e: calls.append("eval") if e is env else None),
        env=env,
        _branch_worker_comm=SimpleNamespace(on_terminated=lambda env: calls.append("terminated")),
    )
    patch = branch_log_patch()
    patch.apply()
    try:
        with caplog.at_level(logging.DEBUG):
            branch_worker.BranchWorker._thread_routine(worker)
    finally:
        patch.revert()
    assert calls == ["eval", "terminated"]
    assert [r.levelno for r in caplog.records if "BranchWorker" in r.getMessage()] == [logging.DEBUG] * 2
    assert branch_worker.BranchWorker._thread_routine.__module__.endswith("branch_worker")  # reverted
