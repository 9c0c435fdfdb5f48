"""Reuse Step Functions' task clients: one boto client per (service, region, role ARN), for a while.

Replaces `asl/utils/boto_client.py:boto_client_for` (and the name in each module that imported it),
which every Task state, Map ItemReader/ResultWriter and `lambda:invoke` calls once per call. It does
`connect_to.with_assumed_role(...)` (aws/connect.py:321-363): an internal STS AssumeRole request with a
fresh random session name, then a client built with the fresh credentials. Those never match
LocalStack's client cache (`ClientFactory._get_client`, an lru_cache keyed by the credentials,
aws/connect.py:387-442), so every task builds a new botocore client, under the factory's lock, and
opens a new HTTP connection to the gateway.

Why it is safe:
  - The cached value is what the original returns for the same service, region and role: a client of
    that service in that region with credentials of that role (so the same account). Only the
    role-session name, which is random on every call anyway, is shared across calls.
  - LocalStack's own factory already shares each client between threads; botocore clients are
    thread-safe.
  - Entries expire after `_TTL_SECONDS`, far inside the 1-hour credentials they hold; the cache is
    bounded, and dropped on revert.
  - Anything unusual (a role ARN that is not a string) goes to the original untouched.
"""

import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_TTL_SECONDS = 600.0
_MAX_CLIENTS = 256

_SFN = "localstack.services.stepfunctions.asl"
_STATE_EXECUTION = f"{_SFN}.component.state.state_execution"
BOTO_CLIENT_MODULE = f"{_SFN}.utils.boto_client"
# Every module that did `from ...boto_client import boto_client_for` (a unit test checks the list).
IMPORTING_MODULES = (
    f"{_STATE_EXECUTION}.state_map.result_writer.resource_eval.resource_eval_s3",
    f"{_STATE_EXECUTION}.state_map.item_reader.resource_eval.resource_eval_s3",
    f"{_STATE_EXECUTION}.state_task.lambda_eval_utils",
    *(
        f"{_STATE_EXECUTION}.state_task.service.state_task_service_{name}"
        for name in (
            "aws_sdk",
            "batch",
            "dynamodb",
            "ecs",
            "events",
            "glue",
            "sfn",
            "sns",
            "sqs",
            "unsupported",
        )
    ),
)

Key = tuple[str, str, str]


class ClientCache:
    """A bounded, expiring map from (service, region, role ARN) to a client built by `build`."""

    def __init__(
        self,
        build: Callable[[str, str, Any], Any],
        ttl_seconds: float = _TTL_SECONDS,
        max_entries: int = _MAX_CLIENTS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._build = build
        self._ttl = ttl_seconds
        self._max = max_entries
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[Key, tuple[float, Any]] = OrderedDict()

    def client_for(self, service: str, region: str, state_credentials: Any) -> Any:
        role_arn = getattr(state_credentials, "role_arn", None)
        if not isinstance(role_arn, str):
            return self._build(service, region, state_credentials)
        key = (service, region, role_arn)
        now = self._clock()
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None and entry[0] > now:
                self._entries.move_to_end(key)
                return entry[1]
        # Built outside the lock: two threads may both build on a miss; either client is correct.
        client = self._build(service, region, state_credentials)
        with self._lock:
            self._entries[key] = (now + self._ttl, client)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)
        return client

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)


_LIVE_CACHES: "weakref.WeakSet[ClientCache]" = weakref.WeakSet()


def forget_task_clients() -> None:
    """Drops every cached task client (when the way internal clients are built changes)."""
    for cache in list(_LIVE_CACHES):
        cache.clear()


def task_client_patch() -> GuardedPatch:
    """Caches the clients Step Functions builds for its task calls."""
    import importlib

    boto_client = importlib.import_module(BOTO_CLIENT_MODULE)
    original = boto_client.boto_client_for
    cache = ClientCache(original)
    _LIVE_CACHES.add(cache)

    def boto_client_for(service: str, region: str, state_credentials: Any) -> Any:
        return cache.client_for(service, region, state_credentials)

    def targets() -> list[Target]:
        expected = f"{BOTO_CLIENT_MODULE}.boto_client_for"
        modules = [boto_client, *(importlib.import_module(name) for name in IMPORTING_MODULES)]
        return [Target(module, "boto_client_for", expected, boto_client_for) for module in modules]

    return GuardedPatch(
        name="sfn-task-client-cache",
        summary=f"task clients reused per (service, region, role ARN) for {_TTL_SECONDS:.0f} s",
        targets=targets,
        drop_caches=cache.clear,
    )
