"""Whole visits on the real kiosk window, tapped through against the reference server over HTTP.

Every test drives the kiosk by tapping named controls (see docs/testing.md), the way a family
does, and reads back what the screen shows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from kiosk.flow.state import FlowConfig


def cred(demo_credentials, note: str, index: int = 0):
    return [c for c in demo_credentials if c.note == note][index]


def test_a_valid_visit_from_start_to_slip(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 0)
    kiosk.wait_screen("attract")
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("profileName") != "", timeout=15_000)
    name = kiosk.text("profileName")
    for section in ("assessment", "rewards", "living", "reform"):
        kiosk.tap(f"tab_{section}")
        kiosk.qtbot.waitUntil(lambda s=section: kiosk.visible(f"{s}View") is not None,
                              timeout=15_000)
    kiosk.tap("printButton")
    kiosk.wait_screen("print")
    kiosk.tap("printConfirm")
    kiosk.wait_screen("done", timeout=30_000)
    slip_no = kiosk.text("doneSlipNo").split("：")[-1]
    slips = list(Path(kiosk.services.settings.printer.output_dir).glob("*.pdf"))
    assert len(slips) == 1
    text = "".join(page.extract_text() for page in PdfReader(slips[0]).pages)
    assert slip_no in text and name in text
    assert visitor.id_number not in text
    kiosk.tap("doneFinish")
    kiosk.wait_screen("farewell")  # rating and phone hand-off: the visit is already wiped
    assert not any(name in t for t in kiosk.all_texts())
    kiosk.tap("farewellSkip")
    kiosk.wait_screen("attract")


def test_wrong_reference_shows_the_attempts_left(make_kiosk, demo_credentials, central):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 10)
    try:
        kiosk.sign_in(visitor.id_number, "NM00-0000-00")
        kiosk.wait_text("identifyNotice", "不匹配")
        assert "还可以再试 4 次" in kiosk.text("identifyNotice")
        # The ID number stays for the next try, the wrong reference is gone.
        assert kiosk.text("idEntryText").replace(" ", "") == visitor.id_number
        assert kiosk.window.controller.state.visit.reference_text == ""
    finally:
        central.reset_lockouts()


def test_a_locked_id_says_until_when(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "locked")
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_text("identifyNotice", "锁定")
    assert "以后再试" in kiosk.text("identifyNotice")


def test_a_visitor_with_two_inmates_chooses_one(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "two inmates")
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("choose_inmate")
    first = kiosk.text("inmateButton0Title")
    second = kiosk.text("inmateButton1Title")
    def showing(inmate_id: str, name: str) -> bool:
        visit = kiosk.window.controller.state.visit
        return (kiosk.screen_id() == "records" and visit.inmate.inmate_id == inmate_id
                and kiosk.text("profileName") == name)

    kiosk.tap("inmateButton1")
    kiosk.qtbot.waitUntil(lambda: showing(visitor.inmate_ids[1], second), timeout=15_000)
    kiosk.tap("backButton")
    kiosk.wait_screen("choose_inmate")
    kiosk.tap("inmateButton0")
    kiosk.qtbot.waitUntil(lambda: showing(visitor.inmate_ids[0], first), timeout=15_000)


def test_an_empty_section_says_no_records(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "empty living section")
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.tap("tab_living")
    kiosk.qtbot.waitUntil(lambda: "暂无记录" in kiosk.text("transactionsEmpty"), timeout=15_000)


def test_server_down_mid_visit_fails_one_section_and_retry_recovers(
        make_kiosk, demo_credentials, central_faults):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 1)
    central_faults.inject("/inmates/", method="GET", kind="drop", times=None)
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.wait_text("profileError", "无法连接")
    kiosk.tap("tab_living")
    kiosk.wait_text("livingError", "无法连接")
    central_faults.clear()
    kiosk.tap("livingRetry")
    kiosk.qtbot.waitUntil(lambda: kiosk.visible("livingView") is not None, timeout=15_000)
    kiosk.tap("profileRetry")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("profileName") != "", timeout=15_000)


def test_a_slow_answer_never_freezes_the_screen(make_kiosk, demo_credentials, central_faults):
    from PySide6.QtCore import QTimer

    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 2)
    central_faults.inject("/sessions", method="POST", kind="delay", delay_s=3)
    beats: list[int] = []
    heartbeat = QTimer()
    heartbeat.setInterval(50)
    heartbeat.timeout.connect(lambda: beats.append(1))
    heartbeat.start()
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    started = len(beats)
    kiosk.qtbot.waitUntil(lambda: kiosk.window.busy_overlay.isVisible(), timeout=2000)
    kiosk.wait_screen("records", timeout=20_000)
    heartbeat.stop()
    # About 60 beats fit in the 3 s the answer took; a blocked GUI thread would give ~0.
    assert len(beats) - started >= 30


def test_idle_timeout_counts_down_then_wipes_everything(make_kiosk, demo_credentials):
    kiosk = make_kiosk(kiosk__idle_timeout_s=1,
                       config=FlowConfig(countdown_s=2))
    visitor = cred(demo_credentials, "two inmates")
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("choose_inmate")
    names = [kiosk.text(f"inmateButton{i}Title") for i in (0, 1)]
    kiosk.tap("inmateButton0")
    kiosk.qtbot.waitUntil(lambda: kiosk.screen_id() == "records"
                          and kiosk.text("profileName") == names[0], timeout=15_000)
    visitor_name = kiosk.window.controller.state.visit.session.visitor_name
    kiosk.qtbot.waitUntil(lambda: kiosk.window.countdown.isVisible(), timeout=5000)
    assert "秒" in kiosk.text("countdownSeconds")
    kiosk.wait_screen("attract", timeout=10_000)
    assert not kiosk.window.countdown.isVisible()
    texts = kiosk.all_texts()
    for secret in (*names, visitor_name, visitor.id_number, visitor.reference_number):
        assert not any(secret in t for t in texts), secret
    # ... and the screens that showed them are destroyed, not just hidden.
    kiosk.qtbot.waitUntil(lambda: not kiosk.exists("recordsScreen")
                          and not kiosk.exists("chooseInmateScreen"), timeout=5000)


def test_still_here_keeps_the_visit(make_kiosk, demo_credentials):
    kiosk = make_kiosk(kiosk__idle_timeout_s=1, config=FlowConfig(countdown_s=30))
    visitor = cred(demo_credentials, "one inmate", 3)
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.window.countdown.isVisible(), timeout=5000)
    kiosk.tap("countdownContinue")
    assert not kiosk.window.countdown.isVisible()
    assert kiosk.screen_id() == "records"


def test_exit_wipes_even_when_the_server_is_unreachable(make_kiosk, demo_credentials,
                                                         central_faults):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 4)
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("profileName") != "", timeout=15_000)
    name = kiosk.text("profileName")
    central_faults.inject("/", kind="drop", times=None)
    kiosk.tap("exitButton")
    assert kiosk.screen_id() == "farewell"  # at once: the wipe never waits for the network
    assert not any(name in t for t in kiosk.all_texts())


def test_out_of_service_when_health_fails_and_back_by_itself(make_kiosk, central_faults):
    central_faults.inject("/health", status=500, times=None)
    kiosk = make_kiosk(health_interval_s=0.5, outage_health_interval_s=0.5)
    kiosk.wait_screen("out_of_service")
    assert "无法连接" in kiosk.text("outOfServiceReason")
    central_faults.clear()
    kiosk.wait_screen("attract", timeout=10_000)


def test_maintenance_shows_the_return_time(make_kiosk, central_faults):
    central_faults.inject("/health", status=503, retry_after=600, times=None)
    kiosk = make_kiosk(health_interval_s=0.5)
    kiosk.wait_screen("out_of_service")
    assert "维护" in kiosk.text("outOfServiceReason")
    assert "预计" in kiosk.text("outOfServiceReason")


def test_a_revoked_terminal_token_is_out_of_service(make_kiosk):
    kiosk = make_kiosk(central__token="revoked-token")
    kiosk.wait_screen("out_of_service")
    assert "授权" in kiosk.text("outOfServiceReason")


def test_no_permission_is_its_own_message(make_kiosk, demo_credentials, central_faults):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 5)
    central_faults.inject("/inmates/", method="GET", status=403, code="not_linked", times=None)
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.wait_text("profileError", "权限")


def test_session_ended_goes_back_to_identify_and_says_so(make_kiosk, demo_credentials,
                                                          central):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 6)
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.text("profileName") != "", timeout=15_000)
    central.expire_sessions()
    kiosk.tap("printButton")
    kiosk.tap("printConfirm")
    kiosk.wait_text("identifyNotice", "已结束", timeout=20_000)
    assert kiosk.screen_id() == "identify"


@pytest.mark.parametrize("copies", [2])
def test_print_limit_and_a_tap_never_prints_twice(make_kiosk, demo_credentials, copies):
    kiosk = make_kiosk(printer__max_copies_per_session=copies)
    visitor = cred(demo_credentials, "one inmate", 7)
    kiosk.sign_in(visitor.id_number, visitor.reference_number)
    kiosk.wait_screen("records")
    kiosk.qtbot.waitUntil(lambda: kiosk.button("printButton").isEnabled(), timeout=15_000)
    kiosk.tap("printButton")
    button = kiosk.button("printConfirm")
    kiosk.tap_widget(button)
    kiosk.tap_widget(button)  # a bouncing finger
    kiosk.wait_screen("done", timeout=30_000)
    out = Path(kiosk.services.settings.printer.output_dir)
    assert len(list(out.glob("*.pdf"))) == 1
    kiosk.tap("doneAgain")
    kiosk.qtbot.waitUntil(lambda: len(list(out.glob("*.pdf"))) == 2, timeout=30_000)
    kiosk.wait_screen("done")
    assert not kiosk.is_visible("doneAgain")  # the limit is reached
