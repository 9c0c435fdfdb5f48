"""Fault injection for the calls Step Functions and the Lambdas make, off until a rule is set
(see docs/local-emulation.md, "Fault injection"). STORE is also read by the local-node executor for
Lambda function faults."""

import logging

from localstack.runtime import hooks

from ticket_localstack.chaos import endpoint, gateway
from ticket_localstack.chaos.rules import FaultStore
from ticket_localstack.versions import check_localstack_version

LOG = logging.getLogger(__name__)

STORE = FaultStore()
_installed = False


@hooks.on_infra_start()  # type: ignore[untyped-decorator]  # LocalStack's hooks carry no types
def install_fault_injection() -> None:
    """Adds the fault handlers to the gateway and serves the rules endpoint (once)."""
    global _installed
    if _installed:
        return
    check_localstack_version("fault injection")
    gateway.install(STORE)
    endpoint.register(STORE)
    _installed = True
    LOG.info("fault injection: ready at %s (no rules set)", endpoint.ENDPOINT_PATH)
