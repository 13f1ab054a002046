"""Valid answers of every endpoint, as wire JSON, for mutation by the hostile tests.

Record sections and announcements come from the reference server's generator
(``kiosk.reference_server.data.generate``); the small answers the generator does not hold
are written out here and parsed at import, so a corpus entry cannot drift from the contract.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from kiosk.api import models
from kiosk.reference_server.data import generate

Json = Any

_SMALL: list[tuple[type[BaseModel], Json]] = [
    (models.Health, {"status": "ok", "time": "2026-11-27T10:15:00+08:00", "api_version": "1.3"}),
    (models.SessionCreated, {
        "session_token": "s3ss10n-t0ken-0001", "expires_at": "2026-11-27T10:30:00+08:00",
        "visitor": {"display_name": "王*芳"},
        "inmates": [{"inmate_id": "NM150001", "name": "李某某", "relationship": "母子",
                     "prison_name": "呼和浩特第一监狱", "ward": "三监区"}],
    }),
    (models.SlipRegistered, {
        "slip_no": "NM-2026-0001234", "verify_code": "8F3K2JQ9",
        "verify_url": "https://central.example/api/v1/slips/NM-2026-0001234?c=8F3K2JQ9",
        "issued_at": "2026-11-27T10:20:00+08:00",
    }),
    (models.SlipVerification, {
        "valid": True, "issued_at": "2026-11-27T10:20:00+08:00", "inmate_name": "李*某",
        "sections": ["reform", "living"], "content_sha256": "0" * 64,
    }),
    (models.EnquiryFiled, {"ticket_no": "E-2026-004512", "reply_due": "2026-12-11",
                           "track_url": "https://central.example/enquiries/E-2026-004512"}),
    (models.EnquiryState, {"ticket_no": "E-2026-004512", "status": "answered",
                           "reply": "已核实，记录无误。"}),
    (models.EventsAccepted, {"accepted": ["7d0e5c9a-0000-4000-8000-000000000001"]}),
    (models.ErrorBody, {"error": {"code": "invalid_credentials", "message": "no match",
                                  "attempts_left": 2}}),
    (models.ErrorBody, {"error": {"code": "locked", "message": "locked", "retry_after": 900}}),
]


def _records() -> list[tuple[type[BaseModel], Json]]:
    dataset = generate(1)
    out: list[tuple[type[BaseModel], Json]] = []
    # A few inmates cover every scenario shape (empty sections, long histories, rare names)
    # without making each example walk megabytes of JSON.
    for inmate in dataset.inmates[:12]:
        for name in ("profile", "reform", "assessment", "rewards", "living"):
            record = getattr(inmate, name)
            out.append((type(record), json.loads(record.model_dump_json())))
    items = [json.loads(a.model_dump_json()) for _, a in dataset.announcements]
    out.append((models.Announcements, {"items": items}))
    out.append((models.Announcements, {"items": []}))
    return out


CORPUS: list[tuple[type[BaseModel], Json]] = _SMALL + _records()
for _model, _doc in CORPUS:
    _model.model_validate_json(json.dumps(_doc))  # every entry is a valid answer

ANSWER_MODELS: list[type[BaseModel]] = sorted({m for m, _ in CORPUS}, key=lambda m: m.__name__)


def field_names() -> list[str]:
    """Every field name of every answer model (keys for random JSON trees)."""
    names: set[str] = set()
    for model in vars(models).values():
        if isinstance(model, type) and issubclass(model, BaseModel):
            names.update(model.model_fields)
    return sorted(names)
