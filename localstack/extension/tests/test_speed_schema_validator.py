"""apigateway-schema-cache: bodies are judged as jsonschema.validate judges them; a schema is checked once."""

from typing import Any

import jsonschema
import pytest
from localstack.services.apigateway.next_gen.execute_api.handlers import method_request

from ticket_localstack.speed.schema_validator import ValidatorCache, schema_validator_patch

VALIDATE = "validate"  # the module's import of jsonschema's, which the patch replaces

SCHEMA: dict[str, Any] = {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "type": "object",
    "required": ["action"],
    "properties": {"action": {"enum": ["Generate", "Fetch"]}, "seat": {"type": "string", "maxLength": 4}},
    "additionalProperties": False,
}


def original_error(instance: Any, schema: Any) -> str | None:
    try:
        jsonschema.validate(instance=instance, schema=schema)
    except jsonschema.exceptions.SchemaError:
        raise
    except jsonschema.ValidationError as error:
        return str(error.message)
    return None


def cached_error(cache: ValidatorCache, instance: Any, schema: Any) -> str | None:
    try:
        cache.validate(instance=instance, schema=schema)
    except jsonschema.ValidationError as error:
        return str(error.message)
    return None


@pytest.mark.parametrize(
    "body",
    [
        {"action": "Generate"},
        {"action": "Fetch", "seat": "B-12"},
        {},
        {"action": "Refund"},
        {"action": "Generate", "seat": "B-12345"},
        {"action": "Generate", "extra": 1},
        [],
        "text",
    ],
)
def test_every_body_gets_jsonschemas_own_verdict(body: Any) -> None:
    cache = ValidatorCache()
    assert cached_error(cache, body, SCHEMA) == original_error(body, SCHEMA)
    assert cached_error(cache, body, SCHEMA) == original_error(body, SCHEMA)  # from the kept validator
    assert cache.built == 1


def test_a_changed_schema_is_checked_and_built_again() -> None:
    cache = ValidatorCache()
    cache.validate({"action": "Generate"}, SCHEMA)
    cache.validate({"action": "Generate"}, dict(SCHEMA))  # the same text: the same validator
    assert cache.built == 1
    looser = {**SCHEMA, "additionalProperties": True}
    cache.validate({"action": "Generate", "extra": 1}, looser)
    assert cache.built == 2
    with pytest.raises(jsonschema.ValidationError):
        cache.validate({"action": "Generate", "extra": 1}, SCHEMA)


def test_a_bad_schema_raises_every_time_and_is_not_kept() -> None:
    cache = ValidatorCache()
    broken = {"type": "no-such-type"}
    for _ in range(2):
        with pytest.raises(jsonschema.exceptions.SchemaError):
            cache.validate({}, broken)
    assert cache.built == 0


def test_the_patch_replaces_api_gateways_validate_and_reverts() -> None:
    patch = schema_validator_patch()
    patch.apply()
    try:
        assert getattr(method_request, VALIDATE) is not jsonschema.validate
        with pytest.raises(jsonschema.ValidationError):
            getattr(method_request, VALIDATE)(instance={"action": "Refund"}, schema=SCHEMA)
    finally:
        patch.revert()
    assert getattr(method_request, VALIDATE) is jsonschema.validate
