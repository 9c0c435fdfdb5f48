"""Between invocations Lambda freezes the execution environment ("Understanding the Lambda execution
environment lifecycle"): what a handler left running after it answered, a timer or a request it did
not await, does not run until the environment is invoked again."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from conftest import Invoke


def test_a_timer_left_running_waits_for_the_next_invocation(
    make_function: Callable[..., str], invoke: Invoke
) -> None:
    name = make_function(
        "let ticks = 0; setInterval(() => { ticks += 1; }, 10).unref();exports.handler = async () => ticks;"
    )
    first = invoke(name)[1]
    time.sleep(1.0)  # about 100 ticks if the environment ran on
    second = invoke(name)[1]
    assert second - first < 20


def test_work_not_awaited_finishes_in_a_later_invocation(
    make_function: Callable[..., str], invoke: Invoke, tmp_path: Path
) -> None:
    marker = tmp_path / "written"
    name = make_function(
        "const fs = require('node:fs'); exports.handler = async (event) => {"
        " if (event.path) setTimeout(() => fs.writeFileSync(event.path, 'late'), 300); return 'answered'; };"
    )
    assert invoke(name, {"path": str(marker)})[1] == "answered"
    time.sleep(0.8)
    assert not marker.exists()  # frozen: the timer has not fired
    invoke(name)  # thawed: it fires now
    deadline = time.monotonic() + 2
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.read_text() == "late"
