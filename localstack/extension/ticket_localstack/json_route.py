"""The one way the extension puts a JSON endpoint on the emulator's edge router."""

from collections.abc import Callable, Sequence
from typing import Any

Handle = Callable[[str, bytes], tuple[int, Any]]
"""(HTTP method, request body) -> (status code, JSON document): an endpoint's logic, free of HTTP types."""


def json_route(path: str, handle: Handle, methods: Sequence[str]) -> Any:
    """Adds `path` to LocalStack's edge router, answering `handle`'s document as JSON; returns the rule."""
    from localstack.services.edge import ROUTER
    from rolo import Request, Response

    def endpoint(request: Request, **_: Any) -> Response:
        status, document = handle(request.method, request.get_data())
        return Response.for_json(document, status=status)

    return ROUTER.add(path, endpoint=endpoint, methods=list(methods))
