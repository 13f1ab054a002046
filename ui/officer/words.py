"""Words for the officer pages: device states, durations and sizes, in the current language."""

from __future__ import annotations

from kiosk.api.models import PrinterState, ReaderState
from ui.i18n import translate


def printer_words(state: PrinterState) -> str:
    return {
        PrinterState.READY: translate("OfficerWords", "正常"),
        PrinterState.PAPER_LOW: translate("OfficerWords", "纸张将尽"),
        PrinterState.PAPER_OUT: translate("OfficerWords", "缺纸"),
        PrinterState.OFFLINE: translate("OfficerWords", "离线"),
        PrinterState.UNKNOWN: translate("OfficerWords", "状态未知"),
    }[state]


def reader_words(state: ReaderState) -> str:
    return {
        ReaderState.READY: translate("OfficerWords", "正常"),
        ReaderState.ABSENT: translate("OfficerWords", "未连接"),
        ReaderState.ERROR: translate("OfficerWords", "故障"),
        ReaderState.DISABLED: translate("OfficerWords", "未启用"),
    }[state]


def duration_text(seconds: int) -> str:
    days, rest = divmod(max(seconds, 0), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return translate("OfficerWords", "%1 天 %2 小时").replace("%1", str(days)).replace(
            "%2", str(hours))
    if hours:
        return translate("OfficerWords", "%1 小时 %2 分钟").replace("%1", str(hours)).replace(
            "%2", str(minutes))
    return translate("OfficerWords", "%n 分钟", "", minutes)


def size_text(size: int) -> str:
    gib = size / 1024**3
    if gib >= 1:
        return f"{gib:.1f} GB"
    return f"{size / 1024**2:.0f} MB"


def action_words(code: str) -> str:
    """A device action's result code, in words (unknown codes shown as they are)."""
    words = {
        "ok": translate("OfficerWords", "成功"),
        "paper_out": translate("OfficerWords", "缺纸"),
        "offline": translate("OfficerWords", "打印机离线"),
        "job_failed": translate("OfficerWords", "打印任务失败"),
        "job_stuck": translate("OfficerWords", "打印任务超时未完成"),
        "timeout": translate("OfficerWords", "超时"),
        "absent": translate("OfficerWords", "读卡器未连接"),
        "error": translate("OfficerWords", "读卡器故障"),
        "disabled": translate("OfficerWords", "本终端未启用读卡器"),
        "unknown": translate("OfficerWords", "状态未知"),
        "paper_low": translate("OfficerWords", "纸张将尽"),
    }
    return words.get(code, code)


def with_detail(text: str, detail: str) -> str:
    """``正常（cups）``: a state with the machine detail behind it."""
    return translate("OfficerWords", "%1（%2）").replace("%1", text).replace("%2", detail)
