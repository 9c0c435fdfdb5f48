"""`/_ticket_orchestrator/chaos/faults`: GET lists the rules (each with how often it was injected), POST adds
a list of rules (or one) and answers the listing, DELETE clears them all. A bad rule gets 400 and none of
the request's rules is added."""

import json
from typing import Any

from ticket_localstack.chaos.rules import FaultStore, InvalidRule, parse_rule
from ticket_localstack.json_route import json_route

ENDPOINT_PATH = "/_ticket_orchestrator/chaos/faults"


def handle(store: FaultStore, method: str, body: bytes) -> tuple[int, Any]:
    """The endpoint's logic, free of HTTP types: (status code, JSON document)."""
    if method == "DELETE":
        store.clear()
    elif method == "POST":
        try:
            document = json.loads(body)
        except ValueError:
            return 400, {"error": "InvalidRequest", "message": "the body must be a JSON list of fault rules"}
        documents = document if isinstance(document, list) else [document]
        try:
            rules = [parse_rule(item) for item in documents]
        except InvalidRule as error:
            return 400, {"error": "InvalidRequest", "message": f"rule refused: {error}"}
        store.add(rules)
    return 200, store.listing()


def register(store: FaultStore) -> Any:
    """Adds the route to LocalStack's edge router; returns the rule."""
    methods = ["GET", "POST", "DELETE"]
    return json_route(ENDPOINT_PATH, lambda method, body: handle(store, method, body), methods)
