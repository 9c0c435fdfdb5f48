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
that dies mid-invocation (Runtime.ExitError), and hot reload (code deployed from the `hot-reload`
bucket is watched: a changed handler file restarts the process before the next invocation).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import threading
import time
from collections import deque
from concurrent.futures import InvalidStateError
from pathlib import Path
from typing import Any

import requests
from localstack import config
from localstack.services.lambda_.invocation.executor_endpoint import ExecutorEndpoint, StatusErrorException
from localstack.services.lambda_.invocation.lambda_models import FunctionVersion, InvocationResult
from localstack.services.lambda_.invocation.plugins import RuntimeExecutorPlugin
from localstack.services.lambda_.invocation.runtime_executor import LambdaRuntimeException, RuntimeExecutor
from localstack.utils.net import get_free_tcp_port

from ticket_localstack.chaos import function_faults
from ticket_localstack.chaos.rules import FaultRule
from ticket_localstack.node_host import check_runtime, code_of, error_payload, node_binary
from ticket_localstack.versions import check_localstack_version

LOG = logging.getLogger(__name__)

RUNTIME_JS = Path(__file__).with_name("node_runtime.js")
LOG_LINES_KEPT = 500


class NodeRuntimeExecutor(RuntimeExecutor):
    """One execution environment = one node process, serving one invocation at a time."""

    def __init__(self, id: str, function_version: FunctionVersion) -> None:
        super().__init__(id=id, function_version=function_version)
        self.executor_endpoint = ExecutorEndpoint(id, container_address="127.0.0.1")
        self.process: subprocess.Popen[bytes] | None = None
        self.env_vars: dict[str, str] = {}
        self.logs: deque[str] = deque(maxlen=LOG_LINES_KEPT)
        self.lock = threading.Lock()
        self.code_dir = Path(code_of(function_version).get_unzipped_code_location())
        self.watched: tuple[Path, float] | None = None  # hot reload: the handler file, its mtime at spawn
        self.session = requests.Session()  # one keep-alive connection to the process
        self.session.trust_env = False  # loopback: no proxy env vars or .netrc (as LocalStack's own invoke)

    # --- lifecycle -------------------------------------------------------------------------
    def start(self, env_vars: dict[str, Any]) -> None:
        self.env_vars = {key: str(value) for key, value in env_vars.items()}
        self.executor_endpoint.start()
        self._spawn()
        self.executor_endpoint.wait_for_startup()

    def _spawn(self) -> subprocess.Popen[bytes]:
        port = get_free_tcp_port()
        self.executor_endpoint.container_port = port
        env = {
            **self.env_vars,
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LAMBDA_TASK_ROOT": str(self.code_dir),
            "TICKET_RUNTIME_PORT": str(port),
        }
        self.watched = self._watched_handler()
        self.process = process = subprocess.Popen(
            [node_binary(), str(RUNTIME_JS)],
            cwd=self.code_dir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        threading.Thread(target=self._pump_output, args=(process,), daemon=True).start()
        threading.Thread(target=self._watch_exit, args=(process,), daemon=True).start()
        return process

    def _kill(self) -> None:
        process, self.process = self.process, None
        if process and process.poll() is None:
            process.kill()
            process.wait(timeout=5)

    def stop(self) -> None:
        self._kill()
        self.session.close()
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
    def invoke(self, payload: dict[str, str]) -> InvocationResult:
        """Posts the invocation to the process, which answers with the result and its logs."""
        request_id = payload["invoke-id"]
        timeout_s = float(self.function_version.config.timeout)
        fault = function_faults.take(self.function_version.id.region, self.function_version.id.function_name)
        if fault is not None and fault.cold_start_ms:
            self._kill()  # this invocation starts a fresh environment, slowly
            time.sleep(fault.cold_start_ms / 1000)
        with self.lock:
            process = self.process
            if process is None or process.poll() is not None:
                process = self._restart("the previous process exited")
            elif self._handler_changed():
                process = self._restart("handler code changed")
        if fault is not None and fault.function_error:
            return self._injected(fault, request_id, timeout_s)
        url = f"http://127.0.0.1:{self.executor_endpoint.container_port}/invoke"
        try:
            # The read timeout is the function timeout: the runtime sends nothing until it is done.
            answer = self.session.post(url, json=payload, timeout=(5, timeout_s)).json()
        except requests.ReadTimeout:
            return self._timed_out(request_id, timeout_s)
        except requests.ConnectionError:
            return self._exited(request_id, process)
        return InvocationResult(
            request_id, answer["payload"].encode(), is_error=answer["isError"], logs=answer["logs"]
        )

    def _timed_out(self, request_id: str, timeout_s: float) -> InvocationResult:
        self._kill()  # a handler that blocks the event loop cannot be stopped otherwise
        message = f"RequestId: {request_id} Error: Task timed out after {timeout_s:.2f} seconds"
        return self._failed(request_id, "Sandbox.Timedout", message)

    def _exited(self, request_id: str, process: subprocess.Popen[bytes]) -> InvocationResult:
        code = process.wait(timeout=5)
        if code < 0:  # killed, as Lambda reports it: "signal: killed"
            status = f"signal: {(signal.strsignal(-code) or str(-code)).lower()}"
        else:
            status = f"exit status {code}"
        return self._failed(request_id, "Runtime.ExitError", f"Runtime exited with error: {status}")

    def _injected(self, fault: FaultRule, request_id: str, timeout_s: float) -> InvocationResult:
        """A function fault (chaos/function_faults.py) in place of the handler's answer."""
        LOG.info("function fault injected: %s", fault.to_json())
        if fault.function_error == "timeout":
            time.sleep(timeout_s)  # the handler would have run this long
            return self._timed_out(request_id, timeout_s)
        if fault.function_error == "crash" and (process := self.process) is not None:
            process.kill()
            return self._exited(request_id, process)
        return self._failed(request_id, "Error", function_faults.INJECTED_MESSAGE)

    def _failed(self, request_id: str, error_type: str, message: str) -> InvocationResult:
        self.logs.append(message)
        logs = "".join(f"{line}\n" for line in list(self.logs)[-20:])
        return InvocationResult(request_id, error_payload(error_type, message), is_error=True, logs=logs)

    def _watch_exit(self, process: subprocess.Popen[bytes]) -> None:
        """A process that dies before it is ready must not leave LocalStack waiting for it."""
        code = process.wait()
        startup = self.executor_endpoint.startup_future
        if self.process is not process or startup is None or startup.done():
            return
        tail = " | ".join(list(self.logs)[-5:])
        payload = error_payload(
            "Runtime.ExitError", f"Runtime exited with status {code} before it was ready: {tail}"
        )
        with contextlib.suppress(InvalidStateError):
            startup.set_exception(StatusErrorException("Environment startup failed", payload=payload))

    def _watched_handler(self) -> tuple[Path, float] | None:
        """The handler module and its mtime, watched only for hot-reload code (a mounted folder)."""
        if not code_of(self.function_version).is_hot_reloading():
            return None
        module = self.env_vars.get("_HANDLER", "").rsplit(".", 1)[0]
        for ext in (".js", ".mjs", ".cjs"):
            candidate = self.code_dir / f"{module}{ext}"
            with contextlib.suppress(OSError):  # as exists() did: missing or unreadable
                return candidate, candidate.stat().st_mtime
        return None

    def _handler_changed(self) -> bool:
        """One stat() per invocation of the file resolved at spawn."""
        if self.watched is None:
            return False
        path, loaded_mtime = self.watched
        try:
            return path.stat().st_mtime != loaded_mtime
        except OSError:  # gone or renamed (say .js to .mjs): the fresh process resolves it again
            return True

    def _pump_output(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        name = self.function_version.id.function_name
        for raw in process.stdout:
            line = raw.decode(errors="replace").rstrip("\n")
            self.logs.append(line)
            LOG.debug("[lambda %s %s] %s", name, self.id, line)

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
        return "\n".join(self.logs)

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
