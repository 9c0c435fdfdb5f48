"""The speed patches change no answer: the same mixed set of executions, run concurrently with the patches
on and then off (the run-time toggle of one LocalStack), ends with the same status, output, error and
cause, and for STANDARD the same history events.

Needs a running LocalStack with this extension (LOCALSTACK_URL, default http://127.0.0.1:4566); fails,
never skips, when there is none. Creates its own bucket, topic and state machines and removes them.
"""

import json
import random
import time
import urllib.error
import urllib.request
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest
import speed_workflows as wf
from botocore.config import Config
from localstack_api import LOCALSTACK_URL, SPEED_PATCHES

ROLE_ARN = "arn:aws:iam::000000000000:role/speed-equivalence"
REPEATS = 2
THREADS = 8
STORED_TICKET_ID = "eq-stored-ticket"


def toggle(document: dict[str, Any] | None = None) -> dict[str, Any]:
    data = None if document is None else json.dumps(document).encode()
    request = urllib.request.Request(SPEED_PATCHES, data=data, method="GET" if data is None else "POST")
    with urllib.request.urlopen(request, timeout=30) as response:
        answer: dict[str, Any] = json.loads(response.read())
    return answer


@dataclass
class Workflows:
    clients: dict[str, Any]
    machines: dict[str, str] = field(default_factory=dict)
    cases: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)


@pytest.fixture(scope="module")
def initial_toggle() -> dict[str, Any]:
    try:
        return toggle()
    except urllib.error.HTTPError as error:
        pytest.fail(
            f"{SPEED_PATCHES} answered {error.code}: is the ticket_localstack extension installed?", False
        )
    except OSError as error:
        pytest.fail(
            f"No LocalStack at {LOCALSTACK_URL} ({error}): start one (make local-up) or set LOCALSTACK_URL",
            False,
        )


@pytest.fixture(scope="module")
def workflows(initial_toggle: dict[str, Any]) -> Iterator[Workflows]:
    options: dict[str, Any] = {
        "endpoint_url": LOCALSTACK_URL,
        "region_name": "us-east-1",
        "aws_access_key_id": "test",
        "aws_secret_access_key": "test",
        # StartSyncExecution's endpoint has a `sync-` host prefix, which LocalStack does not serve.
        "config": Config(
            inject_host_prefix=False,
            retries={"max_attempts": 1},
            read_timeout=120,
            max_pool_connections=THREADS,
        ),
    }
    clients = {name: boto3.client(name, **options) for name in ("stepfunctions", "s3", "sns")}
    sfn, s3 = clients["stepfunctions"], clients["s3"]
    suffix = uuid.uuid4().hex[:8]
    bucket = f"speed-equivalence-{suffix}"
    made = Workflows(clients)
    topic_arn = ""
    try:
        s3.create_bucket(Bucket=bucket)
        stored = {"ticketId": STORED_TICKET_ID, "encryptedTicket": {"alg": "none", "ciphertext": "e30="}}
        s3.put_object(Bucket=bucket, Key=f"tickets/{STORED_TICKET_ID}.json", Body=json.dumps(stored).encode())
        topic_arn = clients["sns"].create_topic(Name=f"speed-equivalence-{suffix}")["TopicArn"]
        definitions = {
            "features-express": ("EXPRESS", wf.features(bucket)),
            "features-standard": ("STANDARD", wf.features(bucket)),
            "ticket-express": ("EXPRESS", wf.ticket(bucket, topic_arn)),
        }
        for name, (kind, definition) in definitions.items():
            made.machines[name] = sfn.create_state_machine(
                name=f"{name}-{suffix}", definition=json.dumps(definition), roleArn=ROLE_ARN, type=kind
            )["stateMachineArn"]
        for machine in ("features-express", "features-standard"):
            made.cases += [
                (f"{machine}/{case}", machine, payload) for case, payload in wf.FEATURE_INPUTS.items()
            ]
        made.cases += [
            (f"ticket-express/{case}", "ticket-express", payload)
            for case, payload in wf.ticket_inputs(STORED_TICKET_ID).items()
        ]
        yield made
    finally:
        for arn in made.machines.values():
            sfn.delete_state_machine(stateMachineArn=arn)
        if topic_arn:
            clients["sns"].delete_topic(TopicArn=topic_arn)
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            for item in page.get("Contents", []):
                s3.delete_object(Bucket=bucket, Key=item["Key"])
        s3.delete_bucket(Bucket=bucket)


def run_one(made: Workflows, machine: str, payload: dict[str, Any]) -> dict[str, Any]:
    sfn, arn = made.clients["stepfunctions"], made.machines[machine]
    if machine.endswith("-express"):
        answer = sfn.start_sync_execution(stateMachineArn=arn, input=wf.fresh_input(payload))
        history: Counter[str] = Counter()
    else:
        execution_arn = sfn.start_execution(stateMachineArn=arn, input=wf.fresh_input(payload))[
            "executionArn"
        ]
        deadline = time.monotonic() + 120
        while (answer := sfn.describe_execution(executionArn=execution_arn))["status"] == "RUNNING":
            assert time.monotonic() < deadline, f"{execution_arn} still RUNNING after 120 s"
            time.sleep(0.2)
        pages = sfn.get_paginator("get_execution_history").paginate(executionArn=execution_arn)
        history = Counter(event["type"] for page in pages for event in page["events"])
    fields = {key: answer.get(key) for key in ("status", "output", "error", "cause")}
    return {**wf.normalise(fields), "history": dict(sorted(history.items()))}


def run_all(made: Workflows) -> dict[str, dict[str, Any]]:
    """Every case REPEATS times, shuffled and concurrent; keyed `machine/case#repeat`."""
    work = [
        (f"{label}#{repeat}", machine, payload)
        for label, machine, payload in made.cases
        for repeat in range(REPEATS)
    ]
    random.Random(8).shuffle(work)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        futures = {key: pool.submit(run_one, made, machine, payload) for key, machine, payload in work}
        return {key: futures[key].result() for key in sorted(futures)}


def test_patched_and_unpatched_executions_answer_the_same(
    workflows: Workflows, initial_toggle: dict[str, Any]
) -> None:
    try:
        on = toggle({"enabled": True})
        assert on["applied"] and not on["skipped"], f"the patches did not all apply: {on}"
        patched = run_all(workflows)
        off = toggle({"enabled": False})
        assert not set(on["applied"]) & set(off["applied"]), f"the patches did not all revert: {off}"
        unpatched = run_all(workflows)
    finally:
        toggle({"enabled": initial_toggle["enabled"]})

    designed = {f"ticket-express/{case}": outcome for case, outcome in wf.TICKET_OUTCOMES.items()}
    for kind in ("express", "standard"):
        designed |= {f"features-{kind}/{case}": outcome for case, outcome in wf.FEATURE_OUTCOMES.items()}
    outcomes = {key: (answer["status"], answer["error"]) for key, answer in unpatched.items()}
    assert outcomes == {key: designed[key.split("#")[0]] for key in unpatched}, (
        "the workflows did not run as designed (unpatched), so the comparison would prove little"
    )
    for key in patched:
        assert patched[key] == unpatched[key], f"{key}: patched {patched[key]} != unpatched {unpatched[key]}"
    for key in patched:
        first = f"{key.split('#')[0]}#0"
        assert patched[key] == patched[first], f"{key} differs from {first} with the patches on"
