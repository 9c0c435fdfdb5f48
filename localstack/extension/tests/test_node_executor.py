"""The local-node executor against the running LocalStack (`make local-up` starts it with the
executor selected): real CreateFunction / Invoke calls, each on a small throwaway function."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import Invoke
from localstack_api import LOCALSTACK_URL, client


def test_runs_the_handler_with_the_event_and_the_lambda_environment(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = async (event, context) => ({ echo: event, fn: context.functionName,"
        " root: process.env.LAMBDA_TASK_ROOT, cwd: process.cwd(), endpoint: process.env.AWS_ENDPOINT_URL,"
        " left: context.getRemainingTimeInMillis() });"
    )
    response, body = invoke(name, {"hello": "world"})
    assert "FunctionError" not in response
    assert body["echo"] == {"hello": "world"}
    assert body["fn"] == name
    assert body["root"] == body["cwd"]  # the unzipped code, not /var/task
    assert body["endpoint"] == LOCALSTACK_URL
    assert 0 < body["left"] <= 5000


def test_a_handler_that_throws_answers_its_error_name(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "class EventAlreadyStarted extends Error { name = 'EventAlreadyStarted' };"
        "exports.handler = async () => { throw new EventAlreadyStarted('started at noon'); };"
    )
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert body["errorType"] == "EventAlreadyStarted"
    assert body["errorMessage"] == "started at noon"
    # The environment survives a thrown error: the next call is served by it.
    assert invoke(name)[1]["errorType"] == "EventAlreadyStarted"


def test_a_handler_that_blocks_past_its_timeout_is_killed_and_the_next_call_starts_fresh(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = async (event) => { if (event.block) { for (;;) {} } return process.pid; };",
        timeout=1,
    )
    started = time.monotonic()
    response, body = invoke(name, {"block": True})
    assert time.monotonic() - started < 10
    assert response["FunctionError"] == "Unhandled"
    assert body["errorType"] == "Sandbox.Timedout"
    assert "Task timed out after 1.00 seconds" in body["errorMessage"]
    response, pid = invoke(name, {"block": False})
    assert "FunctionError" not in response
    assert isinstance(pid, int)


@pytest.mark.parametrize(
    ("source", "error_type"),
    [
        ("exports.handler = async () => 1; this is not JavaScript", "Runtime.ImportModuleError"),
        ("throw new Error('no config at import');", "Runtime.ImportModuleError"),
        ("exports.somethingElse = async () => 1;", "Runtime.HandlerNotFound"),
    ],
    ids=["syntax error", "throws at import", "no such export"],
)
def test_a_module_that_fails_to_load_answers_a_runtime_error(
    make_function: Callable[..., str], invoke: Invoke, source: str, error_type: str
) -> None:
    name = make_function(source)
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert body["errorType"] == error_type


def test_a_process_that_exits_mid_invocation_answers_an_exit_error(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = async (event) => { if (event.exit) process.exit(3); return 'ok'; };"
    )
    response, body = invoke(name, {"exit": True})
    assert response["FunctionError"] == "Unhandled"
    assert body == {
        "errorType": "Runtime.ExitError",
        "errorMessage": "Runtime exited with error: exit status 3",
    }
    assert invoke(name, {"exit": False})[1] == "ok"


def test_a_concurrent_burst_on_one_function_is_served_by_several_environments(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = async (event) => { await new Promise((r) => setTimeout(r, 300));"
        " return { n: event.n, pid: process.pid }; };"
    )
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda n: invoke(name, {"n": n}), range(16)))
    assert [body["n"] for _, body in answers] == list(range(16))
    assert all("FunctionError" not in response for response, _ in answers)
    assert len({body["pid"] for _, body in answers}) > 1


def test_what_the_handler_logs_reaches_cloudwatch_logs(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    marker = f"marker-{uuid.uuid4().hex}"
    name = make_function(
        f"exports.handler = async () => {{ console.log('{marker} via console'); "
        f"process.stdout.write('{marker} via stdout\\n'); return 1; }};"
    )
    invoke(name)
    logs = client("logs")
    messages: list[str] = []
    # LocalStack stores the logs from a background thread: the group may not exist yet.
    for _ in range(20):
        try:
            events = logs.filter_log_events(logGroupName=f"/aws/lambda/{name}").get("events", [])
        except logs.exceptions.ResourceNotFoundException:
            events = []
        messages = [e["message"] for e in events]
        if sum(marker in m for m in messages) >= 2:
            break
        time.sleep(0.5)
    text = "\n".join(messages)
    assert f"{marker} via console" in text
    assert f"{marker} via stdout" in text  # Powertools Logger writes to stdout, not console
    assert "REPORT RequestId:" in text


def test_hot_reload_code_serves_an_edit_on_the_next_call(
    make_function: Callable[..., str], invoke: Invoke, tmp_path: Path
) -> None:
    module = tmp_path / "index.js"
    module.write_text("exports.handler = async () => 'before';")
    name = make_function({"S3Bucket": "hot-reload", "S3Key": str(tmp_path)})
    assert invoke(name)[1] == "before"
    module.write_text("exports.handler = async () => 'after';")
    os.utime(module, (time.time() + 1, time.time() + 1))  # a new mtime even within one clock tick
    assert invoke(name)[1] == "after"
