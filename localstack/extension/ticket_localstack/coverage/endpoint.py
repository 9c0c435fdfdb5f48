"""`/_ticket_orchestrator/coverage`: GET lists what the recorder counted (per state machine), DELETE clears
it and answers the empty listing."""

from typing import Any

from ticket_localstack.coverage.recorder import CoverageRecorder, Listing

ENDPOINT_PATH = "/_ticket_orchestrator/coverage"


def handle(recorder: CoverageRecorder, method: str) -> tuple[int, Listing]:
    """The endpoint's logic, free of HTTP types: (status code, JSON document)."""
    if method == "DELETE":
        recorder.clear()
    return 200, recorder.listing()


def register(recorder: CoverageRecorder) -> Any:
    """Adds the route to LocalStack's edge router; returns the rule."""
    from localstack.services.edge import ROUTER
    from rolo import Request, Response

    def coverage(request: Request, **_: Any) -> Response:
        status, document = handle(recorder, request.method)
        return Response.for_json(document, status=status)

    return ROUTER.add(ENDPOINT_PATH, endpoint=coverage, methods=["GET", "DELETE"])
