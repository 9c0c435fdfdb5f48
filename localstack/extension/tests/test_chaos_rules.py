"""The fault rules on their own: what each field means, what is refused, and which call gets a fault."""

import pytest

from ticket_localstack.chaos.endpoint import handle
from ticket_localstack.chaos.rules import Call, FaultStore, InvalidRule, parse_rule

PUT_SEAT = Call("s3", "PutObject", "us-east-1", "seats/ev-1/A1.json")
PUT_TICKET = Call("s3", "PutObject", "us-east-1", "tickets/t-1.json")


def store_with(*documents: dict[str, object], chance: float = 0.0) -> FaultStore:
    store = FaultStore(chance=lambda: chance)
    store.add([parse_rule(d) for d in documents])
    return store


def test_a_chaos_api_rule_reads_as_in_localstack_and_defaults_to_service_unavailable() -> None:
    rule = parse_rule({"service": "S3", "operation": "PutObject"})
    assert rule.to_json() == {
        "service": "s3",
        "operation": "PutObject",
        "probability": 1.0,
        "error": {"statusCode": 503, "code": "ServiceUnavailable"},
    }
    assert "error" not in parse_rule({"service": "s3", "latencyMs": 50}).to_json()


def test_resource_is_a_prefix_and_count_limits_the_faults() -> None:
    store = store_with({"service": "s3", "operation": "PutObject", "resource": "seats/", "count": 2})
    assert store.take(PUT_TICKET) is None
    assert [store.take(PUT_SEAT) is not None for _ in range(3)] == [True, True, False]
    assert store.listing()[0]["injected"] == 2


def test_skip_lets_the_first_matching_calls_through() -> None:
    store = store_with({"service": "s3", "skip": 1, "count": 1})
    assert [store.take(PUT_SEAT) is not None for _ in range(3)] == [False, True, False]


def test_service_operation_and_region_must_all_match() -> None:
    store = store_with({"service": "s3", "operation": "GetObject", "region": "eu-west-1"})
    assert store.take(PUT_SEAT) is None
    assert store.take(Call("s3", "GetObject", "us-east-1", "k")) is None
    assert store.take(Call("s3", "GetObject", "eu-west-1", "k")) is not None


def test_probability_is_drawn_per_call() -> None:
    assert store_with({"service": "s3", "probability": 0.3}, chance=0.29).take(PUT_SEAT) is not None
    assert store_with({"service": "s3", "probability": 0.3}, chance=0.3).take(PUT_SEAT) is None


def test_function_faults_are_only_for_the_executor() -> None:
    store = store_with({"service": "lambda", "resource": "fn", "functionError": "crash"})
    invoke = Call("lambda", "Invoke", "us-east-1", "fn-1")
    assert store.take(invoke) is None
    rule = store.take(invoke, function_fault=True)
    assert rule is not None and rule.function_error == "crash"


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({}, "service must be a non-empty string"),
        ({"service": "s3", "probablity": 1}, "unknown field(s) ['probablity']"),
        ({"service": "s3", "probability": 2}, "probability must be a number from 0 to 1"),
        ({"service": "s3", "count": 0}, "count must be a whole number from 1 up"),
        ({"service": "s3", "error": {"statusCode": 200}}, "statusCode must be a whole number from 400"),
        ({"service": "s3", "error": {"status": 500}}, "error must be"),
        ({"service": "s3", "after": "yes"}, "after must be true or false"),
        ({"service": "s3", "functionError": "crash"}, 'need service "lambda" and a function name'),
        ({"service": "lambda", "resource": "f", "functionError": "explode"}, "functionError must be one of"),
        ({"service": "lambda", "resource": "f", "coldStartMs": 10, "after": True}, "takes no error, after"),
    ],
)
def test_a_bad_rule_is_refused_with_what_is_wrong(document: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidRule) as refused:
        parse_rule(document)
    assert message in str(refused.value)


def test_the_endpoint_adds_lists_and_clears_and_adds_nothing_from_a_bad_list() -> None:
    store = FaultStore()
    good = b'[{"service": "sns", "operation": "Publish", "after": true, "count": 1}]'
    assert handle(store, "POST", good)[0] == 200
    status, document = handle(store, "POST", b'[{"service": "s3"}, {"service": 3}]')
    assert (status, document["error"]) == (400, "InvalidRequest")
    assert "service must be a non-empty string" in document["message"]
    assert handle(store, "POST", b"not json")[0] == 400
    assert handle(store, "GET", b"") == (200, [{**parse_rule({"service": "sns", "operation": "Publish",
        "after": True, "count": 1}).to_json(), "injected": 0}])  # fmt: skip
    assert handle(store, "DELETE", b"") == (200, [])
