"""The synthetic world: deterministic, valid by the contract's rules, internally coherent."""

from __future__ import annotations

import re
from datetime import timedelta
from decimal import Decimal
from functools import partial

import pytest

from kiosk.api import models
from kiosk.api.models import RewardKind, SentenceChangeKind, SentenceChangeStage
from kiosk.reference_server import generate, idnumbers
from kiosk.reference_server.data import VisitorRecord
from kiosk.reference_server.names import RARE_CHARACTERS
from kiosk.reference_server.records import PENALTY, THRESHOLD, InmateRecords

WORLD = generate(1)


def visitor(note: str) -> VisitorRecord:
    return next(v for v in WORLD.visitors if v.note == note)


def inmates_of(note: str) -> list[InmateRecords]:
    return [WORLD.inmate(link.inmate_id) for link in visitor(note).links]


def test_the_same_seed_gives_the_same_world() -> None:
    again = generate.__wrapped__(1)  # built afresh, not the cached dataset
    assert again is not WORLD and again == WORLD
    assert [r.assessment.model_dump_json() for r in again.inmates] == [
        r.assessment.model_dump_json() for r in WORLD.inmates
    ]


def test_another_seed_gives_another_world() -> None:
    other = generate.__wrapped__(2)
    assert other.credentials() != WORLD.credentials()
    assert [r.profile.name for r in other.inmates] != [r.profile.name for r in WORLD.inmates]


def test_dozens_of_families_some_linked_to_several_inmates() -> None:
    assert len(WORLD.visitors) >= 36
    assert len(WORLD.inmates) >= 36
    assert max(len(v.links) for v in WORLD.visitors) >= 3
    linked = [link.inmate_id for v in WORLD.visitors for link in v.links]
    assert set(linked) == {r.inmate_id for r in WORLD.inmates}  # nobody is orphaned
    assert len(linked) > len(set(linked))  # some inmates have several visitors


def test_every_id_number_has_a_valid_check_character_and_is_unique() -> None:
    numbers = [v.id_number for v in WORLD.visitors]
    assert all(idnumbers.is_valid(n) for n in numbers)
    assert len(set(numbers)) == len(numbers)
    assert any(n[:2] in ("81", "82", "83") for n in numbers)
    assert any(n.startswith("9") for n in numbers)
    assert any(n.endswith("X") for n in numbers)


def test_reference_numbers_have_the_issued_shape_and_are_unique() -> None:
    references = [v.reference_number for v in WORLD.visitors]
    assert all(re.fullmatch(r"NM\d\d-[A-Z2-9]{4}-[A-Z2-9]{2}", r) for r in references)
    assert all(re.fullmatch(models.REFERENCE_PATTERN, r) for r in references)
    assert len(set(references)) == len(references)


def _latest_is(note: str, kind: SentenceChangeKind, stage: SentenceChangeStage) -> bool:
    latest = inmates_of(note)[0].rewards.sentence_changes[0]
    return (latest.kind, latest.stage) == (kind, stage)


SCENARIOS = {
    "one inmate": lambda: len(visitor("one inmate").links) == 1,
    "two inmates": lambda: len(visitor("two inmates").links) == 2,
    "three inmates": lambda: len(visitor("three inmates").links) == 3,
    "locked": lambda: visitor("locked").locked,
    "empty living section": lambda: all(
        not getattr(inmates_of("empty living section")[0].living, part)
        for part in ("transactions", "health", "contacts")
    ),
    "newly admitted: empty reform, assessment and rewards sections": lambda: all(
        not section
        for r in inmates_of("newly admitted: empty reform, assessment and rewards sections")
        for section in (r.reform.monthly, r.assessment.months, r.rewards.items)
    ),
    "ten years of assessments": lambda: (
        len(inmates_of("ten years of assessments")[0].assessment.months) >= 120
    ),
    "Mongolian name": lambda: "·" in inmates_of("Mongolian name")[0].profile.name,
    "rare characters in name": lambda: any(
        ch in inmates_of("rare characters in name")[0].profile.name for ch in RARE_CHARACTERS
    ),
    "negative points after 禁闭": lambda: (
        inmates_of("negative points after 禁闭")[0].assessment.cycle_points < 0
        and any(
            i.kind is RewardKind.CONFINEMENT
            for i in inmates_of("negative points after 禁闭")[0].rewards.items
        )
    ),
    "female inmate": lambda: inmates_of("female inmate")[0].profile.prison_name.endswith(
        "女子监狱"
    ),
    "ID number ending in X": lambda: visitor("ID number ending in X").id_number.endswith("X"),
    "Hong Kong residence permit (area code 81)": lambda: visitor(
        "Hong Kong residence permit (area code 81)"
    ).id_number.startswith("81"),
    "foreigner permanent residence card": lambda: visitor(
        "foreigner permanent residence card"
    ).id_number.startswith("9"),
    **{
        f"reduction at {stage.value} stage": partial(
            _latest_is, f"reduction at {stage.value} stage", SentenceChangeKind.REDUCTION, stage
        )
        for stage in SentenceChangeStage
    },
    "parole at 提请 stage": partial(
        _latest_is, "parole at 提请 stage", SentenceChangeKind.PAROLE, SentenceChangeStage.SUBMITTED
    ),
    "medical parole at 呈报 stage": partial(
        _latest_is,
        "medical parole at 呈报 stage",
        SentenceChangeKind.MEDICAL_PAROLE,
        SentenceChangeStage.REPORTED,
    ),
}


@pytest.mark.parametrize("note", sorted(SCENARIOS))
def test_each_scenario_credential_is_what_its_note_says(note: str) -> None:
    assert SCENARIOS[note]()


def test_names_include_rare_characters_and_mongolian_names() -> None:
    names = " ".join(r.profile.name for r in WORLD.inmates)
    assert all(ch in names for ch in RARE_CHARACTERS)
    assert re.search(r"\w+·\w+", names)
    assert "巴特尔·额尔敦" in names


@pytest.mark.parametrize("record", WORLD.inmates, ids=lambda r: r.inmate_id)
def test_assessment_adds_up(record: InmateRecords) -> None:
    assessment = record.assessment
    months = assessment.months
    assert [m.month for m in months] == sorted((m.month for m in months), reverse=True)
    assert [c.closed for c in assessment.cycles] == sorted(
        (c.closed for c in assessment.cycles), reverse=True
    )
    for month in months:
        assert month.total == month.base + month.bonus - month.deduction
        assert month.base in (0, 100)
    # Every point earned is either in a closed cycle (600 each) or in the running cycle.
    assert sum(m.total for m in months) == THRESHOLD * len(assessment.cycles) + (
        assessment.cycle_points
    )
    assert assessment.threshold == THRESHOLD


@pytest.mark.parametrize("record", WORLD.inmates, ids=lambda r: r.inmate_id)
def test_punishments_rewards_and_assessment_agree(record: InmateRecords) -> None:
    by_month = {m.month: m for m in record.assessment.months}
    for item in record.rewards.items:
        if item.kind in PENALTY:
            month = by_month[item.date.strftime("%Y-%m")]
            assert month.deduction >= PENALTY[item.kind]
            assert (month.base == 0) == (item.kind is RewardKind.CONFINEMENT)
    rewarded = {(i.date, i.kind.value) for i in record.rewards.items}
    for cycle in record.assessment.cycles:
        if cycle.outcome is not models.CycleOutcome.NO_REWARD:
            assert (cycle.graded_on, cycle.outcome.value) in rewarded


@pytest.mark.parametrize("record", WORLD.inmates, ids=lambda r: r.inmate_id)
def test_sentence_and_dates_are_consistent(record: InmateRecords) -> None:
    sentence = record.profile.sentence
    ruled = [
        c
        for c in record.rewards.sentence_changes
        if c.kind is SentenceChangeKind.REDUCTION and c.stage is SentenceChangeStage.RULED
    ]
    assert (sentence.current_end < sentence.end) == bool(ruled)
    assert sentence.start < sentence.current_end <= sentence.end
    today = WORLD.as_of.date()
    dated = [
        *record.rewards.items,
        *record.rewards.sentence_changes,
        *record.living.transactions,
        *record.living.health,
        *record.living.contacts,
    ]
    assert all(sentence.start <= d.date <= today for d in dated)


@pytest.mark.parametrize("record", WORLD.inmates, ids=lambda r: r.inmate_id)
def test_money_is_decimal_and_never_negative(record: InmateRecords) -> None:
    account = record.living.account
    assert isinstance(account.balance, Decimal) and account.balance >= 0
    assert all(isinstance(t.amount, Decimal) for t in record.living.transactions)
    assert all(t.amount == t.amount.quantize(Decimal("0.01")) for t in record.living.transactions)
    spent = [t for t in record.living.transactions if t.type is models.TransactionType.SPENDING]
    assert all(t.amount < 0 for t in spent)


def test_times_are_beijing_time() -> None:
    for record in WORLD.inmates:
        for section in (record.profile, record.reform, record.assessment, record.living):
            assert section.as_of.utcoffset() == timedelta(hours=8)
    assert all(a.published_at.utcoffset() == timedelta(hours=8) for _, a in WORLD.announcements)


@pytest.mark.parametrize("section", ["profile", "reform", "assessment", "rewards", "living"])
def test_sections_survive_the_wire_format(section: str) -> None:
    for record in WORLD.inmates:
        value = getattr(record, section)
        assert type(value).model_validate_json(value.model_dump_json()) == value


def test_credentials_list_every_visitor_with_its_inmates() -> None:
    credentials = WORLD.credentials()
    assert [c.id_number for c in credentials] == [v.id_number for v in WORLD.visitors]
    first = credentials[0]
    assert first.to_json() == {
        "id_number": first.id_number,
        "reference_number": first.reference_number,
        "inmate_ids": list(first.inmate_ids),
        "note": "one inmate",
    }
