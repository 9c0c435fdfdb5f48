"""The host's `node`, as the local-node executor finds and checks it, and Lambda's error shape."""

import functools
import json
import logging
import os
import shutil
import subprocess

from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, HotReloadingCode, S3Code
from localstack.services.lambda_.invocation.runtime_executor import LambdaRuntimeException

LOG = logging.getLogger(__name__)

# What node versions the deployed runtimes expect; a warning, not a refusal, when the host is older.
RUNTIME_NODE_MAJOR = {"nodejs18.x": 18, "nodejs20.x": 20, "nodejs22.x": 22, "nodejs24.x": 24}
_warned_runtimes: set[str] = set()


def code_of(function_version: FunctionVersion) -> S3Code | HotReloadingCode:
    """The function's zip or hot-reload code; a container image (no code) is not for this executor."""
    code = function_version.config.code
    if code is None:
        name = function_version.id.function_name
        raise LambdaRuntimeException(f"local-node executor: {name} is a container image, which needs Docker")
    return code


def node_binary() -> str:
    """TICKET_NODE_BIN, else `node` on PATH."""
    found = os.environ.get("TICKET_NODE_BIN") or shutil.which("node")
    if not found:
        raise LambdaRuntimeException("local-node executor: no `node` on PATH (set TICKET_NODE_BIN)")
    return found


@functools.cache  # asked on every prepare_version; the host's node does not change while LocalStack runs
def node_major(binary: str) -> int:
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
    return int(out.strip().lstrip("v").split(".")[0])


def check_runtime(runtime: str, function_name: str) -> None:
    """Refuses what node cannot run; warns once per runtime when the host node is older than it."""
    if not runtime.startswith("nodejs"):
        raise LambdaRuntimeException(f"local-node runs Node.js functions only, not {runtime or 'images'}")
    expected = RUNTIME_NODE_MAJOR.get(runtime)
    host = node_major(node_binary())
    if expected and host < expected and runtime not in _warned_runtimes:
        _warned_runtimes.add(runtime)
        LOG.warning(
            "local-node: %s functions (first: %s) run on host node v%s: Node %s-only APIs fail locally",
            runtime,
            function_name,
            host,
            expected,
        )


def error_payload(error_type: str, message: str) -> bytes:
    """An invocation error as Lambda reports it, and Step Functions reads its name from."""
    return json.dumps({"errorType": error_type, "errorMessage": message}).encode()
