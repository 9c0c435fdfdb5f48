"""Fault injection in LocalStack's gateway: every AWS call passes here, whether Step Functions makes it
(aws-sdk and optimized integrations), a Lambda function (its SDK reaches LocalStack through
AWS_ENDPOINT_URL) or a test. Both handlers are appended to LocalStack's own extension points in the
handler chain (`serve_custom_service_request_handlers`, after the request is parsed, and
`run_custom_response_handlers`, after the service answered), so they see the service, operation,
region and parameters of the call."""

import logging
import time
from typing import Any

from localstack.aws.api import CommonServiceException, RequestContext
from localstack.aws.handlers.service import ServiceExceptionSerializer
from rolo import Response

from ticket_localstack.chaos.rules import Call, FaultRule, FaultStore

LOG = logging.getLogger(__name__)
_LOST_ANSWER = "_ticket_orchestrator_lost_answer"
# Where each service names the resource a rule's `resource` is a prefix of.
_RESOURCE_PARAMETER = {"s3": "Key", "lambda": "FunctionName", "sns": "TopicArn", "kms": "KeyId"}


def call_of(context: RequestContext) -> Call | None:
    if context.service is None or context.operation is None:
        return None
    service = context.service.service_name
    request: dict[str, Any] = dict(context.service_request or {})
    resource = request.get(_RESOURCE_PARAMETER.get(service, ""))
    if service == "s3" and resource is None:
        resource = request.get("Bucket")
    if service == "lambda" and isinstance(resource, str) and resource.startswith("arn:"):
        resource = resource.split(":")[6]  # arn:aws:lambda:region:account:function:NAME[:qualifier]
    named = resource if isinstance(resource, str) else None
    return Call(service, context.operation.name, context.region or "", named)


def error_of(rule: FaultRule, call: Call) -> CommonServiceException:
    message = f"Injected fault ({call.service} {call.operation}): {rule.code}"
    client_fault = rule.status_code < 500
    return CommonServiceException(rule.code, message, status_code=rule.status_code, sender_fault=client_fault)


class FaultHandlers:
    def __init__(self, store: FaultStore) -> None:
        self.store = store
        self._serializer = ServiceExceptionSerializer()

    def on_request(self, chain: Any, context: RequestContext, response: Response) -> None:
        call = call_of(context)
        rule = self.store.take(call) if call else None
        if rule is None or call is None:
            return
        LOG.info("fault injected: %s %s %s: %s", call.service, call.operation, call.resource, rule.to_json())
        if rule.latency_ms:
            time.sleep(rule.latency_ms / 1000)
        if not rule.has_error:
            return
        if rule.after:
            setattr(context, _LOST_ANSWER, error_of(rule, call))  # the call runs; its answer is replaced
            return
        raise error_of(rule, call)

    def on_response(self, chain: Any, context: RequestContext, response: Response) -> None:
        error: CommonServiceException | None = getattr(context, _LOST_ANSWER, None)
        if error is None:
            return
        setattr(context, _LOST_ANSWER, None)
        replacement = self._serializer.create_exception_response(error, context)
        if replacement is not None:
            response.update_from(replacement)


def install(store: FaultStore) -> FaultHandlers:
    from localstack.aws import handlers

    fault_handlers = FaultHandlers(store)
    handlers.serve_custom_service_request_handlers.append(fault_handlers.on_request)
    handlers.run_custom_response_handlers.append(fault_handlers.on_response)
    return fault_handlers
