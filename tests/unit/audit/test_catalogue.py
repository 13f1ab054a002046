"""The audit catalogue: generated docs are current, and make_event refuses what it must."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from kiosk.api.models import EventType
from kiosk.audit import catalogue
from kiosk.audit.catalogue import (
    ADMIN_ACTIONS,
    EVENTS,
    AdminAction,
    AuditDataError,
    counter_for,
    make_event,
)
from kiosk.resources import project_file

AT = datetime(2026, 11, 27, 2, 15, tzinfo=UTC)
SUBJECT = "ab" * 32


def test_docs_are_generated_from_the_catalogue() -> None:
    doc = project_file(catalogue.DOC_PATH)
    assert doc.read_text(encoding="utf-8") == catalogue.render_docs(), (
        "docs/audit-events.md is stale: run python -m kiosk.audit.catalogue --write-docs"
    )


def test_every_contract_event_type_and_officer_action_is_documented() -> None:
    assert set(EVENTS) == set(EventType)
    assert set(ADMIN_ACTIONS) == set(AdminAction)
    text = catalogue.render_docs()
    for name in [t.value for t in EventType] + [a.value for a in AdminAction]:
        assert f"`{name}`" in text


def test_make_event_builds_a_contract_event_with_a_fresh_id() -> None:
    one = make_event(EventType.RATING, AT, score=3)
    two = make_event("rating", AT, score=3)
    assert one.type is EventType.RATING and one.data == {"score": 3} and one.at == AT
    assert one.event_id != two.event_id


def test_admin_action_takes_the_keys_of_its_action() -> None:
    event = make_event(EventType.ADMIN_ACTION, AT, action=AdminAction.SETTINGS_CHANGED,
                       keys="printer.backend,kiosk.language", restart_needed=False)
    assert event.data == {"action": "settings_changed", "keys": "printer.backend,kiosk.language",
                          "restart_needed": False}
    assert type(event.data["action"]) is str  # plain JSON string, not the enum


@pytest.mark.parametrize(
    ("type_", "kwargs", "message"),
    [
        pytest.param(EventType.RATING, {"score": 3, "name": "x"}, "not in the catalogue",
                     id="unknown-key"),
        pytest.param(EventType.RATING, {"score": 4}, "from 1 to 3", id="score-too-high"),
        pytest.param(EventType.RATING, {"score": True}, "whole number", id="score-bool"),
        pytest.param(EventType.RATING, {}, "required", id="score-missing"),
        pytest.param(EventType.SESSION_STARTED, {"method": "face"}, "one of", id="bad-choice"),
        pytest.param(EventType.ADMIN_ACTION, {"action": "format_disk"}, "expected one of",
                     id="unknown-action"),
        pytest.param(EventType.ADMIN_ACTION, {"action": "reset", "keys": "a.b"},
                     "not in the catalogue", id="key-of-another-action"),
        pytest.param(EventType.ADMIN_ACTION, {"action": "settings_changed",
                                              "keys": "central.base_url=https://x"},
                     "text matching", id="setting-value-smuggled"),
        pytest.param(EventType.FAULT, {"component": "api", "code": "timeout while 王某"},
                     "text matching", id="free-text-code"),
    ],
)
def test_make_event_refuses_data_outside_the_catalogue(type_, kwargs, message) -> None:
    with pytest.raises(AuditDataError, match=message):
        make_event(type_, AT, **kwargs)


@pytest.mark.parametrize(
    "value",
    ["15010219800101123X", "15010219800101123x", "150102198001011234",
     "150102 19800101 123X", "１５０１０２１９８００１０１１２３Ｘ",
     "slip 150102198001011234 printed"],
    ids=["18-with-X", "18-lower-x", "18-digits", "spaced", "fullwidth", "embedded"],
)
def test_make_event_refuses_strings_shaped_like_an_id_number(value: str) -> None:
    with pytest.raises(AuditDataError, match="looks like an ID number"):
        make_event(EventType.SLIP_PRINTED, AT, subject=SUBJECT, slip_no=value)


def test_subject_only_where_the_catalogue_allows_it() -> None:
    assert make_event(EventType.SESSION_STARTED, AT, subject=SUBJECT).subject == SUBJECT
    with pytest.raises(AuditDataError, match="no subject"):
        make_event(EventType.RATING, AT, subject=SUBJECT, score=2)


def test_naive_times_are_refused() -> None:
    with pytest.raises(AuditDataError, match="offset"):
        make_event(EventType.RATING, datetime(2026, 11, 27, 10, 0), score=1)


@pytest.mark.parametrize(
    ("type_", "kwargs", "counter"),
    [
        (EventType.SESSION_STARTED, {"method": "card"}, "visits"),
        (EventType.SLIP_PRINTED, {}, "slips"),
        (EventType.ENQUIRY_FILED, {}, "enquiries"),
        (EventType.RATING, {"score": 2}, "rating_2"),
        (EventType.FAULT, {"component": "printer"}, "faults"),
        (EventType.ADMIN_LOGIN, {"outcome": "ok"}, "officer_logins"),
        (EventType.ADMIN_LOGIN, {"outcome": "wrong_pin"}, None),
        (EventType.SESSION_ENDED, {}, None),
    ],
    ids=lambda v: str(v) if not isinstance(v, dict) else None,
)
def test_statistics_counter_of_each_event(type_, kwargs, counter) -> None:
    subject = SUBJECT if EVENTS[type_].subject else None
    assert counter_for(make_event(type_, AT, subject=subject, **kwargs)) == counter
