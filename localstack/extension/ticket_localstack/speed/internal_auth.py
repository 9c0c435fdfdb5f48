"""Internal calls carry LocalStack's mock SigV4 header instead of a computed signature.

Every call Step Functions makes to S3, SNS and Lambda (and Lambda's own CloudWatch writes) is made by
an internal boto client, and botocore signs each with SigV4 (awscrt: canonical request, payload hash,
HMAC chain), about 7% of the emulator's CPU under 20 connections (py-spy, docs/localstack-speed-patches.md).
Nothing checks that signature: LocalStack reads only the access key id and the region from the
`Authorization` header (utils/aws/request_context.py:32-58), and where it builds internal requests by
hand it sends a fixed one itself (`mock_aws_request_headers`, the same file, line 79: `Signature=1234`).
This patch does the same for internal clients: the header keeps the credential scope (access key, date,
region, service), so the account and region resolve as before, and the session token is kept.

Why it is safe:
  - Only requests to LocalStack's own internal URL get the mock header (the test `GatewayShortCircuit`
    uses, aws/client.py:390); a client that talks to anything else signs as before.
  - Only `AUTH_TYPE_MAPS`'s plain SigV4 signers are replaced (`v4`, `s3v4`, header signing); presigned
    URLs (query signing) and bearer tokens are untouched, and S3's payload header is kept as the signer
    would set it (`UNSIGNED-PAYLOAD` when nothing set it before: LocalStack skips signature checks for
    header-signed S3 requests, `S3_SKIP_SIGNATURE_VALIDATION`).
  - `before-sign` handlers (S3 checksums, express sessions) still run: only `add_auth` is replaced.
"""

import datetime
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_MOCKED = ("v4", "s3v4")
_SIGNATURE = "0" * 64


class _Switch:
    on = False
    internal_url = ""


class MockInternalAuth:
    """Signs like `real` for anything but LocalStack's internal URL; there, sets the mock header."""

    def __init__(self, real: Any, signing_name: str, region_name: str) -> None:
        self._real = real
        self._scope = f"{region_name}/{signing_name}/aws4_request"
        self._s3 = signing_name == "s3"

    def add_auth(self, request: Any) -> None:
        credentials = getattr(self._real, "credentials", None)
        if credentials is None or not _Switch.internal_url or _Switch.internal_url not in request.url:
            self._real.add_auth(request)
            return
        mock_auth_headers(request.headers, credentials, self._scope, self._s3)


def mock_auth_headers(headers: Any, credentials: Any, scope: str, s3: bool) -> None:
    """The headers a SigV4 signer sets, with LocalStack's kind of fixed signature."""
    now = datetime.datetime.now(datetime.UTC)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    for name in ("Authorization", "X-Amz-Date", "X-Amz-Security-Token"):
        if name in headers:
            del headers[name]
    headers["X-Amz-Date"] = stamp
    if credentials.token:
        headers["X-Amz-Security-Token"] = credentials.token
    if s3 and "X-Amz-Content-SHA256" not in headers:
        headers["X-Amz-Content-SHA256"] = "UNSIGNED-PAYLOAD"
    headers["Authorization"] = (
        f"AWS4-HMAC-SHA256 Credential={credentials.access_key}/{stamp[:8]}/{scope}, "
        f"SignedHeaders=host;x-amz-date, Signature={_SIGNATURE}"
    )


def internal_auth_patch() -> GuardedPatch:
    """SigV4 for internal calls replaced by LocalStack's mock Authorization header."""
    from botocore.signers import RequestSigner
    from localstack.aws.connect import get_service_endpoint

    original = RequestSigner.get_auth_instance

    def get_auth_instance(
        self: Any,
        signing_name: str,
        region_name: str,
        signature_version: str | None = None,
        request_credentials: Any = None,
        **kwargs: Any,
    ) -> Any:
        auth = original(self, signing_name, region_name, signature_version, request_credentials, **kwargs)
        version = signature_version or self._signature_version
        if not _Switch.on or version not in _MOCKED:
            return auth
        return MockInternalAuth(auth, signing_name, region_name)

    def switched(on: bool) -> None:
        _Switch.internal_url = get_service_endpoint() or ""
        _Switch.on = on

    return GuardedPatch(
        name="internal-mock-auth",
        summary="internal calls carry LocalStack's mock SigV4 header instead of a computed signature",
        targets=lambda: [
            Target(
                RequestSigner,
                "get_auth_instance",
                "botocore.signers.RequestSigner.get_auth_instance",
                get_auth_instance,
            )
        ],
        on_apply=lambda: switched(True),
        drop_caches=lambda: switched(False),
    )
