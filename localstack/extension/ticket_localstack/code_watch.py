"""Hot reload for code deployed from LocalStack's `hot-reload` bucket (a mounted folder): any file
under the function's code folder that changes gives its environments a fresh process before their
next invocation, as LocalStack's Docker executor restarts a container on any change in the mount.

One daemon thread per folder, shared by every environment that runs from it, scans the tree
(at most MAX_FILES files: a larger tree is watched in part, with a warning) and bumps a generation
counter when a file appears, disappears or changes size or mtime. An invocation compares two
integers, and also stats the handler file, so an edit to it is seen even between two scans; a
restart scans once more, so one build gives one cold start.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from pathlib import Path

LOG = logging.getLogger(__name__)

MAX_FILES = 5000
MIN_INTERVAL_S = 0.25
CPU_SHARE = 0.05  # a slow scan is spaced out so that scanning takes at most this share of a core

Snapshot = dict[str, tuple[int, int]]


def scan(root: Path, limit: int = MAX_FILES) -> tuple[Snapshot, bool]:
    """Every file's (mtime_ns, size) under root, up to `limit` files; and whether it stopped there."""
    found: Snapshot = {}
    folders = [str(root)]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:  # removed while scanning
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.is_file():
                    stat = entry.stat()
                    found[entry.path] = (stat.st_mtime_ns, stat.st_size)
            except OSError:
                continue
            if len(found) >= limit:
                return found, True
    return found, False


class FolderWatch:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.generation = 0
        self.users = 0
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._snapshot, truncated = scan(root)
        if truncated:
            LOG.warning("hot reload: %s has more than %d files; only the first are watched", root, MAX_FILES)
        self._thread = threading.Thread(target=self._run, name=f"hot-reload {root}", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        interval = MIN_INTERVAL_S
        while not self._stop.wait(interval):
            started = time.monotonic()
            self.refresh()
            interval = max(MIN_INTERVAL_S, (time.monotonic() - started) / CPU_SHARE)

    def refresh(self) -> int:
        """Scans now; the generation after it."""
        snapshot, _ = scan(self.root)
        with self._lock:
            if snapshot != self._snapshot:
                self._snapshot = snapshot
                self.generation += 1
            return self.generation

    def stop(self) -> None:
        self._stop.set()


_watches: dict[Path, FolderWatch] = {}
_lock = threading.Lock()


def watch(root: Path) -> FolderWatch:
    """The folder's watch, started by its first user."""
    with _lock:
        folder = _watches.get(root) or _watches.setdefault(root, FolderWatch(root))
        folder.users += 1
        return folder


def unwatch(folder: FolderWatch) -> None:
    """Stops the folder's watch with its last user."""
    with _lock:
        folder.users -= 1
        if folder.users == 0 and _watches.get(folder.root) is folder:
            del _watches[folder.root]
            folder.stop()


class CodeWatch:
    """What one environment loaded: the folder's generation and the handler file's mtime at spawn."""

    def __init__(self, root: Path) -> None:
        self.folder = watch(root)
        self.generation = self.folder.generation
        self.handler: tuple[Path, float] | None = None

    def loaded(self, handler_file: Path | None) -> None:
        """Called at spawn: what the new process is about to load. The folder is scanned now, so a
        build that wrote several files restarts the environment once, not once more at the next scan."""
        self.generation = self.folder.refresh()
        self.handler = None
        if handler_file is not None:
            try:
                self.handler = handler_file, handler_file.stat().st_mtime
            except OSError:
                self.handler = None

    def changed(self) -> bool:
        if self.folder.generation != self.generation:
            return True
        if self.handler is None:
            return False
        path, mtime = self.handler
        try:
            return path.stat().st_mtime != mtime
        except OSError:  # gone or renamed (say .js to .mjs): the fresh process resolves it again
            return True

    def close(self) -> None:
        unwatch(self.folder)
