"""Parse each JSONPath once: Step Functions' and API Gateway's path parsers, cached by path string.

Replaces the module-level `parse` that LocalStack's code imported from jsonpath_ng / jsonpath_rw:
  - `asl/utils/json_path.py` (`jsonpath_ng.ext.parse`, every InputPath, OutputPath, `.$` field, Choice
    variable, intrinsic argument and ItemsPath),
  - `asl/component/common/path/result_path.py` (`jsonpath_ng.parse`, every ResultPath),
  - `apigateway/next_gen/execute_api/template_mapping.py` (`jsonpath_rw.parse`, `$input.path` and
    `$input.json` in VTL templates).
Each call of those builds a new PLY parser and regenerates its LALR tables (jsonpath_ng/parser.py:48-54):
milliseconds of CPU per path, under the GIL.

Why it is safe: parsing is a pure function of the string, and the parsed JSONPath objects are never
changed after construction (no attribute of jsonpath_ng's or jsonpath_rw's path classes is assigned
outside `__init__`; `find`/`update`/`update_or_create` change the data, not the path). A parse error is
an exception, which `lru_cache` does not store, so invalid paths fail exactly as before.
"""

import functools
from collections.abc import Callable
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_MAX_PATHS = 4096


def _cached(parse: Callable[[str], Any]) -> "functools._lru_cache_wrapper[Any]":
    return functools.lru_cache(maxsize=_MAX_PATHS)(parse)


def sfn_jsonpath_patch() -> GuardedPatch:
    """Caches Step Functions' JSONPath parsing (jsonpath_ng, plain and extended grammar)."""
    import jsonpath_ng
    import jsonpath_ng.ext

    ext_parse = _cached(jsonpath_ng.ext.parse)
    plain_parse = _cached(jsonpath_ng.parse)

    def targets() -> list[Target]:
        from localstack.services.stepfunctions.asl.component.common.path import result_path
        from localstack.services.stepfunctions.asl.utils import json_path

        return [
            Target(json_path, "parse", "jsonpath_ng.ext.parser.parse", ext_parse),
            Target(result_path, "parse", "jsonpath_ng.parser.parse", plain_parse),
        ]

    def drop_caches() -> None:
        ext_parse.cache_clear()
        plain_parse.cache_clear()

    return GuardedPatch(
        name="sfn-jsonpath-cache",
        summary="Step Functions JSONPath objects parsed once per path string",
        targets=targets,
        drop_caches=drop_caches,
    )


def apigateway_jsonpath_patch() -> GuardedPatch:
    """Caches API Gateway's VTL `$input.path`/`$input.json` JSONPath parsing (jsonpath_rw)."""
    import jsonpath_rw

    rw_parse = _cached(jsonpath_rw.parse)

    def targets() -> list[Target]:
        from localstack.services.apigateway.next_gen.execute_api import template_mapping

        return [Target(template_mapping, "parse", "jsonpath_rw.parser.parse", rw_parse)]

    return GuardedPatch(
        name="apigateway-jsonpath-cache",
        summary="API Gateway mapping-template JSONPath objects parsed once per path string",
        targets=targets,
        drop_caches=rw_parse.cache_clear,
    )
