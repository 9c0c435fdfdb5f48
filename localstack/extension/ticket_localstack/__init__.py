"""The ticket orchestrator's LocalStack 4.13.1 extension (see docs/local-emulation.md)."""
