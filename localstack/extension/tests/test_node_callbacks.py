"""Callback handlers and the context methods, as the Lambda Developer Guide describes them for the
Node.js runtimes up to nodejs22.x ("Define Lambda function handler in Node.js", "Using the Lambda
context object"): the callback's answer, callbackWaitsForEmptyEventLoop, context.succeed/done/fail,
getRemainingTimeInMillis; a late callback is ignored and an uncaught error fails the invocation."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from conftest import Invoke


@pytest.mark.parametrize("runtime", ["nodejs20.x", "nodejs22.x"])
def test_a_callback_handler_answers_with_what_it_passes_to_the_callback(
    make_function: Callable[..., str], invoke: Invoke, runtime: str
) -> None:
    name = make_function(
        "exports.handler = (event, context, callback) =>"
        " setTimeout(() => callback(null, { ok: true, n: event.n }), 10);",
        Runtime=runtime,
    )
    assert invoke(name, {"n": 1})[1] == {"ok": True, "n": 1}


def test_a_callback_after_the_answer_is_ignored_and_the_environment_stays_warm(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = (event, context, callback) => {"
        " callback(null, process.pid); setTimeout(() => callback(null, 'late'), 20);"
        " setTimeout(() => callback(new Error('later')), 40); };"
    )
    response, pid = invoke(name)
    assert "FunctionError" not in response
    again, same_pid = invoke(name)
    assert "FunctionError" not in again
    assert same_pid == pid


def test_a_callback_error_is_the_invocation_error(make_function: Callable[..., str], invoke: Invoke) -> None:
    name = make_function(
        "exports.handler = (event, context, callback) => callback(new RangeError('out of seats'));"
    )
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert body["errorType"] == "RangeError"
    assert body["errorMessage"] == "out of seats"


@pytest.mark.parametrize(("waits", "at_least_s"), [(True, 1.5), (False, 0.0)])
def test_the_callback_waits_for_the_event_loop_unless_told_not_to(
    make_function: Callable[..., str], invoke: Invoke, waits: bool, at_least_s: float
) -> None:
    name = make_function(
        "exports.handler = (event, context, callback) => {"
        f" context.callbackWaitsForEmptyEventLoop = {str(waits).lower()};"
        " setTimeout(() => {}, 1500); callback(null, 'done'); };"
    )
    invoke(name)  # the cold start is not measured
    started = time.monotonic()
    assert invoke(name)[1] == "done"
    elapsed = time.monotonic() - started
    assert elapsed >= at_least_s
    if not waits:
        assert elapsed < 1.2


@pytest.mark.parametrize(
    ("body", "expected_error", "expected"),
    [
        ("context.succeed({ via: 'succeed' });", None, {"via": "succeed"}),
        ("context.done(null, { via: 'done' });", None, {"via": "done"}),
        ("context.fail(new TypeError('via fail'));", "TypeError", "via fail"),
        ("context.done(new Error('via done'));", "Error", "via done"),
    ],
    ids=["succeed", "done", "fail", "done with an error"],
)
def test_the_context_methods_answer_the_invocation(
    make_function: Callable[..., str], invoke: Invoke, body: str, expected_error: str | None, expected: object
) -> None:
    name = make_function(f"exports.handler = (event, context) => {{ {body} }};")
    response, answer = invoke(name)
    if expected_error is None:
        assert "FunctionError" not in response
        assert answer == expected
    else:
        assert response["FunctionError"] == "Unhandled"
        assert (answer["errorType"], answer["errorMessage"]) == (expected_error, expected)


def test_a_non_async_handler_that_never_calls_back_answers_null(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function("exports.handler = (event, context, callback) => 'ignored';")
    response, body = invoke(name)
    assert "FunctionError" not in response
    assert body is None


def test_the_remaining_time_counts_down_from_the_timeout(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = async (event, context) => { const first = context.getRemainingTimeInMillis();"
        " await new Promise((r) => setTimeout(r, 200));"
        " return [first, context.getRemainingTimeInMillis()]; };",
        timeout=3,
    )
    first, second = invoke(name)[1]
    assert 2000 < first <= 3000
    assert 100 <= first - second < 1000


def test_an_uncaught_exception_fails_the_invocation_and_the_next_call_starts_fresh(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "exports.handler = (event, context, callback) => {"
        " if (event.boom) setTimeout(() => { throw new TypeError('boom in a timer'); }, 5);"
        " else callback(null, process.pid); };"
    )
    warm_pid = invoke(name)[1]
    response, body = invoke(name, {"boom": True})
    assert response["FunctionError"] == "Unhandled"
    assert (body["errorType"], body["errorMessage"]) == ("TypeError", "boom in a timer")
    assert invoke(name)[1] != warm_pid
