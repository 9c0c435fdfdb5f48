"""Hot reload: for code deployed from LocalStack's `hot-reload` bucket, a change to any file under the
function's folder is served on a following call (a fresh process, a cold start), as LocalStack's Docker
executor restarts its container on a change in the mount."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from conftest import Invoke

from ticket_localstack.code_watch import MIN_INTERVAL_S, scan


def touch_later(path: Path, text: str) -> None:
    path.write_text(text)
    os.utime(path, (time.time() + 1, time.time() + 1))  # a new mtime even within one clock tick


def test_an_edit_to_the_handler_file_is_served_on_the_next_call(
    make_function: Callable[..., str], invoke: Invoke, tmp_path: Path
) -> None:
    module = tmp_path / "index.js"
    module.write_text("exports.handler = async () => 'before';")
    name = make_function({"S3Bucket": "hot-reload", "S3Key": str(tmp_path)})
    assert invoke(name)[1] == "before"
    touch_later(module, "exports.handler = async () => 'after';")
    assert invoke(name)[1] == "after"


def test_an_edit_to_any_other_file_under_the_folder_is_served(
    make_function: Callable[..., str], invoke: Invoke, tmp_path: Path
) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "seat.json").write_text('{"seat": "A-1"}')
    (tmp_path / "index.js").write_text(
        "const c = require('./lib/seat.json'); exports.handler = async () => c.seat;"
    )
    name = make_function({"S3Bucket": "hot-reload", "S3Key": str(tmp_path)})
    assert invoke(name)[1] == "A-1"
    touch_later(tmp_path / "lib" / "seat.json", '{"seat": "B-2"}')
    # The folder's watcher scans it every MIN_INTERVAL_S or more: a few scans at most, on a busy machine too.
    deadline = time.monotonic() + MIN_INTERVAL_S * 12
    while (seat := invoke(name)[1]) != "B-2" and time.monotonic() < deadline:
        time.sleep(MIN_INTERVAL_S / 2)
    assert seat == "B-2"


def test_a_scan_is_bounded(tmp_path: Path) -> None:
    for n in range(12):
        (tmp_path / f"f{n}.js").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "g.js").write_text("y")
    everything, truncated = scan(tmp_path)
    assert len(everything) == 13 and not truncated
    some, truncated = scan(tmp_path, limit=5)
    assert len(some) == 5 and truncated
