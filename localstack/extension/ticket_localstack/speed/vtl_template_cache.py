"""Compile each Velocity template once: API Gateway's mapping templates, cached by their text.

Replaces `airspeed.operators.Template.ensure_compiled` (airspeed/operators.py:106-108). LocalStack
makes a new `airspeed.Template` for every render (`utils/aws/templating.py:108`, the request and the
response template of every API Gateway call), and each compiles its text again into an element tree.
This project's response template maps every workflow outcome to a status, so compiling it was the
largest single cost of a request through the API once Step Functions' own costs were gone.

Why it is safe: the element tree is a pure function of (filename, text), and evaluating it does not
change it: outside parsing, no airspeed element assigns to itself (`evaluate` writes to the output
stream and the namespace only). So one tree can serve every render, in any thread. A template that
fails to compile raises, and `lru_cache` does not store exceptions, so it fails on every render as
before.
"""

import functools
from typing import Any

from ticket_localstack.speed.guard import GuardedPatch, Target

_MAX_TEMPLATES = 512


def vtl_template_patch() -> GuardedPatch:
    """Shares compiled template trees between `Template` objects of the same text."""
    from airspeed import operators

    @functools.lru_cache(maxsize=_MAX_TEMPLATES)
    def compiled(filename: str, content: str) -> Any:
        return operators.TemplateBody(filename, content)

    def ensure_compiled(self: Any) -> None:
        if not self.root_element:
            self.root_element = compiled(self.filename, self.content)

    def targets() -> list[Target]:
        return [
            Target(
                operators.Template,
                "ensure_compiled",
                "airspeed.operators.Template.ensure_compiled",
                ensure_compiled,
            )
        ]

    return GuardedPatch(
        name="vtl-template-cache",
        summary="Velocity templates (API Gateway mapping templates) compiled once per text",
        targets=targets,
        drop_caches=compiled.cache_clear,
    )
