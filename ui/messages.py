"""The words for every message code of the flow (``kiosk.flow.messages.Message``).

The flow decides *what* to say; this module says it, in the family's language, with times in
Beijing time. Each message is one sentence a person with little schooling understands, and says
what to do next.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from kiosk.flow.messages import Message, Notice
from kiosk.timefmt import beijing
from ui.i18n import translate

_ERROR = "error"
_WARNING = "warning"
_INFO = "info"

SEVERITY: dict[Message, str] = {
    Message.SESSION_ENDED: _INFO,
    Message.BUSY: _WARNING,
    Message.SERVICE_UNAVAILABLE: _WARNING,
    Message.TIMED_OUT: _WARNING,
    Message.MAINTENANCE: _WARNING,
}


def hhmm(moment: datetime) -> str:
    """Beijing time as HH:MM, rounded up: "try again after 10:05" must never be too early."""
    local = beijing(moment)
    if local.second or local.microsecond:
        local = local.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return local.strftime("%H:%M")


def message_text(message: Message) -> str:
    """The sentence for a message code without its values."""
    texts = {
        Message.ID_INCOMPLETE: translate("Messages", "身份证号码应为 18 位，请输入完整。"),
        Message.ID_BAD_CHARACTER: translate(
            "Messages", "身份证号码只能是数字，最后一位可以是 X。"),
        Message.ID_BAD_BIRTH_DATE: translate(
            "Messages", "身份证号码中的出生日期不对，请核对第 7 到 14 位。"),
        Message.ID_BAD_CHECK: translate(
            "Messages", "身份证号码有误，请逐位核对后重新输入。"),
        Message.ID_TOO_LONG: translate("Messages", "身份证号码只有 18 位。"),
        Message.REFERENCE_EMPTY: translate(
            "Messages", "请输入查询码（监狱发给家属的凭证上印有查询码）。"),
        Message.REFERENCE_TOO_SHORT: translate("Messages", "查询码至少 8 位，请输入完整。"),
        Message.REFERENCE_TOO_LONG: translate("Messages", "查询码最多 16 位。"),
        Message.REFERENCE_BAD_CHARACTER: translate(
            "Messages", "查询码只包含字母、数字和短横线。"),
        Message.CARD_UNSUPPORTED: translate(
            "Messages", "这种证件不能在本机查询，请咨询值班民警，或用其他证件。"),
        Message.WRONG_REFERENCE: translate(
            "Messages", "身份证号码与查询码不匹配，请核对查询码后重新输入。"),
        Message.LOCKED: translate(
            "Messages", "输入错误次数太多，这个身份证号码已暂时锁定。"),
        Message.SESSION_ENDED: translate(
            "Messages", "本次查询已结束，信息已清除。如需继续，请重新验证身份。"),
        Message.NO_PERMISSION: translate(
            "Messages", "您没有查看这位服刑人员信息的权限。如有疑问，请咨询值班民警。"),
        Message.NOT_FOUND: translate("Messages", "没有找到相关信息。如有疑问，请咨询值班民警。"),
        Message.BUSY: translate("Messages", "系统繁忙，请稍等片刻再试。"),
        Message.CHECK_INPUT: translate("Messages", "输入的信息有误，请检查后重新输入。"),
        Message.SERVICE_UNAVAILABLE: translate(
            "Messages", "查询服务暂时无法连接，请稍后点“重试”。"),
        Message.TIMED_OUT: translate("Messages", "查询服务长时间没有响应，请点“重试”。"),
        Message.MAINTENANCE: translate("Messages", "查询系统正在维护，暂停服务。"),
        Message.TERMINAL_UNAUTHORIZED: translate(
            "Messages", "本机暂未获得查询授权，暂停服务。请联系值班民警处理。"),
        Message.INTERNAL_ERROR: translate(
            "Messages", "本机出现故障，正在自动恢复，请稍候。您的信息已清除。"),
        Message.PRINTER_FAILED: translate(
            "Messages", "凭条没有打印出来。请联系值班民警协助，凭条号已保留，可以重新打印。"),
        Message.PRINT_LIMIT: translate("Messages", "本次查询的打印份数已用完。"),
    }
    return texts[message]


def notice_text(notice: Notice) -> str:
    """The full sentence(s) for a notice, with its attempts left or its time."""
    text = message_text(notice.message)
    if notice.message is Message.WRONG_REFERENCE and notice.attempts_left is not None:
        if notice.attempts_left > 0:
            text += translate("Messages", "还可以再试 %n 次。", "", notice.attempts_left)
        else:
            text += translate("Messages", "再错一次将被锁定。")
    elif notice.message is Message.LOCKED:
        if notice.until is not None:
            text += translate("Messages", "请在 %1 以后再试，或咨询值班民警。").replace(
                "%1", hhmm(notice.until))
        else:
            text += translate("Messages", "请稍后再试，或咨询值班民警。")
    elif notice.message is Message.MAINTENANCE and notice.until is not None:
        text += translate("Messages", "预计 %1 恢复。").replace("%1", hhmm(notice.until))
    elif notice.message is Message.BUSY and notice.until is not None:
        text = message_text(Message.BUSY)
    return text


def outage_text(reason: Message, until: datetime | None) -> str:
    """The out-of-service screen's sentence: no "retry" there, the terminal recovers itself."""
    if reason is Message.SERVICE_UNAVAILABLE:
        return translate("Messages", "本机暂时无法连接查询服务，暂停服务。")
    return notice_text(Notice(reason, until=until))


def severity(notice: Notice) -> str:
    return SEVERITY.get(notice.message, _ERROR)
