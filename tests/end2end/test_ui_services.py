"""The rest of the visit, tapped through against the reference server: an enquiry by tapping
(ticket on screen, on a printed receipt, in QR codes), rating after the visit, the phone hand-off,
two languages with the slip following, large text with high contrast, patient timeouts, and
announcements that rotate, open in full and refresh by themselves."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import zxingcpp
from PIL import Image
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.audit.catalogue import Counter
from kiosk.flow import events as ev
from tests.end2end.test_ui_records import cred, open_records
from tests.unit.slip.pdfcheck import all_text, qr_codes
from ui.widgets.qr import QrCode


def decoded(widget: QrCode) -> list[str]:
    """What a phone reads from the code on screen."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().toImage().save(buffer, "PNG")
    image = Image.open(io.BytesIO(bytes(buffer.data())))
    return [r.text for r in zxingcpp.read_barcodes(image)]


def today_counts(kiosk) -> dict[str, int]:
    from kiosk.timefmt import beijing

    day = beijing(kiosk.services.clock()).date()
    return kiosk.services.store.counts(day, day)


def printed(kiosk, prefix: str) -> list[Path]:
    folder = Path(kiosk.services.settings.printer.output_dir)
    return sorted(folder.glob(f"{prefix}*.pdf")) if folder.is_dir() else []


# ---- enquiry ----------------------------------------------------------------------------------


def test_an_enquiry_is_filed_by_tapping_and_its_receipt_printed(make_kiosk, demo_credentials,
                                                                central):
    kiosk = make_kiosk()
    visitor = cred(demo_credentials, "one inmate", 8)
    open_records(kiosk, visitor, "rewards")
    before = today_counts(kiosk).get(Counter.ENQUIRIES, 0)
    kiosk.tap("rewardsEnquiry")
    kiosk.wait_screen("enquiry")
    assert "奖惩与刑罚变更" in kiosk.text("enquiryTitle")
    kiosk.tap("enquiryReason_missing")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("enquiryTicketNo"), timeout=15_000)
    ticket_no = kiosk.text("enquiryTicketNo").split("：")[-1]
    state = central.store.enquiry(ticket_no)  # the reference server filed it
    assert state.ticket_no == ticket_no
    kiosk.qtbot.waitUntil(lambda: "已打印" in kiosk.text("enquiryPrintStatus"), timeout=15_000)
    [receipt] = printed(kiosk, f"enquiry-{ticket_no}")
    pdf = receipt.read_bytes()
    assert ticket_no in all_text(pdf)
    [code] = qr_codes(pdf)
    assert code.text.endswith(f"/enquiries/{ticket_no}")
    assert decoded(kiosk.visible("enquiryTrackQr", QrCode)) == [code.text]
    kiosk.qtbot.waitUntil(
        lambda: today_counts(kiosk).get(Counter.ENQUIRIES, 0) == before + 1, timeout=5000)
    kiosk.tap("enquiryBack")
    kiosk.wait_screen("records")


def test_a_failed_receipt_can_be_printed_again(make_kiosk, demo_credentials):
    from kiosk.printing import FaultyPrinter, PaperOut

    kiosk = make_kiosk()
    faulty = FaultyPrinter(kiosk.services.printer)
    kiosk.services.printer = faulty
    open_records(kiosk, cred(demo_credentials, "one inmate", 9), "living")
    faulty.faults.refuse_next = PaperOut("no paper")
    kiosk.tap("livingEnquiry")
    kiosk.tap("enquiryReason_incorrect")
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("enquiryPrintAgain"), timeout=15_000)
    ticket_no = kiosk.text("enquiryTicketNo").split("：")[-1]
    assert "没有打印出来" in kiosk.text("enquiryPrintStatus")
    assert printed(kiosk, "enquiry-") == []
    kiosk.tap("enquiryPrintAgain")
    kiosk.qtbot.waitUntil(lambda: "已打印" in kiosk.text("enquiryPrintStatus"), timeout=15_000)
    assert kiosk.text("enquiryTicketNo").endswith(ticket_no)  # the same ticket, not a new one
    assert len(printed(kiosk, f"enquiry-{ticket_no}")) == 1


# ---- rating and the phone hand-off ------------------------------------------------------------


def test_rating_is_one_tap_after_the_visit_and_counted_without_the_family(make_kiosk,
                                                                         demo_credentials,
                                                                         central):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "one inmate", 10))
    before = today_counts(kiosk).get(Counter.rating(2), 0)
    kiosk.tap("exitButton")
    kiosk.wait_screen("farewell")
    url = kiosk.services.settings.kiosk.family_service_url
    assert decoded(kiosk.visible("handoffQr", QrCode)) == [url]
    kiosk.tap("rateFair")
    assert kiosk.is_visible("ratingThanks") and not kiosk.is_visible("rateGood")
    # Recorded by a worker, durably, a moment later.
    kiosk.qtbot.waitUntil(
        lambda: today_counts(kiosk).get(Counter.rating(2), 0) == before + 1, timeout=5000)
    # The event is queued on the terminal, or already sent to the central service.
    queued = kiosk.services.store.pending_events(1000, kiosk.services.clock())
    ratings = [(e.subject, e.data) for e in [*queued, *central.store.events()]
               if e.type.value == "rating"]
    assert ratings and all(subject is None and set(data) == {"score"}
                           for subject, data in ratings)
    assert (None, {"score": 2}) in ratings
    kiosk.tap("farewellSkip")
    kiosk.wait_screen("attract")


def test_the_done_screen_hands_off_to_the_phone(make_kiosk, demo_credentials):
    kiosk = make_kiosk(kiosk__family_service_url="https://family.example.gov.cn/mp?from=kiosk")
    open_records(kiosk, cred(demo_credentials, "one inmate", 11))
    kiosk.qtbot.waitUntil(lambda: kiosk.button("printButton").isEnabled(), timeout=15_000)
    kiosk.tap("printButton")
    kiosk.tap("printConfirm")
    kiosk.wait_screen("done", timeout=30_000)
    assert decoded(kiosk.visible("handoffQr", QrCode)) == [
        "https://family.example.gov.cn/mp?from=kiosk"]


# ---- languages --------------------------------------------------------------------------------


def test_english_on_the_records_and_on_the_slip(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    open_records(kiosk, cred(demo_credentials, "one inmate", 13), "living")
    assert kiosk.button("tab_living").text() == "生活卫生"
    kiosk.tap("languageButton")
    assert kiosk.button("tab_living").text() == "Living"
    assert kiosk.button("languageButton").text() == "中文"
    kiosk.wait_text("livingBalance", "¥")  # the view is rebuilt, and shown a frame later
    balance = kiosk.text("livingBalance")
    assert balance.startswith("¥") and "元" not in balance
    assert "As of" in kiosk.text("livingAsOf") and "Nov 2026" in kiosk.text("livingAsOf")
    kiosk.qtbot.waitUntil(lambda: kiosk.button("printButton").isEnabled(), timeout=15_000)
    kiosk.tap("printButton")
    kiosk.tap("printConfirm")
    kiosk.wait_screen("done", timeout=30_000)
    [slip] = printed(kiosk, "slip-")
    text = all_text(slip.read_bytes())
    assert "Balance" in text and "Monthly limit" in text
    kiosk.tap("doneFinish")
    kiosk.wait_screen("farewell")
    assert kiosk.text("farewellTitle") == "Thank you"
    kiosk.tap("farewellSkip")
    kiosk.wait_screen("attract")
    # The next family starts in Chinese.
    assert kiosk.text("attractTitle") == "狱务公开查询"


def test_dates_and_numbers_follow_the_language(qapp):
    from decimal import Decimal

    from ui.i18n import fmt_date, fmt_money, fmt_month_long, fmt_number, install_language

    day = date(2026, 11, 27)
    assert (fmt_date(day), fmt_month_long("2027-02"), fmt_money(Decimal("1234.5"))) == (
        "2026-11-27", "2027年2月", "1,234.50 元")
    try:
        install_language("en")
        assert (fmt_date(day), fmt_month_long("2027-02"), fmt_money(Decimal("-45.5"))) == (
            "27 Nov 2026", "February 2027", "-¥45.50")
        assert fmt_money(Decimal("500"), signed=True) == "+¥500.00"
    finally:
        install_language("zh_CN")
    assert fmt_number(Decimal("245.5")) == "245.5" and fmt_number(Decimal("1200")) == "1,200"


# ---- large text and high contrast --------------------------------------------------------------


def screen_pixel(kiosk) -> str:
    """The colour of the current screen's background, as drawn."""
    QApplication.processEvents()
    return kiosk.window.current_screen().grab().toImage().pixelColor(3, 3).name()


def body_px(kiosk, name: str) -> int:
    return kiosk.visible(name, QLabel).font().pixelSize()


def test_large_text_is_bigger_with_high_contrast_for_the_rest_of_the_visit(make_kiosk,
                                                                          demo_credentials):
    kiosk = make_kiosk()
    kiosk.wait_screen("attract")
    normal = body_px(kiosk, "attractBringId")
    assert screen_pixel(kiosk) == "#eef2f7"
    kiosk.tap("largeTextButton")
    assert body_px(kiosk, "attractBringId") == round(normal * 1.4)
    assert screen_pixel(kiosk) == "#000000"  # high contrast: light text on black
    open_records(kiosk, cred(demo_credentials, "one inmate", 14))
    assert body_px(kiosk, "profileSentence") == round(32 * 1.4)
    assert kiosk.is_visible("largeTextButton")  # it can be turned off again on any screen
    kiosk.tap("exitButton")
    kiosk.tap("farewellSkip")
    kiosk.wait_screen("attract")
    assert body_px(kiosk, "attractBringId") == normal  # the next family: normal text


# ---- patience ---------------------------------------------------------------------------------


def test_the_wait_grows_while_typing_and_in_large_text(make_kiosk, demo_credentials):
    kiosk = make_kiosk(kiosk__idle_timeout_s=90)
    idle = kiosk.window.kiosk.idle
    kiosk.wait_screen("attract")
    kiosk.tap("startButton")
    assert idle._timer.interval() == 90_000
    kiosk.type_keys("id", "1501")
    assert idle._timer.interval() == 180_000
    kiosk.tap("largeTextButton")
    assert idle._timer.interval() == 270_000


def test_the_typed_number_survives_the_countdown(make_kiosk, demo_credentials):
    kiosk = make_kiosk()
    kiosk.wait_screen("attract")
    kiosk.tap("startButton")
    kiosk.type_keys("id", "15010219")
    kiosk.window.send(ev.IdleTimeout())  # what the idle watcher sends
    kiosk.qtbot.waitUntil(lambda: kiosk.window.countdown.isVisible(), timeout=5000)
    kiosk.tap_widget(kiosk.window.countdown)  # a touch anywhere means someone is there
    assert not kiosk.window.countdown.isVisible()
    assert kiosk.text("idEntryText").replace(" ", "").startswith("15010219")


# ---- announcements ----------------------------------------------------------------------------


def test_announcements_rotate_open_in_full_and_refresh(make_kiosk, monkeypatch):
    import ui.screens.attract as attract

    monkeypatch.setattr(attract, "ROTATE_MS", 150)
    kiosk = make_kiosk(health_interval_s=0.5)
    kiosk.wait_screen("attract")
    kiosk.qtbot.waitUntil(lambda: kiosk.exists("announcement0Title"), timeout=15_000)
    screen = kiosk.window.current_screen()
    first = screen.featured
    kiosk.qtbot.waitUntil(lambda: screen.featured != first, timeout=5000)
    announcements = kiosk.window.controller.state.announcements
    # Refreshed in the background: the health check brings a fresh list.
    kiosk.qtbot.waitUntil(
        lambda: kiosk.window.controller.state.announcements is not announcements,
        timeout=5000)
    kiosk.tap("announcement2")
    item = kiosk.window.controller.state.announcements[2]
    assert kiosk.text("announcementReaderTitle") == item.title
    assert kiosk.text("announcementReaderBody0") == item.body.split("\n")[0]
    kiosk.tap("announcementReaderClose")
    assert not kiosk.is_visible("announcementReader")
