"""Resident memory of the kiosk at idle, next to a bare PySide6 window (target: <= 200 MB).

    python bench/memory.py [--settle 20] [--program dist/kiosk/kiosk] [--source]

The kiosk runs as on a terminal (its own process, full screen on the offscreen platform, real
settings file, data folder prepared by one unmeasured start) against a reference server in this
process. Once Qt has flushed the first frame showing the attract screen, the kiosk is left
alone for ``--settle`` seconds (health checks, the slip fonts warmed up in a worker) and its
``VmRSS`` is read from ``/proc`` every second; printed: RSS at the end, the highest RSS seen and
the kernel's high-water mark (``VmHWM``). The memory after many visits is the soak's figure
(``bench/soak.py``). Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.startup import (
    ATTRACT,
    BARE_WINDOW,
    BUILT,
    FIRST_FRAME,
    PAINT_LOG,
    TOKEN,
    _settings_file,
    shown,
    stop_process,
)
from kiosk.reference_server.runner import ServerConfig, start_server

MIB = 1024


def _status(pid: int) -> dict[str, int]:
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values


def idle_memory(command: list[str], env: dict[str, str], settle_s: float,
                must_show: str = "") -> tuple[float, float, float]:
    """(RSS after settling, highest RSS sampled, VmHWM), MiB, of a process left idle."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            text=True, encoding="utf-8", errors="replace")
    try:
        assert proc.stderr is not None
        seen = not must_show
        deadline = time.monotonic() + 60
        for line in proc.stderr:
            seen = seen or must_show in line
            if FIRST_FRAME in line and seen:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("no first frame within 60 s")
        else:
            raise RuntimeError(f"exited with {proc.wait()} before its first frame")
        # Keep reading stderr so the process never blocks on a full pipe.
        import threading

        threading.Thread(target=lambda: [None for _ in proc.stderr or ()], daemon=True).start()
        highest = 0.0
        end = time.monotonic() + settle_s
        while time.monotonic() < end:
            time.sleep(1.0)
            highest = max(highest, _status(proc.pid)["VmRSS"] / MIB)
        status = _status(proc.pid)
        return status["VmRSS"] / MIB, max(highest, status["VmRSS"] / MIB), status["VmHWM"] / MIB
    finally:
        stop_process(proc)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--settle", type=float, default=20.0)
    parser.add_argument("--program", type=Path, default=None)
    parser.add_argument("--source", action="store_true")
    args = parser.parse_args()
    program = None if args.source else (args.program or (BUILT if BUILT.exists() else None))
    if program is not None:
        kiosk_cmd, label = [str(program)], f"kiosk ({shown(program)})"
    else:
        kiosk_cmd, label = [sys.executable, "-m", "ui.entry"], "kiosk (source, this Python)"
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               QT_LOGGING_RULES=PAINT_LOG)
    env.pop("KIOSK_SETTINGS", None)
    with start_server(ServerConfig(port=0, tokens=(TOKEN,))) as server, \
            tempfile.TemporaryDirectory(prefix="kiosk-memory-") as tmp:
        settings = _settings_file(Path(tmp), server.base_url)
        command = [*kiosk_cmd, "--settings", str(settings)]
        idle_memory(command, env, 2.0, ATTRACT)  # first start: migrations, key, disk cache
        bare = idle_memory([sys.executable, "-c", BARE_WINDOW], env, args.settle)
        kiosk = idle_memory(command, env, args.settle, ATTRACT)
    for name, (rss, highest, hwm) in (("bare PySide6 window", bare), (label, kiosk)):
        print(f"{name:<34} idle RSS {rss:6.1f} MiB   highest {highest:6.1f}   "
              f"VmHWM {hwm:6.1f}   (after {args.settle:.0f} s idle)")
    print(f"kiosk idle RSS {kiosk[0]:.1f} MiB (target <= 200 MB = {200e6 / 2**20:.0f} MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
