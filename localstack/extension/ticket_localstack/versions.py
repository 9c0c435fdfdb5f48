"""The one engine version this extension was written and proven against (LocalStack or LocalEmu)."""

import logging

from localstack.version import __version__ as localstack_version

from ticket_localstack import engine

LOG = logging.getLogger(__name__)

SUPPORTED_LOCALSTACK = engine.SUPPORTED_VERSION


class UnsupportedLocalStack(RuntimeError):
    """The running engine is not the version a plugin or patch was written for."""


def check_localstack_version(what: str, running: str = localstack_version) -> None:
    """Refuses to load `what` on another version of the engine: its internals may have moved."""
    if running != SUPPORTED_LOCALSTACK:
        raise UnsupportedLocalStack(
            f"{what} was written for {engine.NAME} {SUPPORTED_LOCALSTACK}, not {running}; "
            f"pin {engine.ROOT} or update ticket_localstack"
        )
