"""API Gateway checks a request model against JSON Schema's meta-schema once, not on every request.

A method with a request validator and a model validates each body with `jsonschema.validate`
(apigateway/next_gen/execute_api/handlers/method_request.py:103). That function first checks the schema
itself against its meta-schema (`check_schema`), then builds a validator, then validates the body. The
schema check is the expensive part: with every other patch on it was about 2.5% of the emulator's CPU at
1 connection (py-spy `--gil`), nine tenths of the whole validation.

Why it is safe: the validator is built and the schema checked exactly as `jsonschema.validate` does, once
per schema text (the schema as canonical JSON: a changed model is a new key, and is checked again); the
body is then validated by that validator, and the best error is raised as before. A schema that fails its
check raises `SchemaError` every time, since only validators that passed are kept. jsonschema's validators
hold no state between validations, so threads may share one.
"""

import json
import threading
from collections import OrderedDict
from typing import Any

from jsonschema import exceptions, validators

from ticket_localstack.speed.guard import GuardedPatch, Target

_MAX_SCHEMAS = 128
_EXPECTED = "jsonschema.validators.validate"


class ValidatorCache:
    """Validators by schema text (least recently used dropped past `_MAX_SCHEMAS`)."""

    def __init__(self) -> None:
        self._validators: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()
        self.built = 0

    def validate(self, instance: Any, schema: Any, cls: Any = None, *args: Any, **kwargs: Any) -> None:
        """`jsonschema.validate`'s signature and errors, with the checked validator kept (for the
        call API Gateway makes; one with a validator class or its arguments goes to jsonschema)."""
        if cls is not None or args or kwargs:
            validators.validate(instance, schema, cls, *args, **kwargs)
            return
        key = json.dumps(schema, sort_keys=True)
        with self._lock:
            validator = self._validators.get(key)
            if validator is not None:
                self._validators.move_to_end(key)
        if validator is None:
            kind = validators.validator_for(schema)
            kind.check_schema(schema)  # raises SchemaError: nothing kept
            validator = kind(schema)
            with self._lock:
                self._validators[key] = validator
                self.built += 1
                if len(self._validators) > _MAX_SCHEMAS:
                    self._validators.popitem(last=False)
        error = exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error

    def clear(self) -> None:
        with self._lock:
            self._validators.clear()


def schema_validator_patch() -> GuardedPatch:
    """API Gateway's `validate` (jsonschema's) replaced by one that keeps each schema's checked validator."""
    from localstack.services.apigateway.next_gen.execute_api.handlers import method_request

    cache = ValidatorCache()
    return GuardedPatch(
        name="apigateway-schema-cache",
        summary="API Gateway request models checked against the meta-schema once per model",
        targets=lambda: [Target(method_request, "validate", _EXPECTED, cache.validate)],
        drop_caches=cache.clear,
    )
