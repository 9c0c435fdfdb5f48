"""The template cache: the same renders, one compile per text, and a bad template still refused."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import airspeed
import pytest

from ticket_localstack.speed.guard import GuardedPatch
from ticket_localstack.speed.vtl_template_cache import vtl_template_patch

# The shape of api/execution-result.vtl: branches on the status, a #set, the body quoted.
TEMPLATE = """#set($status = $input.status)
#if($status == "SUCCEEDED")#set($context.code = 201){"ok": $input.output}
#elseif($status == "FAILED"){"error": "$input.error"}
#else{"error": "InternalError"}#end"""


def render(namespace: dict[str, Any]) -> str:
    result: str = airspeed.Template(TEMPLATE).merge(namespace)
    return result


@pytest.fixture
def patch() -> Iterator[GuardedPatch]:
    applied = vtl_template_patch()
    applied.apply()
    yield applied
    applied.revert()


INPUTS = [
    {"input": {"status": "SUCCEEDED", "output": '{"n": 1}'}, "context": {}},
    {"input": {"status": "FAILED", "error": "TicketNotFound"}, "context": {}},
    {"input": {"status": "TIMED_OUT"}, "context": {}},
]


def test_renders_what_the_unpatched_templates_render(patch: GuardedPatch) -> None:
    patched = [render(dict(namespace)) for namespace in INPUTS]
    patch.revert()
    assert patched == [render(dict(namespace)) for namespace in INPUTS]


def test_compiles_each_text_once_and_shares_the_tree(patch: GuardedPatch) -> None:
    first, second = airspeed.Template(TEMPLATE), airspeed.Template(TEMPLATE)
    first.ensure_compiled()
    second.ensure_compiled()
    assert first.root_element is second.root_element
    other = airspeed.Template(TEMPLATE + " ")
    other.ensure_compiled()
    assert other.root_element is not first.root_element


def test_one_tree_renders_correctly_from_many_threads(patch: GuardedPatch) -> None:
    expected = [render(dict(namespace)) for namespace in INPUTS]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda i: render(dict(INPUTS[i % 3])), range(300)))
    assert results == [expected[i % 3] for i in range(300)]


def test_a_template_that_does_not_compile_fails_every_time(patch: GuardedPatch) -> None:
    for _ in range(2):
        with pytest.raises(airspeed.TemplateSyntaxError):
            airspeed.Template("#if($a").merge({})


def test_revert_puts_the_original_back(patch: GuardedPatch) -> None:
    patch.revert()
    first, second = airspeed.Template(TEMPLATE), airspeed.Template(TEMPLATE)
    first.ensure_compiled()
    second.ensure_compiled()
    assert first.root_element is not second.root_element
