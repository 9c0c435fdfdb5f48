"""The local-node executor's one kept connection to a node process: POST /invoke, answered when the
handler is done.

`http.client` on one kept socket, not a `requests` session: the process is on loopback and never closes
an idle connection (its server's keepAliveTimeout is 0), so there is nothing to pool, retry, proxy or
redirect. Under load, `requests` cost about 4% of LocalStack's CPU per Generate on its own (py-spy
`--gil`, `Session.post`).
"""

import http.client
import json
from typing import Any

CONNECT_TIMEOUT_S = 5.0


class InvokeTimedOut(Exception):
    """The process sent no answer within the function's timeout."""


class ProcessUnreachable(Exception):
    """The process refused, dropped or broke the connection: it has exited, or is exiting."""


class NodeLink:
    """One HTTP/1.1 connection to one process's port, opened on first use, closed on any error."""

    def __init__(self, port: int) -> None:
        self._connection = http.client.HTTPConnection("127.0.0.1", port, timeout=CONNECT_TIMEOUT_S)

    def invoke(self, body: dict[str, Any], timeout_s: float) -> dict[str, Any]:
        """Posts `body`; the read timeout is the function's timeout (the process writes nothing before
        it is done). Raises InvokeTimedOut or ProcessUnreachable, the connection closed either way."""
        connection = self._connection
        try:
            if connection.sock is None:
                connection.connect()
            connection.sock.settimeout(timeout_s)
        except OSError as error:
            connection.close()
            raise ProcessUnreachable(str(error)) from error
        try:
            data = json.dumps(body).encode()
            connection.request("POST", "/invoke", data, {"Content-Type": "application/json"})
            answer: dict[str, Any] = json.loads(connection.getresponse().read())
        except TimeoutError as error:
            connection.close()
            raise InvokeTimedOut(str(error)) from error
        except (OSError, http.client.HTTPException) as error:
            connection.close()
            raise ProcessUnreachable(str(error)) from error
        return answer

    def close(self) -> None:
        self._connection.close()
