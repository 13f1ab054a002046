"""One inmate's records, simulated month by month from a plan and a seeded random generator.

The sections agree with each other the way real records do: a 警告/记过/禁闭 in the rewards
section is the same month's deduction in the assessment (100/200/400 points, no base points in a
month of 禁闭), a poor reform grade, and a reason for 不予奖励 when the cycle closes; a cycle that
reaches 600 points is graded the next month and, when rewarded, appears as 表扬 or 物质奖励;
ruled sentence reductions move ``current_end``. Everything is newest first.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import partial

from kiosk.api.models import (
    Account,
    Assessment,
    AssessmentCycle,
    AssessmentMonth,
    Certificate,
    Contact,
    ContactType,
    Course,
    CycleOutcome,
    HealthCheck,
    Living,
    Profile,
    Reform,
    ReformMonth,
    RewardItem,
    RewardKind,
    Rewards,
    Sentence,
    SentenceChange,
    SentenceChangeKind,
    SentenceChangeStage,
    Transaction,
    TransactionType,
)
from kiosk.reference_server.calendar import (
    add_months,
    chinese_number,
    duration_text,
    month_key,
    months_between,
)

THRESHOLD = Decimal(600)
BASE_POINTS = Decimal(100)
PENALTY = {
    RewardKind.WARNING: Decimal(100),
    RewardKind.DEMERIT: Decimal(200),
    RewardKind.CONFINEMENT: Decimal(400),
}
_PUNISHMENT_REASONS = {
    RewardKind.WARNING: ("违反监规纪律，私藏香烟", "劳动中消极怠工", "与他犯发生口角并推搡"),
    RewardKind.DEMERIT: ("打架斗殴", "私藏违禁物品", "多次拒不完成劳动任务"),
    RewardKind.CONFINEMENT: ("聚众斗殴，情节严重", "殴打他犯致轻微伤"),
}
_MERIT_REASONS = ("检举他犯违法行为，经查属实", "协助扑救监区火情", "技术革新成效显著")
_MINOR_REASONS = ("内务不整", "劳动工具未按规定归还", "学习时间讲话", "未按规定着装")
_GRADES = ("好", "良", "中")
_COURSES = ("思想政治", "法律常识")
_EXTRA_COURSES = ("文化知识（初中）", "文化知识（高中）", "心理健康", "职业技能")
_CERTIFICATES = (
    "中式烹调师（初级）",
    "电工（初级）",
    "缝纫工（中级）",
    "计算机操作员（初级）",
    "汽车维修工（初级）",
)
_HEALTH = (
    ("年度体检", ("未见异常", "血压偏高，建议复查", "轻度脂肪肝，已告知饮食注意")),
    ("胸部X光检查", ("未见异常",)),
    ("口腔检查", ("龋齿一颗，已治疗", "未见异常")),
)
_LIMITS = {"宽管": "1000.00", "普管": "800.00", "考察": "600.00", "严管": "400.00"}


@dataclass(frozen=True)
class Prison:
    code: str
    name: str
    short: str
    court: str
    female: bool = False


@dataclass(frozen=True)
class InmatePlan:
    """What a scenario asks of one inmate; the rest is drawn from the random generator."""

    inmate_id: str
    name: str
    female: bool
    prison: Prison
    ward: str
    crime: str
    term_months: int
    start: date
    pending: tuple[SentenceChangeKind, SentenceChangeStage] | None = None
    empty_living: bool = False
    punish_rate: float = 0.02
    confined_recently: bool = False


@dataclass(frozen=True)
class InmateRecords:
    profile: Profile
    reform: Reform
    assessment: Assessment
    rewards: Rewards
    living: Living

    @property
    def inmate_id(self) -> str:
        return self.profile.inmate_id


@dataclass
class _Month:
    first: date
    punishment: RewardKind | None = None
    punish_day: date | None = None
    punish_reason: str = ""
    bonus: Decimal = Decimal(0)
    minor: Decimal = Decimal(0)
    minor_reason: str = ""
    merit_reason: str = ""


def build(plan: InmatePlan, rng: random.Random, as_of: datetime) -> InmateRecords:
    today = as_of.date()
    months = _conduct(plan, rng, today)
    assessment, cycle_rewards = _assessment(plan, months, rng, as_of)
    changes, reduced = _sentence_changes(plan, rng, today)
    rewards = Rewards(
        as_of=as_of,
        items=sorted(
            [*cycle_rewards, *_punishments_and_merits(plan, months, rng, today)],
            key=lambda item: item.date,
            reverse=True,
        ),
        sentence_changes=changes,
    )
    level = _treatment_level(plan, months, today)
    end = add_months(plan.start, plan.term_months) - timedelta(days=1)
    profile = Profile(
        inmate_id=plan.inmate_id,
        name=plan.name,
        prison_name=plan.prison.name,
        ward=plan.ward,
        crime=plan.crime,
        sentence=Sentence(
            term="有期徒刑" + duration_text(plan.term_months),
            start=plan.start,
            end=end,
            current_end=add_months(end, -reduced),
        ),
        treatment_level=level,
        as_of=as_of,
    )
    return InmateRecords(
        profile=profile,
        reform=_reform(plan, months, rng, as_of),
        assessment=assessment,
        rewards=rewards,
        living=_living(plan, level, rng, as_of),
    )


def _conduct(plan: InmatePlan, rng: random.Random, today: date) -> list[_Month]:
    """Month by month, oldest first: punishments, bonuses and small deductions."""
    result = []
    firsts = months_between(plan.start, today)
    for index, first in enumerate(firsts):
        month = _Month(first=first)
        # The "negative points" scenario: 禁闭 in the month before last.
        forced = plan.confined_recently and index == len(firsts) - 2
        if forced or rng.random() < plan.punish_rate:
            kind = (
                RewardKind.CONFINEMENT
                if forced
                else rng.choices(
                    (RewardKind.WARNING, RewardKind.DEMERIT, RewardKind.CONFINEMENT),
                    weights=(6, 3, 1),
                )[0]
            )
            month.punishment = kind
            month.punish_day = _day_in(first, rng, plan.start, today)
            month.punish_reason = rng.choice(_PUNISHMENT_REASONS[kind])
        else:
            month.bonus = Decimal(rng.choice((0, 0, 5, 10, 15, 20, 25, 30, 40))) / 2
        if rng.random() < 0.12:
            month.minor = Decimal(rng.choice((1, 2, 3, 5, 10, 15))) / (
                1 if rng.random() < 0.7 else 2
            )
            month.minor_reason = rng.choice(_MINOR_REASONS)
        if month.punishment is None and rng.random() < 0.01:
            month.merit_reason = rng.choice(_MERIT_REASONS)
        result.append(month)
    return result


def _assessment(
    plan: InmatePlan, months: list[_Month], rng: random.Random, as_of: datetime
) -> tuple[Assessment, list[RewardItem]]:
    rows: list[AssessmentMonth] = []
    cycles: list[AssessmentCycle] = []
    rewards: list[RewardItem] = []
    running = Decimal(0)
    cycle_start = plan.start.replace(day=1)
    punished = False
    for month in months:
        base = Decimal(0) if month.punishment is RewardKind.CONFINEMENT else BASE_POINTS
        deduction = month.minor + PENALTY.get(month.punishment, Decimal(0))  # type: ignore[arg-type]
        total = base + month.bonus - deduction
        rows.append(
            AssessmentMonth(
                month=month_key(month.first),
                base=base,
                bonus=month.bonus,
                deduction=deduction,
                total=total,
                note=_month_note(month),
            )
        )
        running += total
        punished = punished or month.punishment is not None
        if running >= THRESHOLD:
            graded_on = min(add_months(month.first, 1).replace(day=15), as_of.date())
            if punished:
                outcome = CycleOutcome.NO_REWARD
            else:
                outcome = (
                    CycleOutcome.PRAISE if rng.random() < 0.7 else CycleOutcome.MATERIAL_REWARD
                )
            cycles.append(
                AssessmentCycle(
                    closed=month_key(month.first),
                    points=THRESHOLD,
                    outcome=outcome,
                    graded_on=graded_on,
                )
            )
            if outcome is not CycleOutcome.NO_REWARD:
                rewards.append(
                    RewardItem(
                        date=graded_on,
                        kind=RewardKind(outcome.value),
                        reason=f"计分考核累计满600分（{month_key(cycle_start)}至{month_key(month.first)}）",
                        document_no=_document_no(plan, "奖", graded_on, rng),
                    )
                )
            running -= THRESHOLD
            punished = False
            cycle_start = add_months(month.first, 1)
    assessment = Assessment(
        as_of=as_of,
        threshold=THRESHOLD,
        cycle_points=running,
        cycle_started=month_key(cycle_start),
        months=rows[::-1],
        cycles=cycles[::-1],
    )
    return assessment, rewards


def _month_note(month: _Month) -> str:
    parts = []
    if month.punishment is not None:
        penalty = PENALTY[month.punishment]
        parts.append(f"受到{month.punishment.value}处分，扣{penalty}分")
        if month.punishment is RewardKind.CONFINEMENT:
            parts.append("禁闭期间不计基础分")
    if month.minor:
        parts.append(f"{month.minor_reason}，扣{month.minor}分")
    if month.bonus >= 10:
        parts.append(f"超额完成劳动任务，加{month.bonus}分")
    return "；".join(parts)


def _punishments_and_merits(
    plan: InmatePlan, months: list[_Month], rng: random.Random, today: date
) -> list[RewardItem]:
    items = []
    for month in months:
        if month.punishment is not None and month.punish_day is not None:
            items.append(
                RewardItem(
                    date=month.punish_day,
                    kind=month.punishment,
                    reason=month.punish_reason,
                    document_no=_document_no(plan, "罚", month.punish_day, rng),
                )
            )
        if month.merit_reason:
            day = _day_in(month.first, rng, plan.start, today)
            items.append(
                RewardItem(
                    date=day,
                    kind=RewardKind.MERIT,
                    reason=month.merit_reason,
                    document_no=_document_no(plan, "奖", day, rng),
                )
            )
    return items


def _document_no(plan: InmatePlan, kind: str, day: date, rng: random.Random) -> str:
    return f"{plan.prison.short}{kind}字〔{day.year}〕{rng.randint(12, 480)}号"


def _sentence_changes(
    plan: InmatePlan, rng: random.Random, today: date
) -> tuple[list[SentenceChange], int]:
    """Ruled reductions every 18-30 months after two years served, then the pending case.

    Returns the changes (newest first) and the months already taken off by ruled reductions.
    """
    changes: list[SentenceChange] = []
    reduced = 0
    reported = add_months(plan.start, 24 + rng.randint(0, 6))
    pending_from = today - timedelta(days=75) if plan.pending else today
    while add_months(reported, 3) <= pending_from and plan.term_months - reduced > 48:
        months = rng.randint(4, 9)
        ruled = reported + timedelta(days=rng.randint(45, 80))
        changes.append(
            SentenceChange(
                kind=SentenceChangeKind.REDUCTION,
                stage=SentenceChangeStage.RULED,
                date=ruled,
                detail=f"减刑{chinese_number(months)}个月",
                authority=plan.prison.court,
            )
        )
        reduced += months
        reported = add_months(reported, rng.randint(18, 30))
    if plan.pending is not None:
        kind, stage = plan.pending
        change, months = _pending_change(plan, kind, stage, rng, today)
        changes.append(change)
        reduced += months
    return changes[::-1], reduced


def _pending_change(
    plan: InmatePlan,
    kind: SentenceChangeKind,
    stage: SentenceChangeStage,
    rng: random.Random,
    today: date,
) -> tuple[SentenceChange, int]:
    """The latest case, at ``stage``; also the months it took off (only a ruled reduction)."""
    days_ago = {
        SentenceChangeStage.REPORTED: 5,
        SentenceChangeStage.PUBLICISED: 3,
        SentenceChangeStage.SUBMITTED: 12,
        SentenceChangeStage.RULED: 20,
    }[stage]
    months = 0
    if kind is SentenceChangeKind.REDUCTION:
        months = rng.randint(4, 9)
        detail = f"减刑{chinese_number(months)}个月"
    elif kind is SentenceChangeKind.PAROLE:
        detail = f"假释，考验期{duration_text(rng.randint(12, 30))}"
    else:
        detail = "暂予监外执行（病情鉴定）"
    authority = plan.prison.court if stage is SentenceChangeStage.RULED else plan.prison.name
    if stage is SentenceChangeStage.PUBLICISED:
        detail += "（公示期五个工作日）"
    change = SentenceChange(
        kind=kind,
        stage=stage,
        date=today - timedelta(days=days_ago),
        detail=detail,
        authority=authority,
    )
    return change, months if stage is SentenceChangeStage.RULED else 0


def _treatment_level(plan: InmatePlan, months: list[_Month], today: date) -> str:
    recent = [m for m in months if m.first >= add_months(today, -12)]
    if any(m.punishment is RewardKind.CONFINEMENT for m in recent):
        return "严管"
    if len(months) < 12:
        return "考察"
    if len(months) >= 36 and not any(m.punishment for m in months[-36:]):
        return "宽管"
    return "普管"


def _reform(plan: InmatePlan, months: list[_Month], rng: random.Random, as_of: datetime) -> Reform:
    monthly = []
    for month in months:
        if month.punishment is not None:
            worst = "差" if month.punishment is RewardKind.CONFINEMENT else "中"
            grades = [worst, rng.choice(_GRADES[1:]), rng.choice(_GRADES[1:])]
            remark = f"本月受到{month.punishment.value}处分"
        else:
            grades = [rng.choices(_GRADES, weights=(55, 35, 10))[0] for _ in range(3)]
            remark = "积极参加劳动，完成生产任务" if month.bonus >= 15 else ""
        monthly.append(
            ReformMonth(
                month=month_key(month.first),
                ideology=grades[0],
                education=grades[1],
                labour=grades[2],
                remark=remark,
            )
        )
    courses = []
    for year, half in _finished_terms(plan.start, as_of.date()):
        names = [*_COURSES, rng.choice(_EXTRA_COURSES)]
        for name in names:
            score = rng.randint(52, 98)
            result = "优秀" if score >= 90 else "合格" if score >= 60 else "不合格"
            courses.append(Course(name=name, term=f"{year}{half}", score=score, result=result))
    certificates = []
    issued = add_months(plan.start, 20)
    while issued <= as_of.date():
        certificates.append(Certificate(name=rng.choice(_CERTIFICATES), issued_on=issued))
        issued = add_months(issued, rng.randint(24, 40))
    return Reform(
        as_of=as_of, monthly=monthly[::-1], courses=courses[::-1], certificates=certificates[::-1]
    )


def _finished_terms(start: date, today: date) -> list[tuple[int, str]]:
    """School terms (上 ends 30 June, 下 ends 31 December) that began after ``start`` and ended."""
    terms = []
    for year in range(start.year, today.year + 1):
        for half, first, last in (
            ("上", date(year, 1, 1), date(year, 6, 30)),
            ("下", date(year, 7, 1), date(year, 12, 31)),
        ):
            if last < today and last > start and (last - max(first, start)).days > 60:
                terms.append((year, half))
    return terms


def _living(plan: InmatePlan, level: str, rng: random.Random, as_of: datetime) -> Living:
    today = as_of.date()
    limit = Decimal(_LIMITS[level])
    if plan.empty_living:
        return Living(
            as_of=as_of,
            account=Account(balance=Decimal("0.00"), monthly_limit=limit),
            transactions=[],
            health=[],
            contacts=[],
        )
    balance = Decimal(rng.randint(0, 300)) + Decimal(rng.randint(0, 99)) / 100
    transactions: list[Transaction] = []
    contacts: list[Contact] = []
    first = max(plan.start, add_months(today, -12))
    for month in months_between(first, add_months(today, 1)):
        day = partial(_day_in, month, rng, plan.start, today)
        if rng.random() < 0.6:
            amount = Decimal(rng.choice((200, 300, 500, 500, 800, 1000)))
            kind = rng.choice((TransactionType.DEPOSIT, TransactionType.REMITTANCE))
            description = "亲属会见时存款" if kind is TransactionType.DEPOSIT else "亲属银行汇款"
            transactions.append(
                Transaction(date=day(), type=kind, amount=amount, description=description)
            )
            balance += amount
        spent = Decimal(0)
        for _ in range(rng.randint(1, 4)):
            amount = (Decimal(rng.randint(800, 18000)) / 100).quantize(Decimal("0.01"))
            if amount > balance or spent + amount > limit:
                continue
            description = rng.choice(("超市购物", "购买日用品", "购买学习用品", "订阅报刊"))
            transactions.append(
                Transaction(
                    date=day(),
                    type=TransactionType.SPENDING,
                    amount=-amount,
                    description=description,
                )
            )
            balance -= amount
            spent += amount
        if rng.random() < 0.08 and balance >= 50:
            amount = Decimal(rng.choice((20, 35, 50)))
            transactions.append(
                Transaction(
                    date=day(),
                    type=TransactionType.DEDUCTION,
                    amount=-amount,
                    description="医疗费个人负担部分",
                )
            )
            balance -= amount
        contacts.extend(_contacts(day, rng))
    health = []
    for year in range(max(plan.start.year, today.year - 4), today.year + 1):
        for item, results in _HEALTH[: rng.randint(1, 3)]:
            checked = date(year, rng.randint(3, 10), rng.randint(1, 28))
            if plan.start <= checked <= today:
                health.append(HealthCheck(date=checked, item=item, result=rng.choice(results)))
    transactions.sort(key=lambda t: t.date, reverse=True)
    return Living(
        as_of=as_of,
        account=Account(balance=balance, monthly_limit=limit),
        transactions=transactions,
        health=sorted(health, key=lambda h: h.date, reverse=True),
        contacts=sorted(contacts, key=lambda c: c.date, reverse=True),
    )


def _contacts(day: Callable[[], date], rng: random.Random) -> list[Contact]:
    found = []
    plan = (
        (ContactType.IN_PERSON, 0.6, 30),
        (ContactType.VIDEO, 0.3, 20),
        (ContactType.PHONE, 0.8, 10),
    )
    for kind, chance, minutes in plan:
        if rng.random() < chance:
            found.append(Contact(date=day(), type=kind, minutes=minutes))
    return found


def _day_in(month: date, rng: random.Random, earliest: date, latest: date) -> date:
    """A random day of ``month`` between ``earliest`` and ``latest`` (which must overlap it)."""
    first = max(month, earliest)
    last = min(add_months(month, 1) - timedelta(days=1), latest)
    assert first <= last, "the month must overlap the window"
    return first + timedelta(days=rng.randint(0, (last - first).days))
