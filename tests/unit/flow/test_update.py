"""The visitor flow's transition function, without Qt: whole visits and their edge cases."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.api.models import AuthMethod, EventType, Section, SlipRegistered
from kiosk.flow import events as ev
from kiosk.flow.effects import (
    Audit,
    CheckHealth,
    CreateSession,
    EndSession,
    FetchProfile,
    FetchSection,
    PrintSlip,
)
from kiosk.flow.failures import Failure, FailureKind
from kiosk.flow.messages import Message, Notice
from kiosk.flow.screens import ScreenId, busy, countdown_shown, screen_for
from kiosk.flow.state import (
    SECTION_ORDER,
    Attract,
    Authenticating,
    ChooseInmate,
    Done,
    Farewell,
    Field,
    Identify,
    KioskState,
    Loaded,
    LoadFailed,
    Loading,
    PrintFailed,
    Printing,
    PrintPreview,
    Records,
    session_of,
)
from kiosk.flow.update import can_print, can_submit, identify_hint, update
from tests.unit.flow.conftest import T0, at, created, fresh, valid_id

WRONG_CHECK = valid_id()[:-1] + ("1" if valid_id()[-1] != "1" else "2")
REGISTRATION = SlipRegistered(slip_no="NM-2026-0000001", verify_code="8F3K2JQ9",
                              verify_url="https://verify.example/v/NM-2026-0000001?c=8F3K2JQ9",
                              issued_at=T0)


def run(state: KioskState, *events: ev.Event, now=T0):
    effects = []
    for event in events:
        state, new = update(state, event, now)
        effects.extend(new)
    return state, effects


def typed(text: str) -> list[ev.Event]:
    return [ev.KeyPressed(c) for c in text]


def identified(inmates: int = 1) -> tuple[KioskState, list]:
    """A state just after a successful identification."""
    state, _ = run(fresh(), ev.Start(), *typed(valid_id()), *typed("NM247K3P9Q"), ev.Submit())
    assert isinstance(state.visit, Authenticating)
    started = ev.SessionStarted(state.visit.request_no, created(inmates),
                                "150102********123X", "ab" * 32)
    return run(state, started)


def loaded_records() -> KioskState:
    state, _ = identified()
    records = state.visit
    assert isinstance(records, Records)
    token, inmate_id = records.session.token, records.inmate.inmate_id
    events: list[ev.Event] = [ev.ProfileLoaded(token, inmate_id, object())]  # type: ignore[arg-type]
    events += [ev.SectionLoaded(token, inmate_id, s, f"data-{s}") for s in SECTION_ORDER]
    return run(state, *events)[0]


# ---- the identify form ------------------------------------------------------------------------


def test_typing_a_valid_id_moves_focus_to_the_reference_field():
    state, effects = run(fresh(), ev.Start(), *typed(valid_id()))
    form = state.visit
    assert isinstance(form, Identify)
    assert form.id_text == valid_id() and form.focus is Field.REFERENCE
    assert effects == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("1501021980", None, id="unfinished-is-no-problem"),
        pytest.param("15010219801301", Message.ID_BAD_BIRTH_DATE, id="month-13"),
        pytest.param(WRONG_CHECK, Message.ID_BAD_CHECK, id="wrong-check-char"),
        pytest.param(valid_id(), None, id="valid"),
    ],
)
def test_id_problems_show_while_typing(text, expected):
    form = Identify(id_text=text)
    assert identify_hint(form, T0)[0] is expected


def test_x_is_refused_anywhere_but_the_check_character():
    state, _ = run(fresh(), ev.Start(), *typed("150X"))
    assert state.visit.id_text == "150"


def test_keys_beyond_the_field_length_are_ignored():
    state, _ = run(fresh(), ev.Start(), ev.FocusField(Field.REFERENCE), *typed("A" * 20))
    assert state.visit.reference_text == "A" * 16
    state, _ = run(state, ev.FocusField(Field.ID), *typed(valid_id() + "99"))
    assert state.visit.id_text == valid_id()


def test_backspace_and_clear_edit_the_focused_field():
    state, _ = run(fresh(), ev.Start(), *typed("1234"), ev.Backspace())
    assert state.visit.id_text == "123"
    state, _ = run(state, ev.FocusField(Field.REFERENCE), *typed("AB"), ev.ClearField())
    assert state.visit.reference_text == "" and state.visit.id_text == "123"


@pytest.mark.parametrize(
    ("id_text", "reference", "message"),
    [
        pytest.param("1501021980", "NM247K3P9Q", Message.ID_INCOMPLETE, id="short-id"),
        pytest.param(valid_id(), "", Message.REFERENCE_EMPTY, id="no-reference"),
        pytest.param(valid_id(), "NM24", Message.REFERENCE_TOO_SHORT, id="short-reference"),
    ],
)
def test_submit_refuses_locally_invalid_input_without_a_request(id_text, reference, message):
    state = replace(fresh(), visit=Identify(id_text=id_text, reference_text=reference))
    assert not can_submit(state.visit, T0)
    state, effects = run(state, ev.Submit())
    assert effects == []
    assert state.visit.notice == Notice(message)


def test_submit_sends_normalised_credentials():
    state, effects = run(fresh(), ev.Start(), *typed(valid_id()), *typed("nm24-7k3p"), ev.Submit())
    assert isinstance(state.visit, Authenticating)
    assert busy(state) and screen_for(state) is ScreenId.IDENTIFY
    (effect,) = effects
    assert isinstance(effect, CreateSession)
    assert effect.credentials.reference_number == "NM24-7K3P"
    assert effect.credentials.method is AuthMethod.MANUAL
    assert valid_id() not in repr(effect)  # never in a log line


def test_card_read_fills_the_id_and_focuses_the_reference():
    state, _ = run(fresh(), ev.CardRead(valid_id()))
    assert state.visit == Identify(id_text=valid_id(), method=AuthMethod.CARD,
                                   focus=Field.REFERENCE)


# ---- authentication outcomes --------------------------------------------------------------------


def _authenticating() -> KioskState:
    state, _ = run(fresh(), ev.Start(), *typed(valid_id()), *typed("NM247K3P9Q"), ev.Submit())
    return state


@pytest.mark.parametrize(
    ("failure", "notice", "keeps_id", "keeps_reference"),
    [
        pytest.param(Failure(FailureKind.INVALID_CREDENTIALS, attempts_left=2),
                     Notice(Message.WRONG_REFERENCE, attempts_left=2), True, False,
                     id="wrong-reference"),
        pytest.param(Failure(FailureKind.LOCKED, retry_after_s=900),
                     Notice(Message.LOCKED, until=at(900)), False, False, id="locked"),
        pytest.param(Failure(FailureKind.UNAVAILABLE), Notice(Message.SERVICE_UNAVAILABLE),
                     True, True, id="unavailable-keeps-the-form-for-retry"),
        pytest.param(Failure(FailureKind.TIMEOUT), Notice(Message.TIMED_OUT), True, True,
                     id="timeout"),
        pytest.param(Failure(FailureKind.RATE_LIMITED, retry_after_s=5),
                     Notice(Message.BUSY, until=at(5)), True, True, id="rate-limited"),
        pytest.param(Failure(FailureKind.INVALID_REQUEST), Notice(Message.CHECK_INPUT),
                     True, True, id="invalid-request"),
    ],
)
def test_auth_failures_return_to_the_form_with_a_notice(failure, notice, keeps_id,
                                                         keeps_reference):
    state = _authenticating()
    state, effects = run(state, ev.AuthFailed(state.visit.request_no, failure))
    form = state.visit
    assert isinstance(form, Identify)
    assert form.notice == notice
    assert (form.id_text == valid_id()) is keeps_id
    assert (form.reference_text == "NM247K3P9Q") is keeps_reference
    assert effects == []


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        pytest.param(FailureKind.TERMINAL_UNAUTHORIZED, Message.TERMINAL_UNAUTHORIZED,
                     id="terminal-unauthorized"),
        pytest.param(FailureKind.MAINTENANCE, Message.MAINTENANCE, id="maintenance"),
    ],
)
def test_terminal_level_failures_take_the_terminal_out_of_service(kind, reason):
    state = _authenticating()
    state, _ = run(state, ev.AuthFailed(state.visit.request_no, Failure(kind, retry_after_s=60)))
    assert screen_for(state) is ScreenId.OUT_OF_SERVICE
    assert state.outage.reason is reason
    assert isinstance(state.visit, Attract)


def test_a_late_answer_for_an_abandoned_request_ends_that_session():
    state = _authenticating()
    request_no = state.visit.request_no
    state, _ = run(state, ev.IdleTimeout())
    state, _ = run(state, ev.Tick(), now=at(1000))
    assert isinstance(state.visit, Attract)
    state, effects = run(state, ev.SessionStarted(request_no, created(), "m", None))
    assert isinstance(state.visit, Attract)
    assert effects == [EndSession("token-0001")]


def test_one_inmate_opens_records_and_fetches_everything_at_once():
    state, effects = identified(inmates=1)
    assert isinstance(state.visit, Records)
    fetches = [e for e in effects if isinstance(e, FetchProfile | FetchSection)]
    assert {type(e) for e in fetches} == {FetchProfile, FetchSection}
    assert {e.section for e in fetches if isinstance(e, FetchSection)} == set(Section)
    audits = [e for e in effects if isinstance(e, Audit)]
    assert [a.type for a in audits] == [EventType.SESSION_STARTED]


def test_several_inmates_ask_which_one():
    state, effects = identified(inmates=2)
    assert isinstance(state.visit, ChooseInmate)
    assert screen_for(state) is ScreenId.CHOOSE_INMATE
    state, effects = run(state, ev.PickInmate("NM150002"))
    assert state.visit.inmate.inmate_id == "NM150002"
    assert len([e for e in effects if isinstance(e, FetchSection)]) == 4
    state, _ = run(state, ev.Back())
    assert isinstance(state.visit, ChooseInmate)


# ---- records ----------------------------------------------------------------------------------


def test_sections_load_independently_and_failures_can_be_retried():
    state, _ = identified()
    records = state.visit
    token, inmate_id = records.session.token, records.inmate.inmate_id
    state, _ = run(state, ev.SectionLoaded(token, inmate_id, Section.LIVING, "living"),
                   ev.LoadFailedEvent(token, inmate_id, Section.REFORM,
                                      Failure(FailureKind.UNAVAILABLE)))
    sections = state.visit.sections
    assert sections[Section.LIVING] == Loaded("living")
    assert sections[Section.REFORM] == LoadFailed(Notice(Message.SERVICE_UNAVAILABLE))
    assert isinstance(sections[Section.ASSESSMENT], Loading)
    state, effects = run(state, ev.RetryLoad(Section.REFORM))
    assert isinstance(state.visit.sections[Section.REFORM], Loading)
    assert effects == [FetchSection(token, inmate_id, Section.REFORM)]
    # Retrying a section that did not fail does nothing.
    assert run(state, ev.RetryLoad(Section.LIVING))[1] == []


def test_answers_for_another_session_are_dropped():
    state, _ = identified()
    before = state
    state, effects = run(state, ev.SectionLoaded("other-token", "NM150001", Section.LIVING, "x"))
    assert state == before and effects == []


def test_an_expired_session_wipes_and_says_so():
    state, _ = identified()
    records = state.visit
    state, effects = run(state, ev.LoadFailedEvent(
        records.session.token, records.inmate.inmate_id, None,
        Failure(FailureKind.SESSION_EXPIRED)))
    assert state.visit == Identify(notice=Notice(Message.SESSION_ENDED))
    assert EndSession("token-0001") in effects


def test_not_linked_is_a_no_permission_notice_on_the_panel():
    state, _ = identified()
    records = state.visit
    state, _ = run(state, ev.LoadFailedEvent(records.session.token, records.inmate.inmate_id,
                                             None, Failure(FailureKind.NOT_LINKED)))
    assert state.visit.profile == LoadFailed(Notice(Message.NO_PERMISSION))


# ---- printing ---------------------------------------------------------------------------------


def test_print_needs_the_profile_and_a_section():
    state, _ = identified()
    assert not can_print(state)
    assert run(state, ev.OpenPrint())[0] == state
    assert can_print(loaded_records())


def test_print_preview_confirm_print_done_and_another_copy():
    state = loaded_records()
    state, _ = run(state, ev.OpenPrint(), ev.ToggleSection(Section.LIVING))
    assert isinstance(state.visit, PrintPreview)
    assert state.visit.chosen == {Section.REFORM, Section.ASSESSMENT, Section.REWARDS}
    state, effects = run(state, ev.ConfirmPrint())
    assert isinstance(state.visit, Printing) and busy(state)
    (effect,) = effects
    assert isinstance(effect, PrintSlip) and effect.registration is None
    assert [s for s, _ in effect.sections] == [Section.REFORM, Section.ASSESSMENT,
                                               Section.REWARDS]
    state, effects = run(state, ev.SlipPrinted(effect.request_no, REGISTRATION))
    assert isinstance(state.visit, Done) and screen_for(state) is ScreenId.DONE
    assert [a.type for a in effects] == [EventType.SLIP_PRINTED]
    # A second copy carries the same slip number; then the limit (2) is reached.
    state, effects = run(state, ev.PrintAgain())
    (again,) = effects
    assert again.registration == REGISTRATION and again.copy_no == 2
    state, _ = run(state, ev.SlipPrinted(again.request_no, REGISTRATION))
    assert run(state, ev.PrintAgain())[1] == []


def test_a_failed_print_keeps_the_slip_number_for_the_retry():
    state = loaded_records()
    state, effects = run(state, ev.OpenPrint(), ev.ConfirmPrint())
    state, _ = run(state, ev.SlipFailed(effects[0].request_no,
                                        Failure(FailureKind.PRINTER, detail="paper_out"),
                                        REGISTRATION))
    assert isinstance(state.visit, PrintFailed)
    assert state.visit.notice == Notice(Message.PRINTER_FAILED)
    state, effects = run(state, ev.PrintAgain())
    assert effects[0].registration == REGISTRATION


def test_done_returns_to_attract_by_itself_and_ends_the_session():
    state = loaded_records()
    state, effects = run(state, ev.OpenPrint(), ev.ConfirmPrint())
    state, _ = run(state, ev.SlipPrinted(effects[0].request_no, REGISTRATION))
    state, effects = run(state, ev.Tick(), now=at(29))
    assert isinstance(state.visit, Done)
    state, effects = run(state, ev.Tick(), now=at(30))
    assert isinstance(state.visit, Attract)
    assert EndSession("token-0001") in effects


# ---- idleness, exit, health, crashes ---------------------------------------------------------


def test_idle_countdown_then_wipe():
    state = loaded_records()
    state, _ = run(state, ev.IdleTimeout(), now=at(90))
    assert countdown_shown(state) and screen_for(state) is ScreenId.RECORDS
    state, effects = run(state, ev.Tick(), now=at(109))
    assert isinstance(state.visit, Records)
    state, effects = run(state, ev.Tick(), now=at(110))
    assert isinstance(state.visit, Attract) and not countdown_shown(state)
    assert effects[0] == EndSession("token-0001")
    ended = effects[1]
    assert ended.type is EventType.SESSION_ENDED and dict(ended.data)["reason"] == "idle"


def test_still_here_cancels_the_countdown():
    state, _ = run(loaded_records(), ev.IdleTimeout(), ev.StillHere())
    assert not countdown_shown(state)
    state, _ = run(state, ev.Tick(), now=at(1000))
    assert isinstance(state.visit, Records)


def test_idle_on_an_empty_form_just_goes_home():
    state, effects = run(fresh(), ev.Start(), ev.IdleTimeout())
    assert isinstance(state.visit, Attract) and effects == []


def test_exit_ends_the_session_and_wipes():
    state, effects = run(loaded_records(), ev.Exit())
    # The goodbye screen (rating, phone hand-off) holds nothing of the visit.
    assert isinstance(state.visit, Farewell) and session_of(state.visit) is None
    assert effects[0] == EndSession("token-0001")


def test_health_failure_on_attract_goes_out_of_service_and_recovers():
    state, effects = run(fresh(), ev.HealthDue())
    assert effects == [CheckHealth("NM-HHHT1")] and state.health_pending
    assert run(state, ev.HealthDue())[1] == []  # one check at a time
    state, _ = run(state, ev.HealthChecked(Failure(FailureKind.UNAVAILABLE)))
    assert screen_for(state) is ScreenId.OUT_OF_SERVICE
    assert run(state, ev.Start())[0].visit == Attract()  # no visit while out of service
    state, effects = run(state, ev.HealthDue())
    state, _ = run(state, ev.HealthChecked(None, ()))
    assert screen_for(state) is ScreenId.ATTRACT


def test_health_is_not_checked_during_a_visit():
    state = loaded_records()
    assert run(state, ev.HealthDue())[1] == []


def test_crash_wipes_shows_out_of_service_and_returns_to_attract():
    state, effects = run(loaded_records(), ev.Crashed())
    assert state.outage.reason is Message.INTERNAL_ERROR
    assert isinstance(state.visit, Attract)
    assert EndSession("token-0001") in effects
    state, _ = run(state, ev.Tick(), now=at(8))
    assert screen_for(state) is ScreenId.ATTRACT


@pytest.mark.parametrize(
    ("visit", "screen"),
    [
        pytest.param(Attract(), ScreenId.ATTRACT, id="attract"),
        pytest.param(Identify(), ScreenId.IDENTIFY, id="identify"),
    ],
)
def test_screen_for_maps_the_visit(visit, screen):
    assert screen_for(replace(fresh(), visit=visit)) is screen


def test_an_unsupported_card_opens_identify_with_a_notice():
    state, effects = run(fresh(), ev.CardUnsupported())
    assert state.visit == Identify(notice=Notice(Message.CARD_UNSUPPORTED))
    assert effects == []


def test_the_heartbeat_state_follows_the_visit():
    from kiosk.api.models import TerminalState
    from kiosk.flow.screens import terminal_state

    assert terminal_state(fresh()) is TerminalState.READY
    assert terminal_state(loaded_records()) is TerminalState.IN_SESSION
    crashed, _ = run(loaded_records(), ev.Crashed())
    assert terminal_state(crashed) is TerminalState.OUT_OF_SERVICE


def test_a_visit_ends_when_its_session_goes_or_the_attract_screen_returns():
    from kiosk.flow.screens import visit_ended

    records = loaded_records()
    assert not visit_ended(None, fresh())  # the first frame: nothing shown yet
    assert not visit_ended(fresh(), records)  # the attract screen showed nothing of a family's
    assert not visit_ended(records, run(records, ev.SelectTab(Section.LIVING))[0])
    assert visit_ended(records, run(records, ev.Exit())[0])  # the goodbye screen: no session
    assert visit_ended(records, run(records, ev.Crashed())[0])  # back to attract
    form = run(fresh(), ev.Start(), *typed("1501"))[0]
    assert visit_ended(form, run(form, ev.Back())[0])  # the typed digits were on screen
