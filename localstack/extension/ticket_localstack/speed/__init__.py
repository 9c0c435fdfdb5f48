"""Step Functions speed patches for LocalStack 4.13.1 (placeholder: filled in by the speed work)."""

from localstack.runtime import hooks


@hooks.on_infra_start()
def apply_speed_patches() -> None:
    """Applies the speed patches at LocalStack start-up (none yet)."""
