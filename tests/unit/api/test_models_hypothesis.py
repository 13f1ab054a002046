"""Hypothesis feeds the contract's models random and hostile JSON.

Every input is either parsed or rejected with pydantic's ``ValidationError`` — never another
exception (a ``decimal.InvalidOperation`` or ``OverflowError`` would escape the client, which
only turns ``ValidationError`` into ``BadResponse``). One level up, ``parse_answer`` and
``error_from_answer`` turn any body and any headers into a model or a typed ``ApiError``.
"""

from __future__ import annotations

import contextlib
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError
from requests.structures import CaseInsensitiveDict

from kiosk.api import models
from kiosk.api.answers import error_from_answer, parse_answer
from kiosk.api.errors import ApiError, BadResponse

_FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_T = "2026-11-27T10:15:00+08:00"
_SHA = "e" * 64
_INMATE = {"inmate_id": "NM150001", "name": "李某某", "relationship": "母子",
           "prison_name": "呼和浩特第一监狱", "ward": "三监区"}

# One valid document per model, in the contract's own words (central-api.md).
SAMPLES: dict[type[BaseModel], dict[str, Any]] = {
    models.ErrorDetail: {"code": "locked", "message": "m", "retry_after": 900},
    models.ErrorBody: {"error": {"code": "invalid_credentials", "message": "m",
                                 "attempts_left": 2}},
    models.Health: {"status": "ok", "time": _T, "api_version": "1.3"},
    models.Announcement: {"id": "a-102", "category": "notice", "title": "通知", "body": "正文",
                          "published_at": _T},
    models.Announcements: {"items": [{"id": "a-102", "category": "news", "title": "t",
                                      "body": "b", "published_at": _T}]},
    models.SessionRequest: {"id_number": "15010219800101123X",
                            "reference_number": "NM24-7K3P-9Q", "method": "card"},
    models.Visitor: {"display_name": "王*芳"},
    models.LinkedInmate: _INMATE,
    models.SessionCreated: {"session_token": "opaque-token", "expires_at": _T,
                            "visitor": {"display_name": "王*芳"}, "inmates": [_INMATE]},
    models.Sentence: {"term": "有期徒刑八年", "start": "2020-03-01", "end": "2028-02-29",
                      "current_end": "2027-06-29"},
    models.Profile: {"inmate_id": "NM150001", "name": "巴特尔·额尔敦", "prison_name": "p",
                     "ward": "三监区", "crime": "盗窃罪", "treatment_level": "普管", "as_of": _T,
                     "sentence": {"term": "有期徒刑八年", "start": "2020-03-01",
                                  "end": "2028-02-29", "current_end": "2027-06-29"}},
    models.ReformMonth: {"month": "2026-10", "ideology": "好", "education": "良",
                         "labour": "好", "remark": "..."},
    models.Course: {"name": "思想政治", "term": "2026上", "score": 86, "result": "合格"},
    models.Certificate: {"name": "中式烹调师（初级）", "issued_on": "2025-06-30"},
    models.Reform: {"as_of": _T,
                    "monthly": [{"month": "2026-10", "ideology": "好", "education": "良",
                                 "labour": "好"}],
                    "courses": [{"name": "n", "term": "t", "score": 86, "result": "合格"}],
                    "certificates": [{"name": "n", "issued_on": "2025-06-30"}]},
    models.AssessmentMonth: {"month": "2026-10", "base": 100, "bonus": 12.5, "deduction": 0,
                             "total": 112.5, "note": "..."},
    models.AssessmentCycle: {"closed": "2026-05", "points": 600, "outcome": "表扬",
                             "graded_on": "2026-06-15"},
    models.Assessment: {"as_of": _T, "threshold": 600, "cycle_points": 245.5,
                        "cycle_started": "2026-06",
                        "months": [{"month": "2026-10", "base": 100, "bonus": 12.5,
                                    "deduction": 0, "total": 112.5}],
                        "cycles": [{"closed": "2026-05", "points": 600, "outcome": "表扬",
                                    "graded_on": "2026-06-15"}]},
    models.RewardItem: {"date": "2026-05-12", "kind": "表扬", "reason": "r",
                        "document_no": "d"},
    models.SentenceChange: {"kind": "减刑", "stage": "裁定", "date": "2026-05-12",
                            "detail": "减刑八个月", "authority": "a"},
    models.Rewards: {"as_of": _T,
                     "items": [{"date": "2026-05-12", "kind": "禁闭", "reason": "r"}],
                     "sentence_changes": [{"kind": "假释", "stage": "公示",
                                           "date": "2026-05-12", "detail": "d"}]},
    models.Account: {"balance": "356.20", "monthly_limit": "800.00", "currency": "CNY"},
    models.Transaction: {"date": "2026-10-02", "type": "消费", "amount": "-45.50",
                         "description": "超市购物"},
    models.HealthCheck: {"date": "2026-10-02", "item": "年度体检", "result": "未见异常"},
    models.Contact: {"date": "2026-10-02", "type": "现场会见", "minutes": 30},
    models.Living: {"as_of": _T,
                    "account": {"balance": "356.20", "monthly_limit": "800.00"},
                    "transactions": [{"date": "2026-10-02", "type": "存款", "amount": "500.00"}],
                    "health": [{"date": "2026-10-02", "item": "i", "result": "r"}],
                    "contacts": [{"date": "2026-10-02", "type": "亲情电话", "minutes": 10}]},
    models.SlipRequest: {"inmate_id": "NM150001", "sections": ["reform", "living"],
                         "content_sha256": _SHA},
    models.SlipRegistered: {"slip_no": "NM-2026-0001234", "verify_code": "8F3K2JQ9",
                            "verify_url": "https://x/verify/NM-2026-0001234?c=8F3K2JQ9",
                            "issued_at": _T},
    models.SlipVerification: {"valid": True, "issued_at": _T, "inmate_name": "李*某",
                              "sections": ["reform"], "content_sha256": _SHA},
    models.EnquiryRequest: {"inmate_id": "NM150001", "section": "profile",
                            "reason": "incorrect"},
    models.EnquiryFiled: {"ticket_no": "E-2026-004512", "reply_due": "2026-12-11",
                          "track_url": "https://x/enquiries/E-2026-004512"},
    models.EnquiryState: {"ticket_no": "E-2026-004512", "status": "answered", "reply": None},
    models.Heartbeat: {"version": "1.4.0", "uptime_s": 86400, "state": "ready",
                       "printer": "paper_low", "reader": "absent", "queued_events": 0},
    models.AuditEvent: {"event_id": "0b6d3c1e-uuid", "type": "rating", "at": _T,
                        "subject": _SHA, "data": {"score": 3}},
    models.EventBatch: {"events": [{"event_id": "0b6d3c1e-uuid", "type": "fault",
                                    "at": _T, "data": {"kind": "printer"}}]},
    models.EventsAccepted: {"accepted": ["0b6d3c1e-uuid"]},
}
MODELS = sorted(SAMPLES, key=lambda m: m.__name__)
ANSWERS = [m for m in MODELS if m.model_config.get("extra") == "ignore"]

# ---- strategies ------------------------------------------------------------------------------

HOSTILE_TEXT = [
    "", " ", "\n", "\x00", "356.20\n", "٣٥٦.٢٠", "３５６", "1e999", "-0", "NaN", "Infinity",
    "2026-02-30", "2026-13", "0000-00-00T00:00:00+25:00", "9999-12-31T23:59:59+08:00",
    "2026-11-27T10:15:00", "2026-11-27", "𠮷" * 300, "x" * 5000, "true", "null", "[]", "{}",
    "15010219800101123X",
]
HOSTILE_NUMBERS = [0, -1, 2**63, -(2**63) - 1, 10**400, 1e308, -1e308, 5e-324, 0.1, 245.55,
                   1e16, 1_700_000_000]
HOSTILE = [None, True, False, *HOSTILE_NUMBERS, *HOSTILE_TEXT, [], {}, [None], {"": None}]

_scalars = st.one_of(
    st.sampled_from(HOSTILE),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)
json_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=10), inner,
                                                                max_size=5),
    max_leaves=12,
)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document that can be replaced or deleted."""
    found: list[tuple[Any, ...]] = [prefix] if prefix else []
    if isinstance(document, dict):
        for key, value in document.items():
            found += _paths(value, (*prefix, key))
    elif isinstance(document, list):
        for index, value in enumerate(document):
            found += _paths(value, (*prefix, index))
    return found


def _replaced(document: Any, path: tuple[Any, ...], value: Any, *, delete: bool) -> Any:
    copy = json.loads(json.dumps(document))
    parent = copy
    for part in path[:-1]:
        parent = parent[part]
    if delete:
        del parent[path[-1]]
    else:
        parent[path[-1]] = value
    return copy


def _dump(value: Any) -> bytes:
    # Python's json writes out-of-range floats as Infinity; a hostile server may do the same.
    return json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass")


def _parsed_or_rejected(model: type[BaseModel], raw: bytes) -> BaseModel | None:
    try:
        return model.model_validate_json(raw)
    except ValidationError as error:
        assert error.errors(), "a rejection names at least one problem"
        return None


# ---- the samples are right --------------------------------------------------------------------


def test_every_model_of_the_contract_has_a_sample() -> None:
    declared = {obj for obj in vars(models).values()
                if isinstance(obj, type) and issubclass(obj, BaseModel)
                and obj.__module__ == models.__name__ and not obj.__name__.startswith("_")}
    assert declared == set(SAMPLES)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_each_sample_parses_and_round_trips(model: type[BaseModel]) -> None:
    parsed = model.model_validate_json(_dump(SAMPLES[model]))
    assert model.model_validate_json(parsed.model_dump_json()) == parsed


# ---- random and hostile input -------------------------------------------------------------------


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_hostile_value_in_every_place(model: type[BaseModel]) -> None:
    """The exhaustive part: each known-hostile value in each place of the sample, and each
    place left out. Random search finds the rest, but would rarely hit 1e308 in ``points``."""
    sample = SAMPLES[model]
    for path in _paths(sample):
        _parsed_or_rejected(model, _dump(_replaced(sample, path, None, delete=True)))
        for value in HOSTILE:
            _parsed_or_rejected(model, _dump(_replaced(sample, path, value, delete=False)))


@_FUZZ
@given(model=st.sampled_from(MODELS), value=json_values)
def test_any_json_value_is_parsed_or_rejected(model: type[BaseModel], value: Any) -> None:
    _parsed_or_rejected(model, _dump(value))
    # The reference server builds models from Python objects: the same promise holds.
    with contextlib.suppress(ValidationError):
        model.model_validate(value)


@_FUZZ
@given(model=st.sampled_from(MODELS), raw=st.binary(max_size=200))
def test_any_bytes_are_parsed_or_rejected(model: type[BaseModel], raw: bytes) -> None:
    _parsed_or_rejected(model, raw)


@_FUZZ
@given(data=st.data(), model=st.sampled_from(MODELS), value=json_values,
       delete=st.booleans())
def test_a_valid_document_with_one_part_made_hostile(
    data: st.DataObject, model: type[BaseModel], value: Any, delete: bool
) -> None:
    sample = SAMPLES[model]
    path = data.draw(st.sampled_from(_paths(sample)), label="path")
    _parsed_or_rejected(model, _dump(_replaced(sample, path, value, delete=delete)))


@_FUZZ
@given(data=st.data(), model=st.sampled_from(ANSWERS),
       name=st.text(min_size=1, max_size=12), value=json_values)
def test_unknown_fields_anywhere_in_an_answer_are_ignored(
    data: st.DataObject, model: type[BaseModel], name: str, value: Any
) -> None:
    sample = SAMPLES[model]
    objects = [()] + [p for p in _paths(sample) if isinstance(_at(sample, p), dict)]
    where = data.draw(st.sampled_from(objects), label="object")
    if name in _at(sample, where):
        return  # not unknown
    grown = json.loads(json.dumps(sample))
    _at(grown, where)[name] = value
    assert model.model_validate_json(_dump(grown)) == model.model_validate_json(_dump(sample))


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        document = document[part]
    return document


# ---- one level up: what the client makes of any answer ----------------------------------------


@_FUZZ
@given(model=st.sampled_from(ANSWERS), body=st.one_of(st.binary(max_size=200),
                                                     json_values.map(_dump)))
def test_parse_answer_gives_the_model_or_bad_response(model: type[BaseModel],
                                                      body: bytes) -> None:
    try:
        parsed = parse_answer(model, body, status=200, request_id="r")
    except BadResponse as error:
        assert error.__cause__ is None  # the offending input does not travel on
    else:
        assert isinstance(parsed, model)


_error_bodies = st.one_of(
    st.binary(max_size=100),
    json_values.map(_dump),
    st.builds(lambda code, extra: _dump({"error": {"code": code, "message": "m", **extra}}),
              st.sampled_from([*models.ErrorCode, "teapot", ""]),
              st.dictionaries(st.sampled_from(["attempts_left", "retry_after", "message"]),
                              json_values, max_size=2)),
)


# requests decodes header values as Latin-1, so any of these can arrive.
HOSTILE_RETRY_AFTER = [
    "\u00b2", "\u00b9\u00b3", "9" * 5000, "-1", "1.5", " 7 ", "0x10",
    "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT",
    "Fri, 27 Nov 2026 10:00:30 +9999", "Sun, 32 Foo 2026 25:61:61 GMT",
]
_retry_after_values = st.one_of(
    st.none(),
    st.sampled_from(HOSTILE_RETRY_AFTER),
    st.text(st.characters(max_codepoint=255), max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
)


@pytest.mark.parametrize("status", [429, 503])
def test_every_hostile_retry_after_header_becomes_a_number_or_none(status: int) -> None:
    for value in HOSTILE_RETRY_AFTER:
        error = error_from_answer(status, CaseInsensitiveDict({"Retry-After": value}), b"",
                                  request_id="r")
        retry_after_s = getattr(error, "retry_after_s", None)
        assert retry_after_s is None or retry_after_s >= 0


@_FUZZ
@given(status=st.integers(min_value=300, max_value=599), body=_error_bodies,
       retry_after=_retry_after_values)
def test_any_error_answer_becomes_one_typed_error(status: int, body: bytes,
                                                  retry_after: str | None) -> None:
    headers = CaseInsensitiveDict({} if retry_after is None else {"Retry-After": retry_after})
    error = error_from_answer(status, headers, body, request_id="r")
    assert isinstance(error, ApiError)
    assert error.status == status
    retry_after_s = getattr(error, "retry_after_s", None)
    assert retry_after_s is None or retry_after_s >= 0
