"""Scalars of the contract: what each field takes from the wire, and what is a wrong shape."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from kiosk.api import models

_ACCOUNT = {"balance": "356.20", "monthly_limit": "800.00"}
_CYCLE = {"closed": "2026-05", "points": 600, "outcome": "表扬", "graded_on": "2026-06-15"}
_CONTACT = {"date": "2026-10-02", "type": "亲情电话", "minutes": 30}
_HEALTH = {"status": "ok", "time": "2026-11-27T10:15:00+08:00", "api_version": "1.3"}
_COURSE = {"name": "思想政治", "term": "2026上", "score": 86, "result": "合格"}
_VERIFY = {"valid": True, "issued_at": "2026-11-27T10:15:00+08:00", "inmate_name": "李*某",
           "sections": ["reform"], "content_sha256": "e" * 64}
_ERROR = {"error": {"code": "invalid_credentials", "message": "m", "attempts_left": 2}}

# id, model, valid document, field (dotted) to replace, wrong value
WRONG = [
    ("money-float", models.Account, _ACCOUNT, "balance", 356.2),
    ("money-three-decimals", models.Account, _ACCOUNT, "balance", "356.201"),
    ("money-trailing-newline", models.Account, _ACCOUNT, "balance", "356.20\n"),
    ("money-arabic-indic-digits", models.Account, _ACCOUNT, "balance", "٣٥٦.٢٠"),
    ("money-full-width-digits", models.Account, _ACCOUNT, "balance", "３５６.２０"),
    ("money-exponent", models.Account, _ACCOUNT, "balance", "3E2"),
    ("points-two-decimals", models.AssessmentCycle, _CYCLE, "points", 600.05),
    ("points-as-string", models.AssessmentCycle, _CYCLE, "points", "600"),
    ("points-bool", models.AssessmentCycle, _CYCLE, "points", True),
    ("points-1e308", models.AssessmentCycle, _CYCLE, "points", 1e308),
    ("points-huge-int", models.AssessmentCycle, _CYCLE, "points", 10**30),
    ("date-as-number", models.AssessmentCycle, _CYCLE, "graded_on", 0),
    ("month-non-ascii-digits", models.AssessmentCycle, _CYCLE, "closed", "２０２６-05"),
    ("time-as-unix-seconds", models.Health, _HEALTH, "time", 1_700_000_000),
    ("time-as-unix-seconds-text", models.Health, _HEALTH, "time", "1764209700"),
    ("date-as-unix-seconds-text", models.AssessmentCycle, _CYCLE, "graded_on", "1764209700"),
    ("time-without-offset", models.Health, _HEALTH, "time", "2026-11-27T10:15:00"),
    ("minutes-as-float", models.Contact, _CONTACT, "minutes", 30.0),
    ("minutes-as-string", models.Contact, _CONTACT, "minutes", "30"),
    ("score-bool", models.Course, _COURSE, "score", True),
    ("contact-type-unknown", models.Contact, _CONTACT, "type", "信件"),
    ("valid-as-string", models.SlipVerification, _VERIFY, "valid", "yes"),
    ("valid-as-number", models.SlipVerification, _VERIFY, "valid", 1),
    ("attempts-left-as-string", models.ErrorBody, _ERROR, "error.attempts_left", "2"),
]


def _with(document: dict[str, Any], dotted: str, value: Any) -> bytes:
    copy = json.loads(json.dumps(document))
    *parents, last = dotted.split(".")
    target = copy
    for part in parents:
        target = target[part]
    target[last] = value
    return json.dumps(copy, ensure_ascii=False).encode()


@pytest.mark.parametrize(("model", "document"), [(m, d) for _, m, d, _, _ in WRONG],
                         ids=[row[0] for row in WRONG])
def test_the_valid_document_parses(model: type[BaseModel], document: dict[str, Any]) -> None:
    model.model_validate_json(json.dumps(document))


@pytest.mark.parametrize(("model", "document", "field", "value"),
                         [row[1:] for row in WRONG], ids=[row[0] for row in WRONG])
def test_a_wrong_shape_is_rejected_naming_its_field(
    model: type[BaseModel], document: dict[str, Any], field: str, value: Any
) -> None:
    with pytest.raises(ValidationError) as caught:
        model.model_validate_json(_with(document, field, value))
    assert [".".join(map(str, e["loc"])) for e in caught.value.errors()] == [field]


def test_money_is_decimal_and_goes_back_as_a_two_decimal_string() -> None:
    account = models.Account.model_validate_json(_with(_ACCOUNT, "balance", "-45.5"))
    assert account.balance == Decimal("-45.5")
    assert account.model_dump(mode="json")["balance"] == "-45.50"


def test_money_built_in_code_follows_the_same_rules() -> None:
    assert models.Account(balance=Decimal("1.50"), monthly_limit=Decimal(800)).balance == 1.5
    for bad in (Decimal("NaN"), Decimal("0.001"), Decimal("1E12")):
        with pytest.raises(ValidationError):
            models.Account(balance=bad, monthly_limit=Decimal(800))


def test_points_keep_one_decimal_exactly() -> None:
    cycle = models.AssessmentCycle.model_validate_json(_with(_CYCLE, "points", 245.5))
    assert cycle.points == Decimal("245.5")
    assert json.loads(cycle.model_dump_json())["points"] == 245.5


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+14:00", "9999-12-31T23:00:00-05:00",
                                    "1899-12-31T23:59:59+08:00", "2200-01-01T00:00:00+08:00"])
def test_times_outside_any_living_record_are_a_wrong_shape(moment: str) -> None:
    # Valid ISO 8601, but date arithmetic near year 1 or 9999 overflows (a slip's "last 92
    # days", Beijing time): refused at the edge instead of crashing a renderer later.
    with pytest.raises(ValidationError, match="year must be from 1900 to 2199"):
        models.Health.model_validate({"status": "ok", "time": moment, "api_version": "1.3"})
