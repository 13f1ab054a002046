"""Officer mode in the pure flow: the PIN pad, the pages, leaving, and what is audited."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from kiosk.api.models import EventType, Section
from kiosk.audit.catalogue import AdminAction, validate
from kiosk.flow import events as ev
from kiosk.flow import officer_events as oe
from kiosk.flow.effects import Audit, EndSession
from kiosk.flow.officer_state import (
    Leaving,
    OfficerMode,
    OfficerPage,
    Pending,
    PinNotice,
    PinPad,
)
from kiosk.flow.screens import ScreenId, busy, countdown_shown, screen_for, terminal_state
from kiosk.flow.state import Attract, ChooseInmate, Identify, KioskState, Session
from kiosk.flow.update import update
from kiosk.officer.actions import ActionResult, SlipCheck
from kiosk.officer.pinlock import PinCheck, PinOutcome
from kiosk.officer.settings_edit import SettingsOutcome
from kiosk.settings.loader import build
from tests.unit.flow.conftest import T0, at, created, fresh


def run(state: KioskState, *events: object, now=T0):
    effects = []
    for event in events:
        state, new = update(state, event, now)  # type: ignore[arg-type]
        effects.extend(new)
    return state, effects


def audits(effects) -> list[tuple[EventType, dict]]:
    found = [(e.type, dict(e.data)) for e in effects if isinstance(e, Audit)]
    for type_, data in found:
        validate(type_, None, data)  # every officer audit event is one the catalogue allows
    return found


def session() -> Session:
    answer = created(inmates=2)
    return Session(token="token-1", visitor_name="王*芳", inmates=tuple(answer.inmates),
                   masked_id="1501**********123X", subject="a" * 64, method="manual",
                   started_at=T0)


def in_visit() -> KioskState:
    return replace(fresh(), visit=ChooseInmate(session()))


def pad(**fields) -> KioskState:
    return replace(fresh(), officer=PinPad(**fields))


def officer(page: OfficerPage = OfficerPage.MENU, **fields) -> KioskState:
    return replace(fresh(), officer=OfficerMode(entered_at=T0, page=page, **fields))


# ---- getting in -------------------------------------------------------------------------------


def test_the_gesture_opens_the_pad_over_the_visit_and_reads_the_lock():
    state = replace(in_visit(), countdown_until=at(20))
    state, effects = run(state, oe.OfficerGesture(pin_set=True))
    assert isinstance(state.officer, PinPad)
    assert screen_for(state) is ScreenId.OFFICER_PIN
    assert effects == [oe.ReadPinLock()]
    assert state.countdown_until is None and not countdown_shown(state)
    assert isinstance(state.visit, ChooseInmate)  # suspended, not ended


def test_no_pin_set_refuses_and_is_audited():
    state, effects = run(fresh(), oe.OfficerGesture(pin_set=False))
    assert state.officer == PinPad(pin_set=False, notice=PinNotice.NO_PIN)
    assert audits(effects) == [(EventType.ADMIN_LOGIN, {"outcome": "no_pin"})]
    state, effects = run(state, *[oe.PinKey("1")] * 8, oe.PinSubmit())
    assert state.officer == PinPad(pin_set=False, notice=PinNotice.NO_PIN) and effects == []


def test_the_pad_auto_submits_at_eight_digits_and_forgets_them():
    state, effects = run(pad(), *[oe.PinKey(d) for d in "12345678"])
    assert effects == [oe.CheckPin(1, "12345678")]
    assert state.officer == PinPad(checking=True, request_no=1)
    state, effects = run(state, oe.PinKey("9"), oe.PinBackspace(), oe.PinSubmit())
    assert effects == [] and state.officer.digits == ""  # nothing typed while checking


@pytest.mark.parametrize("digits, submitted", [
    ("12345", None), ("123456", "123456"), ("1234567", "1234567"),
], ids=["5 too short", "6 ok", "7 ok"])
def test_ok_submits_six_or_seven_digits(digits, submitted):
    state, effects = run(pad(), *[oe.PinKey(d) for d in digits], oe.PinSubmit())
    if submitted is None:
        assert effects == [] and state.officer.notice is PinNotice.TOO_SHORT
    else:
        assert effects == [oe.CheckPin(1, submitted)]


def test_only_digits_are_typed_and_backspace_removes_one():
    state, _ = run(pad(), oe.PinKey("1"), oe.PinKey("x"), oe.PinKey("23"), oe.PinKey("4"),
                   oe.PinBackspace())
    assert state.officer.digits == "1"


def test_a_correct_pin_enters_officer_mode():
    state, _ = run(pad(), *[oe.PinKey(d) for d in "123456"], oe.PinSubmit())
    state, effects = run(state, oe.PinChecked(1, PinCheck(PinOutcome.OK, 0, None)), now=at(1))
    assert state.officer == OfficerMode(entered_at=at(1))
    assert screen_for(state) is ScreenId.OFFICER_MENU
    assert terminal_state(state).value == "out_of_service"
    assert audits(effects) == [(EventType.ADMIN_LOGIN, {"outcome": "ok"})]


def test_a_wrong_pin_says_so_and_a_lock_stops_typing_until_it_ends():
    state, _ = run(pad(), *[oe.PinKey(d) for d in "123456"], oe.PinSubmit())
    state, effects = run(state, oe.PinChecked(1, PinCheck(PinOutcome.WRONG, 2, None)))
    assert state.officer.notice is PinNotice.WRONG and state.officer.failures == 2
    assert audits(effects) == [(EventType.ADMIN_LOGIN, {"outcome": "wrong_pin", "failures": 2})]
    state, _ = run(state, *[oe.PinKey(d) for d in "654321"], oe.PinSubmit())
    locked = PinCheck(PinOutcome.LOCKED, 3, at(30), 30, new_lock=True)
    state, effects = run(state, oe.PinChecked(2, locked))
    assert state.officer.notice is PinNotice.LOCKED and state.officer.locked_until == at(30)
    assert audits(effects) == [
        (EventType.ADMIN_LOGIN, {"outcome": "locked", "failures": 3}),
        (EventType.ADMIN_ACTION, {"action": "pin_locked", "failures": 3, "lock_s": 30}),
    ]
    still, effects = run(state, oe.PinKey("1"), now=at(29))
    assert still.officer.digits == "" and effects == []
    free, _ = run(state, oe.PinKey("1"), now=at(30))
    assert free.officer.digits == "1"


def test_a_lock_read_at_opening_shows_at_once():
    state, _ = run(pad(), oe.PinLockRead(failures=4, locked_until=at(60)), now=at(1))
    assert state.officer.notice is PinNotice.LOCKED and state.officer.locked(at(1))


def test_an_answer_for_a_closed_pad_still_counts_but_changes_nothing():
    state, _ = run(pad(), *[oe.PinKey(d) for d in "123456"], oe.PinSubmit(), oe.PinCancel())
    state, effects = run(state, oe.PinChecked(1, PinCheck(PinOutcome.OK, 0, None)))
    assert state.officer is None
    assert [t for t, _ in audits(effects)] == [EventType.ADMIN_LOGIN]


def test_cancel_returns_to_the_visit_as_it_was():
    before = in_visit()
    state, _ = run(before, oe.OfficerGesture(pin_set=True), oe.PinCancel())
    assert state.visit == before.visit and state.officer is None
    assert screen_for(state) is ScreenId.CHOOSE_INMATE


def test_the_pad_left_idle_ends_the_visit():
    state, _ = run(in_visit(), oe.OfficerGesture(pin_set=True))
    state, effects = run(state, oe.OfficerIdle(120))
    assert state.officer is None and isinstance(state.visit, Attract)
    assert EndSession("token-1") in effects
    assert (EventType.SESSION_ENDED, {"reason": "idle", "duration_s": 0}) in audits(effects)


@pytest.mark.parametrize("event", [
    ev.Start(), ev.CardRead("150102198001011236"), ev.IdleTimeout(), ev.Back(),
    ev.KeyPressed("1"), ev.StillHere(),
], ids=lambda e: type(e).__name__)
def test_visitor_input_is_ignored_under_the_officer_screens(event):
    for state in (pad(), officer()):
        assert update(state, event, T0) == (state, [])


def test_the_visitor_idle_countdown_and_spinner_stay_off_in_officer_mode():
    state = replace(officer(), countdown_until=at(5))
    assert not countdown_shown(state) and not busy(state)


# ---- the pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("page, pending, effect", [
    (OfficerPage.STATUS, Pending.STATUS, oe.GatherStatus()),
    (OfficerPage.STATS, Pending.STATS, oe.LoadStats()),
    (OfficerPage.SETTINGS, Pending.SETTINGS, oe.ReadOverrides()),
    (OfficerPage.DEVICES, None, None),
    (OfficerPage.VERIFY, None, None),
], ids=lambda v: getattr(v, "value", None) or type(v).__name__)
def test_opening_a_page_loads_what_it_shows(page, pending, effect):
    state, effects = run(officer(), oe.OfficerOpen(page))
    assert state.officer.page is page
    assert screen_for(state).value == f"officer_{page.value}"
    assert effects == ([effect] if effect else [])
    assert state.officer.pending == (frozenset({pending}) if pending else frozenset())


@pytest.mark.parametrize("action, result, data", [
    (AdminAction.TEST_PRINT, ActionResult(True, "ok"), {"result": "ok", "code": "ok"}),
    (AdminAction.TEST_PRINT, ActionResult(False, "paper_out"),
     {"result": "failed", "code": "paper_out"}),
    (AdminAction.PRINTER_DIAGNOSTICS, ActionResult(False, "offline", "offline"),
     {"result": "failed", "state": "offline"}),
    (AdminAction.READER_DIAGNOSTICS, ActionResult(True, "ok", "ready"),
     {"result": "ok", "state": "ready"}),
], ids=["print ok", "paper out", "printer offline", "reader ready"])
def test_device_actions_run_once_and_are_audited(action, result, data):
    state, effects = run(officer(OfficerPage.DEVICES), oe.OfficerRun(action), oe.OfficerRun(action))
    assert effects == [oe.RunAction(action)]  # a second tap while it runs does nothing
    state, effects = run(state, oe.ActionDone(action, result))
    assert state.officer.action == (action.value, result) and not state.officer.pending
    assert audits(effects) == [(EventType.ADMIN_ACTION, {"action": action.value, **data})]


def test_only_device_actions_can_be_run():
    state = officer(OfficerPage.DEVICES)
    assert run(state, oe.OfficerRun(AdminAction.EXIT_TO_DESKTOP)) == (state, [])


def test_a_slip_check_is_shown_on_its_page_only_and_audited_without_the_name():
    state, effects = run(officer(OfficerPage.VERIFY), oe.OfficerVerify("NM-2026-0000001", ""))
    assert effects == []  # number and code are both needed
    state, effects = run(state, oe.OfficerVerify("NM-2026-0000001", "8F3K2JQ9"))
    assert effects == [oe.VerifySlip("NM-2026-0000001", "8F3K2JQ9")]
    check = SlipCheck("NM-2026-0000001", True, T0, "李某", (Section.REFORM,))
    state, effects = run(state, oe.SlipChecked(check, "typed"))
    assert state.officer.verification == check
    assert audits(effects) == [(EventType.ADMIN_ACTION, {
        "action": "slip_verified", "slip_no": "NM-2026-0000001", "valid": True,
        "method": "typed"})]
    state, _ = run(state, oe.OfficerOpen(OfficerPage.MENU))
    assert state.officer.verification is None


def test_a_slip_check_that_could_not_ask_is_not_audited():
    state, _ = run(officer(OfficerPage.VERIFY), oe.OfficerVerify(url="https://x/v/AB-1?c=X1"))
    state, effects = run(state, oe.SlipChecked(SlipCheck("AB-1", None, error="network"), "scan"))
    assert audits(effects) == [] and state.officer.verification.error == "network"


def test_saved_settings_update_the_flow_config_and_are_audited_by_name():
    new = build({("terminal", "prison_code"): "NM-BT2", ("kiosk", "countdown_s"): 40})
    state, effects = run(officer(OfficerPage.SETTINGS),
                         oe.OfficerSaveSetting("kiosk", "countdown_s", "40"))
    assert effects == [oe.SaveSetting("kiosk", "countdown_s", "40")]
    outcome = SettingsOutcome(True, "kiosk.countdown_s", False, new, True)
    state, effects = run(state, oe.SettingsSaved(outcome, frozenset({"kiosk.countdown_s"})))
    assert state.config.countdown_s == 40 and state.config.prison_code == "NM-BT2"
    assert state.officer.undo_available and state.officer.settings == outcome
    assert audits(effects) == [(EventType.ADMIN_ACTION, {
        "action": "settings_changed", "keys": "kiosk.countdown_s", "restart_needed": False})]


def test_a_refused_setting_changes_nothing_and_is_not_audited():
    state, _ = run(officer(OfficerPage.SETTINGS),
                   oe.OfficerSaveSetting("kiosk", "countdown_s", "x"))
    outcome = SettingsOutcome(False, error="[kiosk] countdown_s: expected a whole number")
    after, effects = run(state, oe.SettingsSaved(outcome))
    assert after.config == state.config and audits(effects) == []
    assert after.officer.settings.error.startswith("[kiosk] countdown_s")


def test_undo_needs_a_backup_and_is_audited():
    state = officer(OfficerPage.SETTINGS)
    assert run(state, oe.OfficerUndoSettings()) == (state, [])
    state = replace(state, officer=replace(state.officer, undo_available=True))
    state, effects = run(state, oe.OfficerUndoSettings())
    assert effects == [oe.UndoSettings()]
    outcome = SettingsOutcome(True, "kiosk.countdown_s", False, build({}), False, undone=True)
    state, effects = run(state, oe.SettingsSaved(outcome))
    assert audits(effects) == [(EventType.ADMIN_ACTION, {"action": "settings_undone",
                                                         "keys": "kiosk.countdown_s"})]


# ---- leaving ----------------------------------------------------------------------------------


def with_visit(state: KioskState) -> KioskState:
    return replace(state, visit=ChooseInmate(session()))


@pytest.mark.parametrize("event, action", [
    (oe.OfficerLogout(), {"action": "logout"}),
    (oe.OfficerIdle(120), {"action": "officer_timeout", "idle_s": 120}),
], ids=["logout", "timeout"])
def test_leaving_ends_any_visit_and_lands_on_attract(event, action):
    state, effects = run(with_visit(officer(OfficerPage.STATUS)), event, now=at(30))
    assert state.officer is None and isinstance(state.visit, Attract)
    assert screen_for(state) is ScreenId.ATTRACT
    assert EndSession("token-1") in effects
    assert audits(effects) == [
        (EventType.SESSION_ENDED, {"reason": "officer_reset", "duration_s": 30}),
        (EventType.ADMIN_ACTION, action),
    ]


def test_the_officer_idle_event_outside_officer_mode_does_nothing():
    state = replace(fresh(), visit=Identify())
    assert update(state, oe.OfficerIdle(120), T0) == (state, [])


def test_reset_ends_the_visit_at_once_then_officer_mode_after_the_clearing():
    state, effects = run(with_visit(officer()), oe.OfficerReset())
    assert isinstance(state.visit, Attract) and EndSession("token-1") in effects
    assert effects[-1] == oe.ResetTerminal()
    assert state.officer.leaving is Leaving.RESET  # polling stays off while clearing
    assert run(state, oe.OfficerLogout(), oe.OfficerReset())[1] == []
    state, effects = run(state, oe.ResetDone(cleared_jobs=2))
    assert state.officer is None and screen_for(state) is ScreenId.ATTRACT
    assert audits(effects) == [(EventType.ADMIN_ACTION, {"action": "reset", "cleared_jobs": 2})]


def test_exit_to_desktop_ends_the_visit_and_asks_the_ui_to_quit():
    state, effects = run(with_visit(officer()), oe.OfficerExit())
    assert state.officer.leaving is Leaving.EXIT and isinstance(state.visit, Attract)
    assert audits(effects)[-1] == (EventType.ADMIN_ACTION, {"action": "exit_to_desktop"})


def test_officer_mode_covers_the_out_of_service_screen():
    from kiosk.flow.messages import Message
    from kiosk.flow.state import Outage

    state = replace(officer(), outage=Outage(Message.SERVICE_UNAVAILABLE, since=T0))
    assert screen_for(state) is ScreenId.OFFICER_MENU
    assert screen_for(replace(state, officer=None)) is ScreenId.OUT_OF_SERVICE


def test_a_gesture_in_officer_mode_does_nothing():
    state = officer()
    assert update(state, oe.OfficerGesture(True), T0 + timedelta(seconds=1)) == (state, [])
