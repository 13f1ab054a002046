"""Synthetic records for slip tests, parsed from wire JSON into the contract's models.

Parsing from JSON (not constructing models directly) goes through the same validators as an
answer of the central API, so the samples cannot drift from the contract.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from kiosk.api.models import (
    Assessment,
    Living,
    Profile,
    Reform,
    Rewards,
    Section,
    SlipRegistered,
)
from kiosk.slip import SlipContent

BEIJING = timezone(timedelta(hours=8))
FIXED_NOW = datetime(2026, 11, 27, 10, 15, 30, tzinfo=BEIJING)
FULL_ID = "15010219800101123X"
MASKED_ID = "150102********123X"
RARE_NAME = "𠮷䶮堃赟"

PROFILE = {
    "inmate_id": "NM150001", "name": "李某某", "prison_name": "呼和浩特第一监狱",
    "ward": "三监区", "crime": "盗窃罪",
    "sentence": {"term": "有期徒刑八年", "start": "2020-03-01", "end": "2028-02-29",
                 "current_end": "2027-06-29"},
    "treatment_level": "普管", "as_of": "2026-11-27T08:00:00+08:00",
}

REFORM = {
    "as_of": "2026-11-26T18:00:00+08:00",
    "monthly": [
        {"month": f"2026-{m:02d}", "ideology": "好", "education": "良", "labour": "好",
         "remark": "积极参加劳动，遵守监规" if m == 10 else ""}
        for m in range(10, 2, -1)
    ],
    "courses": [{"name": "思想政治", "term": "2026上", "score": 86, "result": "合格"},
                {"name": "法律常识", "term": "2026上", "score": None, "result": "合格"}],
    "certificates": [{"name": "中式烹调师（初级）", "issued_on": "2025-06-30"}],
}

ASSESSMENT = {
    "as_of": "2026-11-26T18:00:00+08:00", "threshold": 600, "cycle_points": 245.5,
    "cycle_started": "2026-06",
    "months": [
        {"month": "2026-10", "base": 100, "bonus": 12.5, "deduction": 0, "total": 112.5,
         "note": "劳动竞赛加分"},
        {"month": "2026-09", "base": 100, "bonus": 0, "deduction": 100, "total": 0,
         "note": "警告一次"},
        {"month": "2026-08", "base": 100, "bonus": 5, "deduction": 0, "total": 105},
        {"month": "2026-07", "base": 100, "bonus": 0, "deduction": 0, "total": 100},
        {"month": "2026-06", "base": 100, "bonus": 0, "deduction": 172, "total": -72},
        {"month": "2026-05", "base": 100, "bonus": 20, "deduction": 0, "total": 120},
        {"month": "2026-04", "base": 100, "bonus": 0, "deduction": 0, "total": 100},
    ],
    "cycles": [{"closed": "2026-05", "points": 600, "outcome": "表扬",
                "graded_on": "2026-06-15"}],
}

REWARDS = {
    "as_of": "2026-11-26T18:00:00+08:00",
    "items": [
        {"date": "2026-06-15", "kind": "表扬", "reason": "考核周期积分达到六百分，表现良好",
         "document_no": "呼一监奖字〔2026〕12号"},
        {"date": "2026-09-03", "kind": "警告", "reason": "违反监规", "document_no": ""},
    ],
    "sentence_changes": [
        {"kind": "减刑", "stage": "裁定", "date": "2025-12-20", "detail": "减刑八个月",
         "authority": "呼和浩特市中级人民法院"},
    ],
}


def _transactions(count: int) -> list[dict[str, str]]:
    kinds = [("存款", "500.00", "家属汇入"), ("消费", "-45.50", "超市购物"),
             ("消费", "-12.30", "日用品"), ("扣款", "-0.01", "账户校正"),
             ("汇款", "200.00", "亲属汇款")]
    out = []
    for i in range(count):
        kind, amount, text = kinds[i % len(kinds)]
        day = datetime(2026, 11, 26) - timedelta(days=2 * i)
        out.append({"date": day.date().isoformat(), "type": kind, "amount": amount,
                    "description": text})
    return out


def living(transactions: int = 6) -> dict:
    return {
        "as_of": "2026-11-27T06:00:00+08:00",
        "account": {"balance": "356.20", "monthly_limit": "800.00", "currency": "CNY"},
        "transactions": _transactions(transactions),
        "health": [{"date": "2026-09-10", "item": "年度体检", "result": "未见异常"}],
        "contacts": [{"date": "2026-11-01", "type": "现场会见", "minutes": 30}],
    }


SECTION_JSON = {
    Section.REFORM: (Reform, REFORM),
    Section.ASSESSMENT: (Assessment, ASSESSMENT),
    Section.REWARDS: (Rewards, REWARDS),
}


def section(kind: Section, *, transactions: int = 6):
    if kind is Section.LIVING:
        return Living.model_validate_json(json.dumps(living(transactions)))
    model, data = SECTION_JSON[kind]
    return model.model_validate_json(json.dumps(data))


def content(*, sections: tuple[Section, ...] = tuple(Section), name: str | None = None,
            transactions: int = 6, language: str = "zh_CN",
            issued_at: datetime = FIXED_NOW) -> SlipContent:
    profile = dict(PROFILE, name=name) if name else PROFILE
    return SlipContent(
        prison_name="呼和浩特第一监狱",
        terminal_id="DEMO-LOBBY-01",
        issued_at=issued_at,
        visitor_masked_id=MASKED_ID,
        profile=Profile.model_validate_json(json.dumps(profile)),
        sections={s: section(s, transactions=transactions) for s in sections},
        language=language,  # type: ignore[arg-type]
    )


REGISTRATION = SlipRegistered.model_validate_json(json.dumps({
    "slip_no": "NM-2026-0001234", "verify_code": "8F3K2JQ9",
    "verify_url": "https://127.0.0.1:8443/api/v1/slips/NM-2026-0001234?c=8F3K2JQ9",
    "issued_at": "2026-11-27T10:15:31+08:00",
}))


def render(slip: SlipContent, layout: str = "receipt80") -> bytes:
    from kiosk.slip import render_slip

    return render_slip(slip, REGISTRATION, layout)  # type: ignore[arg-type]
