"""Start-up time: from launching the kiosk to its first painted attract screen, next to a bare
PySide6 window on the same machine (target: within 1.5x). Prints medians; asserts nothing.

    python bench/startup.py [--runs 7] [--program dist/kiosk/kiosk] [--source] [--platform P]

The kiosk measured is the one-folder build (``dist/kiosk/kiosk``) when it exists, else the source
tree run by this Python (``--source`` forces that). It runs as on a terminal (full screen, real
settings file) against a local reference server started here, with its data folder kept between
runs as a terminal keeps it; one unmeasured warm-up run migrates the database and fills the disk
cache. The clock stops at the line the kiosk logs on its first attract paint
(:data:`FIRST_PAINT_MARKER`); the bare window prints the same kind of line from its paintEvent.
The platform defaults to ``offscreen`` so figures compare between machines with and without a
display; ``--platform xcb`` measures a real X server.
"""

from __future__ import annotations

import argparse
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from kiosk.reference_server.runner import ServerConfig, start_server

ROOT = Path(__file__).resolve().parent.parent
BUILT = ROOT / "dist" / "kiosk" / ("kiosk.exe" if sys.platform == "win32" else "kiosk")
FIRST_PAINT_MARKER = "attract screen first painted"
BARE_MARKER = "bare window first painted"
TOKEN = "bench-startup-token"
TIMEOUT_S = 60.0

BARE_WINDOW = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel

class Window(QLabel):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not Window.painted:
            Window.painted = True
            print({BARE_MARKER!r}, file=sys.stderr, flush=True)

app = QApplication(sys.argv[:1])
window = Window("狱务公开查询")
window.showFullScreen()
app.exec()
"""


def _settings_file(folder: Path, base_url: str) -> Path:
    path = folder / "settings.ini"
    path.write_text(
        f"[central]\nbase_url = {base_url}\ntoken = {TOKEN}\n\n"
        f"[paths]\ndata_dir = {folder / 'data'}\nlog_dir = {folder / 'logs'}\n",
        encoding="utf-8",
    )
    return path


def time_to_marker(command: list[str], marker: str, env: dict[str, str]) -> float:
    """Seconds from launch until ``marker`` appears on stderr; the process is then stopped."""
    lines: queue.Queue[str | None] = queue.Queue()
    started = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, text=True,
        encoding="utf-8", errors="replace",
    )

    def pump() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    tail: list[str] = []
    try:
        while True:
            remaining = TIMEOUT_S - (time.perf_counter() - started)
            try:
                line = lines.get(timeout=max(remaining, 0.01))
            except queue.Empty:
                raise RuntimeError(f"no {marker!r} within {TIMEOUT_S:.0f} s") from None
            if line is None:
                raise RuntimeError(
                    f"exited with {proc.wait()} before {marker!r}; last lines:\n" + "".join(tail)
                )
            if marker in line:
                return time.perf_counter() - started
            tail = [*tail[-15:], line]
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def measure(label: str, command: list[str], marker: str, env: dict[str, str], runs: int) -> float:
    time_to_marker(command, marker, env)  # warm-up: database migration, disk cache
    times = [time_to_marker(command, marker, env) for _ in range(runs)]
    median = statistics.median(times)
    print(f"{label:<34} median {median * 1000:7.0f} ms   "
          f"min {min(times) * 1000:6.0f}   max {max(times) * 1000:6.0f}   ({runs} runs)")
    return median


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--program", type=Path, default=None,
                        help=f"built kiosk to time (default: {BUILT} if it exists)")
    parser.add_argument("--source", action="store_true", help="time the source tree instead")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for both")
    args = parser.parse_args()

    program = None if args.source else (args.program or (BUILT if BUILT.exists() else None))
    if program is not None:
        shown = program.relative_to(ROOT) if program.is_relative_to(ROOT) else program
        kiosk_cmd, kiosk_label = [str(program)], f"kiosk ({shown})"
    else:
        kiosk_cmd, kiosk_label = [sys.executable, "-m", "ui.entry"], "kiosk (source, this Python)"

    env = dict(os.environ, QT_QPA_PLATFORM=args.platform)
    env.pop("KIOSK_SETTINGS", None)
    server = start_server(ServerConfig(port=0, tokens=(TOKEN,)))
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-startup-") as tmp:
            settings = _settings_file(Path(tmp), server.base_url)
            print(f"platform {args.platform}; {os.cpu_count()} CPUs; "
                  f"Python {sys.version.split()[0]}")
            bare = measure("bare PySide6 window (this Python)",
                           [sys.executable, "-c", BARE_WINDOW], BARE_MARKER, env, args.runs)
            kiosk = measure(kiosk_label, [*kiosk_cmd, "--settings", str(settings)],
                            FIRST_PAINT_MARKER, env, args.runs)
    finally:
        server.stop()
    print(f"ratio kiosk / bare window: {kiosk / bare:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
