"""The contract's models against hostile answers: every input parses or raises
``pydantic.ValidationError``; what parses holds no float and no naive time, and survives a
round trip through its own serialisation."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from kiosk.api import models
from tests.hostile.corpus import ANSWER_MODELS, CORPUS
from tests.hostile.profiles import fuzz
from tests.hostile.strategies import json_trees, mutated_answers

_TIMESTAMP_KEYS = ("time", "published_at", "expires_at", "as_of", "issued_at")
_MONEY_KEYS = ("balance", "monthly_limit", "amount")


def parse(model: type[BaseModel], wire: str | bytes) -> BaseModel | ValidationError:
    """What the client does with a 2xx body; any other exception fails the test."""
    try:
        return model.model_validate_json(wire)
    except ValidationError as error:
        return error


def walk(value: Any) -> Any:
    """Every value inside a parsed model, depth first."""
    yield value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from walk(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from walk(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from walk(item)


def check_parsed(parsed: BaseModel) -> None:
    for value in walk(parsed):
        assert not isinstance(value, float), "a number became a float"
        if isinstance(value, datetime):
            assert value.tzinfo is not None and value.utcoffset() is not None
    # What the reference server would send back out parses again to the same thing.
    again = type(parsed).model_validate_json(parsed.model_dump_json())
    assert again == parsed


@fuzz(1)
@given(st.sampled_from(ANSWER_MODELS), json_trees())
def test_random_json_trees(model: type[BaseModel], tree: Any) -> None:
    result = parse(model, json.dumps(tree))
    if isinstance(result, BaseModel):
        check_parsed(result)


@fuzz(6)
@given(mutated_answers())
# Found by this test (fixed in 52f7fb6): 1e30 points raised decimal.InvalidOperation.
@example((models.AssessmentMonth, {"month": "2026-10", "base": 1e30, "bonus": 0,
                                   "deduction": 0, "total": 0}))
def test_mutated_valid_answers(entry: tuple[type[BaseModel], Any]) -> None:
    model, doc = entry
    result = parse(model, json.dumps(doc))
    if isinstance(result, BaseModel):
        check_parsed(result)


@pytest.mark.parametrize("model, doc", CORPUS[:9] + CORPUS[9::7],
                         ids=lambda v: v.__name__ if isinstance(v, type) else "")
def test_corpus_round_trips(model: type[BaseModel], doc: Any) -> None:
    check_parsed(model.model_validate_json(json.dumps(doc)))


# ---- money -------------------------------------------------------------------------------


def _living() -> dict[str, Any]:
    return next(doc for model, doc in CORPUS if model is models.Living and doc["transactions"])


@fuzz(2)
@given(key=st.sampled_from(_MONEY_KEYS), amount=st.floats(allow_nan=False) | st.integers())
def test_money_as_a_json_number_is_refused(key: str, amount: float) -> None:
    doc = json.loads(json.dumps(_living()))
    target = doc["transactions"][0] if key == "amount" else doc["account"]
    target[key] = amount
    assert isinstance(parse(models.Living, json.dumps(doc)), ValidationError)


@fuzz(2)
@given(st.decimals(min_value=Decimal("-999999999999.99"), max_value=Decimal("999999999999.99"),
                   places=2, allow_nan=False, allow_infinity=False))
def test_money_as_a_decimal_string_is_exact(amount: Decimal) -> None:
    doc = json.loads(json.dumps(_living()))
    doc["account"]["balance"] = f"{amount:.2f}"
    parsed = models.Living.model_validate_json(json.dumps(doc))
    assert isinstance(parsed.account.balance, Decimal)
    assert parsed.account.balance == amount
    assert json.loads(parsed.model_dump_json())["account"]["balance"] == f"{amount:.2f}"


@pytest.mark.parametrize("text", ["１２３.４５", "١٢٣.٤٥", "356.20\n"],
                         ids=["fullwidth", "arabic-indic", "trailing-newline"])
def test_money_is_ascii_digits_only(text: str) -> None:
    doc = json.loads(json.dumps(_living()))
    doc["account"]["balance"] = text
    assert isinstance(parse(models.Living, json.dumps(doc)), ValidationError)


# ---- times -------------------------------------------------------------------------------


def _docs_with(key: str) -> list[tuple[type[BaseModel], dict[str, Any]]]:
    return [(m, d) for m, d in CORPUS if isinstance(d, dict) and key in d][:3]


_WITH_TIMESTAMP = [entry for key in _TIMESTAMP_KEYS for entry in _docs_with(key)]


@fuzz(2)
@given(entry=st.sampled_from(_WITH_TIMESTAMP), moment=st.datetimes())
def test_naive_times_are_refused(entry: tuple[type[BaseModel], dict[str, Any]],
                                 moment: datetime) -> None:
    model, doc = entry
    key = next(k for k in _TIMESTAMP_KEYS if k in doc)
    doc = {**doc, key: moment.isoformat()}
    assert isinstance(parse(model, json.dumps(doc)), ValidationError)


_OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))


@fuzz(1)
@given(entry=st.sampled_from(_WITH_TIMESTAMP),
       moment=st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime(2199, 12, 30),
                           timezones=_OFFSETS))
def test_times_with_an_offset_keep_their_instant(
        entry: tuple[type[BaseModel], dict[str, Any]], moment: datetime) -> None:
    model, doc = entry
    key = next(k for k in _TIMESTAMP_KEYS if k in doc)
    parsed = model.model_validate_json(json.dumps({**doc, key: moment.isoformat()}))
    assert getattr(parsed, key) - moment == timedelta(0)
    assert getattr(parsed, key).utcoffset() == moment.utcoffset()


@pytest.mark.parametrize("text", ["2026-11-27", "2026-11-27T10:15:00", "2026-11-27 10:15",
                                  "20261127T101500", "1764209700", "1764209700.5"])
def test_times_without_an_offset_in_other_spellings_are_refused(text: str) -> None:
    # Seconds since 1970 as a *string* must not become a UTC time by guesswork, as JSON
    # numbers already do not (kiosk.api.models._iso_text).
    doc = {"status": "ok", "time": text, "api_version": "1.3"}
    assert isinstance(parse(models.Health, json.dumps(doc)), ValidationError)
