"""Hooks in LocalStack 4.14.0's Step Functions interpreter that tell a `CoverageRecorder` what ran.

Each target keeps the original's behaviour: four wrap the original and only observe (a state entered,
its Next or End taken, a retry granted, a Parallel's branches started); two are the original's loop
again, line for line, plus one call to the recorder, because only inside that loop is it known which
Choice rule matched or which Catcher caught (a wrapper could only guess from the target state, and two
rules may share one). Files are under localstack/services/stepfunctions/asl/component/.
"""

from collections.abc import Callable
from typing import Any

from ticket_localstack.coverage.recorder import END, CoverageRecorder, Edge
from ticket_localstack.speed.guard import GuardedPatch, Target

_ASL = "localstack.services.stepfunctions.asl.component"


def _machine(env: Any) -> tuple[str, str]:
    """The execution's state machine (ARN, name), from the context object (also in Parallel frames)."""
    machine = env.states.context_object.context_object_data["StateMachine"]
    return str(machine["Id"]), str(machine["Name"])


def coverage_patch(recorder: CoverageRecorder) -> GuardedPatch:
    """The recorder's hooks, as one patch: applied all together or not at all."""
    from localstack.services.stepfunctions.asl.component.common.catch.catch_decl import CatchDecl
    from localstack.services.stepfunctions.asl.component.common.catch.catch_outcome import CatchOutcome
    from localstack.services.stepfunctions.asl.component.common.catch.catcher_outcome import (
        CatcherOutcomeCaught,
    )
    from localstack.services.stepfunctions.asl.component.common.retry.retry_outcome import RetryOutcome
    from localstack.services.stepfunctions.asl.component.state.state import CommonStateField
    from localstack.services.stepfunctions.asl.component.state.state_choice.state_choice import StateChoice
    from localstack.services.stepfunctions.asl.component.state.state_continue_with import (
        ContinueWithEnd,
        ContinueWithNext,
    )
    from localstack.services.stepfunctions.asl.component.state.state_execution.execute_state import (
        ExecutionState,
    )
    from localstack.services.stepfunctions.asl.component.state.state_execution.state_parallel.branches_decl import (  # noqa: E501
        BranchesDecl,
    )

    def edge(env: Any, taken: Edge) -> None:
        recorder.edge_taken(*_machine(env), taken)

    state_body: Callable[[Any, Any], None] = CommonStateField._eval_body
    set_next: Callable[[Any, Any], None] = CommonStateField._set_next
    handle_retry: Callable[[Any, Any, Any], Any] = ExecutionState._handle_retry
    branches_body: Callable[[Any, Any], None] = BranchesDecl._eval_body

    def _eval_body(self: Any, env: Any) -> None:
        """state.py CommonStateField._eval_body: a state is entered."""
        recorder.state_entered(*_machine(env), self.name)
        state_body(self, env)

    def _set_next(self: Any, env: Any) -> None:
        """state.py CommonStateField._set_next: called once a state succeeded; a Catch already set its
        own next state, which the original leaves alone (and so does this)."""
        if env.next_state_name == self.name:
            if isinstance(self.continue_with, ContinueWithNext):
                edge(env, (self.name, "next", None, self.continue_with.next_state.name))
            elif isinstance(self.continue_with, ContinueWithEnd):
                edge(env, (self.name, "end", None, END))
        set_next(self, env)

    def _eval_state(self: Any, env: Any) -> None:
        """state_choice/state_choice.py StateChoice._eval_state, plus which rule matched."""
        for index, rule in enumerate(self.choices_decl.rules):
            rule.eval(env)
            res = env.stack.pop()
            if res is True:
                if not rule.next_stmt:
                    raise RuntimeError(
                        f"Missing Next definition for state_choice rule '{rule}' in choices '{self}'."
                    )
                edge(env, (self.name, "choice", index, rule.next_stmt.name))
                env.stack.append(rule.next_stmt.name)
                return

        if self.default_state is None:
            raise RuntimeError("No branching option reached in state %s", self.name)
        edge(env, (self.name, "default", None, self.default_state.state_name))
        env.stack.append(self.default_state.state_name)

    def _handle_retry(self: Any, env: Any, failure_event: Any) -> Any:
        """state_execution/execute_state.py ExecutionState._handle_retry: a retry granted."""
        outcome = handle_retry(self, env, failure_event)
        if outcome == RetryOutcome.CanRetry:
            edge(env, (self.name, "retry", None, self.name))
        return outcome

    def _catch_eval_body(self: Any, env: Any) -> None:
        """common/catch/catch_decl.py CatchDecl._eval_body, plus which catcher caught. The state is the
        one the context object names: CommonStateField._eval_body sets it on entering."""
        for index, catcher in enumerate(self.catchers):
            catcher.eval(env)
            catcher_outcome = env.stack.pop()

            if isinstance(catcher_outcome, CatcherOutcomeCaught):
                state = env.states.context_object.context_object_data["State"]["Name"]
                edge(env, (state, "catch", index, catcher.next_decl.name))
                env.stack.append(CatchOutcome.Caught)
                return

        env.stack.append(CatchOutcome.NotCaught)

    def _branches_eval_body(self: Any, env: Any) -> None:
        """state_execution/state_parallel/branches_decl.py BranchesDecl._eval_body: every branch starts."""
        parallel = env.states.context_object.context_object_data["State"]["Name"]
        for index, program in enumerate(self.programs):
            edge(env, (parallel, "branch", index, program.start_at.start_at_name))
        branches_body(self, env)

    def targets() -> list[Target]:
        state = f"{_ASL}.state.state.CommonStateField"
        return [
            Target(CommonStateField, "_eval_body", f"{state}._eval_body", _eval_body),
            Target(CommonStateField, "_set_next", f"{state}._set_next", _set_next),
            Target(
                StateChoice,
                "_eval_state",
                f"{_ASL}.state.state_choice.state_choice.StateChoice._eval_state",
                _eval_state,
            ),
            Target(
                ExecutionState,
                "_handle_retry",
                f"{_ASL}.state.state_execution.execute_state.ExecutionState._handle_retry",
                _handle_retry,
            ),
            Target(
                CatchDecl,
                "_eval_body",
                f"{_ASL}.common.catch.catch_decl.CatchDecl._eval_body",
                _catch_eval_body,
            ),
            Target(
                BranchesDecl,
                "_eval_body",
                f"{_ASL}.state.state_execution.state_parallel.branches_decl.BranchesDecl._eval_body",
                _branches_eval_body,
            ),
        ]

    return GuardedPatch(
        name="sfn-transition-coverage",
        summary="states entered and edges taken, counted per state machine",
        targets=targets,
        drop_caches=recorder.clear,
    )
