"""The closed vocabularies of the records (kinds, stages, outcomes, grades) in the family's
language. The central service sends them as Chinese codes; free text (reasons, remarks,
descriptions) is record data and is shown as sent."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kiosk.api.models import (
    ContactType,
    CycleOutcome,
    RewardKind,
    SentenceChangeKind,
    SentenceChangeStage,
    TransactionType,
)
from ui.i18n import translate


def reward_kind(kind: RewardKind) -> str:
    return {
        RewardKind.PRAISE: translate("Terms", "表扬"),
        RewardKind.MATERIAL_REWARD: translate("Terms", "物质奖励"),
        RewardKind.MERIT: translate("Terms", "记功"),
        RewardKind.WARNING: translate("Terms", "警告"),
        RewardKind.DEMERIT: translate("Terms", "记过"),
        RewardKind.CONFINEMENT: translate("Terms", "禁闭"),
    }[kind]


def change_kind(kind: SentenceChangeKind) -> str:
    return {
        SentenceChangeKind.REDUCTION: translate("Terms", "减刑"),
        SentenceChangeKind.PAROLE: translate("Terms", "假释"),
        SentenceChangeKind.MEDICAL_PAROLE: translate("Terms", "暂予监外执行"),
    }[kind]


def stage_name(stage: SentenceChangeStage) -> str:
    return {
        SentenceChangeStage.REPORTED: translate("Terms", "呈报"),
        SentenceChangeStage.PUBLICISED: translate("Terms", "公示"),
        SentenceChangeStage.SUBMITTED: translate("Terms", "提请"),
        SentenceChangeStage.RULED: translate("Terms", "裁定"),
    }[stage]


def stage_meaning(stage: SentenceChangeStage) -> str:
    """What the stage means for the family, in one plain sentence."""
    return {
        SentenceChangeStage.REPORTED: translate(
            "Terms", "监狱已经报请，正在审核。"),
        SentenceChangeStage.PUBLICISED: translate(
            "Terms", "正在监狱内公示，公示期满后提请法院审理。"),
        SentenceChangeStage.SUBMITTED: translate(
            "Terms", "已提请法院（或监狱管理局）审理，等待裁定。"),
        SentenceChangeStage.RULED: translate("Terms", "已作出裁定，办理完毕。"),
    }[stage]


def cycle_outcome(outcome: CycleOutcome) -> str:
    return {
        CycleOutcome.PRAISE: translate("Terms", "表扬"),
        CycleOutcome.MATERIAL_REWARD: translate("Terms", "物质奖励"),
        CycleOutcome.NO_REWARD: translate("Terms", "不予奖励"),
    }[outcome]


def transaction_type(kind: TransactionType) -> str:
    return {
        TransactionType.DEPOSIT: translate("Terms", "存款"),
        TransactionType.SPENDING: translate("Terms", "消费"),
        TransactionType.REMITTANCE: translate("Terms", "汇款"),
        TransactionType.DEDUCTION: translate("Terms", "扣款"),
    }[kind]


def contact_type(kind: ContactType) -> str:
    return {
        ContactType.IN_PERSON: translate("Terms", "现场会见"),
        ContactType.VIDEO: translate("Terms", "远程视频会见"),
        ContactType.PHONE: translate("Terms", "亲情电话"),
    }[kind]


GOOD = QT_TRANSLATE_NOOP("Terms", "好")
FAIR = QT_TRANSLATE_NOOP("Terms", "良")
AVERAGE = QT_TRANSLATE_NOOP("Terms", "中")
POOR = QT_TRANSLATE_NOOP("Terms", "差")
EXCELLENT = QT_TRANSLATE_NOOP("Terms", "优秀")
PASS = QT_TRANSLATE_NOOP("Terms", "合格")
FAIL = QT_TRANSLATE_NOOP("Terms", "不合格")
GRADES = frozenset({GOOD, FAIR, AVERAGE, POOR, EXCELLENT, PASS, FAIL})
"""The monthly grades and course results the central service uses (their Chinese codes)."""


def grade(text: str) -> str:
    """A monthly grade (好/良/中/差) or a course result; other words are shown as sent."""
    return translate("Terms", text) if text in GRADES else text


GRADE_TONES = {GOOD: "good", EXCELLENT: "good", AVERAGE: "pending", POOR: "bad", FAIL: "bad"}
"""Grades worth a colour (the word is always there too)."""
