"""Transition coverage of Step Functions executions (see docs/local-emulation.md, "Transition coverage").

On by default: each state entered and each edge taken is one counter increment under a lock, and the
counters are bounded by the definitions' size. `TICKET_COVERAGE=0` (or off) at start leaves the
interpreter unpatched; the endpoint then answers `enabled: false` and nothing.
"""

import logging
import os

from localstack.runtime import hooks

from ticket_localstack.coverage import endpoint
from ticket_localstack.coverage.interpreter import coverage_patch
from ticket_localstack.coverage.recorder import CoverageRecorder
from ticket_localstack.versions import check_localstack_version

LOG = logging.getLogger(__name__)

RECORDER = CoverageRecorder()
_installed = False

_OFF = {"0", "off", "false", "no"}


def coverage_wanted(env: dict[str, str] | os._Environ[str]) -> bool:
    return env.get("TICKET_COVERAGE", "").strip().lower() not in _OFF


@hooks.on_infra_start()  # type: ignore[untyped-decorator]  # LocalStack's hooks carry no types
def install_coverage_recorder() -> None:
    """Patches the interpreter to count transitions and serves the counts (once)."""
    global _installed
    if _installed:
        return
    _installed = True
    try:
        check_localstack_version("transition coverage")
        endpoint.register(RECORDER)
        if not coverage_wanted(os.environ):
            RECORDER.enabled = False
            LOG.info("transition coverage: off (TICKET_COVERAGE)")
            return
        coverage_patch(RECORDER).apply()
        LOG.info("transition coverage: recording at %s", endpoint.ENDPOINT_PATH)
    except Exception:  # never stop LocalStack over a measurement
        RECORDER.enabled = False
        LOG.exception("transition coverage: not recording")
