"""The ticket orchestrator's extension for LocalStack 4.14.0 and LocalEmu 1.3.2 (docs/local-emulation.md)."""

from ticket_localstack.engine import alias_package_root

alias_package_root()  # first: every module below imports `localstack.*`, LocalEmu's `localemu.*`
