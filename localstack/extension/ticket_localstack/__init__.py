"""The ticket orchestrator's LocalStack 4.14.0 extension (see docs/local-emulation.md)."""
