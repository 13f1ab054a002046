"""Where the soak's memory goes: ``bench/soak.py --trace-memory`` (opt-in, slows visits down).

At two visits (a baseline once the screens exist, and the last visit) it counts Python
objects by type and pymalloc blocks, QObjects by class (under the window and in the
application), threads and resident memory, before and after ``malloc_trim`` (memory glibc
keeps but could give back is fragmentation, not a leak). ``tracemalloc`` starts at the
baseline (tracing every allocation from the first visit makes a visit several times slower):
at the end it shows, by traceback, what was allocated since the baseline and is still alive.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sys
import threading
import tracemalloc
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FRAMES = 6
TOP = 15


@dataclass
class Probe:
    visit: int
    snapshot: tracemalloc.Snapshot | None
    traced_mib: float
    blocks: int
    rss_mib: float
    rss_trimmed_mib: float
    types: Counter[str]
    qt_classes: Counter[str]
    threads: int
    tasks: int


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _malloc_trim() -> None:
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _qt_classes(window: Any) -> Counter[str]:
    from PySide6.QtCore import QCoreApplication, QObject
    from PySide6.QtWidgets import QApplication

    seen: Counter[str] = Counter()
    for obj in window.findChildren(QObject):
        seen[f"window/{obj.metaObject().className()}"] += 1
    app = QCoreApplication.instance()
    if app is not None:
        for obj in app.findChildren(QObject):
            seen[f"app/{obj.metaObject().className()}"] += 1
    for widget in QApplication.allWidgets():
        seen[f"widgets/{widget.metaObject().className()}"] += 1
    return seen


class MemoryTracer:
    """Call :meth:`probe` at the baseline visit and at the last one, then :meth:`print`."""

    def __init__(self, baseline_visit: int) -> None:
        self.baseline_visit = baseline_visit
        self.probes: list[Probe] = []

    def probe(self, visit: int, window: Any) -> None:
        from bench.soak_qt import flush_deletes

        flush_deletes()
        gc.collect()
        types = Counter(type(o).__qualname__ for o in gc.get_objects())
        qt = _qt_classes(window)
        snapshot = None
        if tracemalloc.is_tracing():
            snapshot = tracemalloc.take_snapshot().filter_traces((
                tracemalloc.Filter(False, tracemalloc.__file__),
                tracemalloc.Filter(False, "<frozen importlib._bootstrap*>"),
            ))
        traced = tracemalloc.get_traced_memory()[0] / 2**20
        blocks = sys.getallocatedblocks()
        rss = _rss_mib()
        _malloc_trim()
        self.probes.append(Probe(visit, snapshot, traced, blocks, rss, _rss_mib(), types, qt,
                                 threading.active_count(),
                                 len(os.listdir("/proc/self/task"))))
        if not tracemalloc.is_tracing():
            tracemalloc.start(FRAMES)

    def print(self) -> None:
        if len(self.probes) < 2:
            print("  memory trace: fewer than two probes")
            return
        a, b = self.probes[0], self.probes[-1]
        visits = b.visit - a.visit
        print(f"  memory trace, visit {a.visit} -> {b.visit} ({visits} visits):")
        print(f"    RSS {a.rss_mib:.1f} -> {b.rss_mib:.1f} MiB ({b.rss_mib - a.rss_mib:+.1f}); "
              f"after malloc_trim {a.rss_trimmed_mib:.1f} -> {b.rss_trimmed_mib:.1f} MiB "
              f"({b.rss_trimmed_mib - a.rss_trimmed_mib:+.1f})")
        native = b.rss_trimmed_mib - a.rss_trimmed_mib - b.traced_mib
        print(f"    Python: {b.blocks - a.blocks:+d} allocated blocks; {b.traced_mib:.1f} MiB "
              f"allocated since visit {a.visit} still alive (tracemalloc); the rest of the "
              f"trimmed growth, native or freed-and-kept: {native:+.1f} MiB")
        print(f"    threads {a.threads} -> {b.threads} (Python), {a.tasks} -> {b.tasks} (OS)")
        print("    Python allocations that grew most (size, count):")
        stats = b.snapshot.statistics("traceback") if b.snapshot is not None else []
        for stat in stats[:TOP]:
            print(f"      {stat.size / 1024:+9.1f} KiB {stat.count:+7d}  "
                  + " <- ".join(f"{Path(f.filename).name}:{f.lineno}"
                                for f in reversed(stat.traceback[-6:])))
        self._counts("Python object types", a.types, b.types)
        self._counts("Qt objects", a.qt_classes, b.qt_classes)

    @staticmethod
    def _counts(title: str, before: Counter[str], after: Counter[str]) -> None:
        grew = sorted(((after[k] - before[k], k) for k in after.keys() | before.keys()
                       if after[k] != before[k]), reverse=True)
        print(f"    {title} that changed most: "
              + (", ".join(f"{k} {d:+d}" for d, k in grew[:TOP]) or "none"))
