"""The JSONPath caches: the same answers as parsing every time, each path parsed once, errors unchanged."""

from collections.abc import Iterator
from typing import Any

import jsonpath_ng
import jsonpath_ng.ext
import jsonpath_rw
import pytest
from localstack.services.apigateway.next_gen.execute_api import template_mapping
from localstack.services.stepfunctions.asl.component.common.path import result_path
from localstack.services.stepfunctions.asl.utils import json_path

from ticket_localstack.speed.guard import GuardedPatch
from ticket_localstack.speed.jsonpath_cache import apigateway_jsonpath_patch, sfn_jsonpath_patch

DATA: dict[str, Any] = {"a": {"b": [1, {"c": "x"}, 3]}, "items": [{"n": 1}, {"n": 2}], "s": "t"}


def parse_in(module: Any) -> Any:
    """The `parse` a LocalStack module imported (not re-exported, hence vars())."""
    return vars(module)["parse"]


PATHS = ["$", "$.a.b[1].c", "$.a.b[0]", "$.items[*].n", "$.items[?(@.n > 1)]", "$.a.b[0:2]", "$.s"]


@pytest.fixture
def sfn_patch() -> Iterator[GuardedPatch]:
    patch = sfn_jsonpath_patch()
    patch.apply()
    yield patch
    patch.revert()


def test_extract_json_answers_as_without_the_cache(sfn_patch: GuardedPatch) -> None:
    patched = [json_path.extract_json(path, DATA) for path in PATHS]
    sfn_patch.revert()
    assert parse_in(json_path) is jsonpath_ng.ext.parse
    assert patched == [json_path.extract_json(path, DATA) for path in PATHS]


def test_each_path_is_parsed_once(sfn_patch: GuardedPatch) -> None:
    first = parse_in(json_path)("$.a.b[1].c")
    assert parse_in(json_path)("$.a.b[1].c") is first
    assert parse_in(json_path).cache_info().hits >= 1
    assert parse_in(result_path)("$.x") is parse_in(result_path)("$.x")


def test_result_path_updates_the_data_not_the_shared_path(sfn_patch: GuardedPatch) -> None:
    expression = parse_in(result_path)("$.out.value")
    first = expression.update_or_create({}, 1)
    second = parse_in(result_path)("$.out.value").update_or_create({"keep": True}, 2)
    assert (first, second) == ({"out": {"value": 1}}, {"keep": True, "out": {"value": 2}})


def test_an_invalid_path_fails_every_time_as_before(sfn_patch: GuardedPatch) -> None:
    for _ in range(2):
        with pytest.raises(Exception, match="Parse error"):
            parse_in(json_path)("$.[")
    assert parse_in(json_path).cache_info().currsize == 0


def test_revert_drops_the_cache(sfn_patch: GuardedPatch) -> None:
    cached = parse_in(json_path)
    cached("$.a")
    sfn_patch.revert()
    assert cached.cache_info().currsize == 0
    assert parse_in(result_path) is jsonpath_ng.parse


def test_api_gateway_templates_parse_once_and_answer_the_same() -> None:
    unpatched = [
        template_mapping.extract_jsonpath(DATA, path) for path in ("$.a.b[1].c", "$.items[*].n", "$")
    ]
    patch = apigateway_jsonpath_patch()
    patch.apply()
    try:
        patched = [
            template_mapping.extract_jsonpath(DATA, path) for path in ("$.a.b[1].c", "$.items[*].n", "$")
        ]
        assert parse_in(template_mapping)("$.s") is parse_in(template_mapping)("$.s")
    finally:
        patch.revert()
    assert patched == unpatched
    assert parse_in(template_mapping) is jsonpath_rw.parse
