"""`/_ticket_orchestrator/speed-patches` on LocalStack's router: read or flip the speed patches at run time.

GET answers `{"enabled", "applied", "skipExpressEvents", "skipped"}`; POST `{"enabled": bool}` applies or
reverts every standard patch (the opt-in ones stay as started) and answers the same; an optional
`"patches": [names]` applies only those. This is what lets the benchmark and the equivalence test
compare patched and unpatched answers on one running LocalStack.
"""

import json
from typing import Any

from ticket_localstack.json_route import json_route
from ticket_localstack.speed.control import ENDPOINT_PATH, SpeedPatches

_USAGE = 'POST {"enabled": true|false} or, to measure or bisect, {"enabled": true, "patches": [names]}'


def handle(controller: SpeedPatches, method: str, body: bytes) -> tuple[int, dict[str, Any]]:
    """The endpoint's logic, free of HTTP types: (status code, JSON document)."""
    if method == "GET":
        return 200, dict(controller.status())
    try:
        document = json.loads(body)
    except ValueError:
        document = None
    if not isinstance(document, dict):
        return 400, {"error": "InvalidRequest", "message": _USAGE}
    enabled, only = document.get("enabled"), document.get("patches")
    if not isinstance(enabled, bool) or not (only is None or _names(only)):
        return 400, {"error": "InvalidRequest", "message": _USAGE}
    try:
        return 200, dict(controller.set_enabled(enabled, only))
    except ValueError as error:
        return 400, {"error": "InvalidRequest", "message": f"{error}; known: {controller.standard_names}"}


def _names(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def register(controller: SpeedPatches) -> Any:
    """Adds the route to LocalStack's edge router; returns the rule."""
    return json_route(ENDPOINT_PATH, lambda method, body: handle(controller, method, body), ["GET", "POST"])
