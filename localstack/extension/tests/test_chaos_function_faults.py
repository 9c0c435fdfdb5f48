"""Lambda function faults against the running LocalStack: a rule with `functionError` or `coldStartMs`
reaches the named function through the local-node executor, as Lambda would answer it."""

import time
from collections.abc import Callable, Iterator

import pytest
from conftest import Invoke
from localstack_api import clear_faults, set_faults

PID = "exports.handler = async () => process.pid;"


@pytest.fixture(autouse=True)
def no_faults_left() -> Iterator[None]:
    clear_faults()
    yield
    clear_faults()


def fault(name: str, **fields: object) -> dict[str, object]:
    return {"service": "lambda", "resource": name, "count": 1} | fields


def test_throw_answers_an_unhandled_error_and_the_environment_stays_warm(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(PID)
    warm_pid = invoke(name)[1]
    set_faults(fault(name, functionError="throw"))
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert body == {"errorType": "Error", "errorMessage": "Injected fault: the handler threw"}
    assert invoke(name)[1] == warm_pid  # count 1: the next call is the handler's, in the same process


def test_timeout_answers_sandbox_timedout_after_the_function_timeout(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(PID, timeout=1)
    warm_pid = invoke(name)[1]
    set_faults(fault(name, functionError="timeout"))
    started = time.monotonic()
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert time.monotonic() - started >= 1
    assert body["errorType"] == "Sandbox.Timedout"
    assert "Task timed out after 1.00 seconds" in body["errorMessage"]
    assert invoke(name)[1] != warm_pid  # a timed-out environment is replaced


def test_crash_kills_the_runtime_and_the_next_call_starts_cold(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(PID)
    warm_pid = invoke(name)[1]
    set_faults(fault(name, functionError="crash"))
    response, body = invoke(name)
    assert response["FunctionError"] == "Unhandled"
    assert body == {
        "errorType": "Runtime.ExitError",
        "errorMessage": "Runtime exited with error: signal: killed",
    }
    assert invoke(name)[1] != warm_pid


def test_a_slow_cold_start_delays_the_call_which_then_succeeds(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(PID)
    warm_pid = invoke(name)[1]
    set_faults(fault(name, coldStartMs=1500))
    started = time.monotonic()
    response, pid = invoke(name)
    assert time.monotonic() - started >= 1.5
    assert "FunctionError" not in response
    assert pid != warm_pid


def test_a_function_fault_reaches_only_the_function_it_names(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    named, other = make_function(PID), make_function(PID)
    set_faults(fault(named, functionError="throw", count=None))
    assert "FunctionError" not in invoke(other)[0]
    assert invoke(named)[0]["FunctionError"] == "Unhandled"
    assert invoke(named)[0]["FunctionError"] == "Unhandled"
