"""Calls between services in process: LocalStack's own IN_MEMORY_CLIENT, switchable at run time.

Every call Step Functions makes to S3, SNS and Lambda, and API Gateway's StartSyncExecution, is an
internal boto client call. By default each is a real HTTP round trip to LocalStack's own gateway:
botocore serializes it, urllib3 sends it over a socket, Twisted reads it, the gateway parses it. With
LocalStack's `IN_MEMORY_CLIENT=1` (config.py:1277), `InternalClientFactory._get_client_post_hook`
(aws/connect.py:475-481) gives each internal client a `GatewayShortCircuit` (aws/client.py:381-433),
which hands the request to `gateway.handle` in the calling thread, and a patch of
`botocore.endpoint.Endpoint.create_request` (aws/client.py:262-284) keeps the parameters and the
operation model on the request so that the gateway needs no parsing. LocalStack reads that setting
only at start-up; this patch does the same two things, so the speed-patch switch turns it on and off.

Why it is safe:
  - It is LocalStack's own mechanism, used as LocalStack uses it: the request still goes through the
    whole gateway handler chain (so the fault injection and every service handler see it), only the
    socket and the re-parsing are skipped.
  - The short-circuit answers only requests to LocalStack's internal URL; anything else goes out as
    before. A client built while the patch was off has the handler too, which then lets it pass.
  - Clients are cached (LocalStack's factory, the task-client cache): both are dropped when the patch
    applies or reverts, so no client keeps the other mode.
"""

import threading
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target
from ticket_localstack.speed.task_clients import forget_task_clients

_CONNECT = "localstack.aws.connect"


class _Switch:
    """Whether the short-circuit answers; read on every internal call, so it flips at once."""

    def __init__(self) -> None:
        self.on = False
        self._lock = threading.Lock()
        self._short_circuit: Any = None

    def short_circuit(self) -> Any:
        with self._lock:
            if self._short_circuit is None:
                from localstack.aws.client import GatewayShortCircuit
                from localstack.runtime import get_current_runtime

                gateway: Any = get_current_runtime().components.gateway  # typed as rolo's Gateway
                self._short_circuit = GatewayShortCircuit(gateway)
            return self._short_circuit


def in_memory_client_patch() -> GuardedPatch:
    """Internal clients answered by the gateway in process, as with IN_MEMORY_CLIENT=1."""
    from botocore.endpoint import Endpoint
    from localstack.aws import connect

    switch = _Switch()
    create_request = Endpoint.create_request
    post_hook = connect.InternalClientFactory._get_client_post_hook

    def enriched_create_request(self: Any, params: dict[str, Any], operation_model: Any = None) -> Any:
        request = create_request(self, params, operation_model)
        request.params = params
        request.operation_model = operation_model
        return request

    def in_process(event_name: str, request: Any, **kwargs: Any) -> Any:
        if not switch.on or getattr(request, "operation_model", None) is None:
            return None  # over HTTP, as without the patch
        return switch.short_circuit()(event_name, request, **kwargs)

    def get_client_post_hook(self: Any, client: Any) -> Any:
        client = post_hook(self, client)
        client.meta.events.register_first("before-send.*.*", in_process)
        return client

    def targets() -> list[Target]:
        return [
            Target(
                Endpoint,
                "create_request",
                "botocore.endpoint.Endpoint.create_request",
                enriched_create_request,
            ),
            Target(
                connect.InternalClientFactory,
                "_get_client_post_hook",
                f"{_CONNECT}.InternalClientFactory._get_client_post_hook",
                get_client_post_hook,
            ),
        ]

    def drop_clients() -> None:
        connect.ClientFactory._get_client.cache_clear()
        forget_task_clients()

    def switched(on: bool) -> None:
        switch.on = on
        drop_clients()

    return GuardedPatch(
        name="in-memory-client",
        summary="internal AWS calls handed to the gateway in process (LocalStack's IN_MEMORY_CLIENT)",
        targets=targets,
        on_apply=lambda: switched(True),
        drop_caches=lambda: switched(False),
    )
