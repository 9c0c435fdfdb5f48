"""`/_ticket_orchestrator/coverage`: GET lists what the recorder counted (per state machine), DELETE clears
it and answers the empty listing."""

from typing import Any

from ticket_localstack.coverage.recorder import CoverageRecorder, Listing
from ticket_localstack.json_route import json_route

ENDPOINT_PATH = "/_ticket_orchestrator/coverage"


def handle(recorder: CoverageRecorder, method: str) -> tuple[int, Listing]:
    """The endpoint's logic, free of HTTP types: (status code, JSON document)."""
    if method == "DELETE":
        recorder.clear()
    return 200, recorder.listing()


def register(recorder: CoverageRecorder) -> Any:
    """Adds the route to LocalStack's edge router; returns the rule."""
    return json_route(ENDPOINT_PATH, lambda method, _body: handle(recorder, method), ["GET", "DELETE"])
