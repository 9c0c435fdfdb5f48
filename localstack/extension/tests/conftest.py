"""Fixtures shared by the tests that create Lambda functions in the running LocalStack."""

import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from localstack_api import client, require_localstack

ROLE = "arn:aws:iam::000000000000:role/ticket-executor-test"

Invoke = Callable[..., tuple[dict[str, Any], Any]]


def zipped(files: dict[str, str]) -> bytes:
    """A deployment package; a file named `*.sh` is made executable (a wrapper script)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, text in files.items():
            info = zipfile.ZipInfo(path)
            info.external_attr = (0o755 if path.endswith(".sh") else 0o644) << 16
            archive.writestr(info, text)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def lambda_client() -> Any:
    require_localstack()
    return client("lambda")


@pytest.fixture
def make_function(lambda_client: Any) -> Iterator[Callable[..., str]]:
    """Creates functions with the given code and deletes them after the test."""
    created: list[str] = []

    def make(
        code: dict[str, Any] | str,
        timeout: int = 5,
        files: dict[str, str] | None = None,
        **settings: Any,
    ) -> str:
        """`code`: index.js's source, or a Code argument; `files`: more files in the package;
        `settings`: CreateFunction arguments (Runtime, Handler, Environment, MemorySize...)."""
        name = f"executor-test-{uuid.uuid4().hex[:8]}"
        package = {"index.js": code} if isinstance(code, str) else None
        lambda_client.create_function(
            **{
                "FunctionName": name,
                "Runtime": "nodejs22.x",
                "Role": ROLE,
                "Handler": "index.handler",
                "Code": {"ZipFile": zipped({**package, **(files or {})})} if package is not None else code,
                "Timeout": timeout,
                **settings,
            }
        )
        created.append(name)
        # LocalStack makes a function Active within about 0.1 s; the waiter's default 1-s step would
        # add a second to every test that creates one.
        waiter = lambda_client.get_waiter("function_active_v2")
        waiter.wait(FunctionName=name, WaiterConfig={"Delay": 0.05, "MaxAttempts": 600})
        return name

    yield make
    for name in created:
        lambda_client.delete_function(FunctionName=name)


@pytest.fixture
def invoke(lambda_client: Any) -> Invoke:
    def call(name: str, event: Any = None) -> tuple[dict[str, Any], Any]:
        response = lambda_client.invoke(FunctionName=name, Payload=json.dumps(event or {}), LogType="Tail")
        return response, json.loads(response["Payload"].read() or b"null")

    return call
