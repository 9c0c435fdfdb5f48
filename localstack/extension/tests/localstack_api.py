"""How the extension's tests reach the running LocalStack (`make local-up`): one place for its URL,
the boto3 clients and the fault endpoint."""

import os
from typing import Any

import boto3
import pytest
import requests
from botocore.config import Config

LOCALSTACK_URL = os.environ.get("LOCALSTACK_URL", "http://127.0.0.1:4566").rstrip("/")
FAULTS = f"{LOCALSTACK_URL}/_ticket_orchestrator/chaos/faults"
SPEED_PATCHES = f"{LOCALSTACK_URL}/_ticket_orchestrator/speed-patches"
# /_localstack/health, or /_localemu/health with LOCAL_EMULATOR=localemu (localstack/engine.sh exports it).
HEALTH_PATH = f"{os.environ.get('EMU_INTERNAL_PATH', '/_localstack')}/health"


def client(
    service: str, config: Config | None = None, region: str = "us-east-1", access_key: str = "test"
) -> Any:
    """A client of the running emulator; a 12-digit `access_key` names another account."""
    return boto3.client(
        service,
        endpoint_url=LOCALSTACK_URL,
        region_name=region,
        aws_access_key_id=access_key,
        aws_secret_access_key="test",
        config=config,
    )


def require_localstack() -> None:
    try:
        requests.get(f"{LOCALSTACK_URL}{HEALTH_PATH}", timeout=3).raise_for_status()
    except requests.RequestException as e:
        pytest.fail(f"LocalStack does not answer at {LOCALSTACK_URL} ({e}). Run `make local-up` first.")


def set_faults(*rules: dict[str, Any]) -> list[dict[str, Any]]:
    answer = requests.post(FAULTS, json=list(rules), timeout=5)
    answer.raise_for_status()
    listing: list[dict[str, Any]] = answer.json()
    return listing


def clear_faults() -> None:
    requests.delete(FAULTS, timeout=5).raise_for_status()


def speed_status() -> dict[str, Any]:
    """The speed patches' status: `enabled`, `applied` (names), `skipped`."""
    answer = requests.get(SPEED_PATCHES, timeout=5)
    answer.raise_for_status()
    status: dict[str, Any] = answer.json()
    return status


def s3_put_definition(bucket: str, key: str, body: str) -> dict[str, Any]:
    """A one-Task state machine definition: Step Functions' own S3 `putObject` of `body` at `key`."""
    return {
        "StartAt": "Put",
        "States": {
            "Put": {
                "Type": "Task",
                "Resource": "arn:aws:states:::aws-sdk:s3:putObject",
                "Parameters": {"Bucket": bucket, "Key": key, "Body": body},
                "End": True,
            }
        },
    }
