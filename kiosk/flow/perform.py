"""Carry out one effect of the flow: blocking I/O, run by a worker off the GUI thread.

``perform`` returns the event that reports the outcome (or None for effects nobody waits for).
Typed failures of the central API and the printer come back as events; anything else is a bug
and propagates, so the caller shows the out-of-service screen and writes a crash report.

This module is Qt-free: the UI's worker pool calls it, and so can a test or a script.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, InvalidCredentials
from kiosk.api.models import EnquiryRequest, SessionRequest, SlipRequest
from kiosk.audit.recorder import AuditRecorder
from kiosk.flow import events as ev
from kiosk.flow import officer_events as oe
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
from kiosk.flow.failures import Failure, FailureKind, classify
from kiosk.flow.officer_perform import OfficerDeps, perform_officer
from kiosk.flow.slip_content import slip_content, slip_language
from kiosk.officer.actions import ActionResult, SlipCheck
from kiosk.printing import PrinterBackend, PrinterError, wait_for_job
from kiosk.secrets import subject_hmac
from kiosk.settings import Settings
from kiosk.store import Store
from kiosk.visitor.idnumber import mask_id_number
from kiosk.visitor.lockout import LockoutPolicy, lockout_state

log = logging.getLogger("kiosk.flow")


class FlowDeps(OfficerDeps, Protocol):
    """The parts an effect needs (``kiosk.services.Services`` provides them)."""

    @property
    def settings(self) -> Settings: ...
    @property
    def client(self) -> CentralClient: ...
    @property
    def store(self) -> Store: ...
    @property
    def printer(self) -> PrinterBackend: ...
    @property
    def terminal_secret(self) -> bytes: ...
    @property
    def clock(self) -> Callable[[], datetime]: ...
    @property
    def audit_listener(self) -> Callable[[], None] | None: ...


def perform(effect: Effect, deps: FlowDeps) -> ev.Event | None:
    """Do what ``effect`` asks and report how it went."""
    if isinstance(effect, CreateSession):
        return _create_session(effect, deps)
    if isinstance(effect, EndSession):
        _end_session(effect, deps)
        return None
    if isinstance(effect, FetchProfile):
        return _fetch_profile(effect, deps)
    if isinstance(effect, FetchSection):
        return _fetch_section(effect, deps)
    if isinstance(effect, PrintSlip):
        return _print_slip(effect, deps)
    if isinstance(effect, CheckHealth):
        return _check_health(effect, deps)
    if isinstance(effect, Audit):
        _audit(effect, deps)
        return None
    if isinstance(effect, FileEnquiry):
        return _file_enquiry(effect, deps)
    if isinstance(effect, PrintTicket):
        return _print_ticket(effect, deps)
    if isinstance(effect, oe.OfficerEffect):
        return perform_officer(effect, deps)
    raise AssertionError(f"unknown effect {type(effect).__name__}")


def _seconds_until(until: datetime | None, now: datetime) -> int:
    return 0 if until is None else max(math.ceil((until - now).total_seconds()), 1)


def _create_session(effect: CreateSession, deps: FlowDeps) -> ev.Event:
    creds = effect.credentials
    subject = subject_hmac(deps.terminal_secret, creds.id_number)
    policy = LockoutPolicy()
    now = deps.clock()
    lock = lockout_state(deps.store.failures(subject, now - policy.lookback), now, policy)
    if lock.locked:
        return ev.AuthFailed(effect.request_no, Failure(
            FailureKind.LOCKED, retry_after_s=_seconds_until(lock.until, now),
            detail="local_lockout"))
    request = SessionRequest(id_number=creds.id_number,
                             reference_number=creds.reference_number, method=creds.method)
    try:
        created = deps.client.create_session(request)
    except InvalidCredentials as exc:
        deps.store.record_failure(subject, now)
        lock = lockout_state(deps.store.failures(subject, now - policy.lookback), now, policy)
        if lock.locked:
            return ev.AuthFailed(effect.request_no, Failure(
                FailureKind.LOCKED, retry_after_s=_seconds_until(lock.until, now),
                detail="local_lockout"))
        left = lock.attempts_left if exc.attempts_left is None else min(
            exc.attempts_left, lock.attempts_left)
        return ev.AuthFailed(effect.request_no, Failure(
            FailureKind.INVALID_CREDENTIALS, attempts_left=left, detail=exc.code))
    except ApiError as exc:
        return ev.AuthFailed(effect.request_no, classify(exc))
    deps.store.clear_failures(subject)
    return ev.SessionStarted(effect.request_no, created, mask_id_number(creds.id_number),
                             subject)


def _end_session(effect: EndSession, deps: FlowDeps) -> None:
    try:
        deps.client.end_session(effect.token)
    except ApiError as exc:
        # The screen is already wiped; the session expires on the server by itself.
        log.info("ending the session failed (%s); it will expire on its own", exc.code)


def _fetch_profile(effect: FetchProfile, deps: FlowDeps) -> ev.Event:
    try:
        profile = deps.client.profile(effect.token, effect.inmate_id)
    except ApiError as exc:
        return ev.LoadFailedEvent(effect.token, effect.inmate_id, None, classify(exc))
    return ev.ProfileLoaded(effect.token, effect.inmate_id, profile)


def _fetch_section(effect: FetchSection, deps: FlowDeps) -> ev.Event:
    try:
        data = deps.client.section(effect.token, effect.inmate_id, effect.section)
    except ApiError as exc:
        return ev.LoadFailedEvent(effect.token, effect.inmate_id, effect.section, classify(exc))
    return ev.SectionLoaded(effect.token, effect.inmate_id, effect.section, data)


def warm_up() -> None:
    """Import the slip renderer and load its fonts (about a second) before the first print,
    in a worker at start-up, so neither start-up nor the first slip waits for it."""
    from kiosk.slip import load_fonts

    load_fonts()


def _print_slip(effect: PrintSlip, deps: FlowDeps) -> ev.Event:
    from kiosk.slip import content_sha256, render_slip

    settings = deps.settings
    content = slip_content(settings, deps.clock(), effect.masked_id, effect.profile,
                           effect.sections, effect.language)
    registration = effect.registration
    try:
        if registration is None:
            request = SlipRequest(inmate_id=effect.inmate_id,
                                  sections=[s for s, _ in effect.sections],
                                  content_sha256=content_sha256(content))
            registration = deps.client.register_slip(effect.token, request)
        pdf = render_slip(content, registration, settings.printer.layout)
        # One job per copy: a second copy of the same slip must not replace the first job.
        job_name = f"slip-{registration.slip_no}-{effect.copy_no}"
        job = deps.printer.print_pdf(pdf, job_name=job_name, copies=1)
        wait_for_job(deps.printer, job)
    except ApiError as exc:
        return ev.SlipFailed(effect.request_no, classify(exc), registration)
    except PrinterError as exc:
        return ev.SlipFailed(effect.request_no, Failure(FailureKind.PRINTER, detail=exc.code),
                             registration)
    return ev.SlipPrinted(effect.request_no, registration)


def _file_enquiry(effect: FileEnquiry, deps: FlowDeps) -> ev.Event:
    request = EnquiryRequest(inmate_id=effect.inmate_id, section=effect.section,
                             reason=effect.reason)
    try:
        ticket = deps.client.file_enquiry(effect.token, request)
    except ApiError as exc:
        return ev.EnquiryFailed(effect.request_no, classify(exc))
    return ev.EnquiryAnswered(effect.request_no, ticket)


def _print_ticket(effect: PrintTicket, deps: FlowDeps) -> ev.Event:
    from kiosk.slip import render_enquiry_ticket

    settings = deps.settings
    pdf = render_enquiry_ticket(effect.ticket, settings.terminal.prison_name,
                                settings.terminal.id, deps.clock(), settings.printer.layout,
                                slip_language(effect.language))
    try:
        job = deps.printer.print_pdf(
            pdf, job_name=f"enquiry-{effect.ticket.ticket_no}-{effect.copy_no}", copies=1)
        wait_for_job(deps.printer, job)
    except PrinterError as exc:
        return ev.TicketFailed(effect.request_no, Failure(FailureKind.PRINTER, detail=exc.code))
    return ev.TicketPrinted(effect.request_no)


def _check_health(effect: CheckHealth, deps: FlowDeps) -> ev.Event:
    try:
        deps.client.health()
        # Announcements need the terminal token: this also proves the terminal is still
        # authorised, so the out-of-service screen for a revoked token recovers by itself.
        announcements = deps.client.announcements(effect.prison_code)
    except ApiError as exc:
        return ev.HealthChecked(classify(exc))
    return ev.HealthChecked(None, tuple(announcements.items))


def _audit(effect: Audit, deps: FlowDeps) -> None:
    try:
        AuditRecorder(deps.store, deps.clock, on_recorded=deps.audit_listener).record(
            effect.type, subject=effect.subject, **dict(effect.data))
    except Exception:
        # The audit trail must not end a family's visit; the fault is logged for the officer.
        log.exception("could not record the %s audit event", effect.type.value)


def time_limit(effect: Effect, settings: Settings) -> float | None:
    """How long a worker may take before the family is told it timed out (None: no limit).

    A little longer than the client's own worst case (connect + read timeouts, times the attempts
    it makes), so the client's own typed timeout normally arrives first.
    """
    central = settings.central
    one_try = central.connect_timeout_s + central.read_timeout_s
    if isinstance(effect, FetchProfile | FetchSection | CheckHealth):
        return one_try * (central.get_retries + 1) + 5
    if isinstance(effect, CreateSession | FileEnquiry):
        return one_try + 5
    if isinstance(effect, PrintSlip):
        return one_try + settings.printer.job_timeout_s + 10
    if isinstance(effect, PrintTicket):
        return settings.printer.job_timeout_s + 10
    if isinstance(effect, oe.VerifySlip):
        return one_try * (central.get_retries + 1) + 5
    if isinstance(effect, oe.RunAction):
        return settings.printer.job_timeout_s + 30
    return None


def failed_event(effect: Effect, failure: Failure) -> ev.Event | None:
    """The event reporting that ``effect`` failed with ``failure`` (for the watchdog)."""
    if isinstance(effect, oe.VerifySlip):
        return oe.SlipChecked(SlipCheck(effect.slip_no, None, error=failure.kind.value),
                              "scan" if effect.url else "typed")
    if isinstance(effect, oe.RunAction):
        return oe.ActionDone(effect.action, ActionResult(False, failure.kind.value))
    if isinstance(effect, CreateSession):
        return ev.AuthFailed(effect.request_no, failure)
    if isinstance(effect, FetchProfile):
        return ev.LoadFailedEvent(effect.token, effect.inmate_id, None, failure)
    if isinstance(effect, FetchSection):
        return ev.LoadFailedEvent(effect.token, effect.inmate_id, effect.section, failure)
    if isinstance(effect, PrintSlip):
        return ev.SlipFailed(effect.request_no, failure, effect.registration)
    if isinstance(effect, CheckHealth):
        return ev.HealthChecked(failure)
    if isinstance(effect, FileEnquiry):
        return ev.EnquiryFailed(effect.request_no, failure)
    if isinstance(effect, PrintTicket):
        return ev.TicketFailed(effect.request_no, failure)
    return None
