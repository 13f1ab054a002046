"""Start-up time: from launching the kiosk to its first painted attract screen, next to a bare
PySide6 window on the same machine (target: within 1.5x). Prints medians; asserts nothing.

    python bench/startup.py [--runs 7] [--program dist/kiosk/kiosk] [--source] [--platform P]
                            [--bare-program FROZEN_BARE_WINDOW | --freeze-bare DIR]

The kiosk measured is the one-folder build (``dist/kiosk/kiosk``) when it exists, else the source
tree run by this Python (``--source`` forces that). It runs as on a terminal (full screen, real
settings file) against a local reference server started here, with its data folder kept between
runs as a terminal keeps it; one unmeasured warm-up run migrates the database and fills the disk
cache.

"Painted" is the same event for both programs, taken from Qt itself rather than from a hook in
the application: the first time Qt's repaint manager paints and flushes the top-level window to
the screen (its ``qt.widgets.painting`` log, switched on for the measured process only). For the
kiosk the bench also checks that the attract screen was part of that first frame, and prints a
second figure: until the kiosk is running (``ui.startup.READY_MESSAGE`` in its log), that is
until the database, client and officer mode, built behind the first frame, answer a tap. The
platform defaults to ``offscreen`` so figures compare between machines with and without a display;
``--platform xcb`` measures a real X server.
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
FIRST_FRAME = "Painting and flushing dirty top level"  # qt.widgets.painting, Qt 6
ATTRACT = 'name="attractScreen"'
PAINT_LOG = "qt.widgets.painting=true"
TOKEN = "bench-startup-token"
READY = "kiosk running"  # the start of ui.startup.READY_MESSAGE (the bench does not import Qt)
TIMEOUT_S = 60.0

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
window = QLabel("狱务公开查询")
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


def time_to_first_frame(command: list[str], env: dict[str, str], must_show: str = "",
                        ready: str = "") -> tuple[float, float]:
    """Seconds from launch until Qt flushes the first frame, and until ``ready`` appears in
    the output after it (the first figure again when ``ready`` is empty); the process is then
    stopped.

    ``must_show``: text that must appear in the paint log before that frame (which widget).
    """
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
    seen = False
    first: float | None = None
    try:
        while True:
            remaining = TIMEOUT_S - (time.perf_counter() - started)
            try:
                line = lines.get(timeout=max(remaining, 0.01))
            except queue.Empty:
                raise RuntimeError(f"no first frame within {TIMEOUT_S:.0f} s") from None
            if line is None:
                raise RuntimeError(
                    f"exited with {proc.wait()} before its first frame; last lines:\n"
                    + "".join(tail)
                )
            if first is None and FIRST_FRAME in line:
                first = time.perf_counter() - started
                if must_show and not seen:
                    raise RuntimeError(f"the first frame did not contain {must_show}")
            if first is not None and (not ready or ready in line):
                return first, time.perf_counter() - started
            seen = seen or (bool(must_show) and must_show in line)
            if "qt.widgets.painting" not in line:
                tail = [*tail[-15:], line]
    finally:
        stop_process(proc)


def stop_process(proc: subprocess.Popen[str]) -> None:
    """Terminate, and kill what does not end within 10 s."""
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def report(label: str, times: list[tuple[float, float]], ready: bool = False) -> float:
    """Print the median time to the first frame (and to ready); return the former."""
    firsts = [first for first, _ in times]
    median = statistics.median(firsts)
    print(f"{label:<34} median {median * 1000:7.0f} ms   "
          f"min {min(firsts) * 1000:6.0f}   max {max(firsts) * 1000:6.0f}   ({len(times)} runs)")
    if ready:
        readies = [at for _, at in times]
        print(f"{'  ... running (answers taps)':<34} median "
              f"{statistics.median(readies) * 1000:7.0f} ms   min {min(readies) * 1000:6.0f}   "
              f"max {max(readies) * 1000:6.0f}")
    return median


def shown(program: Path) -> Path:
    """``program`` as printed: relative to the project when it is inside it."""
    return program.relative_to(ROOT) if program.is_relative_to(ROOT) else program


def freeze_bare_window(folder: Path) -> Path:
    """BARE_WINDOW frozen one-folder by PyInstaller's defaults, as the kiosk is (built once)."""
    program = folder / "dist" / "bare" / ("bare.exe" if sys.platform == "win32" else "bare")
    if not program.exists():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "bare.py").write_text(BARE_WINDOW, encoding="utf-8")
        print(f"freezing the bare window into {folder} (about a minute, once)")
        subprocess.run(
            [sys.executable, "-m", "PyInstaller", "--onedir", "--noconfirm", "--log-level",
             "ERROR", "--distpath", str(folder / "dist"), "--workpath", str(folder / "build"),
             "--specpath", str(folder), str(folder / "bare.py")],
            check=True,
        )
    return program


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--program", type=Path, default=None,
                        help=f"built kiosk to time (default: {BUILT} if it exists)")
    parser.add_argument("--source", action="store_true", help="time the source tree instead")
    parser.add_argument("--platform", default="offscreen", help="QT_QPA_PLATFORM for both")
    parser.add_argument("--bare-program", type=Path, default=None,
                        help="a bare window frozen by PyInstaller (BARE_WINDOW as a script, "
                             "--onedir) to time instead of this Python running it")
    parser.add_argument("--freeze-bare", type=Path, default=None, metavar="DIR",
                        help="freeze BARE_WINDOW into DIR with this Python's PyInstaller "
                             "(once; kept for later runs) and time that as the bare window")
    args = parser.parse_args()
    if args.freeze_bare is not None:
        args.bare_program = freeze_bare_window(args.freeze_bare)

    program = None if args.source else (args.program or (BUILT if BUILT.exists() else None))
    if program is not None:
        kiosk_cmd, kiosk_label = [str(program)], f"kiosk ({shown(program)})"
    else:
        kiosk_cmd, kiosk_label = [sys.executable, "-m", "ui.entry"], "kiosk (source, this Python)"

    env = dict(os.environ, QT_QPA_PLATFORM=args.platform, QT_LOGGING_RULES=PAINT_LOG)
    env.pop("KIOSK_SETTINGS", None)
    # The source tree is timed with its bytecode cached (the warm-up run writes it), as on a
    # developer's machine; a build carries its bytecode. Compiling some hundred modules on
    # every start would add about 60 ms to the source figure.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    server = start_server(ServerConfig(port=0, tokens=(TOKEN,)))
    try:
        with tempfile.TemporaryDirectory(prefix="kiosk-startup-") as tmp:
            settings = _settings_file(Path(tmp), server.base_url)
            print(f"platform {args.platform}; {os.cpu_count()} CPUs; "
                  f"Python {sys.version.split()[0]}")
            bare_cmd, bare_label = (
                ([str(args.bare_program)], "bare PySide6 window (frozen)") if args.bare_program
                else ([sys.executable, "-c", BARE_WINDOW], "bare PySide6 window (this Python)"))
            kiosk_run = [*kiosk_cmd, "--settings", str(settings)]
            # One unmeasured warm-up each (the kiosk's migrates its database; both fill the
            # disk cache), then the two alternate, so that a slower minute of this shared
            # machine falls on both programs alike.
            time_to_first_frame(bare_cmd, env)
            time_to_first_frame(kiosk_run, env, ATTRACT, READY)
            bare_times, kiosk_times = [], []
            for _ in range(args.runs):
                bare_times.append(time_to_first_frame(bare_cmd, env))
                kiosk_times.append(time_to_first_frame(kiosk_run, env, ATTRACT, READY))
            bare = report(bare_label, bare_times)
            kiosk = report(kiosk_label, kiosk_times, ready=True)
    finally:
        server.stop()
    print(f"ratio kiosk / bare window: {kiosk / bare:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
