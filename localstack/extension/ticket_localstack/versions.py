"""The one LocalStack version this extension was written and proven against."""

import logging

from localstack.version import __version__ as localstack_version

LOG = logging.getLogger(__name__)

SUPPORTED_LOCALSTACK = "4.14.0"


class UnsupportedLocalStack(RuntimeError):
    """The running LocalStack is not the version a plugin or patch was written for."""


def check_localstack_version(what: str, running: str = localstack_version) -> None:
    """Refuses to load `what` on another LocalStack: its internals may have moved."""
    if running != SUPPORTED_LOCALSTACK:
        raise UnsupportedLocalStack(
            f"{what} was written for LocalStack {SUPPORTED_LOCALSTACK}, not {running}; "
            "pin localstack-core or update ticket_localstack"
        )
