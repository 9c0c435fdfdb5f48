"""Which speed patches are on: the start-up switches, and applying or reverting them all at run time."""

import logging
import threading
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import TypedDict

from ticket_localstack.speed.guard import GuardedPatch

LOG = logging.getLogger(__name__)

PatchFactory = Callable[[], GuardedPatch]

ENDPOINT_PATH = "/_ticket_orchestrator/speed-patches"

_OFF = {"0", "off", "false", "no"}
_ON = {"1", "on", "true", "yes"}


@dataclass(frozen=True)
class Switches:
    """TICKET_SPEED_PATCHES (default on) and TICKET_SKIP_EXPRESS_EVENTS (default off, opt-in)."""

    enabled: bool
    skip_express_events: bool

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "Switches":
        return cls(
            enabled=_flag(env, "TICKET_SPEED_PATCHES", default=True),
            skip_express_events=_flag(env, "TICKET_SKIP_EXPRESS_EVENTS", default=False),
        )


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = env.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _OFF:
        return False
    if raw in _ON:
        return True
    LOG.warning(
        "%s=%r is neither on (%s) nor off (%s); using the default (%s)",
        name,
        raw,
        "/".join(sorted(_ON)),
        "/".join(sorted(_OFF)),
        "on" if default else "off",
    )
    return default


class Status(TypedDict):
    enabled: bool
    applied: list[str]
    skipExpressEvents: bool
    skipped: dict[str, str]


class SpeedPatches:
    """The standard patches, switched together, and the opt-in ones, fixed at start-up."""

    def __init__(self, standard: Mapping[str, PatchFactory], opt_in: Mapping[str, PatchFactory]) -> None:
        self._lock = threading.Lock()
        self._standard = dict(standard)
        self._opt_in = dict(opt_in)
        self._built: dict[str, GuardedPatch] = {}
        self._enabled = False
        self._skipped: dict[str, str] = {}

    def start(self, switches: Switches) -> None:
        """Applies what the switches ask for and logs, one line each, what applied and what did not."""
        if not switches.enabled:
            LOG.info("speed patches: all off (TICKET_SPEED_PATCHES); POST %s turns them on", ENDPOINT_PATH)
        self.set_enabled(switches.enabled)
        with self._lock:
            for name, factory in self._opt_in.items():
                if switches.enabled and switches.skip_express_events:
                    self._apply(name, factory)
                else:
                    why = "TICKET_SPEED_PATCHES is off" if not switches.enabled else "opt-in, not asked for"
                    LOG.info("speed patch %s skipped: %s", name, why)
        status = self.status()
        LOG.info("speed patches applied: %s", ", ".join(status["applied"]) or "none")

    @property
    def standard_names(self) -> list[str]:
        return list(self._standard)

    def set_enabled(self, enabled: bool, only: Collection[str] | None = None) -> Status:
        """Applies (True) or reverts (False) every standard patch, or with `only`, applies just those
        (to measure or bisect one patch) and reverts the others; answers the resulting status."""
        unknown = set(only or ()) - set(self._standard)
        if unknown:
            raise ValueError(f"no such patch: {', '.join(sorted(unknown))}")
        with self._lock:
            self._enabled = enabled
            for name, factory in self._standard.items():
                if enabled and (only is None or name in only):
                    self._apply(name, factory)
                elif (patch := self._built.get(name)) is not None:
                    patch.revert()
        return self.status()

    def status(self) -> Status:
        with self._lock:
            applied = [name for name, patch in self._built.items() if patch.applied]
            return Status(
                enabled=self._enabled,
                applied=applied,
                skipExpressEvents=any(name in applied for name in self._opt_in),
                skipped=dict(self._skipped),
            )

    def _apply(self, name: str, factory: PatchFactory) -> None:
        try:
            patch = self._built.get(name) or factory()
            self._built[name] = patch
            patch.apply()
            self._skipped.pop(name, None)
        except Exception as error:  # a patch that cannot apply must not stop LocalStack
            self._skipped[name] = str(error)
            LOG.warning("speed patch %s skipped: %s", name, error)
