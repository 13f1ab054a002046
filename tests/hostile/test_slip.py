"""The slip renderer with hostile record text: control characters, bidi marks, emoji
sequences, astral CJK, combining storms, words longer than a receipt, punctuation that may not
start or end a line, empty and huge lists. Input sizes are bounded by the contract's models
(the renderer only ever sees parsed answers); within them every slip is a valid PDF."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta, timezone
from typing import Any, TypeVar

import pypdf
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel

from kiosk.api import models
from kiosk.reference_server.data import generate
from kiosk.slip import SlipContent, render_slip
from tests.hostile.profiles import fuzz

MM = 72 / 25.4
M = TypeVar("M", bound=BaseModel)
BEIJING = timezone(timedelta(hours=8))
PIECES = [
    "\u202e", "\u200f", "\u061c", "\u2066", "\u2069", "\x00", "\x07", "\x1b[31m", "\t", "\r\n",
    "\n\n\n", "\u2028", "\u2029", "\ufeff", "\u200b", "\u00ad", "😀", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇨🇳",
    "𠮷", "𪚥", "\U0002a6a5", "\U0002f800", "\U000e0001", "\ufffd", "\uffff", "\U0010ffff",
    "e\u0301\u0301\u0301\u0301", "A" * 300, "（" * 60, "，" * 60, "《》" * 30,
    "https://x.invalid/" + "a" * 200, "ـ" * 50, "שלום", "مرحبا", "ᠮᠣᠩᠭᠣᠯ", "\u3000" * 5,
    " " * 80, "¥$%‰", "0" * 18, "1501021980010112" + "3X",
]
# Free-text fields by model, with the contract's limits (ShortText 1..200, Text ..2000).
FREE_TEXT: dict[str, dict[str, tuple[int, int]]] = {
    "Profile": {"name": (1, 200), "prison_name": (1, 200), "ward": (1, 200), "crime": (1, 200),
                "treatment_level": (1, 200)},
    "Sentence": {"term": (1, 200)},
    "ReformMonth": {"ideology": (1, 200), "education": (1, 200), "labour": (1, 200),
                    "remark": (0, 2000)},
    "Course": {"name": (1, 200), "term": (1, 200), "result": (1, 200)},
    "Certificate": {"name": (1, 200)},
    "AssessmentMonth": {"note": (0, 2000)},
    "RewardItem": {"reason": (0, 2000), "document_no": (0, 200)},
    "SentenceChange": {"detail": (0, 2000), "authority": (0, 200)},
    "Transaction": {"description": (0, 2000)},
    "HealthCheck": {"item": (1, 200), "result": (0, 2000)},
}
LISTS = {"monthly", "courses", "certificates", "months", "cycles", "items", "sentence_changes",
         "transactions", "health", "contacts"}


def hostile_text(low: int, high: int) -> st.SearchStrategy[str]:
    return (st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=10)
            .map("".join).map(lambda s: s[:high]).filter(lambda s: len(s) >= low))


@st.composite
def hostile_model(draw: st.DrawFn, model: M) -> M:
    """``model`` with its free text made hostile and its lists emptied, kept or grown."""
    return type(model).model_validate_json(json.dumps(draw(_hostile_doc(model))))


@st.composite
def _hostile_doc(draw: st.DrawFn, model: BaseModel) -> dict[str, Any]:
    doc = json.loads(model.model_dump_json())
    limits = FREE_TEXT.get(type(model).__name__, {})
    for name, (low, high) in limits.items():
        if draw(st.booleans()):
            doc[name] = draw(hostile_text(low, high))
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            doc[name] = draw(_hostile_doc(value))
        elif name in LISTS and isinstance(value, list):
            size = draw(st.sampled_from(["empty", "keep", "keep", "grow"]))
            if size == "empty" or not value:
                doc[name] = []
                continue
            items = [draw(_hostile_doc(item)) if i < 3 else json.loads(item.model_dump_json())
                     for i, item in enumerate(value)]
            if size == "grow":
                items = (items * (draw(st.integers(100, 600)) // len(items) + 1))[:1000]
            doc[name] = items
    return doc


_INMATES = generate(1).inmates
_REGISTRATION = {"slip_no": "NM-2026-0001234", "verify_code": "8F3K2JQ9",
                 "verify_url": "https://central.example/api/v1/slips/NM-2026-0001234?c=8F3K2JQ9",
                 "issued_at": "2026-11-27T10:15:31+08:00"}


@st.composite
def slips(draw: st.DrawFn) -> tuple[SlipContent, models.SlipRegistered, str]:
    inmate = draw(st.sampled_from(_INMATES))
    chosen = draw(st.lists(st.sampled_from(list(models.Section)), min_size=1, max_size=4,
                           unique=True))
    sections = {s: draw(hostile_model(getattr(inmate, s.value))) for s in chosen}
    content = SlipContent(
        prison_name=draw(hostile_text(1, 40)),
        terminal_id="DEMO-LOBBY-01",
        issued_at=datetime(2026, 11, 27, 10, 15, tzinfo=BEIJING),
        visitor_masked_id="150102********123X",
        profile=draw(hostile_model(inmate.profile)),
        sections=sections,
        language=draw(st.sampled_from(["zh_CN", "en"])),
    )
    url = draw(st.one_of(st.just(_REGISTRATION["verify_url"]),
                         hostile_text(8, 500).map(lambda s: ("https://c.example/" + s)[:500])))
    registration = models.SlipRegistered.model_validate({**_REGISTRATION, "verify_url": url})
    return content, registration, draw(st.sampled_from(["receipt80", "a4"]))


def check_pdf(pdf: bytes, layout: str) -> None:
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
    reader = pypdf.PdfReader(io.BytesIO(pdf), strict=True)
    assert len(reader.pages) >= 1
    for page in reader.pages:
        width = float(page.mediabox.width) / MM
        height = float(page.mediabox.height) / MM
        if layout == "receipt80":
            assert round(width, 1) == 80.0 and height > 20
        else:
            assert (round(width), round(height)) == (210, 297)
    if layout == "receipt80":
        assert len(reader.pages) == 1


@fuzz(0.4)
@given(slips())
@example((SlipContent(
    prison_name="\u202e" + "（" * 40, terminal_id="DEMO-LOBBY-01",
    issued_at=datetime(2026, 11, 27, 10, 15, tzinfo=BEIJING),
    visitor_masked_id="150102********123X",
    profile=_INMATES[0].profile.model_copy(update={"name": "𠮷" * 200}),
    sections={models.Section.REWARDS: _INMATES[0].rewards.model_copy(update={"items": []})},
), models.SlipRegistered.model_validate(_REGISTRATION), "receipt80"))
def test_hostile_records_render_to_a_valid_pdf(
        slip: tuple[SlipContent, models.SlipRegistered, str]) -> None:
    content, registration, layout = slip
    check_pdf(render_slip(content, registration, layout), layout)  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", ["receipt80", "a4"])
def test_the_longest_lists_the_contract_allows(layout: str) -> None:
    inmate = next(i for i in _INMATES if i.living.transactions and i.assessment.months)
    living = inmate.living.model_copy(update={
        "transactions": (inmate.living.transactions * 5000)[:5000],
        "health": (inmate.living.health * 1000)[:1000] if inmate.living.health else [],
    })
    assessment = inmate.assessment.model_copy(update={
        "months": (inmate.assessment.months * 1200)[:1200]})
    content = SlipContent(
        prison_name="呼和浩特第一监狱", terminal_id="DEMO-LOBBY-01",
        issued_at=datetime(2026, 11, 27, 10, 15, tzinfo=BEIJING),
        visitor_masked_id="150102********123X", profile=inmate.profile,
        sections={models.Section.LIVING: living, models.Section.ASSESSMENT: assessment},
    )
    registration = models.SlipRegistered.model_validate(_REGISTRATION)
    check_pdf(render_slip(content, registration, layout), layout)  # type: ignore[arg-type]


# ---- times at the edges of what the contract's Timestamp accepts -------------------------

_OFFSETS = st.integers(-(24 * 60 - 1), 24 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))


@fuzz(0.2)
@given(moment=st.datetimes(timezones=_OFFSETS), section=st.sampled_from(list(models.Section)))
@example(moment=datetime(9999, 12, 31, 23, 0, tzinfo=timezone(timedelta(hours=-5))),
         section=models.Section.LIVING)
@example(moment=datetime(1, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))),
         section=models.Section.LIVING)
def test_any_time_a_valid_answer_may_carry_renders(moment: datetime,
                                                   section: models.Section) -> None:
    inmate = _INMATES[0]
    wire = json.loads(getattr(inmate, section.value).model_dump_json())
    wire["as_of"] = moment.isoformat()
    try:
        records = type(getattr(inmate, section.value)).model_validate_json(json.dumps(wire))
    except ValueError:
        return  # the contract refuses it: nothing reaches the renderer
    content = SlipContent(
        prison_name="呼和浩特第一监狱", terminal_id="DEMO-LOBBY-01",
        issued_at=datetime(2026, 11, 27, 10, 15, tzinfo=BEIJING),
        visitor_masked_id="150102********123X", profile=inmate.profile,
        sections={section: records},
    )
    registration = models.SlipRegistered.model_validate(_REGISTRATION)
    check_pdf(render_slip(content, registration, "receipt80"), "receipt80")
