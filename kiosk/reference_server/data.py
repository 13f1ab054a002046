"""The reference server's synthetic world, generated deterministically from a seed.

Everything here is invented. A fixed list of scenario families comes first (each is a demo
credential whose ``note`` says what it exercises: several inmates, a locked ID number, empty
sections, ten years of assessments, rare characters, a Mongolian name, a sentence reduction at
each stage, the permit and foreigner ID formats); ordinary families follow to make the numbers
realistic. Records are dated relative to ``AS_OF`` so that one seed always gives the same bytes.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from kiosk.api.models import (
    Announcement,
    AnnouncementCategory,
    EnquiryReason,
    EnquirySection,
    EnquiryStatus,
    SentenceChangeKind,
    SentenceChangeStage,
)
from kiosk.reference_server import idnumbers, names
from kiosk.reference_server.calendar import add_months, chinese_number
from kiosk.reference_server.records import InmatePlan, InmateRecords, Prison, build
from kiosk.timefmt import BEIJING

AS_OF = datetime(2026, 11, 27, 8, 0, tzinfo=BEIJING)
"""The moment the synthetic records describe; fixed so that a seed always gives the same data."""

PRISONS = (
    Prison("NM-HHHT1", "呼和浩特第一监狱", "呼一监", "呼和浩特市中级人民法院"),
    Prison("NM-BT", "包头监狱", "包监", "包头市中级人民法院"),
    Prison("NM-CF", "赤峰监狱", "赤监", "赤峰市中级人民法院"),
    Prison("NM-NZ", "内蒙古自治区女子监狱", "区女监", "呼和浩特市中级人民法院", female=True),
)
_CRIMES = (
    ("盗窃罪", 24, 96),
    ("诈骗罪", 36, 144),
    ("故意伤害罪", 36, 180),
    ("抢劫罪", 60, 180),
    ("贩卖毒品罪", 84, 180),
    ("交通肇事罪", 24, 60),
    ("职务侵占罪", 36, 120),
    ("非法吸收公众存款罪", 36, 120),
    ("寻衅滋事罪", 24, 60),
    ("合同诈骗罪", 36, 144),
)
_AREAS = ("150102", "150103", "150105", "150203", "150204", "150402", "150602", "152502", "150702")
_REFERENCE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


@dataclass(frozen=True)
class DemoCredential:
    """What a family member types (or the card reader gives) to sign in to the demo."""

    id_number: str
    reference_number: str
    inmate_ids: tuple[str, ...]
    note: str

    def to_json(self) -> dict[str, object]:
        return {
            "id_number": self.id_number,
            "reference_number": self.reference_number,
            "inmate_ids": list(self.inmate_ids),
            "note": self.note,
        }


@dataclass(frozen=True)
class Link:
    inmate_id: str
    relationship: str


@dataclass(frozen=True)
class VisitorRecord:
    id_number: str
    reference_number: str
    name: str
    links: tuple[Link, ...]
    note: str
    locked: bool = False

    @property
    def display_name(self) -> str:
        return names.mask(self.name)


@dataclass(frozen=True)
class EnquirySeed:
    """Enquiries filed before the server started, so tracking shows every status."""

    ticket_no: str
    inmate_id: str
    section: EnquirySection
    reason: EnquiryReason
    status: EnquiryStatus
    reply: str | None
    filed_on: date


@dataclass(frozen=True)
class Dataset:
    seed: int
    as_of: datetime
    inmates: tuple[InmateRecords, ...]
    visitors: tuple[VisitorRecord, ...]
    announcements: tuple[tuple[str | None, Announcement], ...]
    """(prison code or None for province-wide, announcement), newest first."""
    enquiries: tuple[EnquirySeed, ...]

    def credentials(self) -> list[DemoCredential]:
        return [
            DemoCredential(
                id_number=v.id_number,
                reference_number=v.reference_number,
                inmate_ids=tuple(link.inmate_id for link in v.links),
                note=v.note,
            )
            for v in self.visitors
        ]

    def inmate(self, inmate_id: str) -> InmateRecords:
        for record in self.inmates:
            if record.inmate_id == inmate_id:
                return record
        raise KeyError(inmate_id)


@functools.lru_cache(maxsize=4)
def generate(seed: int = 1) -> Dataset:
    """The whole synthetic world for ``seed``; the same seed always gives equal datasets.

    Cached: a dataset is immutable and tests start several servers with the same seed.
    ``generate.__wrapped__`` builds afresh.
    """
    world = _World(seed)
    world.scenarios()
    for _ in range(30):
        world.ordinary_family()
    return Dataset(
        seed=seed,
        as_of=AS_OF,
        inmates=tuple(world.inmates),
        visitors=tuple(world.visitors),
        announcements=_announcements(),
        enquiries=_enquiries(world.inmates),
    )


@dataclass
class _World:
    seed: int
    inmates: list[InmateRecords] = field(default_factory=list)
    visitors: list[VisitorRecord] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(f"kiosk-central:{self.seed}")
        self._ids: set[str] = set()
        self._references: set[str] = set()

    # ---- the scenario families, one demo credential each ------------------------------------

    def scenarios(self) -> None:
        son = self.inmate()
        self.visitor(names.chinese(self.rng, female=True), True, [(son, "母子")], "one inmate")
        wife = names.chinese(self.rng, female=True)
        self.visitor(wife, True, [(son, "夫妻")], "shares an inmate with another visitor")

        surname = self.rng.choice(names.SURNAMES)
        brothers = [self.inmate(surname=surname), self.inmate(surname=surname)]
        mother = names.chinese(self.rng, female=True)
        self.visitor(mother, True, [(b, "母子") for b in brothers], "two inmates")

        surname = self.rng.choice(names.SURNAMES)
        husband = self.inmate(surname=surname)
        sons = [self.inmate(surname=surname), self.inmate(surname=surname)]
        links = [(husband, "夫妻"), *((s, "母子") for s in sons)]
        self.visitor(names.chinese(self.rng, female=True), True, links, "three inmates")

        self.simple_family("locked", locked=True)
        self.simple_family("empty living section", empty_living=True, name="王赟")
        self.simple_family(
            "newly admitted: empty reform, assessment and rewards sections",
            start=AS_OF.date() - timedelta(days=9),
            term_months=36,
        )
        self.simple_family("ten years of assessments", start=date(2016, 11, 8), term_months=180)
        inmate = self.inmate(name="巴特尔·额尔敦", term_months=120)
        self.visitor("其其格·娜仁", True, [(inmate, "母子")], "Mongolian name")
        inmate = self.inmate(name="𠮷堃", term_months=96)
        self.visitor("𠮷赟", False, [(inmate, "父子")], "rare characters in name")
        for stage in SentenceChangeStage:
            self.simple_family(
                f"reduction at {stage.value} stage",
                pending=(SentenceChangeKind.REDUCTION, stage),
                name="刘䶮" if stage is SentenceChangeStage.SUBMITTED else None,
            )
        self.simple_family(
            "parole at 提请 stage",
            pending=(SentenceChangeKind.PAROLE, SentenceChangeStage.SUBMITTED),
        )
        self.simple_family(
            "medical parole at 呈报 stage",
            pending=(SentenceChangeKind.MEDICAL_PAROLE, SentenceChangeStage.REPORTED),
        )
        # Four months served with 禁闭 in the third: the running total is bound to be negative.
        self.simple_family(
            "negative points after 禁闭",
            confined_recently=True,
            start=add_months(AS_OF.date(), -4).replace(day=3),
            term_months=36,
        )
        daughter = self.inmate(female=True, name=names.chinese(self.rng, female=True, surname="张"))
        self.visitor(
            names.chinese(self.rng, female=False, surname="张"),
            False,
            [(daughter, "父女")],
            "female inmate",
        )
        self.simple_family("ID number ending in X", id_check="X")
        self.simple_family(
            "Hong Kong residence permit (area code 81)",
            id_number=self.unique_id(
                lambda seq: idnumbers.resident("810000", date(1979, 4, 2), seq)
            ),
        )
        inmate = self.inmate()
        card = self.unique_id(lambda seq: idnumbers.foreigner("15", "496", date(1983, 8, 19), seq))
        self.visitor(
            "萨仁·朝鲁",
            True,
            [(inmate, "夫妻")],
            "foreigner permanent residence card",
            id_number=card,
        )

    def ordinary_family(self) -> None:
        if self.rng.random() < 0.15:
            surname = self.rng.choice(names.SURNAMES)
            inmates = [self.inmate(surname=surname), self.inmate(surname=surname)]
            female = self.rng.random() < 0.6
            role = "母子" if female else "父子"
            self.visitor(
                names.chinese(self.rng, female=female),
                female,
                [(i, role) for i in inmates],
                "two inmates",
            )
            return
        female_inmate = self.rng.random() < 0.12
        inmate = self.inmate(female=female_inmate)
        relatives = [("母女" if female_inmate else "母子", True)]
        relatives.append(("夫妻", not female_inmate))
        relatives.append(("姐妹" if female_inmate else "姐弟", True))
        relatives.append(("父女" if female_inmate else "父子", False))
        for role, female in self.rng.sample(relatives, self.rng.choice((1, 1, 2))):
            shared = names.surname_of(inmate.profile.name) if role[0] in "父姐" else None
            name = names.chinese(self.rng, female=female, surname=shared)
            self.visitor(name, female, [(inmate, role)], "one inmate")

    def simple_family(
        self,
        note: str,
        *,
        locked: bool = False,
        id_number: str | None = None,
        id_check: str | None = None,
        name: str | None = None,
        **plan: object,
    ) -> None:
        inmate = self.inmate(name=name, **plan)  # type: ignore[arg-type]
        female = self.rng.random() < 0.7
        self.visitor(
            names.chinese(self.rng, female=female),
            female,
            [(inmate, "母子" if female else "父子")],
            note,
            locked=locked,
            id_number=id_number,
            id_check=id_check,
        )

    # ---- people ----------------------------------------------------------------------------

    def inmate(
        self,
        *,
        name: str | None = None,
        surname: str | None = None,
        female: bool = False,
        term_months: int | None = None,
        start: date | None = None,
        pending: tuple[SentenceChangeKind, SentenceChangeStage] | None = None,
        empty_living: bool = False,
        confined_recently: bool = False,
    ) -> InmateRecords:
        rng = self.rng
        inmate_id = f"NM{150001 + len(self.inmates)}"
        prison = PRISONS[3] if female else rng.choice(PRISONS[:3])
        crime, shortest, longest = rng.choice(_CRIMES)
        if term_months is None:
            term_months = rng.randrange(max(shortest, 48 if pending else 0), longest + 1, 6)
        if start is None:
            lower = 36 if pending else 6
            served = rng.randint(lower, max(lower, term_months - 8))
            start = add_months(AS_OF.date(), -served).replace(day=rng.randint(1, 28))
        plan = InmatePlan(
            inmate_id=inmate_id,
            name=name or names.chinese(rng, female=female, surname=surname),
            female=female,
            prison=prison,
            ward=f"{chinese_number(rng.randint(1, 12))}监区",
            crime=crime,
            term_months=term_months,
            start=start,
            pending=pending,
            empty_living=empty_living,
            punish_rate=rng.choice((0.0, 0.01, 0.02, 0.04)),
            confined_recently=confined_recently,
        )
        # Each inmate has its own generator so one scenario's records never shift another's.
        record = build(plan, random.Random(f"{self.seed}:{inmate_id}"), AS_OF)
        self.inmates.append(record)
        return record

    def visitor(
        self,
        name: str,
        female: bool,
        links: list[tuple[InmateRecords, str]],
        note: str,
        *,
        locked: bool = False,
        id_number: str | None = None,
        id_check: str | None = None,
    ) -> None:
        if id_number is None:
            area = self.rng.choice(_AREAS)
            birth = date(
                self.rng.randint(1950, 1996), self.rng.randint(1, 12), self.rng.randint(1, 28)
            )

            def make(seq: int) -> str:
                return idnumbers.resident(area, birth, seq * 2 % 1000 + (0 if female else 1))

            id_number = self.unique_id(make, check=id_check)
        self.visitors.append(
            VisitorRecord(
                id_number=id_number,
                reference_number=self.reference(),
                name=name,
                links=tuple(Link(inmate.inmate_id, role) for inmate, role in links),
                note=note,
                locked=locked,
            )
        )

    def unique_id(self, make: Callable[[int], str], *, check: str | None = None) -> str:
        """Draw sequence numbers until the number is new (and ends in ``check`` if asked)."""
        start = self.rng.randint(0, 499)
        for offset in range(1000):
            candidate = make((start + offset) % 1000)
            if candidate not in self._ids and (check is None or candidate.endswith(check)):
                self._ids.add(candidate)
                return candidate
        raise RuntimeError("no free identity number")  # pragma: no cover

    def reference(self) -> str:
        while True:
            chars = "".join(self.rng.choice(_REFERENCE_ALPHABET) for _ in range(6))
            candidate = f"NM{self.rng.randint(19, 26)}-{chars[:4]}-{chars[4:]}"
            if candidate not in self._references:
                self._references.add(candidate)
                return candidate


def _announcements() -> tuple[tuple[str | None, Announcement], ...]:
    items = (
        (
            None,
            "notice",
            2,
            "春节期间会见安排调整的通知",
            "2027年春节期间（2月5日至2月11日）暂停现场会见，远程视频会见照常预约。",
        ),
        (
            "NM-HHHT1",
            "disclosure",
            6,
            "2026年第三批减刑、假释案件公示",
            "本批次共呈报减刑案件42件、假释案件3件，公示期五个工作日，如有异议请向监狱纪委反映。",
        ),
        (
            None,
            "news",
            12,
            "全区监狱系统开展“开放日”活动",
            "各监狱邀请罪犯亲属、人大代表和社会各界代表走进监狱，了解教育改造工作。",
        ),
        (
            "NM-BT",
            "notice",
            20,
            "会见中心自助查询终端启用",
            "会见中心大厅新增两台自助查询终端，亲属可凭身份证和查询码查询服刑人员改造情况。",
        ),
        (
            None,
            "disclosure",
            33,
            "罪犯计分考核工作规定解读",
            "罪犯每月基础分100分，考核分累计达到600分的，给予表扬或者物质奖励。",
        ),
        (
            "NM-NZ",
            "news",
            41,
            "女子监狱举办亲情帮教会",
            "监狱组织亲情帮教会，30余名服刑人员亲属参加。",
        ),
        (
            None,
            "notice",
            58,
            "亲属汇款方式变更的通知",
            "自12月1日起，亲属可通过会见中心窗口或指定银行账户为服刑人员存款。",
        ),
        (
            "NM-CF",
            "disclosure",
            75,
            "2026年第二批减刑、假释案件裁定结果",
            "赤峰市中级人民法院已对本批次减刑、假释案件作出裁定，结果予以公开。",
        ),
    )
    return tuple(
        (
            prison,
            Announcement(
                id=f"a-{120 - index}",
                category=AnnouncementCategory(category),
                title=title,
                body=body,
                published_at=AS_OF.replace(hour=10) - timedelta(days=days_ago),
            ),
        )
        for index, (prison, category, days_ago, title, body) in enumerate(items)
    )


def _enquiries(inmates: list[InmateRecords]) -> tuple[EnquirySeed, ...]:
    first = inmates[0].inmate_id
    return (
        EnquirySeed(
            "E-2026-000101",
            first,
            EnquirySection.ASSESSMENT,
            EnquiryReason.INCORRECT,
            EnquiryStatus.ANSWERED,
            "经核查，2026年9月考核分录入有误，已更正。",
            date(2026, 10, 9),
        ),
        EnquirySeed(
            "E-2026-000102",
            first,
            EnquirySection.LIVING,
            EnquiryReason.MISSING,
            EnquiryStatus.IN_REVIEW,
            None,
            date(2026, 11, 20),
        ),
    )
