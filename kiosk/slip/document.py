"""What goes on a slip, as blocks for the layout engine (no drawing here).

One builder serves both layouts: the page spec only changes type sizes and column fractions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from kiosk.api.models import (
    Assessment,
    Living,
    Profile,
    Reform,
    Rewards,
    Section,
)
from kiosk.slip.content import SectionRecords, SlipContent, omitted_counts, printed
from kiosk.slip.flow import Align, Block, Cell, QrBlock, Row, Rule, Style, text_row
from kiosk.slip.geometry import PageSpec
from kiosk.slip.labels import Labels
from kiosk.timefmt import beijing

Column = tuple[float, float, Align]  # start and end as fractions of the width, alignment


def fmt_time(moment: datetime) -> str:
    return beijing(moment).strftime("%Y-%m-%d %H:%M")


def fmt_date(day: date) -> str:
    return day.isoformat()


def fmt_points(points: Decimal) -> str:
    text = format(points.normalize(), "f")
    return "0" if text == "-0" else text


def fmt_money(amount: Decimal, currency: str, *, signed: bool = False) -> str:
    """Exact to the fen: the contract allows at most two decimals, so nothing is rounded."""
    prefix = "¥" if currency == "CNY" else f"{currency} "
    sign = "+" if signed and amount > 0 else ("-" if amount < 0 else "")
    return f"{sign}{prefix}{abs(amount):,.2f}"


class SlipBuilder:
    """Blocks of one slip for one page spec and one label table."""

    def __init__(self, spec: PageSpec, labels: Labels) -> None:
        self.spec = spec
        self.labels = labels
        self.body = Style(spec.body)
        self.bold = Style(spec.body, bold=True)
        self.small = Style(spec.small)
        self.small_bold = Style(spec.small, bold=True)
        self.heading = Style(spec.heading, bold=True)
        self.title = Style(spec.title, bold=True)
        self.blocks: list[Block] = []
        # Label column of key/value rows: wider on the narrow receipt.
        self.key_width = 0.3 if spec.layout == "receipt80" else 0.2

    # ---- primitives ---------------------------------------------------------------------

    def add(self, *blocks: Block) -> None:
        self.blocks.extend(blocks)

    def line(self, text: str, style: Style | None = None, *, align: Align = "left",
             space_before: float = 0.0, keep_with_next: bool = False) -> None:
        self.add(text_row(text, style or self.body, align=align, space_before=space_before,
                          keep_with_next=keep_with_next))

    def kv(self, key: str, value: str, *, value_style: Style | None = None,
           style: Style | None = None) -> None:
        row_style = style or self.body
        self.add(Row((Cell(key, 0.0, self.key_width),
                      Cell(value, self.key_width, 1.0, style=value_style)), row_style))

    def table(self, columns: list[Column], rows: list[list[str]],
              header: list[str] | None = None, *, style: Style | None = None) -> None:
        """Rows of cells at the column fractions (start, end, align)."""
        if header is not None:
            self.add(self.row(columns, header, self.small_bold, keep_with_next=True))
        for values in rows:
            self.add(self.row(columns, values, style or self.body))

    def row(self, columns: list[Column], values: list[str], style: Style | None = None,
            *, keep_with_next: bool = False) -> Row:
        cells = tuple(
            Cell(v, start, end, align)
            for (start, end, align), v in zip(columns, values, strict=True)
        )
        return Row(cells, style or self.body, keep_with_next=keep_with_next)

    def entry(self, head: Row, notes: Sequence[str], indent: float) -> None:
        """One record: its row and its notes below, kept on one page."""
        shown = [n for n in notes if n.strip()]
        self.add(replace(head, keep_with_next=bool(shown)))
        for i, text in enumerate(shown):
            self.add(Row((Cell(text, indent, 1.0),), self.small,
                         keep_with_next=i < len(shown) - 1))

    def note(self, text: str, indent: float = 0.0) -> None:
        if text.strip():
            self.add(Row((Cell(text, indent, 1.0),), self.small))

    def rule(self, *, dashed: bool = False, keep_with_next: bool = False) -> None:
        self.add(Rule(dashed=dashed, keep_with_next=keep_with_next))

    def heading_row(self, text: str) -> None:
        self.add(text_row(text, self.heading, space_before=6.0, keep_with_next=True))
        self.add(Rule(space_before=1.0, space_after=2.0, weight=0.8, keep_with_next=True))

    def as_of(self, moment: datetime) -> None:
        self.line(f"{self.labels.as_of} {fmt_time(moment)}", self.small, keep_with_next=True)

    def subheading(self, text: str) -> None:
        self.line(text, self.bold, space_before=3.0, keep_with_next=True)

    def empty_or_more(self, count: int, omitted: int) -> None:
        if count == 0:
            self.note(self.labels.no_entries)
        if omitted > 0:
            self.note(self.labels.more_entries.format(n=omitted))

    def qr(self, data: str, caption: tuple[str, ...]) -> None:
        self.add(QrBlock(data, caption, self.small))


def build_slip(content: SlipContent, slip_no: str, verify_url: str, verify_code: str,
               spec: PageSpec, labels: Labels, *, preview: bool = False) -> list[Block]:
    """The body blocks of a records slip (A4 adds its running header and footer around them).

    ``preview``: the on-screen preview before the slip is registered; it says so where the QR
    code goes, so nothing on screen could pass for a verifiable slip."""
    b = SlipBuilder(spec, labels)
    shown = printed(content)
    omitted = omitted_counts(content)
    b.line(content.prison_name, b.title, align="center")
    b.line(labels.title, b.heading, align="center", space_before=1.0)
    b.rule()
    b.kv(labels.slip_no, slip_no, value_style=b.bold)
    b.kv(labels.issued_at, fmt_time(content.issued_at) + labels.beijing_time)
    b.kv(labels.terminal, content.terminal_id)
    b.kv(labels.visitor_id, content.visitor_masked_id)
    b.rule(dashed=True)
    _profile(b, shown.profile)
    for section, records in shown.ordered_sections():
        b.heading_row(labels.sections[section.value])
        _SECTION_WRITERS[section](b, records, omitted)
    b.rule()
    if preview:
        b.line(labels.preview_qr, b.bold, align="center", space_before=4.0)
    else:
        b.qr(verify_url, (labels.verify_hint, f"{labels.verify_code} {verify_code}"))
    b.rule(dashed=True)
    b.note(labels.keep_safe)
    return b.blocks


def _profile(b: SlipBuilder, profile: Profile) -> None:
    lab = b.labels
    b.kv(lab.inmate, profile.name, value_style=Style(b.spec.heading, bold=True))
    b.kv(lab.ward, profile.ward)
    s = profile.sentence
    b.kv(lab.sentence,
         lab.sentence_span.format(term=s.term, start=fmt_date(s.start), end=fmt_date(s.end)))
    b.kv(lab.current_end, fmt_date(s.current_end))
    b.kv(lab.treatment, profile.treatment_level)
    b.kv(lab.as_of, fmt_time(profile.as_of), style=b.small)


def _assessment(b: SlipBuilder, a: SectionRecords, omitted: dict[str, int]) -> None:
    assert isinstance(a, Assessment)
    lab = b.labels
    b.as_of(a.as_of)
    b.kv(lab.cycle_points,
         lab.points_of.format(points=fmt_points(a.cycle_points),
                              threshold=fmt_points(a.threshold)),
         value_style=Style(b.spec.heading, bold=True))
    b.note(lab.cycle_since.format(start=a.cycle_started))
    cols: list[Column] = [(0.0, 0.24, "left"), (0.24, 0.43, "right"), (0.43, 0.62, "right"),
            (0.62, 0.81, "right"), (0.81, 1.0, "right")]
    b.table(cols, [], [lab.month, lab.base, lab.bonus, lab.deduction, lab.total])
    for m in a.months:
        b.entry(b.row(cols, [m.month, fmt_points(m.base), fmt_points(m.bonus),
                             fmt_points(m.deduction), fmt_points(m.total)]), [m.note], 0.24)
    b.empty_or_more(len(a.months), omitted.get("assessment.months", 0))
    if a.cycles:
        b.subheading(lab.cycles)
        ccols: list[Column] = [(0.0, 0.3, "left"), (0.3, 0.42, "right"),
                               (0.42, 0.62, "center"), (0.62, 1.0, "right")]
        b.table(ccols, [
            [lab.cycle_closed.format(month=c.closed), fmt_points(c.points),
             lab.enum(c.outcome.value), f"{lab.graded_on} {fmt_date(c.graded_on)}"]
            for c in a.cycles
        ])


def _rewards(b: SlipBuilder, r: SectionRecords, omitted: dict[str, int]) -> None:
    assert isinstance(r, Rewards)
    lab = b.labels
    b.as_of(r.as_of)
    b.subheading(lab.rewards_items)
    for item in r.items:
        b.entry(Row((Cell(fmt_date(item.date), 0.0, 0.3),
                     Cell(lab.enum(item.kind.value), 0.3, 1.0, style=b.bold)), b.body),
                [item.reason, item.document_no], 0.3)
    b.empty_or_more(len(r.items), omitted.get("rewards.items", 0))
    b.subheading(lab.sentence_changes)
    for change in r.sentence_changes:
        b.entry(Row((Cell(fmt_date(change.date), 0.0, 0.3),
                     Cell(f"{lab.enum(change.kind.value)} · {lab.enum(change.stage.value)}",
                          0.3, 1.0, style=b.bold)), b.body),
                [change.detail, change.authority], 0.3)
    b.empty_or_more(len(r.sentence_changes), omitted.get("rewards.sentence_changes", 0))


def _living(b: SlipBuilder, v: SectionRecords, omitted: dict[str, int]) -> None:
    assert isinstance(v, Living)
    lab = b.labels
    cur = v.account.currency
    b.as_of(v.as_of)
    b.kv(lab.balance, fmt_money(v.account.balance, cur),
         value_style=Style(b.spec.heading, bold=True))
    b.kv(lab.monthly_limit, fmt_money(v.account.monthly_limit, cur))
    b.subheading(lab.transactions)
    cols: list[Column] = [(0.0, 0.26, "left"), (0.26, 0.43, "left"), (0.43, 0.74, "left"),
                          (0.74, 1.0, "right")]
    b.table(cols, [
        [fmt_date(t.date), lab.enum(t.type.value), t.description,
         fmt_money(t.amount, cur, signed=True)]
        for t in v.transactions
    ])
    b.empty_or_more(len(v.transactions), omitted.get("living.transactions", 0))
    if v.health:
        b.subheading(lab.health)
        hcols: list[Column] = [(0.0, 0.27, "left"), (0.27, 0.55, "left"), (0.55, 1.0, "left")]
        b.table(hcols, [[fmt_date(h.date), h.item, h.result] for h in v.health])


def _reform(b: SlipBuilder, r: SectionRecords, omitted: dict[str, int]) -> None:
    assert isinstance(r, Reform)
    lab = b.labels
    b.as_of(r.as_of)
    cols: list[Column] = [(0.0, 0.28, "left"), (0.28, 0.52, "center"), (0.52, 0.76, "center"),
            (0.76, 1.0, "center")]
    b.table(cols, [], [lab.month, lab.ideology, lab.education, lab.labour])
    for m in r.monthly:
        b.entry(b.row(cols, [m.month, m.ideology, m.education, m.labour]), [m.remark], 0.28)
    b.empty_or_more(len(r.monthly), omitted.get("reform.monthly", 0))
    if r.courses:
        b.subheading(lab.courses)
        ccols: list[Column] = [(0.0, 0.46, "left"), (0.46, 0.66, "left"), (0.66, 0.8, "right"),
                 (0.8, 1.0, "right")]
        b.table(ccols, [
            [c.name, c.term, "" if c.score is None else str(c.score), c.result]
            for c in r.courses
        ])
    if r.certificates:
        b.subheading(lab.certificates)
        cert_cols: list[Column] = [(0.0, 0.7, "left"), (0.7, 1.0, "right")]
        b.table(cert_cols,
                [[c.name, fmt_date(c.issued_on)] for c in r.certificates])


_SECTION_WRITERS = {
    Section.ASSESSMENT: _assessment,
    Section.REWARDS: _rewards,
    Section.LIVING: _living,
    Section.REFORM: _reform,
}
