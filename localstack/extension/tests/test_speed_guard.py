"""GuardedPatch: applies only over what it expects, all or nothing (the hook checks the LocalStack
version: test_speed_control.py)."""

import types

import pytest

from ticket_localstack.speed.guard import GuardedPatch, PatchRefused, Target, qualified_name


def original_one() -> str:
    return "one"


def original_two() -> str:
    return "two"


def replacement() -> str:
    return "patched"


def a_module() -> types.ModuleType:
    module = types.ModuleType("fake_target")
    module.one = original_one  # type: ignore[attr-defined]
    module.two = original_two  # type: ignore[attr-defined]
    return module


def patch_of(module: types.ModuleType, expected_two: str = f"{__name__}.original_two") -> GuardedPatch:
    dropped: list[bool] = []
    patch = GuardedPatch(
        name="demo",
        summary="a demo",
        targets=lambda: [
            Target(module, "one", f"{__name__}.original_one", replacement),
            Target(module, "two", expected_two, replacement),
        ],
        drop_caches=lambda: dropped.append(True),
    )
    patch.dropped = dropped  # type: ignore[attr-defined]
    return patch


def test_applies_every_target_and_reverts_them_dropping_the_caches() -> None:
    module = a_module()
    patch = patch_of(module)

    patch.apply()
    assert (module.one(), module.two(), patch.applied) == ("patched", "patched", True)

    patch.revert()
    assert (module.one(), module.two(), patch.applied) == ("one", "two", False)
    assert patch.dropped == [True]  # type: ignore[attr-defined]


def test_refuses_a_target_that_is_not_what_it_expects_and_changes_nothing() -> None:
    module = a_module()
    patch = patch_of(module, expected_two="localstack.somewhere.else")

    with pytest.raises(
        PatchRefused, match=r"fake_target\.two is .*original_two, expected localstack\.somewhere\.else"
    ):
        patch.apply()
    assert (module.one(), module.two()) == ("one", "two")


def test_refuses_when_its_targets_cannot_be_imported() -> None:
    def targets() -> list[Target]:
        raise ImportError("No module named 'localstack.moved'")

    with pytest.raises(PatchRefused, match="cannot find its targets"):
        GuardedPatch(name="gone", summary="", targets=targets).apply()


def test_revert_leaves_alone_an_attribute_someone_else_replaced_since() -> None:
    module = a_module()
    patch = patch_of(module)
    patch.apply()
    module.two = original_one  # type: ignore[attr-defined]

    patch.revert()
    assert (module.one(), module.two()) == ("one", "one")


def test_qualified_name_sees_through_staticmethod() -> None:
    assert qualified_name(staticmethod(original_one)) == f"{__name__}.original_one"
    assert qualified_name(42) == ""
