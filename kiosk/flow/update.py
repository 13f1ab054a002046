"""The visitor flow's one transition function: ``update(state, event, now) -> (state, effects)``.

Pure: no I/O, no clock, no Qt. The UI feeds it taps, timer ticks and the answers of workers, shows
the state it returns and hands the effects to its worker pool. Every rule of a visit is here and
is tested here (``tests/unit/flow``) without a display.

Rules worth knowing:

- a visit ends (``EndSession`` + wipe) on exit, at the end of the idle countdown, on a fault that
  takes the terminal out of service and after an unexpected exception; the wipe never waits for
  the answer of ``EndSession``;
- answers that arrive for a request the visit has moved past are dropped — and a session the
  central service opened for an abandoned request is ended at once;
- the health check runs only while no visit is in progress, so a blip never throws a family out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, TypeAlias

from kiosk.api.models import AuthMethod, EventType, LinkedInmate, Section
from kiosk.flow import events as ev
from kiosk.flow.effects import (
    Audit,
    CheckHealth,
    CreateSession,
    Effect,
    EndSession,
    FetchProfile,
    FetchSection,
    FileEnquiry,
    PrintSlip,
    PrintTicket,
)
from kiosk.flow.failures import TERMINAL_LEVEL, Failure, FailureKind
from kiosk.flow.fault_audit import fault_audit
from kiosk.flow.messages import Message, Notice, id_message, notice_for, reference_message
from kiosk.flow.officer_update import officer_update
from kiosk.flow.patience import countdown_s
from kiosk.flow.slip_content import printable_sections
from kiosk.flow.state import (
    SECTION_ORDER,
    Attract,
    Authenticating,
    ChooseInmate,
    Credentials,
    Done,
    Enquiry,
    Farewell,
    Field,
    Identify,
    KioskState,
    Load,
    Loaded,
    LoadFailed,
    Loading,
    Outage,
    PrintFailed,
    Printing,
    PrintPreview,
    Records,
    Session,
    TicketPrint,
    VisitState,
    records_of,
    session_of,
)
from kiosk.timefmt import beijing
from kiosk.visitor.idnumber import (
    ID_LENGTH,
    IdCheck,
    check_partial_id,
    normalize_id_number,
    validate_id_number,
)
from kiosk.visitor.reference import MAX_LENGTH as REFERENCE_MAX
from kiosk.visitor.reference import ReferenceCheck, check_reference

Step: TypeAlias = tuple[KioskState, list[Effect]]

ID_KEYS = frozenset("0123456789X")
REFERENCE_KEYS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")


def update(state: KioskState, event: ev.Event, now: datetime) -> Step:
    """The next state and the effects to perform, for one event at ``now`` (aware)."""
    officer_step = officer_update(state, event, now, _end_visit)
    if officer_step is not None:
        return officer_step
    handler = _HANDLERS[type(event)]
    return handler(state, event, now)


# ---- helpers ----------------------------------------------------------------------------------


def _same(state: KioskState) -> Step:
    return state, []


def _visit(state: KioskState, visit: VisitState) -> Step:
    return replace(state, visit=visit), []


def _end_visit(
    state: KioskState, now: datetime, reason: str, then: VisitState | None = None
) -> Step:
    """Wipe: back to ``then`` (attract), ending the open session without waiting for it.

    Back at the attract screen the next family gets the terminal's language and normal text.
    """
    effects: list[Effect] = []
    session = session_of(state.visit)
    if session is not None:
        effects.append(EndSession(session.token))
        duration = max(int((now - session.started_at).total_seconds()), 0)
        effects.append(_audit(EventType.SESSION_ENDED, session, reason=reason,
                              duration_s=duration))
    if then is None:
        return _to_attract(state), effects
    return replace(state, visit=then, countdown_until=None), effects


def _to_attract(state: KioskState) -> KioskState:
    return replace(state, visit=Attract(), countdown_until=None, language_choice=None,
                   large_text=False)


def _finish(state: KioskState, now: datetime) -> Step:
    """The family ended the visit: wipe, then the goodbye screen (rating, phone hand-off) if
    a session was open, else straight back to the attract screen."""
    if session_of(state.visit) is None:
        return _end_visit(state, now, "finished")
    farewell = Farewell(return_at=now + timedelta(seconds=state.config.farewell_s))
    return _end_visit(state, now, "finished", then=farewell)


def _audit(type_: EventType, session: Session | None, **data: str | int | bool) -> Audit:
    return Audit(type_, session.subject if session else None, tuple(sorted(data.items())))


def _outage_for(failure: Failure, now: datetime) -> Outage:
    notice = notice_for(failure, now)
    if failure.kind in TERMINAL_LEVEL:
        return Outage(notice.message, since=now, until=notice.until)
    return Outage(Message.SERVICE_UNAVAILABLE, since=now)


def _out_of_service(state: KioskState, failure: Failure, now: datetime) -> Step:
    state, effects = _end_visit(state, now, "fault")
    outage = _outage_for(failure, now)
    if state.outage is not None and state.outage.reason is outage.reason:
        outage = replace(outage, since=state.outage.since)
    else:
        effects.append(fault_audit(failure))  # once per outage, not per health check
    return replace(state, outage=outage), effects


def _session_failure(state: KioskState, failure: Failure, now: datetime) -> Step | None:
    """The common handling of failures that end the visit; None when the caller decides."""
    if failure.kind in TERMINAL_LEVEL:
        return _out_of_service(state, failure, now)
    if failure.kind is FailureKind.SESSION_EXPIRED:
        return _end_visit(state, now, "expired",
                          then=Identify(notice=Notice(Message.SESSION_ENDED)))
    return None


def _with_records(visit: VisitState, records: Records) -> VisitState:
    """The same step of the visit, holding updated records."""
    if isinstance(visit, Records):
        return records
    if isinstance(visit, PrintPreview | Printing | PrintFailed | Done | Enquiry):
        return replace(visit, records=records)
    return visit


def _next_request(state: KioskState) -> tuple[KioskState, int]:
    return replace(state, next_request_no=state.next_request_no + 1), state.next_request_no


def _open_records(state: KioskState, session: Session, inmate: LinkedInmate) -> Step:
    loads: dict[Section, Load] = {s: Loading() for s in SECTION_ORDER}
    records = Records(session=session, inmate=inmate, profile=Loading(), sections=loads)
    effects: list[Effect] = [FetchProfile(session.token, inmate.inmate_id)]
    effects += [FetchSection(session.token, inmate.inmate_id, s) for s in SECTION_ORDER]
    return replace(state, visit=records), effects


def _copies_left(state: KioskState, records: Records) -> int:
    return max(state.config.max_copies - records.copies_printed, 0)


def can_print(state: KioskState) -> bool:
    """Whether the records screen's print button is enabled."""
    records = state.visit if isinstance(state.visit, Records) else None
    return (
        records is not None
        and records.loaded_profile is not None
        and bool(records.loaded_sections())
        and _copies_left(state, records) > 0
    )


def copies_left(state: KioskState) -> int:
    records = records_of(state.visit)
    return 0 if records is None else _copies_left(state, records)


def _print(
    state: KioskState, records: Records, chosen: frozenset[Section], registration: Any
) -> Step:
    profile = records.loaded_profile
    sections = printable_sections(records, chosen)
    if profile is None or not sections or _copies_left(state, records) == 0:
        return _same(state)
    state, request_no = _next_request(state)
    effect = PrintSlip(
        request_no=request_no,
        token=records.session.token,
        inmate_id=records.inmate.inmate_id,
        masked_id=records.session.masked_id,
        profile=profile,
        sections=sections,
        registration=registration,
        copy_no=records.copies_printed + 1,
        language=state.language,
    )
    visit = Printing(records, frozenset(s for s, _ in sections), registration, request_no)
    return replace(state, visit=visit), [effect]


# ---- identify form --------------------------------------------------------------------------


def identify_hint(form: Identify, now: datetime) -> tuple[Message | None, Message | None]:
    """Live problems of the two fields while typing (ID, reference), before any network call.

    An unfinished ID number is not a problem yet; a wrong character, an impossible birth date or
    a wrong check character is shown as soon as it can be known.
    """
    check = check_partial_id(form.id_text, today=beijing(now).date())
    id_problem = None if check in (IdCheck.OK, IdCheck.EMPTY, IdCheck.INCOMPLETE) else (
        id_message(check)
    )
    ref = check_reference(form.reference_text)
    # Too short is only a problem once the family presses "query"; a wrong character is not.
    ref_problem = reference_message(ref) if ref in (
        ReferenceCheck.BAD_CHARACTER, ReferenceCheck.TOO_LONG) else None
    return id_problem, ref_problem


def can_submit(form: Identify, now: datetime) -> bool:
    today = beijing(now).date()
    return (
        validate_id_number(form.id_text, today=today) is IdCheck.OK
        and reference_message(check_reference(form.reference_text)) is None
    )


def _edit(state: KioskState, change: Callable[[Identify], Identify]) -> Step:
    if not isinstance(state.visit, Identify) or state.outage is not None:
        return _same(state)
    return _visit(state, change(state.visit))


def _type_char(form: Identify, char: str) -> Identify:
    char = char.upper()
    if form.focus is Field.ID:
        if char not in ID_KEYS or len(form.id_text) >= ID_LENGTH:
            return form
        if char == "X" and len(form.id_text) != ID_LENGTH - 1:
            return form  # X is only ever the check character
        text = form.id_text + char
        done = len(text) == ID_LENGTH and check_partial_id(text) is IdCheck.OK
        return replace(form, id_text=text, method=AuthMethod.MANUAL, notice=None,
                       focus=Field.REFERENCE if done and not form.reference_text else Field.ID)
    if char not in REFERENCE_KEYS or len(form.reference_text) >= REFERENCE_MAX:
        return form
    return replace(form, reference_text=form.reference_text + char)


def _on_key(state: KioskState, event: ev.KeyPressed, now: datetime) -> Step:
    return _edit(state, lambda f: _type_char(f, event.char))


def _on_backspace(state: KioskState, event: ev.Backspace, now: datetime) -> Step:
    def change(form: Identify) -> Identify:
        if form.focus is Field.ID:
            return replace(form, id_text=form.id_text[:-1], method=AuthMethod.MANUAL, notice=None)
        return replace(form, reference_text=form.reference_text[:-1])

    return _edit(state, change)


def _on_clear(state: KioskState, event: ev.ClearField, now: datetime) -> Step:
    def change(form: Identify) -> Identify:
        if form.focus is Field.ID:
            return replace(form, id_text="", method=AuthMethod.MANUAL, notice=None)
        return replace(form, reference_text="")

    return _edit(state, change)


def _on_focus(state: KioskState, event: ev.FocusField, now: datetime) -> Step:
    return _edit(state, lambda f: replace(f, focus=event.field))


def _on_submit(state: KioskState, event: ev.Submit, now: datetime) -> Step:
    form = state.visit
    if not isinstance(form, Identify) or state.outage is not None:
        return _same(state)
    id_check = validate_id_number(form.id_text, today=beijing(now).date())
    if id_check is not IdCheck.OK:
        return _visit(state, replace(form, focus=Field.ID, notice=Notice(
            id_message(id_check) or Message.ID_INCOMPLETE)))
    ref_problem = reference_message(check_reference(form.reference_text))
    if ref_problem is not None:
        return _visit(state, replace(form, focus=Field.REFERENCE, notice=Notice(ref_problem)))
    credentials = Credentials(
        id_number=normalize_id_number(form.id_text),
        reference_number=form.reference_text.strip().upper(),
        method=form.method,
    )
    state, request_no = _next_request(state)
    visit = Authenticating(form=replace(form, notice=None), credentials=credentials,
                           request_no=request_no)
    return replace(state, visit=visit), [CreateSession(request_no, credentials)]


def _on_card(state: KioskState, event: ev.CardRead, now: datetime) -> Step:
    if state.outage is not None:
        return _same(state)
    number = normalize_id_number(event.id_number)
    visit = state.visit
    if isinstance(visit, Attract):
        return _visit(state, Identify(id_text=number, method=AuthMethod.CARD,
                                      focus=Field.REFERENCE))
    if isinstance(visit, Identify):
        return _visit(state, replace(visit, id_text=number, method=AuthMethod.CARD,
                                     focus=Field.REFERENCE, notice=None))
    return _same(state)


def _on_card_unsupported(state: KioskState, event: ev.CardUnsupported, now: datetime) -> Step:
    if state.outage is not None:
        return _same(state)
    notice = Notice(Message.CARD_UNSUPPORTED)
    if isinstance(state.visit, Attract):
        return _visit(state, Identify(notice=notice))
    if isinstance(state.visit, Identify):
        return _visit(state, replace(state.visit, notice=notice))
    return _same(state)


# ---- authentication ---------------------------------------------------------------------------


def _on_session_started(state: KioskState, event: ev.SessionStarted, now: datetime) -> Step:
    visit = state.visit
    created = event.created
    if not isinstance(visit, Authenticating) or visit.request_no != event.request_no:
        # The family left (or the screen was wiped) while the service was answering.
        return state, [EndSession(created.session_token)]
    session = Session(
        token=created.session_token,
        visitor_name=created.visitor.display_name,
        inmates=tuple(created.inmates),
        masked_id=event.masked_id,
        subject=event.subject,
        method=visit.credentials.method,
        started_at=now,
    )
    audit = _audit(EventType.SESSION_STARTED, session, method=session.method.value,
                   inmates=len(session.inmates), language=state.language)
    if len(session.inmates) == 1:
        state, effects = _open_records(state, session, session.inmates[0])
        return state, [audit, *effects]
    return replace(state, visit=ChooseInmate(session)), [audit]


def _on_auth_failed(state: KioskState, event: ev.AuthFailed, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, Authenticating) or visit.request_no != event.request_no:
        return _same(state)
    failure = event.failure
    if failure.kind in TERMINAL_LEVEL:
        return _out_of_service(replace(state, visit=Attract()), failure, now)
    notice = notice_for(failure, now)
    form = replace(visit.form, notice=notice)
    if failure.kind is FailureKind.LOCKED:
        form = Identify(notice=notice)
    elif failure.kind is FailureKind.INVALID_CREDENTIALS:
        form = replace(form, reference_text="", focus=Field.REFERENCE)
    return _visit(state, form)


# ---- choosing and showing records ---------------------------------------------------------


def _on_pick(state: KioskState, event: ev.PickInmate, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, ChooseInmate):
        return _same(state)
    inmate = next((i for i in visit.session.inmates if i.inmate_id == event.inmate_id), None)
    if inmate is None:
        return _same(state)
    return _open_records(state, visit.session, inmate)


def _matching_records(state: KioskState, token: str, inmate_id: str) -> Records | None:
    records = records_of(state.visit)
    if records is None or records.session.token != token:
        return None
    return records if records.inmate.inmate_id == inmate_id else None


def _on_profile(state: KioskState, event: ev.ProfileLoaded, now: datetime) -> Step:
    records = _matching_records(state, event.token, event.inmate_id)
    if records is None:
        return _same(state)
    records = replace(records, profile=Loaded(event.profile))
    return replace(state, visit=_with_records(state.visit, records)), [
        _audit(EventType.RECORDS_VIEWED, records.session, section="profile")
    ]


def _on_section(state: KioskState, event: ev.SectionLoaded, now: datetime) -> Step:
    records = _matching_records(state, event.token, event.inmate_id)
    if records is None:
        return _same(state)
    sections = {**records.sections, event.section: Loaded(event.data)}
    records = replace(records, sections=sections)
    return replace(state, visit=_with_records(state.visit, records)), [
        _audit(EventType.RECORDS_VIEWED, records.session, section=event.section.value)
    ]


def _on_load_failed(state: KioskState, event: ev.LoadFailedEvent, now: datetime) -> Step:
    records = _matching_records(state, event.token, event.inmate_id)
    if records is None:
        return _same(state)
    ended = _session_failure(state, event.failure, now)
    if ended is not None:
        return ended
    failed = LoadFailed(notice_for(event.failure, now))
    if event.section is None:
        records = replace(records, profile=failed)
    else:
        records = replace(records, sections={**records.sections, event.section: failed})
    return _visit(state, _with_records(state.visit, records))


def _on_retry(state: KioskState, event: ev.RetryLoad, now: datetime) -> Step:
    records = state.visit
    if not isinstance(records, Records):
        return _same(state)
    token, inmate_id = records.session.token, records.inmate.inmate_id
    if event.section is None:
        if not isinstance(records.profile, LoadFailed):
            return _same(state)
        return replace(state, visit=replace(records, profile=Loading())), [
            FetchProfile(token, inmate_id)]
    if not isinstance(records.sections.get(event.section), LoadFailed):
        return _same(state)
    sections = {**records.sections, event.section: Loading()}
    return replace(state, visit=replace(records, sections=sections)), [
        FetchSection(token, inmate_id, event.section)]


def _on_tab(state: KioskState, event: ev.SelectTab, now: datetime) -> Step:
    if not isinstance(state.visit, Records):
        return _same(state)
    return _visit(state, replace(state.visit, tab=event.section))


# ---- printing ---------------------------------------------------------------------------------


def _on_open_print(state: KioskState, event: ev.OpenPrint, now: datetime) -> Step:
    if not can_print(state):
        return _same(state)
    assert isinstance(state.visit, Records)
    chosen = frozenset(state.visit.loaded_sections())
    return _visit(state, PrintPreview(state.visit, chosen))


def _on_toggle(state: KioskState, event: ev.ToggleSection, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, PrintPreview) or event.section not in (
        visit.records.loaded_sections()
    ):
        return _same(state)
    return _visit(state, replace(visit, chosen=visit.chosen ^ {event.section}))


def _on_confirm(state: KioskState, event: ev.ConfirmPrint, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, PrintPreview):
        return _same(state)
    return _print(state, visit.records, visit.chosen, None)


def _on_print_again(state: KioskState, event: ev.PrintAgain, now: datetime) -> Step:
    visit = state.visit
    if isinstance(visit, Done | PrintFailed):
        return _print(state, visit.records, visit.chosen, visit.registration)
    return _same(state)


def _on_printed(state: KioskState, event: ev.SlipPrinted, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, Printing) or visit.request_no != event.request_no:
        return _same(state)
    records = replace(visit.records, copies_printed=visit.records.copies_printed + 1)
    done = Done(records, visit.chosen, event.registration,
                return_at=now + timedelta(seconds=state.config.done_return_s))
    sections = ",".join(s.value for s in SECTION_ORDER if s in visit.chosen)
    audit = _audit(EventType.SLIP_PRINTED, records.session, slip_no=event.registration.slip_no,
                   sections=sections, copy=records.copies_printed)
    return replace(state, visit=done), [audit]


def _on_print_failed(state: KioskState, event: ev.SlipFailed, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, Printing) or visit.request_no != event.request_no:
        return _same(state)
    ended = _session_failure(state, event.failure, now)
    if ended is not None:
        return ended
    registration = event.registration or visit.registration
    failed = PrintFailed(visit.records, visit.chosen, registration,
                         notice_for(event.failure, now))
    return replace(state, visit=failed), [fault_audit(event.failure)]


# ---- navigation -----------------------------------------------------------------------------


def _on_start(state: KioskState, event: ev.Start, now: datetime) -> Step:
    if state.outage is not None or not isinstance(state.visit, Attract):
        return _same(state)
    return _visit(state, Identify())


def _on_back(state: KioskState, event: ev.Back, now: datetime) -> Step:
    visit = state.visit
    if isinstance(visit, Identify):
        return _visit(state, Attract())
    if isinstance(visit, ChooseInmate):
        return _finish(state, now)
    if isinstance(visit, Records):
        if len(visit.session.inmates) > 1:
            return _visit(state, ChooseInmate(visit.session))
        return _same(state)
    if isinstance(visit, PrintPreview | PrintFailed | Done):
        return _visit(state, visit.records)
    if isinstance(visit, Enquiry) and not visit.filing:
        return _visit(state, visit.records)
    if isinstance(visit, Attract) and visit.reading is not None:
        return _visit(state, Attract())
    return _same(state)


def _on_exit(state: KioskState, event: ev.Exit, now: datetime) -> Step:
    if isinstance(state.visit, Attract):
        return _same(state)
    if isinstance(state.visit, Farewell):
        return _to_attract(state), []
    return _finish(state, now)


# ---- time, idleness and the terminal's health -----------------------------------------------


def _on_idle(state: KioskState, event: ev.IdleTimeout, now: datetime) -> Step:
    visit = state.visit
    if isinstance(visit, Attract):
        # Nobody is there: close an open announcement, back to the default language and text.
        if visit.reading is None and state.language_choice is None and not state.large_text:
            return _same(state)
        return _to_attract(state), []
    if state.countdown_until is not None:
        return _same(state)
    if isinstance(visit, Farewell) or (
            isinstance(visit, Identify) and not (visit.id_text or visit.reference_text)):
        return _to_attract(state), []
    return replace(state, countdown_until=now + timedelta(seconds=countdown_s(state))), []


def _on_still_here(state: KioskState, event: ev.StillHere, now: datetime) -> Step:
    return replace(state, countdown_until=None), []


def _on_tick(state: KioskState, event: ev.Tick, now: datetime) -> Step:
    effects: list[Effect] = []
    if state.countdown_until is not None and now >= state.countdown_until:
        state, effects = _end_visit(state, now, "idle")
    elif isinstance(state.visit, Done) and now >= state.visit.return_at:
        state, effects = _end_visit(state, now, "finished")
    elif isinstance(state.visit, Farewell) and now >= state.visit.return_at:
        state = _to_attract(state)
    outage = state.outage
    if (outage is not None and outage.reason is Message.INTERNAL_ERROR
            and outage.until is not None and now >= outage.until):
        state = replace(state, outage=None)
    return state, effects


def _on_health_due(state: KioskState, event: ev.HealthDue, now: datetime) -> Step:
    idle = isinstance(state.visit, Attract) or state.outage is not None
    if state.health_pending or not idle:
        return _same(state)
    return replace(state, health_pending=True), [CheckHealth(state.config.prison_code)]


def _on_health(state: KioskState, event: ev.HealthChecked, now: datetime) -> Step:
    state = replace(state, health_pending=False)
    if event.failure is None:
        if event.announcements is not None:
            state = replace(state, announcements=event.announcements)
        outage = state.outage
        if outage is not None and outage.reason is not Message.INTERNAL_ERROR:
            state = replace(state, outage=None)
        return _same(state)
    if not isinstance(state.visit, Attract):
        return _same(state)  # a visit in progress shows its own errors
    return _out_of_service(state, event.failure, now)


def _on_crash(state: KioskState, event: ev.Crashed, now: datetime) -> Step:
    state, effects = _end_visit(state, now, "fault")
    effects.append(fault_audit(None, component="app", code="crash"))
    until = now + timedelta(seconds=state.config.crash_recover_s)
    return replace(state, outage=Outage(Message.INTERNAL_ERROR, since=now, until=until)), effects


# ---- announcements, language and large text ------------------------------------------------


def _on_read(state: KioskState, event: ev.ReadAnnouncement, now: datetime) -> Step:
    if not isinstance(state.visit, Attract) or state.outage is not None:
        return _same(state)
    if not any(a.id == event.announcement_id for a in state.announcements):
        return _same(state)
    return _visit(state, Attract(reading=event.announcement_id))


def _on_close_announcement(state: KioskState, event: ev.CloseAnnouncement,
                           now: datetime) -> Step:
    if isinstance(state.visit, Attract) and state.visit.reading is not None:
        return _visit(state, Attract())
    return _same(state)


LANGUAGES = ("zh_CN", "en")


def _on_language(state: KioskState, event: ev.SetLanguage, now: datetime) -> Step:
    if event.language not in LANGUAGES or event.language == state.language:
        return _same(state)
    return replace(state, language_choice=event.language), []


def _on_large_text(state: KioskState, event: ev.ToggleLargeText, now: datetime) -> Step:
    return replace(state, large_text=not state.large_text), []


# ---- enquiries (异议) -------------------------------------------------------------------------


def _on_open_enquiry(state: KioskState, event: ev.OpenEnquiry, now: datetime) -> Step:
    if not isinstance(state.visit, Records) or state.outage is not None:
        return _same(state)
    return _visit(state, Enquiry(state.visit, event.section))


def _on_reason(state: KioskState, event: ev.ChooseReason, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, Enquiry) or visit.ticket is not None or visit.filing:
        return _same(state)
    state, request_no = _next_request(state)
    records = visit.records
    effect = FileEnquiry(request_no, records.session.token, records.inmate.inmate_id,
                         visit.section, event.reason)
    filing = replace(visit, reason=event.reason, request_no=request_no, notice=None)
    return replace(state, visit=filing), [effect]


def _current_enquiry(state: KioskState, request_no: int) -> Enquiry | None:
    visit = state.visit
    if isinstance(visit, Enquiry) and visit.request_no == request_no:
        return visit
    return None


def _print_ticket(state: KioskState, enquiry: Enquiry, copy_no: int) -> Step:
    assert enquiry.ticket is not None
    state, request_no = _next_request(state)
    visit = replace(enquiry, request_no=request_no, ticket_print=TicketPrint.PRINTING,
                    print_notice=None)
    effect = PrintTicket(request_no, enquiry.ticket, copy_no, state.language)
    return replace(state, visit=visit), [effect]


def _on_enquiry_answered(state: KioskState, event: ev.EnquiryAnswered, now: datetime) -> Step:
    enquiry = _current_enquiry(state, event.request_no)
    reason = enquiry.reason if enquiry is not None else None
    if enquiry is None or not enquiry.filing or reason is None:
        return _same(state)
    enquiry = replace(enquiry, ticket=event.ticket)
    audit = _audit(EventType.ENQUIRY_FILED, enquiry.records.session,
                   ticket_no=event.ticket.ticket_no, section=enquiry.section.value,
                   reason=reason.value)
    state, effects = _print_ticket(state, enquiry, 1)
    return state, [audit, *effects]


def _on_enquiry_failed(state: KioskState, event: ev.EnquiryFailed, now: datetime) -> Step:
    enquiry = _current_enquiry(state, event.request_no)
    if enquiry is None or not enquiry.filing:
        return _same(state)
    ended = _session_failure(state, event.failure, now)
    if ended is not None:
        return ended
    return _visit(state, replace(enquiry, notice=notice_for(event.failure, now)))


def _on_ticket_printed(state: KioskState, event: ev.TicketPrinted, now: datetime) -> Step:
    enquiry = _current_enquiry(state, event.request_no)
    if enquiry is None or enquiry.ticket_print is not TicketPrint.PRINTING:
        return _same(state)
    return _visit(state, replace(enquiry, ticket_print=TicketPrint.PRINTED))


def _on_ticket_failed(state: KioskState, event: ev.TicketFailed, now: datetime) -> Step:
    enquiry = _current_enquiry(state, event.request_no)
    if enquiry is None or enquiry.ticket_print is not TicketPrint.PRINTING:
        return _same(state)
    return replace(state, visit=replace(enquiry, ticket_print=TicketPrint.FAILED,
                                        print_notice=notice_for(event.failure, now))), [
        fault_audit(event.failure)]


def _on_print_ticket_again(state: KioskState, event: ev.PrintTicketAgain, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, Enquiry) or visit.ticket_print is not TicketPrint.FAILED:
        return _same(state)
    return _print_ticket(state, visit, 1)


# ---- rating (好差评) -------------------------------------------------------------------------


def _on_rate(state: KioskState, event: ev.Rate, now: datetime) -> Step:
    visit = state.visit
    if not isinstance(visit, Farewell) or visit.score is not None or event.score not in (1, 2, 3):
        return _same(state)
    thanks = Farewell(return_at=now + timedelta(seconds=state.config.thanks_s),
                      score=event.score)
    # No subject: a rating must not be linkable to the family that gave it.
    return replace(state, visit=thanks), [_audit(EventType.RATING, None, score=event.score)]


def _on_skip_rating(state: KioskState, event: ev.SkipRating, now: datetime) -> Step:
    if not isinstance(state.visit, Farewell):
        return _same(state)
    return _to_attract(state), []


_HANDLERS: dict[type, Callable[[KioskState, Any, datetime], Step]] = {
    ev.Start: _on_start,
    ev.CardRead: _on_card,
    ev.CardUnsupported: _on_card_unsupported,
    ev.KeyPressed: _on_key,
    ev.Backspace: _on_backspace,
    ev.ClearField: _on_clear,
    ev.FocusField: _on_focus,
    ev.Submit: _on_submit,
    ev.Back: _on_back,
    ev.Exit: _on_exit,
    ev.PickInmate: _on_pick,
    ev.SelectTab: _on_tab,
    ev.RetryLoad: _on_retry,
    ev.OpenPrint: _on_open_print,
    ev.ToggleSection: _on_toggle,
    ev.ConfirmPrint: _on_confirm,
    ev.PrintAgain: _on_print_again,
    ev.StillHere: _on_still_here,
    ev.IdleTimeout: _on_idle,
    ev.Tick: _on_tick,
    ev.HealthDue: _on_health_due,
    ev.Crashed: _on_crash,
    ev.SessionStarted: _on_session_started,
    ev.AuthFailed: _on_auth_failed,
    ev.ProfileLoaded: _on_profile,
    ev.SectionLoaded: _on_section,
    ev.LoadFailedEvent: _on_load_failed,
    ev.SlipPrinted: _on_printed,
    ev.SlipFailed: _on_print_failed,
    ev.HealthChecked: _on_health,
    ev.ReadAnnouncement: _on_read,
    ev.CloseAnnouncement: _on_close_announcement,
    ev.SetLanguage: _on_language,
    ev.ToggleLargeText: _on_large_text,
    ev.OpenEnquiry: _on_open_enquiry,
    ev.ChooseReason: _on_reason,
    ev.EnquiryAnswered: _on_enquiry_answered,
    ev.EnquiryFailed: _on_enquiry_failed,
    ev.TicketPrinted: _on_ticket_printed,
    ev.TicketFailed: _on_ticket_failed,
    ev.PrintTicketAgain: _on_print_ticket_again,
    ev.Rate: _on_rate,
    ev.SkipRating: _on_skip_rating,
}
