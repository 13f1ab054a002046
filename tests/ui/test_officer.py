"""Officer mode on the real kiosk window (offscreen), against the reference server, with real
SQLite files, settings files and printer output: getting in, the lock, the pages, leaving."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from kiosk.api.models import EventType
from kiosk.exitcodes import ExitCode
from kiosk.flow import events as ev
from kiosk.settings import load
from tests.ui.helpers import KioskDriver, kiosk_settings, make_services
from tests.ui.officer_helpers import (
    PIN,
    SHORT_PIN,
    ManualClock,
    enter_officer_mode,
    pin_hash,
    tap_emblem,
    type_pin,
)

DAY = timedelta(days=1)


def audited(central, services, type_: EventType, **match: Any) -> list[dict]:
    """Audit events of one type from this kiosk, sent to the server or still queued (the
    uploader runs in the background), in the order they happened."""
    terminal = services.settings.terminal.id
    # The queue first: an event only moves from the queue to the server, so read in this
    # order it is seen in one place or the other (the other order can miss one in transit).
    found = {e.event_id: (e.at, e.data)
             for e in services.store.pending_events(1000, services.clock() + DAY)
             if e.type is type_}
    found.update({e.event_id: (e.at, e.data) for e in central.events()
                  if e.terminal_id == terminal and e.type is type_})
    ordered = [data for _, data in sorted(found.values(), key=lambda pair: pair[0])]
    return [d for d in ordered if all(d.get(k) == v for k, v in match.items())]


def wait_audited(kiosk, central, type_: EventType, count: int = 1, **match: Any) -> list[dict]:
    kiosk.qtbot.waitUntil(lambda: len(audited(central, kiosk.services, type_, **match)) >= count,
                          timeout=10_000)
    return audited(central, kiosk.services, type_, **match)


@pytest.fixture
def officer_kiosk(qtbot, central, tmp_path, request) -> Iterator[Any]:
    """``officer_kiosk(folder="k", clock=..., services=..., **settings)``: a shown kiosk with
    the officer PIN set; several may share a folder (a restart)."""
    from ui.app import build_main_window

    drivers: list[KioskDriver] = []

    def make(folder: str = "k", clock: Any = None, services: Any = None,
             **changes: Any) -> KioskDriver:
        if services is None:
            changes.setdefault("officer__pin_hash", pin_hash())
            # One terminal id per test and kiosk: the reference server is shared.
            tag = zlib.crc32(f"{request.node.nodeid}/{folder}".encode())
            changes.setdefault("terminal__id", f"OFC-{tag:08X}")
            settings = kiosk_settings(central.base_url, tmp_path / folder, **changes)
            services = make_services(settings, **({"clock": clock} if clock else {}))
        window = build_main_window(services, health_interval_s=60.0)
        window.allow_close = True
        window.resize(1920, 1080)
        window.show()
        qtbot.waitExposed(window)
        driver = KioskDriver(qtbot, window, services)
        drivers.append(driver)
        return driver

    def close(driver: KioskDriver) -> None:
        if driver in drivers:
            drivers.remove(driver)
            driver.window.kiosk.shutdown(grace_ms=5000)
            driver.window.close()
            driver.window.deleteLater()
            driver.services.close()

    make.close = close  # type: ignore[attr-defined]
    yield make
    for driver in list(drivers):
        close(driver)


# ---- getting in -------------------------------------------------------------------------------


def test_five_quick_taps_on_the_emblem_open_the_pad_and_four_do_not(officer_kiosk):
    kiosk = officer_kiosk()
    kiosk.wait_screen("attract")
    tap_emblem(kiosk, 4)
    kiosk.qtbot.wait(200)
    assert kiosk.screen_id() == "attract"
    tap_emblem(kiosk, 1)
    kiosk.wait_screen("officer_pin")
    assert kiosk.text("officerPinDots") == "○ ○ ○ ○ ○ ○"
    kiosk.tap("officerPinCancel")
    kiosk.wait_screen("attract")


def test_no_pin_set_refuses_and_says_how_to_set_one(officer_kiosk, central):
    kiosk = officer_kiosk(officer__pin_hash="")
    tap_emblem(kiosk)
    kiosk.wait_screen("officer_pin")
    assert "kiosk set-pin" in kiosk.text("officerPinNotice")
    assert not kiosk.is_visible("pinKeypad")
    assert wait_audited(kiosk, central, EventType.ADMIN_LOGIN) == [{"outcome": "no_pin"}]
    kiosk.tap("officerPinCancel")
    kiosk.wait_screen("attract")


def test_a_correct_pin_enters_with_ok_or_at_eight_digits(officer_kiosk, central):
    kiosk = officer_kiosk()
    enter_officer_mode(kiosk)  # 8 digits: submitted by itself
    assert kiosk.screen_id() == "officer_menu"
    kiosk.tap("officerLogout")
    kiosk.wait_screen("attract")
    short = officer_kiosk(folder="short", officer__pin_hash=pin_hash(SHORT_PIN))
    tap_emblem(short)
    short.wait_screen("officer_pin")
    short.type_keys("pin", SHORT_PIN)
    short.qtbot.wait(300)
    assert short.screen_id() == "officer_pin"  # 6 digits wait for OK
    short.tap("pinKey_OK")
    short.wait_screen("officer_menu")
    logins = wait_audited(short, central, EventType.ADMIN_LOGIN)
    assert [d["outcome"] for d in logins] == ["ok"]


def test_wrong_pins_lock_with_escalating_delays_that_survive_a_restart(officer_kiosk, central):
    clock = ManualClock()
    kiosk = officer_kiosk(folder="lock", clock=clock)
    tap_emblem(kiosk)
    kiosk.wait_screen("officer_pin")
    for _attempt in (1, 2):
        type_pin(kiosk, "11111111")
        kiosk.wait_text("officerPinNotice", "密码不正确")
    type_pin(kiosk, "11111111")
    kiosk.wait_text("officerPinNotice", "已锁定")
    assert "30 秒" in kiosk.text("officerPinNotice")
    assert not kiosk.button("pinKey_1").isEnabled()
    clock.advance(25)
    kiosk.wait_text("officerPinNotice", "5 秒")
    clock.advance(5)
    kiosk.qtbot.waitUntil(lambda: kiosk.button("pinKey_1").isEnabled(), timeout=3000)
    type_pin(kiosk, "22222222")
    kiosk.wait_text("officerPinNotice", "60 秒")  # the 4th wrong PIN locks longer
    logins = wait_audited(kiosk, central, EventType.ADMIN_LOGIN, 4)
    assert [d["outcome"] for d in logins] == ["wrong_pin", "wrong_pin", "locked", "locked"]
    locks = wait_audited(kiosk, central, EventType.ADMIN_ACTION, 2, action="pin_locked")
    assert [d["lock_s"] for d in locks] == [30, 60]

    # A restart on the same data folder: the pad opens locked, with the time left.
    services_settings = kiosk.services.settings
    officer_kiosk.close(kiosk)
    clock.advance(10)
    again = officer_kiosk(services=make_services(services_settings, clock=clock))
    tap_emblem(again)
    again.wait_screen("officer_pin")
    again.wait_text("officerPinNotice", "已锁定")
    assert "50 秒" in again.text("officerPinNotice")
    type_pin_blocked = again.button("pinKey_1").isEnabled()
    assert not type_pin_blocked
    clock.advance(50)
    again.qtbot.waitUntil(lambda: again.button("pinKey_1").isEnabled(), timeout=3000)
    type_pin(again, PIN)
    again.wait_screen("officer_menu")


# ---- the pages --------------------------------------------------------------------------------


@pytest.fixture
def site(tmp_path, central) -> Path:
    """A real site settings file, so a restart loads what a terminal would."""
    path = tmp_path / "site.ini"
    path.write_text(
        "[terminal]\nid = OFFICER-UI-02\n"
        f"[central]\nbase_url = {central.base_url}\ntoken = demo-token\nget_retries = 0\n"
        f"[paths]\ndata_dir = {tmp_path / 'data'}\nlog_dir = {tmp_path / 'logs'}\n"
        f"[printer]\nbackend = file\noutput_dir = {tmp_path / 'slips'}\n", encoding="utf-8")
    officer = tmp_path / "data" / "officer.ini"
    officer.parent.mkdir(parents=True, exist_ok=True)
    officer.write_text(f"[officer]\npin_hash = {pin_hash()}\n", encoding="utf-8")
    return path


def loaded_kiosk(officer_kiosk, site: Path) -> Any:
    from kiosk.services import build_services

    services = build_services(load(site))
    services.reload_settings = lambda: load(site).settings
    return officer_kiosk(services=services)


def choose_setting(kiosk, name: str) -> None:
    kiosk.tap(f"setting_{name}")
    kiosk.qtbot.wait(50)


def type_value(kiosk, text: str) -> None:
    kiosk.qtbot.wait(120)  # a finger never taps "clear" twice within its debounce
    kiosk.tap("settingNumberKey_clear")
    kiosk.type_keys("settingNumber", text)


def test_settings_edits_are_validated_applied_at_once_and_survive_a_restart(
        officer_kiosk, site, central):
    kiosk = loaded_kiosk(officer_kiosk, site)
    enter_officer_mode(kiosk)
    kiosk.tap("officerOpen_settings")
    kiosk.wait_screen("officer_settings")
    officer_file = kiosk.services.data_dir / "officer.ini"

    # Refused: below the schema's minimum; nothing written.
    choose_setting(kiosk, "kiosk_countdown_s")
    type_value(kiosk, "3")
    before = officer_file.read_text(encoding="utf-8")
    kiosk.tap("settingSave")
    kiosk.wait_text("settingNotice", "未保存")
    assert "[kiosk] countdown_s" in kiosk.text("settingNotice")
    assert "from 5 to 120" in kiosk.text("settingNotice")
    assert officer_file.read_text(encoding="utf-8") == before

    # Accepted: saved, and in effect at once (flow, services, the window's screens).
    type_value(kiosk, "45")
    kiosk.qtbot.wait(650)  # the save button's debounce
    kiosk.tap("settingSave")
    kiosk.wait_text("settingNotice", "已保存")
    assert kiosk.window.controller.state.config.countdown_s == 45
    assert kiosk.services.settings.kiosk.countdown_s == 45
    assert kiosk.visible("settingText").text() == "45"
    assert kiosk.text("setting_kiosk_countdown_s").endswith("*")  # set in officer mode
    assert "45" in kiosk.button("setting_kiosk_countdown_s").accessibleName()

    choose_setting(kiosk, "terminal_prison_name")
    kiosk.visible("settingText").setText("测试第二监狱")
    kiosk.qtbot.wait(650)
    kiosk.tap("settingSave")
    kiosk.wait_text("settingNotice", "已保存")
    assert kiosk.text("topBarPrison") == "测试第二监狱"

    # Undo takes back only the last change.
    kiosk.qtbot.wait(650)
    kiosk.tap("settingUndo")
    kiosk.wait_text("settingNotice", "已撤销")
    assert kiosk.text("topBarPrison") != "测试第二监狱"
    assert not kiosk.button("settingUndo").isEnabled()
    wait_audited(kiosk, central, EventType.ADMIN_ACTION, 1, action="settings_undone")
    changes = [d for d in audited(central, kiosk.services, EventType.ADMIN_ACTION)
               if d["action"].startswith("settings_")]
    assert changes == [
        {"action": "settings_changed", "keys": "kiosk.countdown_s", "restart_needed": False},
        {"action": "settings_changed", "keys": "terminal.prison_name", "restart_needed": False},
        {"action": "settings_undone", "keys": "terminal.prison_name"},
    ]
    assert "45" not in "".join(str(d) for d in changes)  # names, never values
    kiosk.tap("officerLogout")
    kiosk.wait_screen("attract")
    officer_kiosk.close(kiosk)

    # A restart: the window is rebuilt from the settings loaded again from the files.
    again = loaded_kiosk(officer_kiosk, site)
    assert again.window.controller.state.config.countdown_s == 45
    assert again.services.settings.kiosk.countdown_s == 45
    assert again.text("topBarPrison") != "测试第二监狱"


def test_status_devices_and_statistics(officer_kiosk, demo_credentials, central):
    kiosk = officer_kiosk()
    terminal = kiosk.services.settings.terminal.id
    family = next(c for c in demo_credentials if c.note == "one inmate")
    kiosk.sign_in(family.id_number, family.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("profileName") != "", timeout=15_000)
    kiosk.window.send(ev.Exit())
    kiosk.qtbot.waitUntil(lambda: kiosk.screen_id() in ("attract", "farewell"), timeout=5000)

    enter_officer_mode(kiosk)
    kiosk.tap("officerOpen_status")
    kiosk.wait_text("status_api", "毫秒")
    assert kiosk.text("status_terminal") == terminal
    assert kiosk.text("status_token") == "已接受"
    assert "正常" in kiosk.text("status_printer")
    assert kiosk.text("status_disk").startswith("剩余")

    kiosk.tap("officerBack")
    kiosk.tap("officerOpen_devices")
    kiosk.tap("devicesTestPrint")
    kiosk.wait_text("devicesResult", "成功", timeout=20_000)
    [pdf] = [p for p in Path(kiosk.services.settings.printer.output_dir).glob("test-*.pdf")]
    assert terminal in "".join(p.extract_text() for p in PdfReader(pdf).pages)
    kiosk.qtbot.wait(650)
    kiosk.tap("devicesReaderCheck")
    kiosk.wait_text("devicesResult", "未启用")

    kiosk.tap("officerBack")
    kiosk.tap("officerOpen_stats")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("stats_today_visits") == "1", timeout=5000)
    assert kiosk.text("stats_month_visits") == "1"
    wait_audited(kiosk, central, EventType.ADMIN_ACTION, 1, action="reader_diagnostics")
    printed = audited(central, kiosk.services, EventType.ADMIN_ACTION, action="test_print")
    assert printed == [{"action": "test_print", "result": "ok", "code": "ok"}]


def test_verify_a_printed_slip_by_typing_and_by_scanning(officer_kiosk, demo_credentials,
                                                        central):
    kiosk = officer_kiosk()
    family = next(c for c in demo_credentials if c.note == "one inmate")
    kiosk.sign_in(family.id_number, family.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.button("printButton").isEnabled(), timeout=15_000)
    kiosk.wait_text("profileName", "")  # shown a frame after its answer (records._stage)
    name = kiosk.text("profileName")
    kiosk.tap("printButton")
    kiosk.tap("printConfirm")
    kiosk.wait_screen("done", timeout=30_000)
    registration = kiosk.window.controller.state.visit.registration
    kiosk.tap("doneFinish")
    kiosk.qtbot.waitUntil(lambda: kiosk.screen_id() in ("attract", "farewell"), timeout=5000)

    enter_officer_mode(kiosk)
    kiosk.tap("officerOpen_verify")
    kiosk.wait_screen("officer_verify")
    kiosk.type_keys("verify", registration.slip_no)
    kiosk.tap_widget(kiosk.visible("verifyCode"))
    kiosk.type_keys("verify", registration.verify_code)
    kiosk.tap("verifySubmit")
    kiosk.wait_text("verifyResult", "真实有效")
    shown = kiosk.text("verify_inmate")  # the service masks it: 杨*龙 for 杨海龙
    assert shown[0] == name[0] and shown[-1] == name[-1] and "*" in shown
    assert registration.slip_no in kiosk.text("verify_slip")

    kiosk.qtbot.keyClicks(kiosk.visible("verifyScan"), registration.verify_url)
    kiosk.qtbot.keyClick(kiosk.visible("verifyScan"), "\r")
    checks = wait_audited(kiosk, central, EventType.ADMIN_ACTION, 2, action="slip_verified")
    assert [(d["method"], d["valid"]) for d in checks] == [("typed", True), ("scan", True)]
    kiosk.tap("officerBack")
    assert not any(shown in t for t in kiosk.all_texts())  # the inmate's name is gone


# ---- leaving ----------------------------------------------------------------------------------


def test_reset_clears_an_active_visit(officer_kiosk, demo_credentials, central):
    kiosk = officer_kiosk()
    family = next(c for c in demo_credentials if c.note == "two inmates")
    kiosk.sign_in(family.id_number, family.reference_number)
    kiosk.wait_screen("choose_inmate")
    shown = kiosk.text("chooseGreeting")
    spool = kiosk.services.spool_dir
    spool.mkdir(parents=True, exist_ok=True)
    (spool / "left-behind.pdf").write_bytes(b"%PDF-1.4")

    enter_officer_mode(kiosk)  # the visit is suspended under officer mode ...
    assert kiosk.window.controller.state.visit.__class__.__name__ == "ChooseInmate"
    kiosk.tap("officerReset")
    kiosk.tap("officerConfirmYes")
    kiosk.wait_screen("attract")  # ... and the reset ends it
    assert type(kiosk.window.controller.state.visit).__name__ == "Attract"
    assert kiosk.window.controller.state.officer is None
    assert not any(shown in t for t in kiosk.all_texts())
    assert list(spool.iterdir()) == []
    ended = wait_audited(kiosk, central, EventType.SESSION_ENDED)
    assert [d["reason"] for d in ended] == ["officer_reset"]
    resets = wait_audited(kiosk, central, EventType.ADMIN_ACTION, action="reset")
    assert resets == [{"action": "reset", "cleared_jobs": 1}]
    kiosk.tap("startButton")  # the rebuilt screens work
    kiosk.wait_screen("identify")


def test_officer_mode_times_out_to_the_attract_screen(officer_kiosk, central):
    kiosk = officer_kiosk(kiosk__officer_timeout_s=1)
    enter_officer_mode(kiosk)
    kiosk.tap("officerOpen_stats")
    kiosk.wait_screen("attract", timeout=5000)
    assert kiosk.window.controller.state.officer is None
    timeouts = wait_audited(kiosk, central, EventType.ADMIN_ACTION, action="officer_timeout")
    assert timeouts == [{"action": "officer_timeout", "idle_s": 1}]


def test_exit_to_desktop_asks_the_program_to_end_with_ok(officer_kiosk):
    kiosk = officer_kiosk()
    enter_officer_mode(kiosk)
    with kiosk.qtbot.waitSignal(kiosk.window.kiosk.officer.exitRequested, timeout=5000) as sig:
        kiosk.tap("officerExit")
        kiosk.tap("officerConfirmYes")
    assert sig.args == [int(ExitCode.OK)]


def test_a_card_is_not_read_in_officer_mode():
    from kiosk.flow.officer_state import PinPad
    from kiosk.flow.state import KioskState
    from ui.card_input import card_wanted

    assert card_wanted(KioskState())
    assert not card_wanted(KioskState(officer=PinPad()))
