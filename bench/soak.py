"""Soak: the real kiosk window, offscreen, tapped through many visits against a faulty service.

    python bench/soak.py [--visits 1000] [--seed 1] [--keep FOLDER] [--no-reader]

The kiosk is built as in production (``ui.app.build_main_window`` on ``Services`` with a real
SQLite store, file printer behind the ``FaultyPrinter`` harness, serial card reader on the
``ReaderSimulator``'s pseudo-terminal, logging at DEBUG to files, the crash handler installed) in
a fresh folder that also serves as TMPDIR and XDG home. The reference server runs in its own
process (``bench/soak_server.py``) with random faults on every request; on top, half of the
visits meet one scripted fault (``bench/soak_plan.py``). Idle timeout 2 s and countdown 2 s, so
walking away costs seconds, not minutes.

Afterwards it prints the figures (visits, faults by kind, crashes, visits not back on attract in
time, resident memory, Qt objects, audit events recorded vs stored by the server) and runs the
privacy scan (``bench/privacy_scan.py``) over the data, log, temp and XDG folders. Exit status 1
if a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.soak_memory import MemoryTracer  # noqa: E402
from kiosk.reference_server.faults import FaultConfig  # noqa: E402

IDLE_S = 2
COUNTDOWN_S = 2
READ_TIMEOUT_S = 1.5
RANDOM_FAULTS = FaultConfig(error_rate=0.01, malformed_rate=0.005, truncate_rate=0.005,
                             drop_rate=0.005)
"""Random faults on every request (health checks, audit uploads, sign-ins, records, slips)."""
AUDIT_DRAIN_S = 300.0
AUDIT_STALL_S = 45.0
"""The uploader looks at its queue at least every 30 s (``kiosk.background``)."""
RECORDED = re.compile(r"recorded (\S+) \((\S+)\)")
QT_MESSAGES_IGNORED = frozenset({
    # The offscreen platform has no window manager to pass size hints to (as in pyproject).
    "This plugin does not support propagateSizeHints()",
})


@dataclass
class SoakReport:
    visits: int
    seconds: float
    outcomes: Counter[str]
    scripted_faults: Counter[str]
    server_faults: dict[str, int]
    notices: Counter[str]
    crashes: int
    crash_reports: int
    qt_warnings: list[str]
    stuck: list[str]
    back_s_max: float
    return_limit_s: float
    rss_mib: dict[int, float]
    qt_objects: dict[str, tuple[int, int]]
    """'after visit 1' / 'after visit 10' / 'after run': (QObjects under the window, widgets in
    the application). Screens without personal data are built on first use and kept, so the
    count grows until every kind of screen has been seen; after that it must stay flat."""
    audit_recorded: int
    audit_stored: int
    audit_missing: int
    audit_unexpected: int
    audit_queued: int
    audit_pairs: dict[str, int]
    privacy_hits: list[str]
    privacy_bytes: int
    privacy_files: int
    notes: list[str] = field(default_factory=list)

    @property
    def rss_growth(self) -> float:
        first = self.rss_mib.get(10) or next(iter(self.rss_mib.values()))
        return self.rss_mib[max(self.rss_mib)] / first - 1

    def failures(self) -> list[str]:
        """Targets missed (memory growth is reported, not judged here)."""
        missed = []
        if self.crashes or self.crash_reports:
            missed.append(f"{self.crashes} crashes, {self.crash_reports} crash reports")
        if self.stuck:
            missed.append(f"{len(self.stuck)} visits not back on attract in time")
        if self.audit_missing or self.audit_unexpected or self.audit_queued:
            missed.append(f"audit: {self.audit_missing} recorded but not stored, "
                          f"{self.audit_unexpected} stored but not recorded, "
                          f"{self.audit_queued} still queued")
        if self.audit_pairs.get("session_started") != self.audit_pairs.get("session_ended"):
            missed.append(f"audit: sessions started {self.audit_pairs.get('session_started')} "
                          f"!= ended {self.audit_pairs.get('session_ended')}")
        if self.privacy_hits:
            missed.append(f"{len(self.privacy_hits)} privacy hits")
        return missed

    def print(self) -> None:
        def kinds(counts: Any) -> str:
            return ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) or "none"

        rss = "   ".join(f"after {n}: {mib:.1f} MiB" for n, mib in sorted(self.rss_mib.items()))
        print(f"soak: {self.visits} visits in {self.seconds / 60:.1f} min "
              f"({self.seconds / max(self.visits, 1):.2f} s per visit)")
        print(f"  outcomes:           {kinds(self.outcomes)}")
        print(f"  scripted faults:    {kinds(self.scripted_faults)}")
        print(f"  server acted out:   {kinds(self.server_faults)}")
        print(f"  family was told:    {kinds(self.notices)}")
        print(f"  crashes:            {self.crashes} (crash reports {self.crash_reports})")
        print(f"  Qt warnings:        {len(self.qt_warnings)}"
              + "".join(f"\n    {w}" for w in self.qt_warnings[:10]))
        print(f"  not back on attract within {self.return_limit_s:.1f} s: {len(self.stuck)}"
              f" (longest return {self.back_s_max:.2f} s)"
              + "".join(f"\n    {s}" for s in self.stuck[:20]))
        print(f"  resident memory:    {rss}   growth {self.rss_growth * 100:+.1f}% "
              "(from visit 10)")
        for label, (tree, widgets) in self.qt_objects.items():
            print(f"  Qt objects {label:<18} {tree} under the window, "
                  f"{widgets} widgets in the application")
        print(f"  audit events:       recorded {self.audit_recorded}, stored by the server "
              f"{self.audit_stored}, missing {self.audit_missing}, unexpected "
              f"{self.audit_unexpected}, still queued {self.audit_queued}; "
              f"{kinds(self.audit_pairs)}")
        print(f"  privacy scan:       {len(self.privacy_hits)} hits in {self.privacy_files} "
              f"files, {self.privacy_bytes / 2**20:.1f} MiB (running, then after shutdown)"
              + "".join(f"\n    HIT {h}" for h in self.privacy_hits[:50]))
        for note in self.notes:
            print(f"  note: {note}")


@contextmanager
def sandbox(folder: Path) -> Any:
    """TMPDIR and XDG folders inside ``folder`` for the run, so the scan sees all the kiosk
    writes there; the previous values come back afterwards."""
    names = ("TMPDIR", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
             "XDG_RUNTIME_DIR")
    saved = {name: os.environ.get(name) for name in names}
    saved_tempdir = tempfile.tempdir
    for name in names:
        path = folder / ("tmp" if name == "TMPDIR" else name.lower())
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.environ[name] = str(path)
    tempfile.tempdir = str(folder / "tmp")
    try:
        yield [folder / "tmp", *(folder / n.lower() for n in names[1:])]
    finally:
        tempfile.tempdir = saved_tempdir
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


class _AuditTap(logging.Handler):
    """Collects the ids of the audit events the kiosk records (its ``kiosk.audit`` log line)."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.ids: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        match = RECORDED.match(record.getMessage())
        if match:
            self.ids.append(match.group(2))


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def qt_objects(window: Any) -> tuple[int, int]:
    from PySide6.QtCore import QObject
    from PySide6.QtWidgets import QApplication

    from bench.soak_qt import flush_deletes

    gc.collect()
    flush_deletes()
    return len(window.findChildren(QObject)), len(QApplication.allWidgets())


def run_soak(visits: int, seed: int, folder: Path, *, reader: bool = True,
             random_faults: FaultConfig = RANDOM_FAULTS, progress: bool = False,
             tracer: MemoryTracer | None = None) -> SoakReport:
    folder.mkdir(parents=True, exist_ok=True)
    with sandbox(folder) as scanned, ExitStack() as parts:
        return _run(parts, visits, seed, folder, scanned, reader, random_faults, progress,
                    tracer)


def _run(stack: ExitStack, visits: int, seed: int, folder: Path, scanned: list[Path],
         reader: bool, random_faults: FaultConfig, progress: bool,
         tracer: MemoryTracer | None) -> SoakReport:
    """``stack`` owns every running part; it is closed (kiosk, logging, server) before the
    privacy scan, so the scan sees the files as the kiosk left them."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    from bench.kiosk_rig import show_kiosk
    from bench.privacy_scan import scan
    from bench.soak_plan import plan_visits
    from bench.soak_robot import Timing, VisitRobot
    from bench.soak_server import SoakServer
    from kiosk.crash_report import CRASH_PREFIX
    from kiosk.flow.state import FlowConfig
    from kiosk.log import setup_logging, shutdown_logging
    from kiosk.malloc_tuning import tune_malloc
    from kiosk.printing import FaultyPrinter, FilePrinter
    from kiosk.reader.serial_driver import SerialReader, Timeouts
    from kiosk.reader.simulator import ReaderSimulator
    from tests.ui.helpers import kiosk_settings, make_services
    from ui.crash import CrashHandler

    started = time.monotonic()
    tune_malloc()  # as the kiosk's main() does, before any thread
    server = stack.enter_context(SoakServer(seed=seed, faults=random_faults))
    sim = stack.enter_context(ReaderSimulator(folder / "ttyREADER")) if reader else None
    settings = kiosk_settings(
        server.base_url, folder,
        kiosk__idle_timeout_s=IDLE_S, kiosk__countdown_s=COUNTDOWN_S,
        central__connect_timeout_s=1.0, central__read_timeout_s=READ_TIMEOUT_S,
        central__get_retries=2, printer__job_timeout_s=2,
        printer__output_dir=str(folder / "paper"),
        reader__backend="serial" if reader else "none", reader__poll_interval_ms=150,
        logging__level="DEBUG",
    )
    setup_logging(Path(settings.paths.log_dir), "DEBUG", 100_000_000, 5, console=False)
    stack.callback(shutdown_logging)
    audit_tap = _AuditTap()
    logging.getLogger("kiosk.audit").addHandler(audit_tap)
    stack.callback(logging.getLogger("kiosk.audit").removeHandler, audit_tap)

    qt_warnings: list[str] = []
    listening = [True]

    def on_qt_message(kind: QtMsgType, context: Any, message: str) -> None:
        if (listening[0] and kind not in (QtMsgType.QtDebugMsg, QtMsgType.QtInfoMsg)
                and message not in QT_MESSAGES_IGNORED):
            qt_warnings.append(message)

    previous_handler = qInstallMessageHandler(on_qt_message)
    # Handing None back to qInstallMessageHandler crashes PySide6 at exit ("deallocating
    # None"): without a previous handler, ours stays installed and stops listening.
    stack.callback(lambda: qInstallMessageHandler(previous_handler) if previous_handler
                   else listening.clear() or listening.append(False))

    printer = FaultyPrinter(FilePrinter(folder / "paper", job_timeout_s=2))
    card_reader = None
    if sim is not None:
        card_reader = SerialReader(sim.path, timeouts=Timeouts(reply_s=0.3, read_card_s=0.6,
                                                               probe_s=0.2),
                                   backoff_s=(0.0, 0.5))
    services = make_services(settings, printer=printer, reader=card_reader)
    stack.callback(services.close)
    config = FlowConfig(prison_code=settings.terminal.prison_code, countdown_s=COUNTDOWN_S)
    kiosk = show_kiosk(stack, services, config=config, health_interval_s=5.0,
                       outage_health_interval_s=1.0)
    window = kiosk.window
    crashes: list[BaseException] = []
    window.controller.crashed.connect(crashes.append)
    crash_handler = CrashHandler(services.log_dir, window.controller.crash)
    crash_handler.install()
    stack.callback(crash_handler.uninstall)
    timing = Timing(IDLE_S, COUNTDOWN_S, READ_TIMEOUT_S)
    rng = random.Random(seed)
    robot = VisitRobot(kiosk, server, printer, sim, timing, rng)
    plans = plan_visits(rng, server.credentials(), visits, reader=sim is not None)

    results = []
    rss: dict[int, float] = {}
    objects: dict[str, tuple[int, int]] = {}
    for plan in plans:
        result = robot.run(plan)
        results.append(result)
        if plan.number in (1, 10):
            robot.wait_in_service()
            objects[f"after visit {plan.number}"] = qt_objects(window)
        if plan.number in (10, visits) or plan.number % 100 == 0:
            robot.wait_in_service()
            gc.collect()
            rss[plan.number] = rss_mib()
        if tracer is not None and plan.number in (tracer.baseline_visit, visits):
            robot.wait_in_service()
            tracer.probe(plan.number, window)
        if progress and plan.number % 50 == 0:
            print(f"  {plan.number} visits, {time.monotonic() - started:.0f} s, "
                  f"RSS {rss_mib():.1f} MiB", flush=True)
    robot.wait_in_service()
    objects["after run"] = qt_objects(window)
    # Scanned twice: now, with the database's -wal/-shm files as a running kiosk has them,
    # and after shutdown (checkpointed database, last log lines, crash reports).
    live = scan([Path(settings.paths.data_dir), Path(settings.paths.log_dir), *scanned], seed)

    notes: list[str] = []
    queued = _drain_audit(kiosk.qtbot, services, server)
    stored = server.events()
    stored_ids = [e["event_id"] for e in stored]
    recorded = set(audit_tap.ids)
    pairs = Counter(e["type"] for e in stored)
    if not stored and recorded:
        notes.append("audit events are recorded locally but nothing uploads them: the kiosk "
                     "starts no AuditUploader (issue 6 wires it)")
    report_faults = server.fault_counts()
    duration = time.monotonic() - started

    stack.close()  # window, services, logging, reader, server: in reverse order
    crash_reports = len(list(Path(settings.paths.log_dir).glob(f"{CRASH_PREFIX}*")))
    after = scan([Path(settings.paths.data_dir), Path(settings.paths.log_dir), *scanned], seed)
    stuck = [f"visit {r.number} {r.kind} at {r.walk_away_at} ({r.fault}) {r.outcome}: back "
             f"after {r.back_s:.2f} s, limit {r.limit_s:.2f} s" for r in results if r.stuck]
    return SoakReport(
        visits=len(results),
        seconds=duration,
        outcomes=Counter(r.outcome for r in results),
        scripted_faults=Counter(r.fault for r in results if r.fault),
        server_faults=report_faults,
        notices=Counter(n for r in results for n in r.notices),
        crashes=len(crashes),
        crash_reports=crash_reports,
        qt_warnings=qt_warnings,
        stuck=stuck,
        back_s_max=max((r.back_s for r in results if r.outcome == "walked_away"), default=0.0),
        return_limit_s=timing.return_limit_s,
        rss_mib=rss,
        qt_objects=objects,
        audit_recorded=len(recorded),
        audit_stored=len(stored_ids),
        audit_missing=len(recorded - set(stored_ids)) if stored else 0,
        audit_unexpected=len(set(stored_ids) - recorded),
        audit_queued=queued,
        audit_pairs={k: pairs.get(k, 0) for k in ("session_started", "session_ended")},
        privacy_hits=[f"{when}: {h}" for when, result in (("running", live), ("after", after))
                      for h in result.hits],
        privacy_bytes=live.bytes + after.bytes,
        privacy_files=live.files + after.files,
        notes=notes,
    )


def _drain_audit(bot: Any, services: Any, server: Any) -> int:
    """Faults off, then give the kiosk's own uploader time to send what is queued (it may be
    in its back-off after random faults); returns how many events are still queued. Stops
    early once the queue has not shrunk for ``AUDIT_STALL_S`` (nothing is sending)."""
    server.calm()
    deadline = time.monotonic() + AUDIT_DRAIN_S
    left = services.store.queued_count()
    moved = time.monotonic()
    while left and time.monotonic() < min(deadline, moved + AUDIT_STALL_S):
        bot.wait(500)
        now_left = services.store.queued_count()
        if now_left < left:
            moved = time.monotonic()
        left = now_left
    return int(left)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="run in this folder and keep it (default: a "
                        "temporary folder, removed afterwards)")
    parser.add_argument("--no-reader", action="store_true", help="no simulated card reader")
    parser.add_argument("--trace-memory", type=int, metavar="VISIT", nargs="?", const=30,
                        help="print what grew between this visit (default 30) and the last: "
                        "Python allocations, object types, Qt objects, native memory (slower)")
    args = parser.parse_args()
    if sys.version_info < (3, 12):  # noqa: UP036 (the shared /tmp/venv is still 3.11)
        # PySide6 6.12 drops references to None/True/False on 3.11: the soak (like a terminal)
        # aborts after a few dozen visits. See docs/reliability.md, Soak.
        print("bench/soak.py needs Python 3.12 or newer (PySide6 6.12 aborts on 3.11)",
              file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tracer = MemoryTracer(args.trace_memory) if args.trace_memory else None
    with ExitStack() as stack:
        folder = args.keep or Path(stack.enter_context(
            tempfile.TemporaryDirectory(prefix="kiosk-soak-")))
        report = run_soak(args.visits, args.seed, folder, reader=not args.no_reader,
                          progress=True, tracer=tracer)
    report.print()
    if tracer is not None:
        tracer.print()
    missed = report.failures()
    for line in missed:
        print(f"TARGET MISSED: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
