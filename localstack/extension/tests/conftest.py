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


def zipped(source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("index.js", source)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def lambda_client() -> Any:
    require_localstack()
    return client("lambda")


@pytest.fixture
def make_function(lambda_client: Any) -> Iterator[Callable[..., str]]:
    """Creates functions with the given code and deletes them after the test."""
    created: list[str] = []

    def make(code: dict[str, Any] | str, timeout: int = 5) -> str:
        name = f"executor-test-{uuid.uuid4().hex[:8]}"
        lambda_client.create_function(
            FunctionName=name,
            Runtime="nodejs22.x",
            Role=ROLE,
            Handler="index.handler",
            Code={"ZipFile": zipped(code)} if isinstance(code, str) else code,
            Timeout=timeout,
        )
        created.append(name)
        lambda_client.get_waiter("function_active_v2").wait(FunctionName=name)
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
