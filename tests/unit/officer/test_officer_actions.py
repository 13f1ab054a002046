"""What the officer's pages do, against the real reference server, a real store and real
printer backends: status probes, the test print, diagnostics, slip checks, settings edits."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.api.client import CentralClient
from kiosk.api.models import (
    AuthMethod,
    PrinterState,
    ReaderState,
    Section,
    SessionRequest,
    SlipRequest,
)
from kiosk.officer.actions import (
    clear_spool,
    print_test_slip,
    printer_diagnostics,
    reader_diagnostics,
    verify_slip,
)
from kiosk.officer.settings_edit import editable_options, save_settings, undo_settings
from kiosk.officer.stats import statistics
from kiosk.officer.status import gather_status
from kiosk.printing import FaultyPrinter, FilePrinter, PaperOut
from kiosk.reader import NullReader
from kiosk.settings import load
from kiosk.settings.loader import build
from kiosk.store import Store

NOW = datetime(2026, 11, 27, 2, 0, tzinfo=UTC)


@pytest.fixture
def client(central):
    with CentralClient(central.base_url, "OFFICER-T1", "demo-token", read_timeout_s=3.0,
                       get_retries=0) as c:
        yield c


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "kiosk.sqlite3")
    yield opened
    opened.close()


def status(client, store, tmp_path, printer=None, reader=None):
    return gather_status(
        terminal_id="OFFICER-T1", version="1.2.3", started_at=NOW, now=NOW.replace(hour=3),
        client=client, prison_code="NM-HHHT1", printer=printer or FilePrinter(tmp_path / "out"),
        printer_backend="file", reader=reader, reader_backend="none", store=store,
        data_dir=tmp_path)


def test_status_of_a_working_terminal(client, store, tmp_path):
    found = status(client, store, tmp_path)
    assert found.api.reachable and found.api.token_accepted is True
    assert found.api.latency_ms is not None and found.api.latency_ms >= 0
    assert found.uptime_s == 3600 and found.queued_events == 0
    assert found.printer is PrinterState.READY and found.reader is ReaderState.DISABLED
    assert found.disk_total_bytes and 0 < found.disk_free_bytes <= found.disk_total_bytes


def test_status_tells_a_revoked_token_from_an_unreachable_service(central, central_faults,
                                                                  store, tmp_path):
    with CentralClient(central.base_url, "OFFICER-T1", "revoked-token", get_retries=0) as c:
        revoked = status(c, store, tmp_path)
    assert revoked.api.reachable and revoked.api.token_accepted is False
    assert revoked.api.error == "terminal_unauthorized"
    central_faults.inject("/health", kind="drop", times=None)
    with CentralClient(central.base_url, "OFFICER-T1", "demo-token", get_retries=0) as c:
        down = status(c, store, tmp_path, printer=FaultyPrinter(FilePrinter(tmp_path / "o")),
                      reader=NullReader(ReaderState.READY))
    assert not down.api.reachable and down.api.latency_ms is None
    assert down.api.token_accepted is None and down.api.error
    assert down.printer is PrinterState.READY and down.reader is ReaderState.READY


def test_the_test_print_is_a_real_pdf_without_personal_data(tmp_path):
    settings = build({("terminal", "prison_name"): "测试监狱", ("terminal", "id"): "OFFICER-T1"})
    result = print_test_slip(FilePrinter(tmp_path / "out"), settings, NOW)
    assert result.ok and result.code == "ok"
    [pdf] = (tmp_path / "out").glob("*.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "测试监狱" in text and "OFFICER-T1" in text


def test_a_failed_test_print_and_printer_diagnostics_say_why(tmp_path):
    printer = FaultyPrinter(FilePrinter(tmp_path / "out"))
    printer.faults.refuse_next = PaperOut("out")
    result = print_test_slip(printer, build({}), NOW)
    assert (result.ok, result.code) == (False, "paper_out")
    assert printer_diagnostics(printer).ok
    printer.faults.state = PrinterState.OFFLINE
    diag = printer_diagnostics(printer)
    assert (diag.ok, diag.code, diag.state) == (False, "offline", "offline")


def test_reader_diagnostics():
    assert reader_diagnostics(None).state == "disabled"
    assert reader_diagnostics(NullReader(ReaderState.READY)).ok


def test_verify_a_real_slip_by_number_and_by_its_qr_url(client, demo_credentials):
    family = next(c for c in demo_credentials if c.note == "one inmate")
    session = client.create_session(SessionRequest(
        id_number=family.id_number, reference_number=family.reference_number,
        method=AuthMethod.MANUAL))
    slip = client.register_slip(session.session_token, SlipRequest(
        inmate_id=family.inmate_ids[0], sections=[Section.REFORM],
        content_sha256=hashlib.sha256(b"officer test").hexdigest()))
    client.end_session(session.session_token)
    typed = verify_slip(client, slip_no=slip.slip_no, code=slip.verify_code)
    assert typed.valid is True and typed.sections == (Section.REFORM,) and typed.inmate_name
    scanned = verify_slip(client, url=slip.verify_url)
    assert scanned.valid is True and scanned.slip_no == slip.slip_no
    wrong = verify_slip(client, slip_no=slip.slip_no, code="ZZZZ9999")
    assert wrong.valid is False
    assert verify_slip(client, slip_no="bad number!", code="X").valid is None


def test_clear_spool_removes_left_files_only(tmp_path):
    spool = tmp_path / "spool"
    spool.mkdir()
    (spool / "a.pdf").write_bytes(b"%PDF")
    (spool / "b.pdf").write_bytes(b"%PDF")
    (spool / "keep").mkdir()
    assert clear_spool(spool) == 2 and [p.name for p in spool.iterdir()] == ["keep"]
    assert clear_spool(tmp_path / "missing") == 0


def test_statistics_today_and_this_month(store):
    store.bump("visits", NOW.date(), 3)
    store.bump("visits", NOW.date().replace(day=2), 4)
    store.bump("rating_3", NOW.date(), 2)
    store.bump("faults", NOW.date().replace(month=10), 9)  # last month
    stats = statistics(store, NOW)
    assert stats.today.visits == 3 and stats.month.visits == 7
    assert stats.today.ratings == (0, 0, 2) and stats.month.faults == 0


# ---- settings edits -------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path) -> Path:
    path = tmp_path / "site.ini"
    path.write_text(f"[paths]\ndata_dir = {tmp_path / 'data'}\nlog_dir = {tmp_path / 'logs'}\n"
                    "[kiosk]\ncountdown_s = 25\n", encoding="utf-8")
    return path


def test_the_officer_keys_are_the_schema_s():
    names = {f"{s.section}.{s.key}" for s in editable_options()}
    assert {"central.base_url", "terminal.prison_code", "terminal.prison_name",
            "printer.backend", "printer.queue", "printer.layout", "kiosk.idle_timeout_s",
            "kiosk.language", "reader.port"} <= names
    assert "central.token" not in names and "officer.pin_hash" not in names


def test_a_saved_edit_is_in_effect_now_and_after_a_restart_and_undo_restores(site):
    loaded = load(site)
    officer_file = loaded.officer_file
    reload = lambda: load(site).settings  # noqa: E731
    saved = save_settings(officer_file, loaded.settings, {("kiosk", "countdown_s"): "40"}, reload)
    assert saved.ok and saved.keys == "kiosk.countdown_s" and saved.undo_available
    assert saved.settings.kiosk.countdown_s == 40
    assert load(site).settings.kiosk.countdown_s == 40  # the next start reads it
    undone = undo_settings(officer_file, saved.settings, reload)
    assert undone.ok and undone.undone and not undone.undo_available
    assert undone.settings.kiosk.countdown_s == 25  # the site file's value, not the default


@pytest.mark.parametrize("key, text, says", [
    (("kiosk", "countdown_s"), "4", "from 5 to 120"),
    (("kiosk", "idle_timeout_s"), "soon", "whole number"),
    (("printer", "layout"), "a5", "receipt80, a4"),
    (("central", "base_url"), "http://example.org/api", "http"),
    (("central", "token"), "x", "not editable"),
], ids=["too small", "not a number", "not a choice", "plain http", "not editable"])
def test_invalid_values_are_refused_with_a_message_and_nothing_is_written(site, key, text, says):
    loaded = load(site)
    outcome = save_settings(loaded.officer_file, loaded.settings, {key: text})
    assert not outcome.ok and outcome.settings is None
    assert f"[{key[0]}] {key[1]}" in outcome.error and says in outcome.error
    assert not loaded.officer_file.exists()


def test_without_a_reload_the_edit_is_applied_to_the_current_settings(tmp_path):
    current = build({("kiosk", "countdown_s"): 33, ("terminal", "id"): "MEM-T1"})
    outcome = save_settings(tmp_path / "officer.ini", current, {("printer", "layout"): "a4"})
    assert outcome.settings.printer.layout == "a4"
    assert outcome.settings.kiosk.countdown_s == 33 and outcome.settings.terminal.id == "MEM-T1"
