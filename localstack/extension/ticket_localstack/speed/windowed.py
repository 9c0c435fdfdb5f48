"""Values gathered per key and handed over together, by one daemon thread, a window after the first."""

import threading
import time
from collections.abc import Callable, Hashable

type Batch[K, V] = list[tuple[K, list[V]]]


class Windowed[K: Hashable, V]:
    """`add` holds a value under its key; `window_s` after the first value held, `deliver` gets every
    key with its values in the order they came. `flush` delivers at once (what `keep` keeps stays)."""

    def __init__(self, deliver: Callable[[Batch[K, V]], None], window_s: float, name: str) -> None:
        self._deliver = deliver
        self._window_s = window_s
        self._name = name
        self._held: dict[K, list[V]] = {}
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def add(self, key: K, value: V) -> list[V]:
        """Holds `value`; answers what is held under `key` now (the caller may flush on its size)."""
        with self._cond:
            held = self._held.setdefault(key, [])
            held.append(value)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
                self._thread.start()
            self._cond.notify()
            return held

    def flush(self, keep: Callable[[K], bool] = lambda key: False) -> None:
        with self._cond:
            taken = [(key, self._held.pop(key)) for key in list(self._held) if not keep(key)]
        if taken:
            self._deliver(taken)

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._held:
                    self._cond.wait()
            time.sleep(self._window_s)
            self.flush()
