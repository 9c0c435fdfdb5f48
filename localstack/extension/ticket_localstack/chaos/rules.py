"""Fault rules in the shape of LocalStack's Chaos API, plus what this project needs.

A rule is the Chaos API's `{service, region, operation, probability, error: {statusCode, code}}` (without an
error: 503 ServiceUnavailable, as there), and:
  resource     a prefix of the S3 object key, the Lambda function name, the SNS topic ARN or the KMS key id
  count        only the first N matching calls get the fault (absent: every one)
  skip         the first N matching calls pass untouched (e.g. the claim before the write that completes it)
  latencyMs    a delay before the call (alone: a slow call that still succeeds)
  after        the call takes effect, then the caller gets the error: a lost answer
  functionError / coldStartMs   Lambda function faults (service "lambda"), applied by the local-node
               executor to the function named by `resource`: "throw", "timeout" or "crash"; a slow cold start
Free of LocalStack types, so the matcher is tested on its own.
"""

import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

FunctionError = Literal["throw", "timeout", "crash"]
FUNCTION_ERRORS: tuple[FunctionError, ...] = ("throw", "timeout", "crash")
_FIELDS = {
    "service", "region", "operation", "probability", "error",
    "resource", "count", "skip", "latencyMs", "after", "functionError", "coldStartMs",
}  # fmt: skip
_MAX_LATENCY_MS = 60_000


class InvalidRule(ValueError):
    """A rule the endpoint refuses with 400; the message says which field and why."""


@dataclass(frozen=True)
class Call:
    """What a rule is matched against: one AWS call, or one invocation of a Lambda function."""

    service: str
    operation: str
    region: str
    resource: str | None


@dataclass(frozen=True)
class FaultRule:
    service: str
    region: str | None = None
    operation: str | None = None
    probability: float = 1.0
    status_code: int = 503  # the Chaos API's default error
    code: str = "ServiceUnavailable"
    has_error: bool = True
    resource: str | None = None
    count: int | None = None
    skip: int = 0
    latency_ms: int = 0
    after: bool = False
    function_error: FunctionError | None = None
    cold_start_ms: int = 0

    @property
    def is_function_fault(self) -> bool:
        return self.function_error is not None or self.cold_start_ms > 0

    def matches(self, call: Call) -> bool:
        return (
            self.service == call.service
            and self.region in (None, call.region)
            and self.operation in (None, call.operation)
            and (self.resource is None or (call.resource or "").startswith(self.resource))
        )

    def to_json(self) -> dict[str, Any]:
        document: dict[str, Any] = {"service": self.service, "probability": self.probability}
        optional: dict[str, object] = {"region": self.region, "operation": self.operation}
        optional |= {"resource": self.resource, "count": self.count, "functionError": self.function_error}
        optional |= {"skip": self.skip or None}
        document |= {k: v for k, v in optional.items() if v is not None}
        if self.has_error and not self.is_function_fault:
            document["error"] = {"statusCode": self.status_code, "code": self.code}
        if self.latency_ms:
            document["latencyMs"] = self.latency_ms
        if self.cold_start_ms:
            document["coldStartMs"] = self.cold_start_ms
        if self.after:
            document["after"] = True
        return document


def parse_rule(document: object) -> FaultRule:
    """One rule from its JSON form, or InvalidRule naming what is wrong."""
    if not isinstance(document, dict):
        raise InvalidRule("each rule must be a JSON object")
    unknown = sorted(set(document) - _FIELDS)
    if unknown:
        raise InvalidRule(f"unknown field(s) {unknown}; known: {sorted(_FIELDS)}")
    service = _text(document, "service", required=True)
    assert service is not None
    rule = FaultRule(
        service=service.lower(),
        region=_text(document, "region"),
        operation=_text(document, "operation"),
        probability=_probability(document.get("probability", 1.0)),
        resource=_text(document, "resource"),
        count=_whole(document, "count", low=1, high=None),
        skip=_whole(document, "skip", low=0, high=None) or 0,
        latency_ms=_whole(document, "latencyMs", low=0, high=_MAX_LATENCY_MS) or 0,
        after=_flag(document, "after"),
        function_error=_function_error(document.get("functionError")),
        cold_start_ms=_whole(document, "coldStartMs", low=0, high=_MAX_LATENCY_MS) or 0,
    )
    if rule.is_function_fault:
        return _function_fault(rule, document)
    return _call_fault(rule, document.get("error"))


def _call_fault(rule: FaultRule, error: object) -> FaultRule:
    if error is None:  # the Chaos API's 503, unless the rule only asks for latency
        return replace(rule, has_error=not rule.latency_ms)
    if not isinstance(error, dict) or set(error) - {"statusCode", "code"}:
        raise InvalidRule('error must be {"statusCode": 400-599, "code": "<AWS error code>"}')
    status = _whole(error, "statusCode", low=400, high=599)
    code = _text(error, "code")
    return replace(rule, status_code=status or rule.status_code, code=code or rule.code)


def _function_fault(rule: FaultRule, document: Mapping[str, object]) -> FaultRule:
    if rule.service != "lambda" or not rule.resource:
        raise InvalidRule('functionError and coldStartMs need service "lambda" and a function name resource')
    if "error" in document or rule.after or rule.operation:
        raise InvalidRule("a Lambda function fault takes no error, after or operation")
    return replace(rule, has_error=False)


def _text(document: Mapping[str, object], name: str, required: bool = False) -> str | None:
    value = document.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value:
        raise InvalidRule(f"{name} must be a non-empty string")
    return value


def _whole(document: Mapping[str, object], name: str, low: int, high: int | None) -> int | None:
    value = document.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < low or (high and value > high):
        raise InvalidRule(f"{name} must be a whole number from {low}" + (f" to {high}" if high else " up"))
    return value


def _probability(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InvalidRule("probability must be a number from 0 to 1")
    return float(value)


def _flag(document: Mapping[str, object], name: str) -> bool:
    value = document.get(name, False)
    if not isinstance(value, bool):
        raise InvalidRule(f"{name} must be true or false")
    return value


def _function_error(value: object) -> FunctionError | None:
    if value is None:
        return None
    for known in FUNCTION_ERRORS:
        if value == known:
            return known
    raise InvalidRule(f"functionError must be one of {list(FUNCTION_ERRORS)}")


@dataclass
class _Entry:
    rule: FaultRule
    injected: int = 0
    skipped: int = 0


@dataclass
class FaultStore:
    """The rules in force. The first rule that matches a call and still has count left applies."""

    chance: Callable[[], float] = random.random
    _entries: list[_Entry] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, rules: list[FaultRule]) -> None:
        with self._lock:
            self._entries.extend(_Entry(rule) for rule in rules)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def listing(self) -> list[dict[str, Any]]:
        with self._lock:
            return [entry.rule.to_json() | {"injected": entry.injected} for entry in self._entries]

    def take(self, call: Call, function_fault: bool = False) -> FaultRule | None:
        """The fault for this call, counted as injected; None when no rule applies (the usual case)."""
        if not self._entries:
            return None
        with self._lock:
            for entry in self._entries:
                rule = entry.rule
                if rule.is_function_fault != function_fault or not rule.matches(call):
                    continue
                if rule.count is not None and entry.injected >= rule.count:
                    continue
                if entry.skipped < rule.skip:
                    entry.skipped += 1
                    return None
                if self.chance() >= rule.probability:
                    continue
                entry.injected += 1
                return rule
        return None
