"""The environment a Node.js function sees, checked against the Lambda Developer Guide's "Defined
runtime environment variables" and "Modifying the runtime environment" (AWS_LAMBDA_EXEC_WRAPPER);
the paths are the local folders where Lambda has /var/task, /var/runtime and /var/lang."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import pytest
from conftest import Invoke

DUMP = (
    "exports.handler = async () => ({ env: process.env, cwd: process.cwd(), node: process.execPath,"
    " offset: new Date().getTimezoneOffset() });"
)


@pytest.fixture
def seen(make_function: Callable[..., str], invoke: Invoke) -> tuple[str, dict[str, Any]]:
    name = make_function(DUMP, MemorySize=256, Environment={"Variables": {"TICKET_TABLE": "tickets"}})
    return name, invoke(name)[1]


def test_the_variables_lambda_defines_are_set(seen: tuple[str, dict[str, Any]]) -> None:
    name, body = seen
    env = body["env"]
    assert {key: env.get(key) for key in EXPECTED} == {
        "_HANDLER": "index.handler",
        "AWS_REGION": "us-east-1",
        "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_EXECUTION_ENV": "AWS_Lambda_nodejs22.x",
        "AWS_LAMBDA_FUNCTION_NAME": name,
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": "256",
        "AWS_LAMBDA_FUNCTION_VERSION": "$LATEST",
        "AWS_LAMBDA_INITIALIZATION_TYPE": "on-demand",
        "AWS_LAMBDA_LOG_GROUP_NAME": f"/aws/lambda/{name}",
        "LANG": "en_US.UTF-8",
        "TZ": ":UTC",
        "TICKET_TABLE": "tickets",  # the function's own
    }
    assert env["AWS_LAMBDA_LOG_STREAM_NAME"]
    assert env["AWS_ACCESS_KEY_ID"] and env["AWS_SECRET_ACCESS_KEY"] and "AWS_SESSION_TOKEN" in env
    assert "_X_AMZN_TRACE_ID" in env  # set for each invocation
    assert body["offset"] == 0


EXPECTED = [
    "_HANDLER", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME", "LANG", "TZ", "TICKET_TABLE",
]  # fmt: skip


def test_the_paths_are_lambdas_with_the_local_folders(seen: tuple[str, dict[str, Any]]) -> None:
    env = seen[1]["env"]
    task, runtime = env["LAMBDA_TASK_ROOT"], env["LAMBDA_RUNTIME_DIR"]
    assert task == seen[1]["cwd"]
    assert os.path.isdir(runtime)
    node_bin = os.path.dirname(seen[1]["node"])
    assert env["PATH"].split(":")[0] == node_bin  # /var/lang/bin on Lambda
    assert env["PATH"].endswith(":/usr/local/bin:/usr/bin/:/bin:/opt/bin")
    assert env["LD_LIBRARY_PATH"].endswith(
        f":/lib64:/usr/lib64:{runtime}:{runtime}/lib:{task}:{task}/lib:/opt/lib"
    )
    assert env["NODE_PATH"] == (
        f"/opt/nodejs/node22/node_modules:/opt/nodejs/node_modules:{runtime}/node_modules:{runtime}:{task}"
    )


def test_nothing_of_localstack_or_the_executor_leaks_in(seen: tuple[str, dict[str, Any]]) -> None:
    env = seen[1]["env"]
    leaked = [
        key
        for key in env
        if key.startswith(("LOCALSTACK_", "TICKET_RUNTIME", "_TICKET"))
        or key in ("EDGE_PORT", "AWS_LAMBDA_FUNCTION_TIMEOUT")
    ]
    assert leaked == []


def test_an_exec_wrapper_starts_the_runtime(make_function: Callable[..., str], invoke: Invoke) -> None:
    wrapper = '#!/bin/bash\nexport WRAPPED_ARGS="$#"\nexec "$@"\n'
    name = make_function(
        "exports.handler = async () => ({ wrapped: process.env.WRAPPED_ARGS, node: process.argv[0] });",
        files={"wrapper.sh": wrapper},
        Environment={"Variables": {"AWS_LAMBDA_EXEC_WRAPPER": "/var/task/wrapper.sh"}},
    )
    response, body = invoke(name)
    assert "FunctionError" not in response, body
    assert body["wrapped"] == "2"  # the interpreter and the runtime's script, as Lambda passes them
    assert os.path.basename(body["node"]).startswith("node")
