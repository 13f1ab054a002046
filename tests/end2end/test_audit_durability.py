"""Audit durability: a terminal killed with SIGKILL in the middle of an upload loses nothing.

Real processes all the way: ``kiosk-central`` with a file database, added latency (so each
upload is in flight for a while) and half of its answers cut short after the events were stored
(so the terminal holds events the server already has: the resend must not count them twice); a
child Python process that records events into a real store file and uploads them until it is
killed; and a second child that restarts the uploader on the same store. The central database
must end with every event exactly once.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.store import Store

pytestmark = pytest.mark.slow

N_EVENTS = 120
TERMINAL = "DURABLE-LOBBY-01"

CHILD = textwrap.dedent(
    """
    import json, os, sys, time
    from datetime import UTC, datetime
    from pathlib import Path

    from kiosk.api.client import CentralClient
    from kiosk.api.models import EventType
    from kiosk.audit.recorder import AuditRecorder
    from kiosk.audit.uploader import AuditUploader
    from kiosk.secrets import subject_hmac
    from kiosk.store import Store

    store_path, base_url, count, batch, ids_file, terminal = sys.argv[1:7]

    def clock():
        return datetime.now(UTC)

    store = Store.open(Path(store_path), clock=clock)
    if int(count):
        recorder = AuditRecorder(store, clock)
        subject = subject_hmac(b"k" * 32, "11010519491231002X")  # a synthetic number
        kinds = [
            (EventType.SESSION_STARTED, {"subject": subject, "method": "card"}),
            (EventType.RECORDS_VIEWED, {"subject": subject, "section": "assessment"}),
            (EventType.RATING, {"score": 3}),
            (EventType.FAULT, {"component": "printer", "code": "paper_out"}),
        ]
        written = []
        for i in range(int(count)):
            kind, data = kinds[i % len(kinds)]
            written.append([recorder.record(kind, **data).event_id, kind.value])
        tmp = ids_file + ".tmp"
        with open(tmp, "w") as fh:
            json.dump(written, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, ids_file)
    print("uploading", flush=True)
    client = CentralClient(base_url, terminal, "demo-token", read_timeout_s=30)
    uploader = AuditUploader(store, client, clock, int(batch), base_delay_s=0.2, max_delay_s=1.0)
    while uploader.upload_once().remaining:
        time.sleep(0.05)
    print("done", flush=True)
    """
)


def _central_command() -> list[str]:
    script = Path(sys.executable).with_name("kiosk-central")
    return [str(script)] if script.exists() else [sys.executable, "-m",
                                                  "kiosk.reference_server.cli"]


def _read_line(proc: subprocess.Popen[str], log: Path, what: str) -> str:
    line = proc.stdout.readline() if proc.stdout else ""
    if not line:
        proc.wait(timeout=10)
        pytest.fail(f"{what} ended without output; its log:\n{log.read_text()[-3000:]}")
    return line.strip()


def _central_ids(db: Path) -> list[tuple[str, str]]:
    """(event_id, type) of every event the central server stored for our terminal."""
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)) as conn:
        rows = conn.execute(
            "SELECT event_id, body FROM events WHERE terminal_id = ? ORDER BY id", (TERMINAL,)
        ).fetchall()
    return [(event_id, json.loads(body)["type"]) for event_id, body in rows]


def _queued_ids(store_file: Path) -> set[str]:
    """Event ids in the terminal's queue, read beside the running uploader (WAL allows it)."""
    with closing(sqlite3.connect(store_file, timeout=10)) as conn:
        return {row[0] for row in conn.execute("SELECT event_id FROM audit_queue")}


def _child(tmp_path: Path, base_url: str, count: int, batch: int, name: str):
    log = tmp_path / f"{name}.log"
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "kiosk.sqlite3"), base_url, str(count),
         str(batch), str(tmp_path / "written.json"), TERMINAL],
        stdout=subprocess.PIPE, stderr=log.open("w"), text=True,
    )
    return proc, log


def test_sigkill_mid_upload_then_restart_delivers_every_event_exactly_once(tmp_path) -> None:
    db = tmp_path / "central.db"
    server_log = tmp_path / "central.log"
    server = subprocess.Popen(
        [*_central_command(), "--port", "0", "--db", f"sqlite:///{db}", "--latency-ms", "400",
         "--truncate-rate", "0.5", "--fault-seed", "7"],
        stdout=subprocess.PIPE, stderr=server_log.open("w"), text=True,
    )
    try:
        first = _read_line(server, server_log, "kiosk-central")
        assert first.startswith("listening on http://127.0.0.1:"), first
        base_url = first.removeprefix("listening on ")

        # 1. Record N events, start uploading in batches of 10, and kill -9 once at least 30
        # arrived and the terminal still holds some the server stored (their answer was lost).
        child, child_log = _child(tmp_path, base_url, N_EVENTS, 10, "first")
        assert _read_line(child, child_log, "the first uploader") == "uploading"
        deadline = time.monotonic() + 60
        while True:
            central = {event_id for event_id, _ in _central_ids(db)}
            if len(central) >= 30 and _queued_ids(tmp_path / "kiosk.sqlite3") & central:
                break
            assert time.monotonic() < deadline, "no upload progress: " + child_log.read_text()
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL

        written = json.loads((tmp_path / "written.json").read_text())
        all_ids = {event_id for event_id, _ in written}
        assert len(all_ids) == N_EVENTS
        store = Store.open(tmp_path / "kiosk.sqlite3")
        try:
            far = datetime.now(UTC) + timedelta(days=1)
            local = {e.event_id for e in store.pending_events(10 * N_EVENTS, far)}
        finally:
            store.close()
        at_kill = {event_id for event_id, _ in _central_ids(db)}
        # Mid-upload: some arrived, some did not, some are held by both; none is lost.
        assert 0 < len(at_kill) < N_EVENTS
        assert local | at_kill == all_ids
        assert local & at_kill
        print(f"at the kill: central {len(at_kill)}, local queue {len(local)}, "
              f"held by both {len(local & at_kill)}")

        # 2. Restart the uploader on the same store: it sends what is left.
        child, child_log = _child(tmp_path, base_url, 0, 50, "restart")
        assert _read_line(child, child_log, "the restarted uploader") == "uploading"
        assert _read_line(child, child_log, "the restarted uploader") == "done"
        assert child.wait(timeout=30) == 0
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)

    # 3. The central database, read after the server stopped: every event exactly once.
    stored = _central_ids(db)
    assert len(stored) == N_EVENTS
    assert sorted(stored) == sorted((event_id, kind) for event_id, kind in written)
    store = Store.open(tmp_path / "kiosk.sqlite3")
    try:
        assert store.queued_count() == 0
    finally:
        store.close()
