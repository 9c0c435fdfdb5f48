"""The local-node executor's answers, as Lambda gives them: a handler's result, or a failure the process
did not answer itself (a timeout, a crash, an injected fault), each with its invocation log."""

from __future__ import annotations

import base64
import signal
from datetime import UTC, datetime
from typing import Any

from localstack import config
from localstack.services.lambda_.invocation.lambda_models import InvocationResult

from ticket_localstack.node_host import error_payload
from ticket_localstack.node_logs import Usage, invocation_log

TIMED_OUT = "Sandbox.Timedout"
EXITED = "Runtime.ExitError"


def answered(request_id: str, version: str, answer: dict[str, Any], usage: Usage) -> InvocationResult:
    """The process's answer: the handler's result (or its error), with its output; a result past Lambda's
    payload limit becomes Function.ResponseSizeTooLarge, as on Lambda."""
    logs = invocation_log(request_id, version, answer["logs"], usage, before=answer["initLogs"])
    if "payloadBase64" in answer:  # a streaming handler's bytes
        payload = base64.b64decode(answer["payloadBase64"])
        return InvocationResult(request_id, payload, is_error=answer["isError"], logs=logs)
    result = answer["payload"].encode()
    limit = config.LAMBDA_LIMITS_MAX_FUNCTION_PAYLOAD_SIZE_BYTES  # 6 MB + 100 bytes, as on Lambda
    if len(result) > limit:
        message = f"Response payload size exceeded maximum allowed payload size ({limit} bytes)."
        payload = error_payload("Function.ResponseSizeTooLarge", message)
        return InvocationResult(request_id, payload, is_error=True, logs=logs)
    return InvocationResult(request_id, result, is_error=answer["isError"], logs=logs)


def timed_out_message(request_id: str, timeout_s: float) -> str:
    return f"RequestId: {request_id} Error: Task timed out after {timeout_s:.2f} seconds"


def exited_message(request_id: str, code: int) -> str:
    """Lambda's words for a process that ended mid-invocation: "signal: killed" or "exit status 1"."""
    if code < 0:
        status = f"signal: {(signal.strsignal(-code) or str(-code)).lower()}"
    else:
        status = f"exit status {code}"
    return f"RequestId: {request_id} Error: Runtime exited with error: {status}"


def failed(
    request_id: str, version: str, error_type: str, message: str, output: list[str], usage: Usage
) -> InvocationResult:
    """A failure logged after what the process wrote during the invocation, with Lambda's line for it:
    a timestamped line for a timeout, the error and its type for anything else."""
    if error_type == TIMED_OUT:
        stamp = datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        output = [*output, f"{stamp} {message.replace(' Error: ', ' ', 1).removeprefix('RequestId: ')}"]
    else:
        output = [*output, message, error_type]
    logs = invocation_log(request_id, version, "\n".join(output), usage)
    return InvocationResult(request_id, error_payload(error_type, message), is_error=True, logs=logs)
