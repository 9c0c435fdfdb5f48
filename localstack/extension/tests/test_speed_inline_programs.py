"""sfn-inline-programs: a program without TimeoutSeconds runs in its caller's thread and reports what the
original's thread reported; one with TimeoutSeconds still times out; branch threads have short names."""

import json
import logging
import threading
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from botocore.config import Config
from localstack.services.stepfunctions.asl.component.eval_component import EvalComponent
from localstack.services.stepfunctions.asl.component.program.program import Program
from localstack.services.stepfunctions.asl.component.state.state_execution.state_parallel import branch_worker
from localstack.utils.threads import TMP_THREADS
from localstack_api import client, require_localstack

from ticket_localstack.speed.inline_programs import inline_programs_patch

ROLE = "arn:aws:iam::000000000000:role/inline-programs-test"


@pytest.fixture
def patched() -> Any:
    patch = inline_programs_patch()
    patch.apply()
    yield
    patch.revert()
    assert Program.eval.__module__.endswith("program.program")  # reverted
    assert branch_worker.BranchWorker.start.__module__.endswith("branch_worker")


def test_a_program_without_a_timeout_runs_in_the_callers_thread(
    patched: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[tuple[int, str]] = []
    monkeypatch.setattr(
        EvalComponent, "eval", lambda self, env: ran.append((threading.get_ident(), env.next_state_name))
    )
    program: Any = SimpleNamespace(timeout_seconds=None, start_at=SimpleNamespace(start_at_name="First"))
    env: Any = SimpleNamespace(next_state_name=None)
    Program.eval(program, env)
    assert ran == [(threading.get_ident(), "First")]


def test_an_exception_out_of_the_program_is_logged_not_raised(
    patched: None, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(self: Any, env: Any) -> None:
        raise RuntimeError("a broken program")

    monkeypatch.setattr(EvalComponent, "eval", fail)
    program: Any = SimpleNamespace(timeout_seconds=None, start_at=SimpleNamespace(start_at_name="First"))
    with caplog.at_level(logging.ERROR):
        env: Any = SimpleNamespace(next_state_name=None)
        Program.eval(program, env)
    assert "a broken program" in caplog.text


def test_a_branch_thread_is_listed_started_once_and_named_shortly(patched: None) -> None:
    done = threading.Event()
    worker: Any = SimpleNamespace(_worker_thread=None, _thread_routine=done.set)
    branch_worker.BranchWorker.start(worker)
    assert done.wait(5)
    assert worker._worker_thread in TMP_THREADS
    assert worker._worker_thread.name.startswith("BranchWorker-") and len(worker._worker_thread.name) < 30
    with pytest.raises(RuntimeError):
        branch_worker.BranchWorker.start(worker)


def test_on_the_running_emulator_timeouts_hold_and_branches_answer() -> None:
    """Every standard patch is on in the running emulator: TimeoutSeconds still ends the execution, and a
    Parallel's branches (one thread each, their programs inline) answer in order."""
    require_localstack()
    sfn = client("stepfunctions", Config(inject_host_prefix=False))
    definitions = {
        "timeout": {
            "TimeoutSeconds": 1,
            "StartAt": "Wait",
            "States": {"Wait": {"Type": "Wait", "Seconds": 3, "End": True}},
        },
        "parallel": {
            "StartAt": "Both",
            "States": {
                "Both": {
                    "Type": "Parallel",
                    "End": True,
                    "Branches": [
                        {"StartAt": f"B{i}", "States": {f"B{i}": {"Type": "Pass", "Result": i, "End": True}}}
                        for i in range(3)
                    ],
                }
            },
        },
    }
    machines = {
        name: sfn.create_state_machine(
            name=f"inline-{name}-{uuid.uuid4().hex[:8]}",
            definition=json.dumps(definition),
            roleArn=ROLE,
            type="EXPRESS",
        )["stateMachineArn"]
        for name, definition in definitions.items()
    }
    try:
        timed_out = sfn.start_sync_execution(stateMachineArn=machines["timeout"], input="{}")
        assert timed_out["status"] == "TIMED_OUT"
        answered = sfn.start_sync_execution(stateMachineArn=machines["parallel"], input="{}")
        assert answered["status"] == "SUCCEEDED" and json.loads(answered["output"]) == [0, 1, 2]
    finally:
        for arn in machines.values():
            sfn.delete_state_machine(stateMachineArn=arn)
