"""Refuses, with 400 "Invalid request body", a body the API's validator cannot read as JSON text:
bytes that are not UTF-8, a byte-order mark, or a NUL byte. As AWS does: its validator reads a
body as UTF-8 JSON, and such a body fails validation (the BAD_REQUEST_BODY gateway response).

LocalStack 4.14.0 validates with `json.loads(body)` on the raw bytes
(`services/apigateway/next_gen/execute_api/handlers/method_request.py:100-105`), which
- raises UnicodeDecodeError on bytes that are not UTF-8, and only ValidationError and
  JSONDecodeError are caught: the API answers 500 "Error in apigateway invocation: 'utf-8' codec
  can't decode byte ...";
- detects the encoding of bytes by itself: a UTF-8 BOM is skipped and UTF-16 or UTF-32 JSON is
  read, so such a body passes validation and reaches the mapping templates, which cannot read it.

This is not a patch: it is one more handler in `preprocess_request`, the composite handler
LocalStack's REST API gateway offers for extensions (`next_gen/execute_api/gateway.py`). It runs
after routing and before validation, and only for methods whose validator checks the body.
`TICKET_BODY_GUARD=0` at start leaves it out.
"""

import logging
import os
from typing import Any

from localstack.runtime import hooks
from localstack.services.apigateway.next_gen.execute_api import handlers
from localstack.services.apigateway.next_gen.execute_api.context import RestApiInvocationContext
from localstack.services.apigateway.next_gen.execute_api.gateway_response import BadRequestBodyError
from rolo import Response
from rolo.gateway import HandlerChain

from ticket_localstack.versions import check_localstack_version

LOG = logging.getLogger(__name__)
BOM = b"\xef\xbb\xbf"


def unreadable(body: bytes) -> str | None:
    """Why `body` is not JSON text a validator reads as AWS does, or None when it is."""
    if body.startswith(BOM):
        return "it starts with a byte-order mark"
    if b"\x00" in body:
        return "it holds a NUL byte"
    try:
        body.decode("utf-8")
    except UnicodeDecodeError as e:
        return f"it is not UTF-8 (byte 0x{body[e.start]:02x} at {e.start})"
    return None


def validates_body(context: RestApiInvocationContext) -> bool:
    """Whether the routed method has a request validator that checks the body."""
    method, deployment = context.resource_method, context.deployment
    if method is None or deployment is None:  # not routed: nothing to validate against
        return False
    validator_id = (method.get("requestValidatorId") or "").strip()
    validator = deployment.rest_api.validators.get(validator_id) if validator_id else None
    return bool(validator and validator.get("validateRequestBody"))


class BodyGuard:
    """The handler: raises BadRequestBodyError (400, BAD_REQUEST_BODY) for an unreadable body."""

    def __call__(self, chain: HandlerChain[Any], context: Any, response: Response) -> None:
        refuse_unreadable_body(context)


def refuse_unreadable_body(context: RestApiInvocationContext) -> None:
    """Raises BadRequestBodyError for a body a validating method cannot read."""
    request = context.invocation_request
    body = (request.get("body") if request is not None else None) or b""
    if not body or not validates_body(context):
        return
    if reason := unreadable(body):
        LOG.debug("body guard: refused a body: %s", reason)
        raise BadRequestBodyError(message=f"Invalid request body: {reason}")


@hooks.on_infra_start()  # type: ignore[untyped-decorator]  # LocalStack's hooks carry no types
def install_body_guard() -> None:
    """Appends the guard to LocalStack's REST API `preprocess_request` handlers."""
    if os.environ.get("TICKET_BODY_GUARD", "1") == "0":
        LOG.info("body guard: off (TICKET_BODY_GUARD=0)")
        return
    check_localstack_version("body guard")
    handlers.preprocess_request.append(BodyGuard())
    LOG.info("body guard: bodies that are not UTF-8, or hold a BOM or a NUL byte, get 400")
