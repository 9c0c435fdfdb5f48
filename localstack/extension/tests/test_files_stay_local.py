"""Host mode keeps every file of the emulator under the checkout's `.local/`.

LocalStack ignores FILESYSTEM_ROOT when it believes it runs in its own container (any `/.dockerenv`
makes it believe so) and unpacks Lambda code under `tempfile.gettempdir()`: then state, caches and
code land in `/var/lib/localstack` and `/tmp/lambda`, shared with every other checkout. This test
looks at the running process (`make local-up`, mode H) after the suites have exercised it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parents[3]
LOCAL = REPO / ".local"
STATE = LOCAL / "localstack"
# Where LocalStack puts its files when it does not honour FILESYSTEM_ROOT or TMPDIR.
DEFAULT_PLACES = [Path("/var/lib/localstack"), Path("/tmp/localstack"), Path("/tmp/lambda")]
# Read-only files any process maps or opens: the interpreter, libraries, the system's config.
SYSTEM_PREFIXES = ("/usr/", "/lib", "/etc/", "/dev/", "/proc/", "/sys/", "/root/.pyenv/", "/opt/")


@pytest.fixture(scope="module")
def emulator() -> psutil.Process:
    mode = STATE / "mode"
    if not mode.exists() or mode.read_text().strip() != "host":
        pytest.skip("LocalStack is not running in host mode from this checkout (make local-up)")
    return psutil.Process(int((STATE / "localstack.pid").read_text()))


def outside_local(path: str) -> bool:
    return not path.startswith(str(LOCAL) + os.sep) and not path.startswith(SYSTEM_PREFIXES)


def test_it_is_started_with_its_roots_under_local(emulator: psutil.Process) -> None:
    env = emulator.environ()
    assert env.get("FILESYSTEM_ROOT") == str(STATE / "fs")
    assert env.get("TMPDIR") == str(STATE / "tmp")
    assert env.get("OVERRIDE_IN_DOCKER") == "0"


def test_its_state_is_under_local(emulator: psutil.Process) -> None:
    written = [p for p in (STATE / "fs").rglob("*") if p.is_file()]
    assert written, f"LocalStack wrote nothing under {STATE / 'fs'}: FILESYSTEM_ROOT is ignored"


def test_no_open_file_is_outside_local(emulator: psutil.Process) -> None:
    processes = [emulator, *emulator.children(recursive=True)]
    opened = {f.path for p in processes for f in p.open_files()}
    assert not sorted(p for p in opened if outside_local(p))


def test_nothing_was_written_to_the_default_places(emulator: psutil.Process) -> None:
    started = emulator.create_time()
    newer = [
        str(p)
        for place in DEFAULT_PLACES
        if place.exists()
        for p in [place, *place.rglob("*")]
        if p.stat().st_mtime >= started
    ]
    assert not newer, f"written outside .local since {time.ctime(started)}: {newer[:10]}"
