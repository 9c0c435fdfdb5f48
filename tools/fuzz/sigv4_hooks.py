"""Schemathesis hooks for `make fuzz`: every request SigV4-signed (service execute-api), as every
other client of POST /tickets signs (tools/client/signed-fetch.ts), over the exact bytes sent.

The signature is computed by botocore's own signer on the prepared request, after Schemathesis
has serialized the body, so the payload hash is that of the body on the wire. Credentials and
region come from the environment (localstack/common.sh sets them for the local stage).
"""

import os
from typing import Any

import requests
import schemathesis
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SIGNED = ("host", "content-type", "idempotency-key")


class ExecuteApiSigV4(requests.auth.AuthBase):
    """Signs a prepared request in place: Authorization, X-Amz-Date (and the session token)."""

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        credentials = Credentials(
            os.environ["AWS_ACCESS_KEY_ID"],
            os.environ["AWS_SECRET_ACCESS_KEY"],
            os.environ.get("AWS_SESSION_TOKEN"),
        )
        headers = {k: v for k, v in request.headers.items() if k.lower() in SIGNED}
        body = request.body if request.body is not None else b""
        aws = AWSRequest(method=request.method, url=request.url, data=body, headers=headers)
        SigV4Auth(credentials, "execute-api", os.environ.get("AWS_REGION", "us-east-1")).add_auth(aws)
        for name in ("Authorization", "X-Amz-Date", "X-Amz-Security-Token"):
            if name in aws.headers:
                request.headers[name] = aws.headers[name]
        return request


SIGV4 = ExecuteApiSigV4()


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    """Hands the signer to `requests`, which calls it on the final request."""
    kwargs["auth"] = SIGV4
