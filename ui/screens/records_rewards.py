"""Sentence and rewards (奖惩与刑罚变更): the sentence as a timeline to the expected release with
the days remaining, each reduction or parole case with its stage, then rewards and — apart,
in red — punishments."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.api.models import Rewards, Section
from kiosk.records.sentence import STAGES, Step, Timeline, timeline
from ui.i18n import fmt_date, fmt_date_long, fmt_days, translate
from ui.screens.record_terms import change_kind, reward_kind, stage_meaning, stage_name
from ui.screens.sections import Page, ViewContext
from ui.widgets.common import Card, make_card, make_label, set_style_property
from ui.widgets.timeline import SentenceTimeline, StageSteps


def _timeline_card(page: Page, line: Timeline) -> None:
    card = make_card("sentenceCard")
    page.widget(card)
    if line.released:
        days = translate("Rewards", "预计释放日期已到。")
    else:
        days = translate("Rewards", "距预计释放还有 %1").replace(
            "%1", fmt_days(line.days_remaining))
    remaining = make_label("big", "daysRemaining")
    remaining.setText(days)
    card.column.addWidget(remaining)
    release = make_label("lead", "sentenceRelease")
    text = translate("Rewards", "预计释放日期：%1").replace(
        "%1", fmt_date_long(line.current_end))
    if line.days_reduced:
        text += translate("Rewards", "（原定 %1，已减去 %2）").replace(
            "%1", fmt_date_long(line.original_end)).replace("%2", fmt_days(line.days_reduced))
    release.setText(text)
    card.column.addWidget(release)
    picture = SentenceTimeline(
        "sentenceTimeline", line,
        translate("Rewards", "入狱 %1").replace("%1", fmt_date(line.start)),
        translate("Rewards", "预计释放 %1").replace("%1", fmt_date(line.current_end)),
        translate("Rewards", "今天"))
    picture.setAccessibleName(text)
    card.column.addWidget(picture)


def _case_card(index: int, step: Step) -> Card:
    change = step.change
    card = make_card(f"sentenceChange{index}")
    card.setProperty("panel", True)
    head = make_label("cardTitle", f"sentenceChange{index}Title")
    head.setText(translate("Rewards", "%1　%2").replace("%1", change_kind(change.kind)).replace(
        "%2", fmt_date_long(change.date)))
    card.column.addWidget(head)
    detail = make_label("body", f"sentenceChange{index}Detail")
    detail.setText(translate("Rewards", "%1　%2").replace("%1", change.detail).replace(
        "%2", change.authority) if change.authority else change.detail)
    card.column.addWidget(detail)
    steps = StageSteps(f"sentenceChange{index}Steps", [stage_name(s) for s in STAGES],
                       step.stage_index)
    card.column.addWidget(steps)
    stage = make_label("body", f"sentenceChange{index}Stage")
    stage.setText(translate("Rewards", "目前进度：%1。%2").replace(
        "%1", stage_name(change.stage)).replace("%2", stage_meaning(change.stage)))
    set_style_property(stage, "tone", "pending" if step.pending else "good")
    card.column.addWidget(stage)
    return card


def rewards_view(data: Rewards, context: ViewContext) -> QWidget:
    page = Page("rewardsView")
    line = None
    if context.profile is not None:
        line = timeline(context.profile.sentence, data.sentence_changes, context.today)
        _timeline_card(page, line)
    page.heading(translate("Rewards", "减刑、假释办理情况"), "sentenceChangesHeading")
    steps = line.steps if line is not None else ()
    if not data.sentence_changes:
        page.text(translate("Rewards", "暂无减刑、假释记录。"), "sentenceChangesEmpty", "muted")
    elif line is None:
        page.text(translate("Rewards", "正在读取刑期…"), "sentenceChangesWaiting", "muted")
    cases = QVBoxLayout()
    cases.setSpacing(14)
    for index, step in enumerate(reversed(steps)):  # newest first
        cases.addWidget(_case_card(index, step))
    page.column.addLayout(cases)

    rewards = [i for i in data.items if not i.kind.is_punishment]
    punishments = [i for i in data.items if i.kind.is_punishment]
    counts = QHBoxLayout()
    for name, text, tone in (
        ("rewardCount", translate("Rewards", "奖励 %n 次", "", len(rewards)), "good"),
        ("punishmentCount", translate("Rewards", "处罚 %n 次", "", len(punishments)),
         "bad" if punishments else None),
    ):
        label = make_label("lead", name, wrap=False)
        label.setText(text)
        if tone is not None:
            set_style_property(label, "tone", tone)
        counts.addWidget(label)
        counts.addSpacing(40)
    counts.addStretch(1)
    page.heading(translate("Rewards", "奖励"), "rewardItemsHeading")
    page.column.addLayout(counts)
    page.table_or_empty("rewardItems", [
        translate("Rewards", "日期"), translate("Rewards", "类别"), translate("Rewards", "事由")],
        [[fmt_date(i.date), reward_kind(i.kind), i.reason] for i in rewards],
        tones=["good"] * len(rewards), stretch_column=2,
        empty=translate("Rewards", "暂无奖励记录。"))
    page.heading(translate("Rewards", "处罚"), "punishmentItemsHeading")
    page.table_or_empty("punishmentItems", [
        translate("Rewards", "日期"), translate("Rewards", "处罚"), translate("Rewards", "事由")],
        [[fmt_date(i.date), "⚠ " + reward_kind(i.kind), i.reason] for i in punishments],
        tones=["bad"] * len(punishments), stretch_column=2,
        empty=translate("Rewards", "没有处罚记录。"))
    page.footer(Section.REWARDS, data.as_of, context)
    return page
