"""Officer mode's rules, as part of the one pure transition function.

``kiosk.flow.update.update`` asks :func:`officer_update` first: it handles every officer event,
and while officer mode is on it swallows the visitor's input events (the visitor screens are
covered; a card laid on the reader must not start a visit under the officer's hands). Anything
else (timers, answers of the visit's workers) goes on to the visitor rules.

Rules worth knowing:

- the pad auto-submits at 8 digits; OK submits 6 or 7; a locked pad takes no digits and says
  until when; the lock and the failure count come from the store (they survive a restart);
- cancelling the pad returns to the visit as it was; the pad left idle ends the visit
  (``idle``), since the family's own idle countdown was suspended meanwhile;
- leaving officer mode (log out, idle timeout, reset, exit) always ends any visit
  (``officer_reset``) and lands on the attract screen;
- every officer action is recorded as an ``admin_action`` audit event, every PIN try as
  ``admin_login``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Any, TypeAlias

from kiosk.api.models import EventType
from kiosk.audit.catalogue import AdminAction
from kiosk.flow import events as ev
from kiosk.flow import officer_events as oe
from kiosk.flow.effects import Audit, Effect
from kiosk.flow.officer_state import (
    PIN_MAX_DIGITS,
    PIN_MIN_DIGITS,
    Leaving,
    OfficerMode,
    OfficerPage,
    Pending,
    PinNotice,
    PinPad,
)
from kiosk.flow.state import KioskState
from kiosk.officer.pinlock import PinOutcome

Step: TypeAlias = tuple[KioskState, list[Effect]]
EndVisit: TypeAlias = Callable[[KioskState, datetime, str], Step]

DEVICE_ACTIONS = frozenset({AdminAction.TEST_PRINT, AdminAction.PRINTER_DIAGNOSTICS,
                            AdminAction.READER_DIAGNOSTICS})

_VISITOR_INPUT = (
    ev.Start, ev.CardRead, ev.CardUnsupported, ev.KeyPressed, ev.Backspace, ev.ClearField,
    ev.FocusField, ev.Submit, ev.Back, ev.PickInmate, ev.SelectTab, ev.RetryLoad, ev.OpenPrint,
    ev.ToggleSection, ev.ConfirmPrint, ev.PrintAgain, ev.StillHere, ev.IdleTimeout,
    ev.ReadAnnouncement, ev.CloseAnnouncement, ev.SetLanguage, ev.ToggleLargeText,
    ev.OpenEnquiry, ev.ChooseReason, ev.PrintTicketAgain, ev.Rate, ev.SkipRating,
)


def officer_update(state: KioskState, event: object, now: datetime,
                   end_visit: EndVisit) -> Step | None:
    """The step for an officer event, or for a visitor input while officer mode is on; None
    for everything the visitor rules handle."""
    handler = _HANDLERS.get(type(event))
    if handler is not None:
        return handler(state, event, now, end_visit)
    if state.officer is not None and isinstance(event, _VISITOR_INPUT):
        return state, []
    return None


# ---- helpers ----------------------------------------------------------------------------------


def _same(state: KioskState) -> Step:
    return state, []


def _pad(state: KioskState) -> PinPad | None:
    return state.officer if isinstance(state.officer, PinPad) else None


def _mode(state: KioskState) -> OfficerMode | None:
    officer = state.officer
    return officer if isinstance(officer, OfficerMode) and officer.leaving is None else None


def _with(state: KioskState, officer: PinPad | OfficerMode | None) -> KioskState:
    return replace(state, officer=officer)


def _admin(action: AdminAction, **data: str | int | bool) -> Audit:
    return Audit(EventType.ADMIN_ACTION, None,
                 tuple(sorted({"action": action.value, **data}.items())))


def _login(outcome: PinOutcome, failures: int | None = None) -> Audit:
    data: dict[str, str | int | bool] = {"outcome": outcome.value}
    if failures is not None:
        data["failures"] = failures
    return Audit(EventType.ADMIN_LOGIN, None, tuple(sorted(data.items())))


def _leave(state: KioskState, now: datetime, end_visit: EndVisit,
           leaving: Leaving | None = None) -> Step:
    """End any visit; officer mode ends now, or once the UI has done ``leaving``."""
    state, effects = end_visit(state, now, "officer_reset")
    mode = state.officer
    officer = replace(mode, leaving=leaving) if (
        leaving is not None and isinstance(mode, OfficerMode)) else None
    return _with(state, officer), effects


# ---- the PIN pad ------------------------------------------------------------------------------


def _on_gesture(state: KioskState, event: oe.OfficerGesture, now: datetime,
                end_visit: EndVisit) -> Step:
    if state.officer is not None:
        return _same(state)
    pad = PinPad(pin_set=event.pin_set, notice=None if event.pin_set else PinNotice.NO_PIN)
    # The family's "still there?" countdown must not end the visit under the pad.
    state = replace(state, officer=pad, countdown_until=None)
    if not event.pin_set:
        return state, [_login(PinOutcome.NO_PIN)]
    return state, [oe.ReadPinLock()]


def _on_lock_read(state: KioskState, event: oe.PinLockRead, now: datetime,
                  end_visit: EndVisit) -> Step:
    pad = _pad(state)
    if pad is None or pad.checking:
        return _same(state)
    pad = replace(pad, failures=event.failures, locked_until=event.locked_until)
    if pad.locked(now):
        pad = replace(pad, notice=PinNotice.LOCKED, digits="")
    return _with(state, pad), []


def _typing_allowed(pad: PinPad | None, now: datetime) -> bool:
    return pad is not None and pad.pin_set and not pad.checking and not pad.locked(now)


def _on_pin_key(state: KioskState, event: oe.PinKey, now: datetime,
                end_visit: EndVisit) -> Step:
    pad = _pad(state)
    if not _typing_allowed(pad, now) or event.digit not in "0123456789" or len(event.digit) != 1:
        return _same(state)
    assert pad is not None
    if len(pad.digits) >= PIN_MAX_DIGITS:
        return _same(state)
    pad = replace(pad, digits=pad.digits + event.digit, notice=None)
    state = _with(state, pad)
    if len(pad.digits) == PIN_MAX_DIGITS:
        return _submit(state, pad)
    return state, []


def _on_pin_backspace(state: KioskState, event: oe.PinBackspace, now: datetime,
                      end_visit: EndVisit) -> Step:
    pad = _pad(state)
    if not _typing_allowed(pad, now):
        return _same(state)
    assert pad is not None
    return _with(state, replace(pad, digits=pad.digits[:-1], notice=None)), []


def _submit(state: KioskState, pad: PinPad) -> Step:
    if len(pad.digits) < PIN_MIN_DIGITS:
        return _with(state, replace(pad, notice=PinNotice.TOO_SHORT)), []
    request_no = state.next_request_no
    checking = replace(pad, digits="", checking=True, request_no=request_no, notice=None)
    state = replace(state, officer=checking, next_request_no=request_no + 1)
    return state, [oe.CheckPin(request_no, pad.digits)]


def _on_pin_submit(state: KioskState, event: oe.PinSubmit, now: datetime,
                   end_visit: EndVisit) -> Step:
    pad = _pad(state)
    if not _typing_allowed(pad, now):
        return _same(state)
    assert pad is not None
    return _submit(state, pad)


def _on_pin_checked(state: KioskState, event: oe.PinChecked, now: datetime,
                    end_visit: EndVisit) -> Step:
    check = event.check
    effects: list[Effect] = [_login(check.outcome, None if check.outcome in (
        PinOutcome.OK, PinOutcome.NO_PIN) else check.failures)]
    if check.new_lock:
        effects.append(_admin(AdminAction.PIN_LOCKED, failures=check.failures,
                              lock_s=check.lock_s))
    pad = _pad(state)
    if pad is None or not pad.checking or pad.request_no != event.request_no:
        return state, effects  # the pad was closed meanwhile; the try still counts
    if check.outcome is PinOutcome.OK:
        return _with(state, OfficerMode(entered_at=now)), effects
    notice = {PinOutcome.WRONG: PinNotice.WRONG, PinOutcome.LOCKED: PinNotice.LOCKED,
              PinOutcome.NO_PIN: PinNotice.NO_PIN}[check.outcome]
    pad = replace(pad, checking=False, failures=check.failures,
                  locked_until=check.locked_until, notice=notice,
                  pin_set=check.outcome is not PinOutcome.NO_PIN)
    return _with(state, pad), effects


def _on_pin_cancel(state: KioskState, event: oe.PinCancel, now: datetime,
                   end_visit: EndVisit) -> Step:
    if _pad(state) is None:
        return _same(state)
    return _with(state, None), []  # back to the visit, as it was


# ---- officer mode -----------------------------------------------------------------------------


def _on_idle(state: KioskState, event: oe.OfficerIdle, now: datetime,
             end_visit: EndVisit) -> Step:
    if _pad(state) is not None:
        state, effects = end_visit(state, now, "idle")
        return _with(state, None), effects
    if _mode(state) is None:
        return _same(state)
    state, effects = _leave(state, now, end_visit)
    return state, [*effects, _admin(AdminAction.OFFICER_TIMEOUT, idle_s=max(event.idle_s, 0))]


_PAGE_LOADS: dict[OfficerPage, tuple[Pending, Effect]] = {
    OfficerPage.STATUS: (Pending.STATUS, oe.GatherStatus()),
    OfficerPage.STATS: (Pending.STATS, oe.LoadStats()),
    OfficerPage.SETTINGS: (Pending.SETTINGS, oe.ReadOverrides()),
}


def _on_open(state: KioskState, event: oe.OfficerOpen, now: datetime,
             end_visit: EndVisit) -> Step:
    mode = _mode(state)
    if mode is None:
        return _same(state)
    # Results belong to the page that asked; the slip check's inmate name goes at once.
    mode = replace(mode, page=event.page, verification=None, action=None, settings=None)
    effects: list[Effect] = []
    load = _PAGE_LOADS.get(event.page)
    if load is not None and load[0] not in mode.pending:
        mode = replace(mode, pending=mode.pending | {load[0]})
        effects.append(load[1])
    return _with(state, mode), effects


def _on_logout(state: KioskState, event: oe.OfficerLogout, now: datetime,
               end_visit: EndVisit) -> Step:
    if _mode(state) is None:
        return _same(state)
    state, effects = _leave(state, now, end_visit)
    return state, [*effects, _admin(AdminAction.LOGOUT)]


def _start(state: KioskState, pending: Pending, effect: Effect) -> Step:
    mode = _mode(state)
    if mode is None or pending in mode.pending:
        return _same(state)
    return _with(state, replace(mode, pending=mode.pending | {pending})), [effect]


def _done(state: KioskState, pending: Pending, **changes: Any) -> KioskState:
    mode = _mode(state)
    if mode is None:
        return state
    return _with(state, replace(mode, pending=mode.pending - {pending}, **changes))


def _on_run(state: KioskState, event: oe.OfficerRun, now: datetime,
            end_visit: EndVisit) -> Step:
    if event.action not in DEVICE_ACTIONS:
        return _same(state)
    mode = _mode(state)
    if mode is not None:
        state = _with(state, replace(mode, action=None))
    return _start(state, Pending.ACTION, oe.RunAction(event.action))


def _on_action_done(state: KioskState, event: oe.ActionDone, now: datetime,
                    end_visit: EndVisit) -> Step:
    result = event.result
    data: dict[str, str | int | bool] = {"result": "ok" if result.ok else "failed"}
    if event.action is AdminAction.TEST_PRINT:
        data["code"] = result.code
    elif result.state is not None:
        data["state"] = result.state
    state = _done(state, Pending.ACTION, action=(event.action.value, result))
    return state, [_admin(event.action, **data)]


def _on_verify(state: KioskState, event: oe.OfficerVerify, now: datetime,
               end_visit: EndVisit) -> Step:
    if not event.url and not (event.slip_no and event.code):
        return _same(state)
    mode = _mode(state)
    if mode is not None:
        state = _with(state, replace(mode, verification=None))
    return _start(state, Pending.VERIFY, oe.VerifySlip(event.slip_no, event.code, event.url))


def _on_slip_checked(state: KioskState, event: oe.SlipChecked, now: datetime,
                     end_visit: EndVisit) -> Step:
    check = event.check
    effects: list[Effect] = []
    if check.valid is not None and check.slip_no:
        effects.append(_admin(AdminAction.SLIP_VERIFIED, slip_no=check.slip_no,
                              valid=check.valid, method=event.method))
    mode = _mode(state)
    if mode is None or mode.page is not OfficerPage.VERIFY:
        return _done(state, Pending.VERIFY), effects  # never keep a name nobody looks at
    return _done(state, Pending.VERIFY, verification=check), effects


def _on_save(state: KioskState, event: oe.OfficerSaveSetting, now: datetime,
             end_visit: EndVisit) -> Step:
    mode = _mode(state)
    if mode is not None:
        state = _with(state, replace(mode, settings=None))
    return _start(state, Pending.SETTINGS, oe.SaveSetting(event.section, event.key, event.text))


def _on_undo(state: KioskState, event: oe.OfficerUndoSettings, now: datetime,
             end_visit: EndVisit) -> Step:
    mode = _mode(state)
    if mode is None or not mode.undo_available:
        return _same(state)
    return _start(_with(state, replace(mode, settings=None)), Pending.SETTINGS,
                  oe.UndoSettings())


def _on_settings_saved(state: KioskState, event: oe.SettingsSaved, now: datetime,
                       end_visit: EndVisit) -> Step:
    outcome = event.outcome
    effects: list[Effect] = []
    if outcome.ok and outcome.settings is not None:
        s = outcome.settings
        state = replace(state, config=replace(
            state.config, prison_code=s.terminal.prison_code, language=s.kiosk.language,
            countdown_s=s.kiosk.countdown_s, max_copies=s.printer.max_copies_per_session))
    if outcome.ok and outcome.keys:
        if outcome.undone:
            effects.append(_admin(AdminAction.SETTINGS_UNDONE, keys=outcome.keys))
        else:
            effects.append(_admin(AdminAction.SETTINGS_CHANGED, keys=outcome.keys,
                                  restart_needed=outcome.restart_needed))
    state = _done(state, Pending.SETTINGS, settings=outcome,
                  undo_available=outcome.undo_available, overridden=event.overridden)
    return state, effects


def _on_overrides(state: KioskState, event: oe.OverridesRead, now: datetime,
                  end_visit: EndVisit) -> Step:
    return _done(state, Pending.SETTINGS, undo_available=event.undo_available,
                 overridden=event.overridden), []


def _on_status(state: KioskState, event: oe.StatusGathered, now: datetime,
               end_visit: EndVisit) -> Step:
    return _done(state, Pending.STATUS, status=event.status), []


def _on_stats(state: KioskState, event: oe.StatsLoaded, now: datetime,
              end_visit: EndVisit) -> Step:
    return _done(state, Pending.STATS, stats=event.stats), []


def _on_reset(state: KioskState, event: oe.OfficerReset, now: datetime,
              end_visit: EndVisit) -> Step:
    mode = _mode(state)
    if mode is None:
        return _same(state)
    state = _with(state, replace(mode, pending=mode.pending | {Pending.RESET}))
    state, effects = _leave(state, now, end_visit, Leaving.RESET)
    return state, [*effects, oe.ResetTerminal()]


def _on_reset_done(state: KioskState, event: oe.ResetDone, now: datetime,
                   end_visit: EndVisit) -> Step:
    officer = state.officer
    if isinstance(officer, OfficerMode) and officer.leaving is Leaving.RESET:
        state = _with(state, None)
    return state, [_admin(AdminAction.RESET, cleared_jobs=max(event.cleared_jobs, 0))]


def _on_exit(state: KioskState, event: oe.OfficerExit, now: datetime,
             end_visit: EndVisit) -> Step:
    if _mode(state) is None:
        return _same(state)
    state, effects = _leave(state, now, end_visit, Leaving.EXIT)
    return state, [*effects, _admin(AdminAction.EXIT_TO_DESKTOP)]


_HANDLERS: dict[type, Callable[[KioskState, Any, datetime, EndVisit], Step]] = {
    oe.OfficerGesture: _on_gesture,
    oe.PinLockRead: _on_lock_read,
    oe.PinKey: _on_pin_key,
    oe.PinBackspace: _on_pin_backspace,
    oe.PinSubmit: _on_pin_submit,
    oe.PinChecked: _on_pin_checked,
    oe.PinCancel: _on_pin_cancel,
    oe.OfficerIdle: _on_idle,
    oe.OfficerOpen: _on_open,
    oe.OfficerLogout: _on_logout,
    oe.OfficerRun: _on_run,
    oe.ActionDone: _on_action_done,
    oe.OfficerVerify: _on_verify,
    oe.SlipChecked: _on_slip_checked,
    oe.OfficerSaveSetting: _on_save,
    oe.OfficerUndoSettings: _on_undo,
    oe.SettingsSaved: _on_settings_saved,
    oe.OverridesRead: _on_overrides,
    oe.StatusGathered: _on_status,
    oe.StatsLoaded: _on_stats,
    oe.OfficerReset: _on_reset,
    oe.ResetDone: _on_reset_done,
    oe.OfficerExit: _on_exit,
}
