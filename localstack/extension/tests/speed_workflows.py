"""The workflows and inputs of the speed-patch equivalence test, and how their answers are compared.

`features` exercises what the patches touch: JSONPath everywhere (InputPath/Parameters/ResultSelector/
ResultPath/OutputPath, Choice variables, intrinsics), Parallel, Map, Retry and Catch on failing aws-sdk
tasks (the retry count is echoed in the error, so a lost retry counter shows), Fail and a runtime error.
`ticket` is statemachines/ticket.asl.yml itself, its two Lambda tasks replaced by Pass states.
"""

import json
import re
import uuid
from pathlib import Path
from typing import Any

import yaml

ASL_FILE = Path(__file__).resolve().parents[3] / "statemachines" / "ticket.asl.yml"
FEATURES_FILE = Path(__file__).resolve().parent / "fixtures" / "speed-features.asl.yml"


def features(bucket: str) -> dict[str, Any]:
    """tests/fixtures/speed-features.asl.yml with its bucket."""
    resolved: dict[str, Any] = _resolve_refs(yaml.safe_load(FEATURES_FILE.read_text()), {"Bucket": bucket})
    return resolved


def ticket(bucket: str, topic_arn: str) -> dict[str, Any]:
    """The project's workflow; GenerateTicket and EncryptTicket become Pass states that read and
    write the same paths as the Lambda tasks (the input paths in their `Payload`, their `ResultPath`)."""
    definition: dict[str, Any] = yaml.safe_load(ASL_FILE.read_text())
    states = definition["States"]

    def stand_in(name: str, parameters: dict[str, Any]) -> dict[str, Any]:
        task = states[name]
        return {
            "Type": "Pass",
            "Parameters": parameters,
            "ResultPath": task["ResultPath"],
            "Next": task["Next"],
        }

    details = states["GenerateTicket"]["Parameters"]["Payload"]["details.$"]
    states["GenerateTicket"] = stand_in(
        "GenerateTicket",
        {
            "plaintext": {
                "ticketId.$": f"{details}.event.id",
                "customer.$": f"{details}.customer",
                "event.$": f"{details}.event",
            }
        },
    )
    plaintext = states["EncryptTicket"]["Parameters"]["Payload"]["ticket.$"]
    states["EncryptTicket"] = stand_in(
        "EncryptTicket",
        {
            "ticketId.$": f"{plaintext}.ticketId",
            "encryptedTicket.$": f"States.JsonToString({plaintext})",
        },
    )
    resolved: dict[str, Any] = _resolve_refs(definition, {"TicketBucket": bucket, "TicketTopic": topic_arn})
    return resolved


def _resolve_refs(node: Any, refs: dict[str, str]) -> Any:
    if isinstance(node, dict):
        if set(node) == {"Ref"}:
            return refs[node["Ref"]]
        return {key: _resolve_refs(value, refs) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolve_refs(item, refs) for item in node]
    return node


FEATURE_INPUTS: dict[str, dict[str, Any]] = {
    "fan": {
        "mode": "fan",
        "name": "ada",
        "items": [1, 2, 3, 4, 5],
        "a": 2,
        "b": 3,
        "nested": {"k": [1, {"x": "y"}]},
    },
    "echo": {"mode": "echo", "name": "bob", "items": [3], "a": 1, "b": 1, "nested": {"k": [0, {"x": "z"}]}},
    "reject": {"mode": "reject", "name": "cy", "items": [0], "a": 0, "b": 0, "nested": {"k": [0, {"x": 0}]}},
    "runtime-error": {
        "mode": "other",
        "name": "dee",
        "items": [1],
        "a": 1,
        "b": 2,
        "nested": {"k": [0, {"x": 1}]},
    },
    "malformed": {"mode": "fan", "name": "eve"},
}
# (status, error) each case is designed to end with.
FEATURE_OUTCOMES: dict[str, tuple[str, str | None]] = {
    "fan": ("SUCCEEDED", None),
    "echo": ("SUCCEEDED", None),
    "reject": ("FAILED", "Rejected"),
    "runtime-error": ("FAILED", "States.Runtime"),
    "malformed": ("FAILED", "States.Runtime"),
}


FRESH = "{fresh}"  # replaced by a new UUID in each execution's input (fresh_input)


def ticket_inputs(stored_ticket_id: str) -> dict[str, dict[str, Any]]:
    """Execution inputs as api/start-sync-execution.vtl makes them. A seat is sold once, so each
    Generate is for an event of its own; its id is a UUID, masked like every other one."""

    def call(request: dict[str, Any]) -> dict[str, Any]:
        return {"request": request, "idempotencyKey": ""}

    def generate() -> dict[str, Any]:
        event = {"id": f"eq-{FRESH}", "name": "Gig", "startsAt": "2030-01-01T20:00:00Z", "seat": "A1"}
        return call(
            {"action": "Generate", "customer": {"name": "Ada", "email": "ada@example.com"}, "event": event}
        )

    return {
        "generate-1": generate(),
        "generate-2": generate(),
        "fetch-stored": call({"action": "Fetch", "ticketId": stored_ticket_id}),
        "fetch-missing": call({"action": "Fetch", "ticketId": "eq-no-such-ticket"}),
        "invalid-action": call({"action": "Refund"}),
        "malformed-generate": call({"action": "Generate", "event": {"id": "x"}}),
    }


def fresh_input(payload: dict[str, Any]) -> str:
    return json.dumps(payload).replace(FRESH, str(uuid.uuid4()))


TICKET_OUTCOMES: dict[str, tuple[str, str | None]] = {
    "generate-1": ("SUCCEEDED", None),
    "generate-2": ("SUCCEEDED", None),
    "fetch-stored": ("SUCCEEDED", None),
    "fetch-missing": ("FAILED", "TicketNotFound"),
    "invalid-action": ("FAILED", "InvalidAction"),
    # LocalStack 4.14.0 reports a Parallel branch's States.Runtime as a ValueError, patched or not.
    "malformed-generate": ("FAILED", "States.Runtime"),
}

_VOLATILE = [
    (re.compile(r"(Request ID|Extended Request ID): [^,)]+"), r"\1: <id>"),
    (re.compile(r"arn:aws:states:[^:'\"\s]+:\d+:(execution|express):[^'\"\s]+"), "<execution-arn>"),
    (re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), "<uuid>"),
    (re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)?"), "<timestamp>"),
]


def normalise(value: Any) -> Any:
    """Parses JSON text and masks ids, ARNs of executions and timestamps, at any depth."""
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = value
        if not isinstance(parsed, str):
            return normalise(parsed)
        for pattern, replacement in _VOLATILE:
            value = pattern.sub(replacement, value)
        return value
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list):
        return [normalise(item) for item in value]
    return value
