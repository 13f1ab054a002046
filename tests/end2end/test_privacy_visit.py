"""After a whole visit, nothing of the family is left on disk; the audit trail names nobody.

A demo family is tapped through a full visit on the real kiosk window (offscreen) against the
reference server: identify, every records tab, a printed slip, finish, a rating. Logging goes to
real rotating files at DEBUG, temporary files to a folder of the test's own. Then the database
(with its -wal and -shm files), the log files, the whole data folder and the temp folder are read
byte by byte for the family's ID number and reference number, the visitor's name as shown, the
inmate's name and the record text the server returned (remarks, notes, reasons, transaction
descriptions, health results): no hit. The printer's output folder is not scanned: a slip is
printed output, handed to the family (``test_ui_visits`` checks what is on it).

The reference server then holds the visit's audit events, whose subject is the HMAC of the ID
number under the terminal secret, never the number, and whose data names nobody.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest

from kiosk.api.models import EventType, Section
from kiosk.flow import events as ev
from kiosk.log import setup_logging, shutdown_logging
from kiosk.secrets import subject_hmac

TERMINAL = "PRIVACY-LOBBY-01"
MIN_TEXT = 4
"""Record strings shorter than this (年, 良好) are too common to say anything when found."""


@pytest.fixture
def private_tmp(tmp_path, monkeypatch) -> Path:
    """The process's temp folder, for this test alone (Python's and Qt's both read TMPDIR)."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def file_logs(tmp_path) -> Path:
    folder = tmp_path / "kiosk0" / "logs"
    setup_logging(folder, "DEBUG", 200_000, 3, console=False)
    yield folder
    shutdown_logging()


def record_strings(visit: Any) -> set[str]:
    """Every piece of text the server returned about the inmate, from the loaded records."""
    texts = {visit.inmate.name}
    profile = visit.loaded_profile
    if profile is not None:
        texts |= {profile.name, profile.crime}
    data = visit.loaded_sections()
    reform = data.get(Section.REFORM)
    if reform is not None:
        texts |= {m.remark for m in reform.monthly}
    assessment = data.get(Section.ASSESSMENT)
    if assessment is not None:
        texts |= {m.note for m in assessment.months}
    rewards = data.get(Section.REWARDS)
    if rewards is not None:
        texts |= {i.reason for i in rewards.items} | {c.detail for c in rewards.sentence_changes}
    living = data.get(Section.LIVING)
    if living is not None:
        texts |= {t.description for t in living.transactions}
        texts |= {h.result for h in living.health}
    return {t for t in texts if len(t) >= MIN_TEXT}


def hits(folder: Path, secrets: dict[str, str]) -> list[str]:
    found = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        for what, text in secrets.items():
            if text.encode("utf-8") in raw or text.encode("utf-16-le") in raw:
                found.append(f"{path.relative_to(folder)}: {what}")
    return found


def test_a_whole_visit_leaves_no_personal_data_on_disk(make_kiosk, demo_credentials, central,
                                                      private_tmp, file_logs, tmp_path):
    family = next(c for c in demo_credentials if c.note == "one inmate")
    kiosk = make_kiosk(terminal__id=TERMINAL)
    services = kiosk.services
    assert services.log_dir == file_logs

    kiosk.sign_in(family.id_number, family.reference_number)
    kiosk.wait_screen("records")
    visit = kiosk.window.controller.state.visit
    shown_visitor = visit.session.visitor_name
    for section in ("reform", "assessment", "rewards", "living"):
        kiosk.tap(f"tab_{section}")
        kiosk.qtbot.waitUntil(lambda s=section: kiosk.is_visible(f"{s}View"), timeout=15_000)
    kiosk.qtbot.waitUntil(lambda: kiosk.button("printButton").isEnabled(), timeout=15_000)
    visit = kiosk.window.controller.state.visit
    texts = record_strings(visit)
    assert len(texts) >= 5, "the synthetic records should give text to look for"
    kiosk.tap("printButton")
    kiosk.tap("printConfirm")
    kiosk.wait_screen("done", timeout=30_000)
    kiosk.tap("doneFinish")
    kiosk.qtbot.waitUntil(lambda: kiosk.screen_id() in ("farewell", "attract"), timeout=5000)
    if kiosk.screen_id() == "farewell":
        kiosk.tap("rateGood")
        kiosk.window.send(ev.SkipRating())
    kiosk.wait_screen("attract", timeout=15_000)

    secrets = {"ID number": family.id_number, "reference number": family.reference_number,
               "visitor name": shown_visitor,
               **{f"record text {n}": t for n, t in enumerate(sorted(texts))}}
    subject = subject_hmac(services.terminal_secret, family.id_number)

    # The audit trail reaches the server (the background uploader), naming nobody.
    def mine() -> list[Any]:
        return [e for e in central.events() if e.terminal_id == TERMINAL]

    wanted = {EventType.SESSION_STARTED, EventType.RECORDS_VIEWED, EventType.SLIP_PRINTED,
              EventType.SESSION_ENDED}
    kiosk.qtbot.waitUntil(lambda: wanted <= {e.type for e in mine()}, timeout=15_000)
    kiosk.qtbot.waitUntil(lambda: services.store.queued_count() == 0, timeout=15_000)
    events = mine()
    visit_events = [e for e in events if e.type in wanted]
    assert visit_events and {e.subject for e in visit_events} == {subject}
    assert subject != family.id_number and family.id_number not in subject
    for event in events:
        text = f"{event.subject} {event.data}"
        assert not [what for what, secret in secrets.items() if secret in text], event.type

    # Nothing on disk: the data folder (database, -wal, -shm, keys, spool), logs, temp files.
    data_dir = services.data_dir
    database = data_dir / "kiosk.sqlite3"
    assert database.exists() and Path(f"{database}-wal").exists()
    logs = sorted(file_logs.glob("kiosk.log*"))
    assert logs and logs[0].stat().st_size > 0, "the visit should have been logged"
    for folder in (data_dir, file_logs, private_tmp):
        assert hits(folder, secrets) == [], folder
    # The same after the kiosk is shut down (the WAL is checkpointed into the database).
    kiosk.window.kiosk.shutdown(grace_ms=5000)
    services.store.close()
    for folder in (data_dir, file_logs, private_tmp):
        assert hits(folder, secrets) == [], folder


def test_the_scan_finds_what_it_looks_for(tmp_path):
    """The scan itself can fail: text planted in a log line and in an SQLite page is found."""
    import sqlite3

    (tmp_path / "kiosk.log").write_text("2026 INFO visitor 王*芳 signed in\n", encoding="utf-8")
    with sqlite3.connect(tmp_path / "planted.sqlite3") as db:
        db.execute("create table t (x text)")
        db.execute("insert into t values (?)", ("超市购物：日用品",))
    found = hits(tmp_path, {"visitor name": "王*芳", "record text": "超市购物：日用品",
                            "absent": "150102198001011236"})
    assert found == ["kiosk.log: visitor name", "planted.sqlite3: record text"]
