"""The flow around the records: enquiries, rating, language, large text, announcements and
patience (how long the kiosk waits), without Qt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kiosk.api.models import (
    Announcement,
    AnnouncementCategory,
    EnquiryFiled,
    EnquiryReason,
    EnquirySection,
    EventType,
)
from kiosk.flow import events as ev
from kiosk.flow.effects import Audit, EndSession, FileEnquiry, PrintSlip, PrintTicket
from kiosk.flow.failures import Failure, FailureKind
from kiosk.flow.messages import Message
from kiosk.flow.patience import countdown_s, idle_timeout_s
from kiosk.flow.screens import ScreenId, busy, screen_for
from kiosk.flow.state import (
    Attract,
    Enquiry,
    Farewell,
    Identify,
    KioskState,
    Records,
    TicketPrint,
    session_of,
)
from kiosk.flow.update import update
from tests.unit.flow.conftest import T0, at, fresh, valid_id
from tests.unit.flow.test_update import loaded_records, run, typed

TICKET = EnquiryFiled(ticket_no="E-2026-004512", reply_due="2026-12-11",  # type: ignore[arg-type]
                      track_url="https://central.example/enquiries/E-2026-004512")


def _enquiry(state: KioskState) -> Enquiry:
    assert isinstance(state.visit, Enquiry)
    return state.visit


def filing() -> tuple[KioskState, FileEnquiry]:
    state, effects = run(loaded_records(), ev.OpenEnquiry(EnquirySection.ASSESSMENT),
                         ev.ChooseReason(EnquiryReason.MISSING))
    [effect] = effects
    assert isinstance(effect, FileEnquiry)
    return state, effect


# ---- enquiries ----------------------------------------------------------------------------------


def test_an_enquiry_is_filed_by_tapping_a_reason():
    state, effects = run(loaded_records(), ev.OpenEnquiry(EnquirySection.ASSESSMENT))
    assert screen_for(state) is ScreenId.ENQUIRY and effects == []
    state, effect = filing()
    assert effect.section is EnquirySection.ASSESSMENT and effect.reason is EnquiryReason.MISSING
    assert effect.token == "token-0001" and effect.inmate_id == "NM150001"
    assert busy(state)  # the family waits for the ticket number


def test_a_filed_enquiry_is_audited_and_its_receipt_printed():
    state, effect = filing()
    state, effects = run(state, ev.EnquiryAnswered(effect.request_no, TICKET))
    enquiry = _enquiry(state)
    assert enquiry.ticket == TICKET and enquiry.ticket_print is TicketPrint.PRINTING
    assert not busy(state)  # the ticket number is on screen while the receipt prints
    audit, printing = effects
    assert isinstance(audit, Audit) and audit.type is EventType.ENQUIRY_FILED
    assert dict(audit.data) == {"ticket_no": "E-2026-004512", "section": "assessment",
                                "reason": "missing"}
    assert isinstance(printing, PrintTicket) and printing.ticket == TICKET
    assert printing.language == "zh_CN"
    state, _ = run(state, ev.TicketPrinted(printing.request_no))
    assert _enquiry(state).ticket_print is TicketPrint.PRINTED


def test_a_failed_receipt_can_be_printed_again_and_the_ticket_stays():
    state, effect = filing()
    state, effects = run(state, ev.EnquiryAnswered(effect.request_no, TICKET))
    printing = effects[-1]
    assert isinstance(printing, PrintTicket)
    state, _ = run(state, ev.TicketFailed(printing.request_no, Failure(FailureKind.PRINTER)))
    enquiry = _enquiry(state)
    assert enquiry.ticket_print is TicketPrint.FAILED and enquiry.ticket == TICKET
    assert enquiry.print_notice is not None
    assert enquiry.print_notice.message is Message.PRINTER_FAILED
    state, effects = run(state, ev.PrintTicketAgain())
    [again] = effects
    assert isinstance(again, PrintTicket) and again.request_no != printing.request_no
    # The first job's late answer is stale now.
    assert run(state, ev.TicketPrinted(printing.request_no))[0] == state


def test_filing_fails_with_a_notice_and_the_family_can_try_again():
    state, effect = filing()
    state, _ = run(state, ev.EnquiryFailed(effect.request_no,
                                           Failure(FailureKind.UNAVAILABLE)))
    enquiry = _enquiry(state)
    assert enquiry.notice is not None and enquiry.notice.message is Message.SERVICE_UNAVAILABLE
    assert not busy(state)
    state, effects = run(state, ev.ChooseReason(EnquiryReason.OTHER))
    assert isinstance(effects[0], FileEnquiry) and effects[0].reason is EnquiryReason.OTHER


def test_an_expired_session_while_filing_ends_the_visit():
    state, effect = filing()
    state, effects = run(state, ev.EnquiryFailed(effect.request_no,
                                                 Failure(FailureKind.SESSION_EXPIRED)))
    assert isinstance(state.visit, Identify)
    assert any(isinstance(e, EndSession) for e in effects)


def test_back_from_an_enquiry_returns_to_the_records_but_not_while_filing():
    state, effect = filing()
    assert run(state, ev.Back())[0] == state  # nothing to go back to until it is answered
    state, _ = run(state, ev.EnquiryAnswered(effect.request_no, TICKET), ev.Back())
    assert isinstance(state.visit, Records)


def test_sections_arriving_during_an_enquiry_are_kept():
    state, _ = run(loaded_records(), ev.OpenEnquiry(EnquirySection.PROFILE))
    enquiry = _enquiry(state)
    records = enquiry.records
    token, inmate_id = records.session.token, records.inmate.inmate_id
    state, _ = run(state, ev.LoadFailedEvent(token, inmate_id, None,
                                             Failure(FailureKind.UNAVAILABLE)))
    assert _enquiry(state).records.profile != records.profile


def test_a_stale_answer_for_another_request_is_dropped():
    state, effect = filing()
    assert run(state, ev.EnquiryAnswered(effect.request_no + 7, TICKET))[0] == state


# ---- rating and the goodbye screen --------------------------------------------------------------


def finished() -> KioskState:
    state, _ = run(loaded_records(), ev.Exit(), now=at(10))
    assert isinstance(state.visit, Farewell) and session_of(state.visit) is None
    return state


def test_one_tap_rates_the_visit_without_naming_the_family():
    state, effects = run(finished(), ev.Rate(3), now=at(12))
    assert isinstance(state.visit, Farewell) and state.visit.score == 3
    [audit] = effects
    assert audit == Audit(EventType.RATING, None, (("score", 3),))
    # A second tap does not count twice.
    assert run(state, ev.Rate(1), now=at(13))[1] == []
    # "Thank you" stands a moment, then the attract screen.
    state, _ = run(state, ev.Tick(), now=at(12 + state.config.thanks_s))
    assert state.visit == Attract()


@pytest.mark.parametrize("event", [ev.SkipRating(), ev.Exit(), ev.IdleTimeout()],
                         ids=["skip", "exit", "idle"])
def test_rating_can_be_skipped(event):
    state, effects = run(finished(), event)
    assert state.visit == Attract() and effects == []


def test_the_goodbye_screen_returns_by_itself():
    state = finished()
    assert isinstance(state.visit, Farewell)
    state, _ = run(state, ev.Tick(), now=state.visit.return_at)
    assert state.visit == Attract()


def test_invalid_scores_are_ignored():
    state = finished()
    assert run(state, ev.Rate(0))[0] == state and run(state, ev.Rate(4))[0] == state


def test_an_idle_wipe_and_leaving_before_sign_in_skip_the_rating():
    state, _ = run(loaded_records(), ev.IdleTimeout())
    state, _ = run(state, ev.Tick(), now=at(3600))
    assert state.visit == Attract()
    state, _ = run(fresh(), ev.Start(), *typed("1501"), ev.Exit())
    assert state.visit == Attract()


def test_choosing_nobody_from_several_inmates_also_says_goodbye():
    from tests.unit.flow.conftest import created

    state, _ = run(fresh(), ev.Start(), *typed(valid_id()), *typed("NM24-7K3P-9Q"), ev.Submit())
    state, _ = run(state, ev.SessionStarted(1, created(2), "1501**********123X", None))
    state, effects = run(state, ev.Back())
    assert isinstance(state.visit, Farewell)
    assert EndSession("token-0001") in effects


# ---- language and large text --------------------------------------------------------------------


def test_the_language_can_be_switched_on_any_screen_and_follows_the_slip():
    state, _ = run(loaded_records(), ev.SetLanguage("en"))
    assert state.language == "en"
    state, effects = run(state, ev.OpenPrint(), ev.ConfirmPrint())
    assert isinstance(effects[0], PrintSlip) and effects[0].language == "en"


def test_unknown_languages_are_ignored():
    state = fresh()
    assert run(state, ev.SetLanguage("fr"))[0] == state


def test_a_new_family_gets_the_default_language_and_normal_text():
    state, _ = run(fresh(), ev.SetLanguage("en"), ev.ToggleLargeText())
    assert state.language == "en" and state.large_text
    state, _ = run(replace(loaded_records(), language_choice="en", large_text=True), ev.Exit())
    assert state.language == "en" and state.large_text  # still the same family saying goodbye
    state, _ = run(state, ev.SkipRating())
    assert state.language == "zh_CN" and not state.large_text


def test_the_attract_screen_forgets_a_language_when_nobody_is_there():
    state, _ = run(fresh(), ev.SetLanguage("en"), ev.IdleTimeout())
    assert state.language == "zh_CN"
    assert run(fresh(), ev.IdleTimeout())[0] == fresh()


def test_the_terminal_default_language_is_the_starting_point():
    state = fresh(language="en")
    assert state.language == "en"
    state, _ = run(state, ev.SetLanguage("zh_CN"))
    assert state.language == "zh_CN"


def test_session_start_audits_the_language_in_use():
    from tests.unit.flow.conftest import created

    state, _ = run(fresh(), ev.SetLanguage("en"), ev.Start(), *typed(valid_id()),
                   *typed("NM24-7K3P-9Q"), ev.Submit())
    state, effects = run(state, ev.SessionStarted(1, created(1), "1501**********123X", None))
    audit = effects[0]
    assert isinstance(audit, Audit) and ("language", "en") in audit.data


# ---- announcements ------------------------------------------------------------------------------


NOTICE = Announcement(id="a-1", category=AnnouncementCategory.NOTICE, title="春节会见安排",
                      body="暂停现场会见。", published_at=T0)


def test_an_announcement_opens_in_full_and_closes():
    state = replace(fresh(), announcements=(NOTICE,))
    state, _ = run(state, ev.ReadAnnouncement("a-1"))
    assert state.visit == Attract(reading="a-1")
    assert run(state, ev.CloseAnnouncement())[0].visit == Attract()
    assert run(state, ev.IdleTimeout())[0].visit == Attract()
    assert run(replace(fresh(), announcements=(NOTICE,)), ev.ReadAnnouncement("a-9"))[0] == (
        replace(fresh(), announcements=(NOTICE,)))


# ---- patience ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("events", "large", "expected"),
    [
        pytest.param([], False, 90, id="attract"),
        pytest.param([ev.Start()], False, 90, id="identify-empty"),
        pytest.param([ev.Start(), ev.KeyPressed("1")], False, 180, id="identify-typing"),
        pytest.param([ev.Start(), ev.KeyPressed("1")], True, 270, id="typing-large-text"),
        pytest.param([], True, 135, id="large-text"),
    ],
)
def test_patience_grows_where_families_need_time(events, large, expected):
    state, _ = run(replace(fresh(), large_text=large), *events)
    assert idle_timeout_s(state, 90) == expected


def test_the_countdown_is_longer_in_large_text():
    state = replace(loaded_records(), large_text=True)
    assert countdown_s(state) == 30
    state, _ = update(state, ev.IdleTimeout(), T0)
    assert state.countdown_until == at(30)


def test_typing_is_never_wiped_while_the_family_answers_the_countdown():
    state, _ = run(fresh(), ev.Start(), *typed(valid_id()), ev.IdleTimeout())
    assert state.countdown_until is not None
    state, _ = run(state, ev.StillHere(), ev.Tick(), now=at(3600))
    assert isinstance(state.visit, Identify) and state.visit.id_text == valid_id()
