"""An invocation's log as Lambda writes it: START, the function's output, END and REPORT (Duration,
Billed Duration, Memory Size, Max Memory Used, and Init Duration on a cold start; Status on a timeout
or a crash). Since August 2025 Lambda bills the INIT phase of managed runtimes too, so a cold start's
Billed Duration counts it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Usage:
    duration_ms: float
    memory_size_mb: int
    max_memory_used_mb: int | None  # unknown when the process is gone
    init_duration_ms: float | None = None  # a cold start
    status: str | None = None  # "timeout" or "error"
    error_type: str | None = None


def report_line(request_id: str, usage: Usage) -> str:
    billed = math.ceil(usage.duration_ms + (usage.init_duration_ms or 0.0))
    fields = [
        f"REPORT RequestId: {request_id}",
        f"Duration: {usage.duration_ms:.2f} ms",
        f"Billed Duration: {max(billed, 1)} ms",
        f"Memory Size: {usage.memory_size_mb} MB",
    ]
    if usage.max_memory_used_mb is not None:
        fields.append(f"Max Memory Used: {usage.max_memory_used_mb} MB")
    if usage.init_duration_ms is not None:
        fields.append(f"Init Duration: {usage.init_duration_ms:.2f} ms")
    if usage.status:
        fields.append(f"Status: {usage.status}")
    if usage.error_type:
        fields.append(f"Error Type: {usage.error_type}")
    return "\t".join(fields) + "\t\n"


def invocation_log(request_id: str, version: str, output: str, usage: Usage, before: str = "") -> str:
    """`before` is what the environment wrote before this invocation (its init, on a cold start)."""
    if output and not output.endswith("\n"):
        output += "\n"
    return (
        f"{before}START RequestId: {request_id} Version: {version}\n{output}"
        f"END RequestId: {request_id}\n{report_line(request_id, usage)}"
    )


def peak_rss_mb(pid: int) -> int | None:
    """The process's peak resident set (VmHWM), in MB; None once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return math.ceil(int(line.split()[1]) / 1024)
    except (OSError, ValueError):
        return None
    return None


def kb_to_mb(kilobytes: int) -> int:
    return math.ceil(kilobytes / 1024)
