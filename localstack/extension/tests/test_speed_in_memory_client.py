"""The in-memory client patch: internal clients get the gateway short-circuit, which answers only while
the patch is applied; the originals come back on revert, and the cached clients are dropped each time."""

from collections.abc import Iterator
from typing import Any

import pytest
from botocore.endpoint import Endpoint
from localstack.aws import connect

from ticket_localstack.speed.guard import GuardedPatch
from ticket_localstack.speed.in_memory_client import in_memory_client_patch

ORIGINAL_CREATE_REQUEST = Endpoint.create_request
ORIGINAL_POST_HOOK = connect.InternalClientFactory._get_client_post_hook


@pytest.fixture
def patch() -> Iterator[GuardedPatch]:
    applied = in_memory_client_patch()
    applied.apply()
    yield applied
    applied.revert()


def internal_client() -> Any:
    return connect.InternalClientFactory().get_client(
        "s3", region_name="us-east-1", endpoint_url="http://127.0.0.1:1", aws_access_key_id="test"
    )


def test_requests_carry_their_parameters_and_operation_model_for_the_gateway(patch: GuardedPatch) -> None:
    client = internal_client()
    model = client.meta.service_model.operation_model("ListBuckets")
    params = {"url_path": "/", "query_string": {}, "method": "GET", "headers": {}, "body": b""}
    params |= {"url": "http://127.0.0.1:1/", "context": {}}
    request = client._endpoint.create_request(params, model)
    assert request.operation_model is model
    assert request.params is params


def before_send_handlers(client: Any) -> list[str]:
    emitter = client.meta.events._emitter  # botocore lists handlers only through its private trie
    return [getattr(h, "__name__", "") for h in emitter._handlers.prefix_search("before-send.s3.ListBuckets")]


def test_internal_clients_get_the_short_circuit_first(patch: GuardedPatch) -> None:
    assert before_send_handlers(internal_client())[0] == "in_process"
    patch.revert()
    assert "in_process" not in before_send_handlers(internal_client())


def test_revert_puts_the_originals_back_and_drops_the_cached_clients(patch: GuardedPatch) -> None:
    connect.connect_to(region_name="us-east-1").s3  # noqa: B018 - builds and caches a client
    assert connect.ClientFactory._get_client.cache_info().currsize > 0
    patch.revert()
    assert Endpoint.create_request is ORIGINAL_CREATE_REQUEST
    assert connect.InternalClientFactory._get_client_post_hook is ORIGINAL_POST_HOOK
    assert connect.ClientFactory._get_client.cache_info().currsize == 0
