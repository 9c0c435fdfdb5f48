"""The task-client cache: one client per (service, region, role ARN) until it expires, in every module
that calls `boto_client_for`, and the originals back on revert."""

import importlib
import pkgutil
from types import SimpleNamespace
from typing import Any

import localstack.services.stepfunctions.asl as asl
from localstack.services.stepfunctions.asl.utils import boto_client

from ticket_localstack.speed.task_clients import (
    BOTO_CLIENT_MODULE,
    IMPORTING_MODULES,
    ClientCache,
    task_client_patch,
)

ROLE = SimpleNamespace(role_arn="arn:aws:iam::000000000000:role/a")
OTHER_ROLE = SimpleNamespace(role_arn="arn:aws:iam::111111111111:role/a")


class Builder:
    def __init__(self) -> None:
        self.built: list[tuple[str, str, Any]] = []

    def __call__(self, service: str, region: str, credentials: Any) -> object:
        self.built.append((service, region, credentials))
        return object()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_one_client_per_service_region_and_role() -> None:
    build = Builder()
    cache = ClientCache(build)
    s3 = cache.client_for("s3", "us-east-1", ROLE)
    assert cache.client_for("s3", "us-east-1", SimpleNamespace(role_arn=ROLE.role_arn)) is s3
    assert cache.client_for("sns", "us-east-1", ROLE) is not s3
    assert cache.client_for("s3", "eu-west-1", ROLE) is not s3
    assert cache.client_for("s3", "us-east-1", OTHER_ROLE) is not s3
    assert len(build.built) == 4


def test_a_client_is_rebuilt_once_expired() -> None:
    clock = Clock()
    cache = ClientCache(Builder(), ttl_seconds=60, clock=clock)
    first = cache.client_for("s3", "us-east-1", ROLE)
    clock.now += 59
    assert cache.client_for("s3", "us-east-1", ROLE) is first
    clock.now += 2
    assert cache.client_for("s3", "us-east-1", ROLE) is not first


def test_bounded_and_cleared() -> None:
    cache = ClientCache(Builder(), max_entries=2)
    oldest = cache.client_for("s3", "r1", ROLE)
    cache.client_for("s3", "r2", ROLE)
    cache.client_for("s3", "r3", ROLE)
    assert len(cache) == 2
    assert cache.client_for("s3", "r1", ROLE) is not oldest
    cache.clear()
    assert len(cache) == 0


def test_a_role_arn_that_is_not_a_string_goes_to_the_original_uncached() -> None:
    build = Builder()
    cache = ClientCache(build)
    odd = SimpleNamespace(role_arn={"not": "a string"})
    assert cache.client_for("s3", "r", odd) is not cache.client_for("s3", "r", odd)
    assert len(cache) == 0


def test_the_patch_covers_every_module_that_imported_boto_client_for() -> None:
    original = boto_client.boto_client_for
    importers = set()
    for module_info in pkgutil.walk_packages(asl.__path__, prefix=f"{asl.__name__}."):
        module = importlib.import_module(module_info.name)
        if vars(module).get("boto_client_for") is original and module.__name__ != BOTO_CLIENT_MODULE:
            importers.add(module.__name__)
    assert importers == set(IMPORTING_MODULES)


def test_applies_to_all_of_them_and_reverts() -> None:
    original = boto_client.boto_client_for
    patch = task_client_patch()
    patch.apply()
    try:
        modules = [boto_client, *(importlib.import_module(name) for name in IMPORTING_MODULES)]
        replacements = {vars(module)["boto_client_for"] for module in modules}
        assert len(replacements) == 1
        assert replacements != {original}
    finally:
        patch.revert()
    assert all(
        vars(importlib.import_module(name))["boto_client_for"] is original for name in IMPORTING_MODULES
    )
