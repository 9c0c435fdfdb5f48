"""A Lambda runtime executor that needs no Docker: each execution environment is a local `node`
process running node_runtime.js, which loads the deployed handler. Selected with
LAMBDA_RUNTIME_EXECUTOR=local-node.

Start-up speaks LocalStack's executor protocol: the runtime posts /status/{id}/ready, or
/status/{id}/error when the handler cannot load, to LocalStack's ExecutorEndpoint. An invocation
is one POST to the process's /invoke, answered with the result and its logs when the handler is
done. (LocalStack's Docker runtime answers /invoke at once and posts the logs and the result back
through the gateway: two more requests per invocation, which this saves.)

What the Docker executor's runtime init does that this one does itself: the function timeout
(the /invoke read timeout; the process is killed and the answer is Sandbox.Timedout), a process
that dies mid-invocation (Runtime.ExitError), Lambda's environment variables (node_env.py), its log
lines (node_logs.py, node_output.py), its answers (node_answers.py) and hot reload (code_watch.py:
code deployed from the `hot-reload` bucket is watched, and a change restarts the process before the
next invocation). What runs inside the process
(the handler, callbacks, console format, streaming) is node_runtime/.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import threading
import time
from concurrent.futures import InvalidStateError
from pathlib import Path
from typing import Any

from localstack import config
from localstack.services.lambda_.invocation.executor_endpoint import ExecutorEndpoint, StatusErrorException
from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, InvocationResult
from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin
from localstack.services.lambda_.invocation.runtime_executor import LambdaRuntimeException, RuntimeExecutor
from localstack.utils.net import get_free_tcp_port

from ticket_localstack import node_answers
from ticket_localstack.chaos import function_faults
from ticket_localstack.chaos.rules import FaultRule
from ticket_localstack.code_watch import CodeWatch
from ticket_localstack.node_env import command, lambda_environment, runtime_settings
from ticket_localstack.node_host import check_runtime, code_of, error_payload, node_binary
from ticket_localstack.node_link import InvokeTimedOut, NodeLink, ProcessUnreachable
from ticket_localstack.node_logs import Usage, kb_to_mb, peak_rss_mb
from ticket_localstack.node_output import ProcessOutput
from ticket_localstack.versions import check_localstack_version

LOG = logging.getLogger(__name__)

RUNTIME_DIR = Path(__file__).with_name("node_runtime")
RUNTIME_JS = RUNTIME_DIR / "index.js"
# TICKET_LAMBDA_FREEZE=0 lets environments run between invocations (for a debugger, say).
FREEZE = os.environ.get("TICKET_LAMBDA_FREEZE", "1") != "0"


class NodeRuntimeExecutor(RuntimeExecutor):
    """One execution environment = one node process, serving one invocation at a time."""

    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id=id, function_version=function_version)
        self.executor_endpoint = ExecutorEndpoint(id, container_address="127.0.0.1")
        self.process: subprocess.Popen[bytes] | None = None
        self.env_vars: dict[str, str] = {}
        self.output = ProcessOutput(f"{function_version.id.function_name} {id}")
        self.lock = threading.Lock()
        self.code_dir = Path(code_of(function_version).get_unzipped_code_location())
        hot = code_of(function_version).is_hot_reloading()
        self.code_watch = CodeWatch(self.code_dir) if hot else None
        self.spawned_at = 0.0  # monotonic; the init duration of a process that fails its first invocation
        self.cold = True
        self.peak_mb: int | None = None  # the last Max Memory Used, for a process that died since
        self.started, self.mark = 0.0, 0  # the invocation in progress: when, and its first output line
        self.link: NodeLink | None = None  # the kept connection to the process's /invoke

    # --- lifecycle -------------------------------------------------------------------------
    def start(self, env_vars: dict[str, Any]) -> None:
        self.env_vars = {key: str(value) for key, value in env_vars.items()}
        self.executor_endpoint.start()
        self._spawn()
        self.executor_endpoint.wait_for_startup()

    def _spawn(self) -> subprocess.Popen[bytes]:
        port = get_free_tcp_port()
        self.executor_endpoint.container_port = port
        node, config_ = node_binary(), self.function_version.config
        env = lambda_environment(
            self.env_vars, config_.environment or {}, str(config_.runtime), self.code_dir, RUNTIME_DIR, node
        )
        settings = runtime_settings(self.get_runtime_endpoint(), self.id, port)
        if self.code_watch:
            self.code_watch.loaded(self._handler_file())
        self.spawned_at, self.cold, self.peak_mb = time.monotonic(), True, None
        self.link = NodeLink(port)
        self.process = process = subprocess.Popen(
            command(env, node, RUNTIME_JS, self.code_dir),
            cwd=self.code_dir,
            env=env | settings,
            # Its own process group: if LocalStack dies, the kernel continues an orphaned group's stopped
            # (frozen) processes, so a frozen environment still sees its parent gone and exits.
            process_group=0,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        self.output.follow(process)
        threading.Thread(target=self._watch_exit, args=(process,), daemon=True).start()
        return process

    def _kill(self) -> None:
        process, self.process = self.process, None
        if self.link:
            self.link.close()
        if process and process.poll() is None:
            process.kill()
            process.wait(timeout=5)

    def stop(self) -> None:
        self._kill()
        if self.code_watch:
            self.code_watch.close()
        try:
            self.executor_endpoint.shutdown()
        except Exception as e:  # already unregistered, or never started
            LOG.debug("local-node executor %s: endpoint shutdown: %s", self.id, e)

    def _restart(self, why: str) -> subprocess.Popen[bytes]:
        """A fresh process in the same environment (a new cold start), as Lambda does after a crash.

        LocalStack's start-up timeout only guards the first start, so this one has its own: a
        process that is not ready in time is killed, and _watch_exit fails the start-up.
        """
        LOG.info("local-node: restarting %s (%s)", self.function_version.id.function_name, why)
        self._kill()
        self.executor_endpoint.start()
        process = self._spawn()
        guard = threading.Timer(config.LAMBDA_RUNTIME_ENVIRONMENT_TIMEOUT, process.kill)
        guard.start()
        try:
            self.executor_endpoint.wait_for_startup()
        finally:
            guard.cancel()
        return process

    # --- invocation ------------------------------------------------------------------------
    def invoke(self, payload: dict[str, str], function_timeout: int | None = None) -> InvocationResult:
        """Posts the invocation to the process, which answers with the result and its output.
        `function_timeout`: LocalEmu passes the function's timeout (LocalStack does not; the same value)."""
        request_id = payload["invoke-id"]
        timeout_s = float(function_timeout or self.function_version.config.timeout)
        fault = function_faults.take(self.function_version.id.region, self.function_version.id.function_name)
        if fault is not None and fault.cold_start_ms:
            self._kill()  # this invocation starts a fresh environment, slowly
            time.sleep(fault.cold_start_ms / 1000)
        with self.lock:
            process = self.process
            if process is None or process.poll() is not None:
                process = self._restart("the previous process exited")
            elif self.code_watch and self.code_watch.changed():
                process = self._restart("code changed")
        self._thaw(process)
        self.started, self.mark = time.monotonic(), self.output.mark()
        if self.peak_mb is None:  # for a new process that dies in this call (later: the last answer's)
            self.peak_mb = peak_rss_mb(process.pid)
        if fault is not None and fault.function_error:
            return self._injected(fault, request_id, timeout_s)
        body = {**payload, "deadline-ms": int(time.time() * 1000 + timeout_s * 1000)}
        assert self.link is not None  # made with the process
        try:
            answer = self.link.invoke(body, timeout_s)
        except InvokeTimedOut:
            return self._timed_out(request_id, timeout_s)
        except ProcessUnreachable:
            return self._exited(request_id, process)
        return self._answered(request_id, answer)

    def _answered(self, request_id: str, answer: dict[str, Any]) -> InvocationResult:
        self._freeze()
        # The runtime reads its own VmHWM (index.js `peakRssKb`), off LocalStack's GIL.
        self.cold, self.peak_mb = False, kb_to_mb(answer["maxRssKb"])
        usage = Usage(
            duration_ms=answer["durationMs"],
            memory_size_mb=self.function_version.config.memory_size,
            max_memory_used_mb=self.peak_mb,
            init_duration_ms=answer["initDurationMs"],
        )
        return node_answers.answered(request_id, self._version(), answer, usage)

    def _timed_out(self, request_id: str, timeout_s: float) -> InvocationResult:
        peak = peak_rss_mb(self.process.pid) if self.process else None
        self._kill()  # a handler that blocks the event loop cannot be stopped otherwise
        message = node_answers.timed_out_message(request_id, timeout_s)
        return self._failed(request_id, node_answers.TIMED_OUT, message, self._usage(peak, status="timeout"))

    def _exited(self, request_id: str, process: subprocess.Popen[bytes]) -> InvocationResult:
        message = node_answers.exited_message(request_id, process.wait(timeout=5))
        usage = self._usage(None, status="error", error_type=node_answers.EXITED)
        return self._failed(request_id, node_answers.EXITED, message, usage)

    def _injected(self, fault: FaultRule, request_id: str, timeout_s: float) -> InvocationResult:
        """A function fault (chaos/function_faults.py) in place of the handler's answer."""
        LOG.info("function fault injected: %s", fault.to_json())
        if fault.function_error == "timeout":
            time.sleep(timeout_s)  # the handler would have run this long
            return self._timed_out(request_id, timeout_s)
        if fault.function_error == "crash" and (process := self.process) is not None:
            process.kill()
            return self._exited(request_id, process)
        self._freeze()
        return self._failed(request_id, "Error", function_faults.INJECTED_MESSAGE, self._usage(None))

    def _failed(self, request_id: str, error_type: str, message: str, usage: Usage) -> InvocationResult:
        gone = self.process is None or self.process.poll() is not None
        output = self.output.since(self.mark, process_gone=gone)
        return node_answers.failed(request_id, self._version(), error_type, message, output, usage)

    def _freeze(self) -> None:
        """Between invocations Lambda freezes the environment: what a handler left running (a timer, a
        request not awaited) waits for the next invocation. SIGSTOP does the same to the process."""
        self._signal(signal.SIGSTOP)

    def _thaw(self, process: subprocess.Popen[bytes]) -> None:
        if process is self.process:
            self._signal(signal.SIGCONT)

    def _signal(self, signum: signal.Signals) -> None:
        if FREEZE and (process := self.process) is not None and process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(process.pid, signum)

    def _usage(self, peak: int | None, status: str | None = None, error_type: str | None = None) -> Usage:
        """REPORT figures for an invocation the process did not answer, measured here."""
        return Usage(
            duration_ms=(time.monotonic() - self.started) * 1000,
            memory_size_mb=self.function_version.config.memory_size,
            max_memory_used_mb=peak or self.peak_mb,
            init_duration_ms=(self.started - self.spawned_at) * 1000 if self.cold else None,
            status=status,
            error_type=error_type,
        )

    def _version(self) -> str:
        return str(self.function_version.id.qualifier)

    def _watch_exit(self, process: subprocess.Popen[bytes]) -> None:
        """A process that dies before it is ready must not leave LocalStack waiting for it."""
        code = process.wait()
        startup = self.executor_endpoint.startup_future
        if self.process is not process or startup is None or startup.done():
            return
        tail = " | ".join(self.output.tail(5))
        payload = error_payload(
            "Runtime.ExitError", f"Runtime exited with status {code} before it was ready: {tail}"
        )
        with contextlib.suppress(InvalidStateError):
            startup.set_exception(StatusErrorException("Environment startup failed", payload=payload))

    def _handler_file(self) -> Path | None:
        """The handler module the process loads (.js, .mjs or .cjs), for hot reload."""
        spec = Path(self.env_vars.get("_HANDLER", ""))
        module = spec.parent / spec.name.split(".", 1)[0]  # Lambda's rule: the last segment's first dot
        for ext in (".js", ".mjs", ".cjs"):
            candidate = self.code_dir / f"{module}{ext}"
            if candidate.exists():
                return candidate
        return None

    # --- addresses and logs ----------------------------------------------------------------
    def get_address(self) -> str:
        return "127.0.0.1"

    def get_endpoint_from_executor(self) -> str:
        host = config.GATEWAY_LISTEN[0].host
        return "127.0.0.1" if host in ("0.0.0.0", "::", "") else host

    def get_runtime_endpoint(self) -> str:
        port = config.GATEWAY_LISTEN[0].port
        return (
            f"http://{self.get_endpoint_from_executor()}:{port}{self.executor_endpoint.get_endpoint_prefix()}"
        )

    def get_logs(self) -> str:
        return self.output.text()

    # --- versions --------------------------------------------------------------------------
    @classmethod
    def prepare_version(cls, function_version: FunctionVersion) -> None:
        """Unzips the code (a no-op for hot-reload folders); no image, no runtime download."""
        check_runtime(str(function_version.config.runtime or ""), function_version.id.function_name)
        code_of(function_version).prepare_for_execution()

    @classmethod
    def cleanup_version(cls, function_version: FunctionVersion) -> None:
        pass

    @classmethod
    def validate_environment(cls) -> bool:
        try:
            LOG.info("local-node executor: Lambda functions run as local processes (%s)", node_binary())
        except LambdaRuntimeException as e:
            LOG.error("%s", e)
            return False
        return True


class NodeRuntimeExecutorPlugin(RuntimeExecutorPlugin):
    name = "local-node"

    def load(self, *args: Any, **kwargs: Any) -> type[RuntimeExecutor]:
        check_localstack_version("local-node executor")
        return NodeRuntimeExecutor
