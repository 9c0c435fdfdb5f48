"""Step Functions speed patches for LocalStack 4.14.0 (see docs/localstack-speed-patches.md).

One module per patch; each is a `GuardedPatch` (guard.py) that checks the function it replaces, logs
that it applied, and can be reverted; the LocalStack version is checked once, before any of them.
Switches, read at start-up:
  TICKET_SPEED_PATCHES=0|off        every patch off (default: on)
  TICKET_SKIP_EXPRESS_EVENTS=1|on   the opt-in one: no EventBridge status events for EXPRESS executions
At run time, GET/POST /_ticket_orchestrator/speed-patches reads or flips the standard ones, and
POST /_ticket_orchestrator/gc-freeze freezes what the emulator holds now (python-gc-freeze, gc_freeze.py).
"""

import logging
import os

from localstack.runtime import hooks

from ticket_localstack.speed.branch_logs import branch_log_patch
from ticket_localstack.speed.control import PatchFactory, SpeedPatches, Switches
from ticket_localstack.speed.endpoint import register
from ticket_localstack.speed.express_events import express_events_patch
from ticket_localstack.speed.gc_freeze import gc_freeze_patch
from ticket_localstack.speed.gc_freeze import register as register_gc_freeze
from ticket_localstack.speed.in_memory_client import in_memory_client_patch
from ticket_localstack.speed.inline_programs import inline_programs_patch
from ticket_localstack.speed.internal_auth import internal_auth_patch
from ticket_localstack.speed.jsonpath_cache import apigateway_jsonpath_patch, sfn_jsonpath_patch
from ticket_localstack.speed.lambda_log_batch import lambda_log_batch_patch
from ticket_localstack.speed.lambda_metric_batch import lambda_metric_batch_patch
from ticket_localstack.speed.lambda_timers import lambda_timers_patch
from ticket_localstack.speed.operation_model import operation_model_patch
from ticket_localstack.speed.program_cache import program_cache_patch
from ticket_localstack.speed.schema_validator import schema_validator_patch
from ticket_localstack.speed.sync_executions import sync_execution_bound_patch
from ticket_localstack.speed.task_clients import task_client_patch
from ticket_localstack.speed.task_threads import task_threads_patch
from ticket_localstack.speed.user_agent import user_agent_patch
from ticket_localstack.speed.vtl_template_cache import vtl_template_patch
from ticket_localstack.versions import check_localstack_version

LOG = logging.getLogger(__name__)

STANDARD_PATCHES: dict[str, PatchFactory] = {
    "in-memory-client": in_memory_client_patch,
    "internal-mock-auth": internal_auth_patch,
    "sfn-jsonpath-cache": sfn_jsonpath_patch,
    "sfn-program-cache": program_cache_patch,
    "sfn-task-client-cache": task_client_patch,
    "sfn-operation-model-cache": operation_model_patch,
    "apigateway-jsonpath-cache": apigateway_jsonpath_patch,
    "apigateway-schema-cache": schema_validator_patch,
    "vtl-template-cache": vtl_template_patch,
    "sfn-sync-execution-bound": sync_execution_bound_patch,
    "sfn-branch-log-debug": branch_log_patch,
    "lambda-log-batch": lambda_log_batch_patch,
    "lambda-metric-batch": lambda_metric_batch_patch,
    "lambda-shared-timers": lambda_timers_patch,
    "botocore-user-agent-cache": user_agent_patch,
    "sfn-inline-programs": inline_programs_patch,
    "sfn-task-thread-pool": task_threads_patch,
    "python-gc-freeze": gc_freeze_patch,
}
OPT_IN_PATCHES: dict[str, PatchFactory] = {
    "sfn-skip-express-events": express_events_patch,
}

_controller: SpeedPatches | None = None


@hooks.on_infra_start()  # type: ignore[untyped-decorator]  # LocalStack's hooks carry no types
def apply_speed_patches() -> None:
    """Applies the speed patches the switches ask for and registers the run-time toggle (once)."""
    global _controller
    if _controller is not None:
        return
    try:
        check_localstack_version("speed patches")  # on another version: none applied, no toggle
        controller = SpeedPatches(STANDARD_PATCHES, OPT_IN_PATCHES)
        register(controller)
        register_gc_freeze(controller)
        _controller = controller
        controller.start(Switches.from_env(os.environ))
    except Exception:  # never stop LocalStack over a speed-up
        LOG.exception("speed patches: start-up failed")
