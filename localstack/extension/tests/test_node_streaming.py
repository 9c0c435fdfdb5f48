"""Response streaming ("Writing response streaming-enabled Lambda functions"): awslambda.streamifyResponse
and awslambda.HttpResponseStream are there without an import. LocalStack 4.14.0 has no
InvokeWithResponseStream, so a streaming function is invoked with Invoke, which buffers the stream:
the payload is every byte the handler wrote."""

from __future__ import annotations

import json
from collections.abc import Callable

from conftest import Invoke


def test_what_a_streaming_handler_writes_is_the_payload(
    make_function: Callable[..., str], lambda_client: object
) -> None:
    name = make_function(
        "const { pipeline } = require('node:stream/promises'); const { Readable } = require('node:stream');"
        "exports.handler = awslambda.streamifyResponse(async (event, responseStream, context) => {"
        " responseStream.setContentType('text/plain'); responseStream.write(`hello ${event.who}, `);"
        " await new Promise((r) => setTimeout(r, 20));"
        " await pipeline(Readable.from([context.functionName]), responseStream); });"
    )
    response = lambda_client.invoke(FunctionName=name, Payload=json.dumps({"who": "ada"}))  # type: ignore[attr-defined]
    assert "FunctionError" not in response
    assert response["Payload"].read() == f"hello ada, {name}".encode()


def test_an_http_response_stream_writes_its_prelude_before_the_body(
    make_function: Callable[..., str], lambda_client: object
) -> None:
    name = make_function(
        "exports.handler = awslambda.streamifyResponse(async (event, stream) => {"
        " stream = awslambda.HttpResponseStream.from(stream, { statusCode: 201, headers: { a: 'b' } });"
        " stream.end('body'); });"
    )
    payload = lambda_client.invoke(FunctionName=name)["Payload"].read()  # type: ignore[attr-defined]
    prelude, body = payload.split(b"\0" * 8, 1)
    assert json.loads(prelude) == {"statusCode": 201, "headers": {"a": "b"}}
    assert body == b"body"


def test_a_streaming_handler_that_throws_answers_its_error(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = awslambda.streamifyResponse(async (event, stream) => {"
        " stream.write('partial'); throw new RangeError('stream broke'); });"
    )
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert (body["errorType"], body["errorMessage"]) == ("RangeError", "stream broke")
