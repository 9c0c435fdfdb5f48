"""What an execution environment's process writes (stdout and stderr merged), kept for its invocations'
logs."""

from __future__ import annotations

import logging
import subprocess
import threading
from collections import deque

LOG = logging.getLogger(__name__)

LINES_KEPT = 500


class ProcessOutput:
    """The last `LINES_KEPT` lines of whichever process `follow` was last given, read by a daemon thread."""

    def __init__(self, label: str) -> None:
        self.label = label  # in the DEBUG line each output line is echoed to
        self.lines: deque[str] = deque(maxlen=LINES_KEPT)
        self.seen = 0  # lines read so far: `mark()` before an invocation, `since(mark)` after it
        self._pump: threading.Thread | None = None

    def follow(self, process: subprocess.Popen[bytes]) -> None:
        self._pump = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._pump.start()

    def mark(self) -> int:
        return self.seen

    def since(self, mark: int, process_gone: bool) -> list[str]:
        """The lines read since `mark`; when the process is gone, after its last lines are read."""
        if process_gone and self._pump:
            self._pump.join(timeout=1)
        count = min(self.seen - mark, len(self.lines))
        return list(self.lines)[len(self.lines) - count :] if count > 0 else []

    def tail(self, count: int) -> list[str]:
        return list(self.lines)[-count:]

    def text(self) -> str:
        return "\n".join(self.lines)

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            line = raw.decode(errors="replace").rstrip("\n")
            self.lines.append(line)
            self.seen += 1
            LOG.debug("[lambda %s] %s", self.label, line)
