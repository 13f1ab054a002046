"""The soak (bench/soak.py) in CI: the real window tapped through scripted visits against a
faulty reference server in its own process, then the privacy scan of every folder the kiosk
wrote to.

200 visits (issue 9), not the 1,000 of the full soak: a visit takes about 2.2 s on an idle
2-core machine, most of it waiting that cannot be cut without weakening what is proven (a
walk-away waits out the 2 s idle wait and 2 s countdown, one visit in five; a repeated keypad key
waits out its debounce). So ``scripts/dev.sh test`` runs this test (marker ``soak``) in its own
pytest process beside the rest of the suite, whose CPU the waits leave room for
(docs/reliability.md, Soak in CI). ``KIOSK_SOAK_VISITS`` asks for another count.

Pass/fail: no crash, every visit back on the attract screen within its idle wait and countdown,
every audit event the kiosk recorded stored by the server exactly once, as many sessions ended
as started, no Qt warning, no personal data on disk. Memory and Qt object counts are printed,
not judged: over a hundred visits the figure is still dominated by caches filling up, so a
bound tight enough to mean something would fail on noise.
"""

from __future__ import annotations

import os
import sys

import pytest

from bench.privacy_scan import ENCODINGS, Scanner, needles_for_seed
from bench.soak import run_soak

CI_VISITS = 200
SEED = 7


@pytest.mark.slow
@pytest.mark.soak
@pytest.mark.timeout(1500)
@pytest.mark.skipif(sys.version_info < (3, 12),
                    reason="PySide6 6.12 aborts on Python 3.11 (docs/reliability.md, Soak)")
def test_soak_visits_leave_no_crash_no_stuck_screen_no_lost_event_no_trace(qapp, tmp_path):
    visits = int(os.environ.get("KIOSK_SOAK_VISITS", CI_VISITS))
    report = run_soak(visits, SEED, tmp_path / "soak")
    report.print()

    assert report.visits == visits
    assert report.crashes == 0 and report.crash_reports == 0
    assert report.qt_warnings == []
    assert report.stuck == []
    # The robot really met the faults it was meant to (a soak that never faults proves little).
    assert sum(report.scripted_faults.values()) >= visits // 4
    assert report.outcomes["walked_away"] > 0 and report.outcomes["slip"] > 0
    assert report.audit_recorded > 0
    assert report.audit_queued == 0, "events left in the kiosk's queue"
    assert report.audit_missing == 0 and report.audit_unexpected == 0
    assert report.audit_stored == report.audit_recorded
    assert report.audit_pairs["session_started"] == report.audit_pairs["session_ended"]
    assert report.privacy_files > 0
    assert report.privacy_hits == []


def test_the_privacy_scan_finds_personal_data_in_any_encoding_and_file(tmp_path):
    """The scan's own check: plant needles of every kind where a careless kiosk could leave
    them (a log line, SQLite's write-ahead log, a UTF-16 temp file, a file name) and expect
    each one back, and nothing in a file of public text."""
    import json
    import sqlite3

    needles = needles_for_seed(1)
    by_kind = {n.kind: n for n in reversed(needles)}
    planted = [by_kind[k] for k in ("visitor.id_number", "visitor.name", "profile.name",
                                    "rewards.reason", "living.description",
                                    "visitor.reference_number")]
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "kiosk.log").write_text(
        f"INFO visit for {planted[0].text}\n", encoding="utf-8")
    db = sqlite3.connect(tmp_path / "kiosk.sqlite3")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE t (v TEXT)")
    db.execute("INSERT INTO t VALUES (?)", (planted[1].text,))
    db.commit()  # stays in kiosk.sqlite3-wal while the connection is open
    (tmp_path / "tmp.bin").write_bytes(b"\x00" * 100 + planted[2].text.encode("utf-16-le"))
    (tmp_path / "audit.json").write_text(json.dumps({"note": planted[3].text}),
                                         encoding="ascii")  # \\uXXXX escapes
    (tmp_path / f"slip-{planted[5].text}.pdf").write_bytes(b"")
    (tmp_path / "gbk.txt").write_bytes(planted[4].text.encode("gb18030"))
    (tmp_path / "public.txt").write_text("呼和浩特第一监狱 2026-11-27 有期徒刑", encoding="utf-8")

    result = Scanner(needles).scan([tmp_path])
    db.close()

    found = {(h.needle.kind, h.encoding, h.path.name, h.offset < 0) for h in result.hits}
    assert ("visitor.id_number", "utf-8", "kiosk.log", False) in found
    assert ("visitor.name", "utf-8", "kiosk.sqlite3-wal", False) in found
    assert ("profile.name", "utf-16-le", "tmp.bin", False) in found
    assert ("rewards.reason", "json-escape", "audit.json", False) in found
    assert ("living.description", "gb18030", "gbk.txt", False) in found
    assert ("visitor.reference_number", "utf-8",
            f"slip-{planted[5].text}.pdf", True) in found
    assert not [h for h in result.hits if h.path.name == "public.txt"]
    assert set(ENCODINGS) >= {"utf-8", "utf-16-le", "utf-16-be"}
