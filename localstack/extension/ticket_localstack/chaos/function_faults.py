"""Lambda function faults (rules with `functionError` or `coldStartMs`), as the local-node executor
applies them to one invocation of the function the rule names:
  throw     the handler throws: the answer is an unhandled `Error`, and the environment stays warm
  timeout   the handler runs past the function's timeout: after that long, Sandbox.Timedout
  crash     the runtime process dies mid-invocation: Runtime.ExitError, and the next call starts cold
  coldStartMs   this invocation starts a fresh environment, that much slower (alone: it then succeeds)
The executor owns the process; this module only says what to do with it."""

from ticket_localstack.chaos import STORE
from ticket_localstack.chaos.rules import Call, FaultRule

INJECTED_MESSAGE = "Injected fault: the handler threw"


def take(region: str, function_name: str) -> FaultRule | None:
    """The function fault for this invocation, counted as injected; None in the usual case."""
    return STORE.take(Call("lambda", "Invoke", region, function_name), function_fault=True)
