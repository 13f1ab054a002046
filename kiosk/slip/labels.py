"""Every word the slip prints that does not come from the records, one table per language.

Record values (names, grades, reasons) print as the central service sent them. Enum values that
the contract fixes in Chinese (奖惩 kinds, transaction types ...) are translated through
``Labels.enums`` for English slips.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Language = Literal["zh_CN", "en"]


@dataclass(frozen=True)
class Labels:
    title: str
    prison: str
    terminal: str
    issued_at: str
    beijing_time: str
    slip_no: str
    visitor_id: str
    inmate: str
    ward: str
    sentence: str
    sentence_span: str  # "{term}", "{start}", "{end}"
    current_end: str
    treatment: str
    as_of: str
    no_entries: str
    more_entries: str  # "{n}" earlier entries not printed
    # section headings, keyed by the Section value
    sections: Mapping[str, str]
    # reform
    month: str
    ideology: str
    education: str
    labour: str
    courses: str
    certificates: str
    # assessment
    cycle_points: str
    cycle_since: str  # "{start}": month the running cycle started
    points_of: str  # "{points}", "{threshold}"
    base: str
    bonus: str
    deduction: str
    total: str
    cycles: str
    cycle_closed: str  # "{month}"
    graded_on: str
    # rewards
    rewards_items: str
    sentence_changes: str
    # living
    balance: str
    monthly_limit: str
    transactions: str
    health: str
    # verification and footer
    verify_hint: str
    verify_code: str
    preview_no: str  # in place of the slip number on the on-screen preview
    preview_qr: str  # in place of the QR code on the on-screen preview
    keep_safe: str
    page: str  # "{page}", "{pages}"
    # officer test print
    test_title: str
    test_notice: str
    test_fonts: str
    test_width: str
    test_width_hint: str
    # enquiry ticket
    enquiry_title: str
    ticket_no: str
    reply_due: str
    track_hint: str
    enquiry_keep: str
    enums: Mapping[str, str] = field(default_factory=dict)

    def enum(self, value: str) -> str:
        return self.enums.get(value, value)


ZH_CN = Labels(
    title="狱务公开信息查询单",
    prison="监狱",
    terminal="终端",
    issued_at="打印时间",
    beijing_time="（北京时间）",
    slip_no="单号",
    visitor_id="查询人证件号",
    inmate="服刑人员",
    ward="监区",
    sentence="刑期",
    sentence_span="{term}（{start} 至 {end}）",
    current_end="现刑期止日",
    treatment="处遇级别",
    as_of="数据截至",
    no_entries="暂无记录",
    more_entries="另有较早记录 {n} 条未打印，可在终端查看。",
    sections={
        "reform": "改造表现",
        "assessment": "计分考核",
        "rewards": "奖惩与刑罚变更",
        "living": "生活卫生",
    },
    month="月份",
    ideology="思想",
    education="教育",
    labour="劳动",
    courses="学习课程",
    certificates="技能证书",
    cycle_points="本周期累计",
    cycle_since="本考核周期自 {start} 起计，满 600 分结一个周期。",
    points_of="{points} / {threshold} 分",
    base="基础",
    bonus="加分",
    deduction="扣分",
    total="合计",
    cycles="已结考核周期",
    cycle_closed="{month} 结束",
    graded_on="评定",
    rewards_items="奖惩记录",
    sentence_changes="刑罚变更",
    balance="账户余额",
    monthly_limit="月消费限额",
    transactions="近三个月收支",
    health="健康检查",
    verify_hint="扫描二维码可核验本单真伪",
    verify_code="核验码",
    preview_no="预览（打印时生成凭条号）",
    preview_qr="〔预览：二维码和核验码在打印时生成〕",
    keep_safe="本单仅供家属了解情况，请妥善保管。如对内容有疑问，可在终端提交意见或咨询值班民警。",
    page="第 {page} / {pages} 页",
    test_title="打印机测试页",
    test_notice="测试页，不含任何人员信息。",
    test_fonts="字体检查",
    test_width="打印宽度",
    test_width_hint="两端的竖线应完整打印；若被截断，请检查纸卷宽度与打印机设置。",
    enquiry_title="意见反馈回执",
    ticket_no="受理编号",
    reply_due="答复期限",
    track_hint="扫描二维码可查询办理进度",
    enquiry_keep="请保留本回执，凭受理编号查询答复。",
)

EN = Labels(
    title="Prison Records Summary",
    prison="Prison",
    terminal="Terminal",
    issued_at="Printed",
    beijing_time=" (Beijing time)",
    slip_no="Slip no.",
    visitor_id="Visitor ID",
    inmate="Inmate",
    ward="Ward",
    sentence="Sentence",
    sentence_span="{term} ({start} to {end})",
    current_end="Current end",
    treatment="Treatment",
    as_of="Data as of",
    no_entries="No entries",
    more_entries="{n} earlier entries not printed; see them on the terminal.",
    sections={
        "reform": "Reform",
        "assessment": "Points assessment",
        "rewards": "Rewards and sentence changes",
        "living": "Living",
    },
    month="Month",
    ideology="Ideology",
    education="Education",
    labour="Labour",
    courses="Courses",
    certificates="Certificates",
    cycle_points="This cycle",
    cycle_since="The running cycle started {start}; a cycle closes at 600 points.",
    points_of="{points} / {threshold} points",
    base="Base",
    bonus="Bonus",
    deduction="Deduct",
    total="Total",
    cycles="Closed cycles",
    cycle_closed="closed {month}",
    graded_on="graded",
    rewards_items="Rewards and punishments",
    sentence_changes="Sentence changes",
    balance="Balance",
    monthly_limit="Monthly limit",
    transactions="Transactions, last 3 months",
    health="Health checks",
    verify_hint="Scan the QR code to check this slip is genuine",
    verify_code="Verify code",
    preview_no="PREVIEW (numbered when printed)",
    preview_qr="[Preview: the QR code and verify code are made when printed]",
    keep_safe=(
        "For the family's information; please keep it safe. Questions about the content: "
        "file an enquiry on the terminal or ask the duty officer."
    ),
    page="Page {page} of {pages}",
    test_title="Printer test page",
    test_notice="Test page: contains no personal data.",
    test_fonts="Font check",
    test_width="Print width",
    test_width_hint="Both vertical bars must print in full; if cut, check the roll width and "
    "the printer settings.",
    enquiry_title="Enquiry receipt",
    ticket_no="Ticket no.",
    reply_due="Reply due by",
    track_hint="Scan the QR code to follow the enquiry",
    enquiry_keep="Keep this receipt: the ticket number finds the reply.",
    enums={
        "表扬": "Praise",
        "物质奖励": "Material reward",
        "记功": "Merit",
        "警告": "Warning",
        "记过": "Demerit",
        "禁闭": "Confinement",
        "减刑": "Sentence reduction",
        "假释": "Parole",
        "暂予监外执行": "Medical parole",
        "呈报": "reported",
        "公示": "publicised",
        "提请": "submitted",
        "裁定": "ruled",
        "不予奖励": "No reward",
        "存款": "Deposit",
        "消费": "Spend",
        "汇款": "Remit",
        "扣款": "Deduct",
    },
)

_TABLES: dict[str, Labels] = {"zh_CN": ZH_CN, "en": EN}


def labels_for(language: Language) -> Labels:
    return _TABLES[language]
