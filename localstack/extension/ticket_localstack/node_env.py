"""The environment a Node.js function sees: the variables Lambda defines for it (the Lambda Developer
Guide's "Defined runtime environment variables"), its own configuration, and nothing of LocalStack's
or the executor's, except AWS_ENDPOINT_URL (LocalStack's one piece of wiring, see below).

Paths are Lambda's with the local folders in place of /var/task, /var/runtime and /var/lang.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

# What LocalStack computes that Lambda also sets, taken over as it is.
_FROM_LOCALSTACK = (
    "_HANDLER",
    "AWS_REGION",
    "AWS_DEFAULT_REGION",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_LAMBDA_LOG_FORMAT",
    "AWS_LAMBDA_LOG_LEVEL",
    "AWS_LAMBDA_MAX_CONCURRENCY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_XRAY_CONTEXT_MISSING",
    "AWS_XRAY_DAEMON_ADDRESS",
    "_AWS_XRAY_DAEMON_ADDRESS",
    "_AWS_XRAY_DAEMON_PORT",
    "TZ",
    # Not Lambda's: LocalStack points the SDK at itself with it (unless LAMBDA_DISABLE_AWS_ENDPOINT_URL).
    # The project's handlers reach LocalStack only through it; without it they would call AWS.
    "AWS_ENDPOINT_URL",
)

# The executor's settings for node_runtime/, removed from the environment before user code runs.
RUNTIME_SETTINGS = "_TICKET_RUNTIME"
EXEC_WRAPPER = "AWS_LAMBDA_EXEC_WRAPPER"
LAMBDA_TASK_ROOT = "/var/task"


def lambda_environment(
    given: Mapping[str, str],
    configured: Mapping[str, str],
    runtime: str,
    code_dir: Path,
    runtime_dir: Path,
    node: str,
) -> dict[str, str]:
    """`given` is LocalStack's environment for the function, `configured` the function's own variables."""
    node_home = Path(node).resolve().parent.parent
    task, rt = str(code_dir), str(runtime_dir)
    major = runtime.removeprefix("nodejs").split(".")[0]
    env = {key: given[key] for key in _FROM_LOCALSTACK if key in given}
    env |= {
        "AWS_EXECUTION_ENV": f"AWS_Lambda_{runtime}",
        "LAMBDA_TASK_ROOT": task,
        "LAMBDA_RUNTIME_DIR": rt,
        "LANG": "en_US.UTF-8",
        "TZ": given.get("TZ", ":UTC"),
        "PATH": f"{node_home}/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin",
        "LD_LIBRARY_PATH": (f"{node_home}/lib:/lib64:/usr/lib64:{rt}:{rt}/lib:{task}:{task}/lib:/opt/lib"),
        "NODE_PATH": (
            f"/opt/nodejs/node{major}/node_modules:/opt/nodejs/node_modules:{rt}/node_modules:{rt}:{task}"
        ),
    }
    return env | dict(configured)  # the function's own variables win, as on Lambda


def runtime_settings(endpoint: str, runtime_id: str, port: int) -> dict[str, str]:
    """What node_runtime/index.js needs from the executor, in one variable it deletes at start."""
    return {RUNTIME_SETTINGS: json.dumps({"endpoint": endpoint, "id": runtime_id, "port": port})}


def command(env: Mapping[str, str], node: str, script: Path, code_dir: Path) -> list[str]:
    """node and the runtime script, or, with AWS_LAMBDA_EXEC_WRAPPER, the wrapper given both (as Lambda
    starts it). A wrapper under /var/task is looked up in the function's code folder."""
    wrapper = env.get(EXEC_WRAPPER)
    if not wrapper:
        return [node, str(script)]
    if wrapper.startswith(f"{LAMBDA_TASK_ROOT}/"):
        wrapper = str(code_dir / wrapper.removeprefix(f"{LAMBDA_TASK_ROOT}/"))
    return [wrapper, node, str(script)]
