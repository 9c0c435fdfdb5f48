"""The body guard: which bodies it refuses, and, against the running LocalStack (`make local-up`),
that a REST API whose validator checks the body answers 400 to them instead of 500 or a pass."""

import json
import uuid
from collections.abc import Iterator

import pytest
import requests
from localstack_api import LOCALSTACK_URL, client

from ticket_localstack.body_guard import unreadable

VALID = b'{"name": "Zo\xc3\xab"}'


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"\xef\xbb\xbf" + VALID, "byte-order mark"),
        (b'{"name": "a"}\x00', "NUL byte"),
        ('{"name": "a"}'.encode("utf-16-le"), "NUL byte"),
        (b'{"name": "\xff"}', "not UTF-8 (byte 0xff at 10)"),
        (b'{"name": "\xc3"}', "not UTF-8 (byte 0xc3 at 10)"),
        (b'{"name": "\xed\xa0\x80"}', "not UTF-8"),  # a surrogate encoded as UTF-8 (CESU): not UTF-8
    ],
)
def test_refuses_bodies_that_are_not_utf8_json_text(body: bytes, reason: str) -> None:
    assert reason in (unreadable(body) or "")


@pytest.mark.parametrize("body", [VALID, b"", b'{"s": "\\u0000 \\ud800 \\ufeff"}', "😀".encode()])
def test_lets_utf8_text_through(body: bytes) -> None:
    assert unreadable(body) is None


@pytest.fixture(scope="module")
def validated_api() -> Iterator[str]:
    """A REST API with POST /x: a model, a validator of the body, a MOCK integration answering 200."""
    apigw = client("apigateway")
    try:
        api = apigw.create_rest_api(name=f"body-guard-{uuid.uuid4().hex[:8]}")["id"]
    except Exception as e:  # no emulator: say what to do
        pytest.fail(f"LocalStack does not answer at {LOCALSTACK_URL} ({e}). Run `make local-up` first.")
    root = apigw.get_resources(restApiId=api)["items"][0]["id"]
    resource = apigw.create_resource(restApiId=api, parentId=root, pathPart="x")["id"]
    schema = {"$schema": "http://json-schema.org/draft-04/schema#", "type": "object"}
    apigw.create_model(restApiId=api, name="Any", contentType="application/json", schema=json.dumps(schema))
    validator = apigw.create_request_validator(restApiId=api, name="body", validateRequestBody=True)["id"]
    apigw.put_method(
        restApiId=api,
        resourceId=resource,
        httpMethod="POST",
        authorizationType="NONE",
        requestValidatorId=validator,
        requestModels={"application/json": "Any"},
    )
    apigw.put_integration(
        restApiId=api,
        resourceId=resource,
        httpMethod="POST",
        type="MOCK",
        requestTemplates={"application/json": '{"statusCode": 200}'},
    )
    apigw.put_method_response(restApiId=api, resourceId=resource, httpMethod="POST", statusCode="200")
    apigw.put_integration_response(
        restApiId=api,
        resourceId=resource,
        httpMethod="POST",
        statusCode="200",
        responseTemplates={"application/json": '{"ok": true}'},
    )
    apigw.create_deployment(restApiId=api, stageName="test")
    yield f"{LOCALSTACK_URL}/_aws/execute-api/{api}/test/x"
    apigw.delete_rest_api(restApiId=api)


def post(url: str, body: bytes) -> requests.Response:
    return requests.post(url, data=body, headers={"Content-Type": "application/json"}, timeout=10)


@pytest.mark.parametrize(
    "body",
    [b'{"name": "\xff"}', b"\xef\xbb\xbf" + VALID, b'{"name": "a"}\x00', '{"a": 1}'.encode("utf-16")],
    ids=["not UTF-8", "BOM", "NUL byte", "UTF-16"],
)
def test_the_emulator_answers_400_invalid_request_body(validated_api: str, body: bytes) -> None:
    answer = post(validated_api, body)
    assert answer.status_code == 400, answer.text
    assert answer.json()["message"].startswith("Invalid request body")


def test_the_emulator_still_serves_a_valid_body(validated_api: str) -> None:
    answer = post(validated_api, VALID)
    assert (answer.status_code, answer.json()) == (200, {"ok": True})
