"""internal-mock-auth: internal calls carry a mock SigV4 header with their credential scope, anything else
is signed as before; and on the running LocalStack, a Step Functions task in another account and region
still reaches that account's bucket."""

import json
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from botocore.config import Config
from localstack_api import LOCALSTACK_URL, client, require_localstack, s3_put_definition, speed_status

from ticket_localstack.speed import internal_auth
from ticket_localstack.speed.internal_auth import MockInternalAuth

INTERNAL = "http://localhost.localstack.cloud:4566"


class RealAuth:
    def __init__(self, token: str | None = None) -> None:
        self.credentials = SimpleNamespace(access_key="111111111111", secret_key="x", token=token)
        self.signed: list[Any] = []

    def add_auth(self, request: Any) -> None:
        self.signed.append(request)


def request(url: str, headers: dict[str, str] | None = None) -> Any:
    return SimpleNamespace(url=url, headers=dict(headers or {}))


@pytest.fixture
def switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(internal_auth._Switch, "internal_url", INTERNAL)


@pytest.mark.usefixtures("switched_on")
def test_an_internal_request_gets_the_mock_header_with_its_scope_and_token() -> None:
    real = RealAuth(token="session-token")
    sent = request(f"{INTERNAL}/bucket/key", {"Authorization": "stale", "X-Amz-Date": "old"})
    MockInternalAuth(real, "s3", "eu-west-1").add_auth(sent)
    assert real.signed == []
    auth = sent.headers["Authorization"]
    date = sent.headers["X-Amz-Date"]
    assert auth.startswith(f"AWS4-HMAC-SHA256 Credential=111111111111/{date[:8]}/eu-west-1/s3/aws4_request, ")
    assert date != "old" and len(date) == 16
    assert sent.headers["X-Amz-Security-Token"] == "session-token"
    assert sent.headers["X-Amz-Content-SHA256"] == "UNSIGNED-PAYLOAD"


@pytest.mark.usefixtures("switched_on")
def test_a_request_elsewhere_is_signed_by_the_real_signer() -> None:
    real = RealAuth()
    sent = request("https://s3.eu-west-1.amazonaws.com/bucket/key")
    MockInternalAuth(real, "s3", "eu-west-1").add_auth(sent)
    assert real.signed == [sent]
    assert "Authorization" not in sent.headers


def test_nothing_is_mocked_while_the_patch_is_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(internal_auth._Switch, "internal_url", "")
    real = RealAuth()
    sent = request(f"{INTERNAL}/x")
    MockInternalAuth(real, "sns", "us-east-1").add_auth(sent)
    assert real.signed == [sent]


def test_a_task_in_another_account_and_region_reaches_its_own_bucket() -> None:
    require_localstack()
    assert "internal-mock-auth" in speed_status()["applied"], f"the patch is not applied on {LOCALSTACK_URL}"
    account, region = "111111111111", "eu-west-1"
    s3 = client("s3", region=region, access_key=account)
    sfn = client("stepfunctions", Config(inject_host_prefix=False), region=region, access_key=account)
    bucket = f"mock-auth-{uuid.uuid4().hex[:8]}"
    s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region})
    definition = s3_put_definition(bucket, "k", "from the task")
    machine = sfn.create_state_machine(
        name=bucket,
        definition=json.dumps(definition),
        roleArn=f"arn:aws:iam::{account}:role/mock-auth",
        type="EXPRESS",
    )["stateMachineArn"]
    try:
        result = sfn.start_sync_execution(stateMachineArn=machine, input="{}")
        assert result["status"] == "SUCCEEDED", result
        # LocalStack writes the string JSON-encoded (as it would without the patch).
        assert s3.get_object(Bucket=bucket, Key="k")["Body"].read() == b'"from the task"'
    finally:
        sfn.delete_state_machine(stateMachineArn=machine)
        s3.delete_object(Bucket=bucket, Key="k")
        s3.delete_bucket(Bucket=bucket)
