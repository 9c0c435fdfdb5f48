"""A guarded patch: replaces named attributes of LocalStack internals, and only the ones it expects.

Each speed patch is one `GuardedPatch`. Before it touches anything it checks that every target
attribute still holds the function it was written against (by module and qualified name); the
LocalStack version is checked once for all of them, by `apply_speed_patches`. It applies all its
targets or none, logs that it applied, and can be reverted, which also drops its caches.
"""

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from ticket_localstack import engine

LOG = logging.getLogger(__name__)


class PatchRefused(RuntimeError):
    """A patch found something other than what it was written for, and left everything as it was."""


@dataclass(frozen=True)
class Target:
    """One attribute to replace: `owner.attribute`, expected to hold the function named `expected`."""

    owner: ModuleType | type
    attribute: str
    expected: str
    replacement: object


def qualified_name(value: object) -> str:
    """`module.qualname` of a function, unwrapping staticmethod/classmethod; '' for anything else.
    The module as the extension names it: `localstack.x`, also in LocalEmu (whose module is `localemu.x`)."""
    if isinstance(value, staticmethod | classmethod):
        value = value.__func__
    module = getattr(value, "__module__", None)
    qualname = getattr(value, "__qualname__", None)
    if not isinstance(module, str) or not isinstance(qualname, str):
        return ""
    return f"{engine.canonical(module)}.{qualname}"


@dataclass
class GuardedPatch:
    """A named set of attribute replacements, applied all together or not at all."""

    name: str
    summary: str
    targets: Callable[[], Sequence[Target]]
    """Builds the targets; called at apply time so that imports happen then (and their errors refuse)."""
    drop_caches: Callable[[], None] = lambda: None
    on_apply: Callable[[], object] = lambda: None
    """Runs once every target is in place (e.g. to switch on what the new code reads)."""
    _originals: list[tuple[Target, Any]] = field(default_factory=list)
    _applied: bool = False

    @property
    def applied(self) -> bool:
        return self._applied

    def apply(self) -> None:
        """Applies every target, or raises `PatchRefused` having changed nothing."""
        if self.applied:
            return
        try:
            targets = list(self.targets())
        except (ImportError, AttributeError) as error:
            raise PatchRefused(f"cannot find its targets: {error}") from error
        originals: list[tuple[Target, Any]] = []
        for target in targets:
            current = vars(target.owner).get(target.attribute)
            found = qualified_name(current)
            if found != target.expected:
                where = f"{target.owner.__name__}.{target.attribute}"
                raise PatchRefused(f"{where} is {found or repr(current)}, expected {target.expected}")
            originals.append((target, current))
        for target, _ in originals:
            setattr(target.owner, target.attribute, target.replacement)
        self._originals, self._applied = originals, True
        self.on_apply()
        LOG.info("speed patch %s applied: %s", self.name, self.summary)

    def revert(self) -> None:
        """Puts every original back (unless someone replaced ours since) and drops the caches."""
        for target, original in reversed(self._originals):
            if vars(target.owner).get(target.attribute) is target.replacement:
                setattr(target.owner, target.attribute, original)
            else:
                LOG.warning(
                    "speed patch %s: %s.%s was replaced by someone else; left as is",
                    self.name,
                    target.owner.__name__,
                    target.attribute,
                )
        was_applied = self.applied
        self._originals, self._applied = [], False
        self.drop_caches()
        if was_applied:
            LOG.info("speed patch %s reverted", self.name)
