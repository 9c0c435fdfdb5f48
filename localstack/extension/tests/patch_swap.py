"""What a patch leaves in an attribute while applied, and after it is reverted."""

from types import ModuleType

from ticket_localstack.speed.guard import GuardedPatch


def swapped(patch: GuardedPatch, owner: ModuleType | type, attribute: str) -> tuple[object, object]:
    """(`owner.attribute` while `patch` is applied, the same once it is reverted)."""
    patch.apply()
    try:
        during = getattr(owner, attribute)
    finally:
        patch.revert()
    return during, getattr(owner, attribute)
