"""The switches, the controller that applies or reverts the patches together, the toggle endpoint's
answers, and the plux hook: its name, and its LocalStack version check."""

import json
import logging
import tomllib
import types
from pathlib import Path

import pytest

import ticket_localstack.speed as speed
from ticket_localstack import engine
from ticket_localstack.speed import OPT_IN_PATCHES, STANDARD_PATCHES, apply_speed_patches
from ticket_localstack.speed.control import PatchFactory, SpeedPatches, Switches
from ticket_localstack.speed.endpoint import handle
from ticket_localstack.speed.guard import GuardedPatch, PatchRefused, Target
from ticket_localstack.versions import SUPPORTED_LOCALSTACK, check_localstack_version


def fake_factory(name: str) -> tuple[types.ModuleType, PatchFactory]:
    """A patch over a module of its own; returns the module and the factory."""
    module = types.ModuleType(f"fake_{name}")

    def original() -> str:
        return "original"

    module.fn = original  # type: ignore[attr-defined]

    def factory() -> GuardedPatch:
        target = Target(module, "fn", f"{__name__}.fake_factory.<locals>.original", lambda: "patched")
        return GuardedPatch(name=name, summary=name, targets=lambda: [target])

    return module, factory


def refusing_factory() -> GuardedPatch:
    def targets() -> list[Target]:
        raise PatchRefused("not today")

    return GuardedPatch(name="refusing", summary="", targets=targets)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, Switches(enabled=True, skip_express_events=False)),
        ({"TICKET_SPEED_PATCHES": "0"}, Switches(enabled=False, skip_express_events=False)),
        ({"TICKET_SPEED_PATCHES": "OFF", "TICKET_SKIP_EXPRESS_EVENTS": "1"}, Switches(False, True)),
        ({"TICKET_SKIP_EXPRESS_EVENTS": "on"}, Switches(enabled=True, skip_express_events=True)),
        ({"TICKET_SPEED_PATCHES": "maybe"}, Switches(enabled=True, skip_express_events=False)),
    ],
)
def test_switches(env: dict[str, str], expected: Switches) -> None:
    assert Switches.from_env(env) == expected


def test_start_applies_the_standard_patches_logs_what_it_skipped_and_why(
    caplog: pytest.LogCaptureFixture,
) -> None:
    one, one_factory = fake_factory("one")
    events, events_factory = fake_factory("events")
    controller = SpeedPatches({"one": one_factory, "refusing": refusing_factory}, {"events": events_factory})
    with caplog.at_level(logging.INFO):
        controller.start(Switches(enabled=True, skip_express_events=False))
    try:
        assert (one.fn(), events.fn()) == ("patched", "original")
        assert controller.status() == {
            "enabled": True,
            "applied": ["one"],
            "skipExpressEvents": False,
            "skipped": {"refusing": "not today"},
        }
        assert "speed patch refusing skipped: not today" in caplog.text
        assert "speed patch events skipped: opt-in, not asked for" in caplog.text
        assert "speed patches applied: one" in caplog.text
    finally:
        controller.set_enabled(False)
    assert one.fn() == "original"


def test_the_opt_in_patch_stays_as_started_when_the_others_are_switched() -> None:
    one, one_factory = fake_factory("one")
    events, events_factory = fake_factory("events")
    controller = SpeedPatches({"one": one_factory}, {"events": events_factory})
    controller.start(Switches(enabled=True, skip_express_events=True))
    controller.set_enabled(False)
    assert controller.status()["skipExpressEvents"] is True
    assert (one.fn(), events.fn()) == ("original", "patched")


def test_all_off_at_start_applies_nothing_not_even_the_opt_in() -> None:
    _, one_factory = fake_factory("one")
    _, events_factory = fake_factory("events")
    controller = SpeedPatches({"one": one_factory}, {"events": events_factory})
    controller.start(Switches(enabled=False, skip_express_events=True))
    assert controller.status() == {"enabled": False, "applied": [], "skipExpressEvents": False, "skipped": {}}


def test_the_endpoint_reads_flips_and_measures_one_patch() -> None:
    one, one_factory = fake_factory("one")
    two, two_factory = fake_factory("two")
    controller = SpeedPatches({"one": one_factory, "two": two_factory}, {})
    assert handle(controller, "GET", b"")[1]["enabled"] is False
    code, answer = handle(controller, "POST", json.dumps({"enabled": True}).encode())
    assert (code, answer["applied"]) == (200, ["one", "two"])
    code, answer = handle(controller, "POST", json.dumps({"enabled": True, "patches": ["two"]}).encode())
    assert (code, answer["applied"], one.fn(), two.fn()) == (200, ["two"], "original", "patched")
    code, answer = handle(controller, "POST", json.dumps({"enabled": False}).encode())
    assert (code, answer["enabled"], answer["applied"]) == (200, False, [])


@pytest.mark.parametrize(
    "body", [b"", b"not json", b'{"enabled": "yes"}', b'{"enabled": true, "patches": "one"}']
)
def test_the_endpoint_refuses_a_malformed_post(body: bytes) -> None:
    controller = SpeedPatches({}, {})
    assert handle(controller, "POST", body)[0] == 400


def test_the_endpoint_refuses_an_unknown_patch_name() -> None:
    _, one_factory = fake_factory("one")
    code, answer = handle(
        SpeedPatches({"one": one_factory}, {}), "POST", b'{"enabled": true, "patches": ["nope"]}'
    )
    assert (code, answer["message"]) == (400, "no such patch: nope; known: ['one']")


def test_the_real_patches_are_named_as_they_name_themselves() -> None:
    for name, factory in {**STANDARD_PATCHES, **OPT_IN_PATCHES}.items():
        assert factory().name == name


def test_the_hook_is_a_plux_plugin_whose_entry_point_name_is_its_function_name() -> None:
    spec = apply_speed_patches.__pluginspec__
    assert (spec.namespace, spec.name) == (f"{engine.ROOT}.hooks.on_infra_start", "apply_speed_patches")
    declared = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
    # The same hooks under both engines' namespaces.
    entry_points = declared["entry-points"]["localstack.hooks.on_infra_start"]
    assert declared["entry-points"]["localemu.hooks.on_infra_start"] == entry_points
    assert entry_points["apply_speed_patches"] == "ticket_localstack.speed:apply_speed_patches"
    # plux: every hook's entry-point name is its function's name.
    assert all(target.endswith(f":{name}") for name, target in entry_points.items())


def test_the_hook_refuses_another_localstack_version_and_changes_nothing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    one, one_factory = fake_factory("one")
    registered: list[SpeedPatches] = []
    monkeypatch.setattr(speed, "_controller", None)
    monkeypatch.setattr(speed, "STANDARD_PATCHES", {"one": one_factory})
    monkeypatch.setattr(speed, "register", registered.append)
    monkeypatch.setattr(
        speed, "check_localstack_version", lambda what: check_localstack_version(what, running="4.13.1")
    )
    apply_speed_patches()
    assert f"speed patches was written for {engine.NAME} {SUPPORTED_LOCALSTACK}, not 4.13.1" in caplog.text
    assert (one.fn(), registered, speed._controller) == ("original", [], None)
