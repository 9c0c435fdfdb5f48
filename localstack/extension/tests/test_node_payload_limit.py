"""Lambda's response payload quota ("Lambda quotas": 6 MB for a synchronous invocation): a bigger answer is
refused with Function.ResponseSizeTooLarge, as Lambda's runtime interface refuses it."""

from __future__ import annotations

from collections.abc import Callable

from conftest import Invoke


def test_a_response_over_the_payload_limit_is_refused(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function("exports.handler = async (event) => 'x'.repeat(event.size);")
    assert len(invoke(name, {"size": 6 * 1024 * 1024})[1]) == 6 * 1024 * 1024  # at the limit: served
    response, body = invoke(name, {"size": 6 * 1024 * 1024 + 100})  # its JSON quotes take it over
    assert response["FunctionError"] == "Unhandled"
    assert body == {
        "errorType": "Function.ResponseSizeTooLarge",
        "errorMessage": "Response payload size exceeded maximum allowed payload size (6291556 bytes).",
    }
