"""Slips read back as a family member, a printer and a verifier would read them."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, timedelta

import pytest

from kiosk.api.models import EnquiryFiled, Section
from kiosk.slip import render_enquiry_ticket, render_slip, render_test_slip
from kiosk.slip.labels import EN, ZH_CN
from kiosk.slip.render import TEST_URL
from tests.unit.slip import pdfcheck, sample
from tests.unit.slip.sample import FULL_ID, MASKED_ID, REGISTRATION

ALL = tuple(Section)


def test_receipt_is_80mm_wide_one_page_without_blank_tail():
    pdf = sample.render(sample.content(), "receipt80")
    [page] = pdfcheck.pages(pdf)
    assert page.width_mm == pytest.approx(80.0, abs=0.05)
    image = pdfcheck.render_png(pdf, 100)[0]
    # The last inked row sits just above the bottom margin (10 mm) — no blank paper wasted.
    rows = [y for y in range(image.height)
            if min(image.crop((0, y, image.width, y + 1)).getextrema()) < 128]
    blank_tail_mm = (image.height - 1 - rows[-1]) / 100 * 25.4
    assert 8 <= blank_tail_mm <= 13
    # Nothing is drawn outside the 72 mm printable band.
    cols = [x for x in range(image.width)
            if min(image.crop((x, 0, x + 1, image.height)).getextrema()) < 128]
    assert cols[0] / 100 * 25.4 >= 3.9 and (image.width - 1 - cols[-1]) / 100 * 25.4 >= 3.9


def test_receipt_grows_with_its_content():
    short = pdfcheck.pages(sample.render(sample.content(sections=(Section.LIVING,),
                                                        transactions=2)))[0]
    long = pdfcheck.pages(sample.render(sample.content(sections=(Section.LIVING,),
                                                       transactions=40)))[0]
    assert long.height_mm > short.height_mm + 38 * 3  # every transaction line takes paper


@pytest.mark.parametrize("layout", ["receipt80", "a4"])
def test_chinese_text_is_extractable_and_only_the_masked_id_is_printed(layout):
    pdf = sample.render(sample.content(), layout)
    text = pdfcheck.compact(pdfcheck.all_text(pdf))
    for expected in ("呼和浩特第一监狱", ZH_CN.title, "李某某", "三监区", "DEMO-LOBBY-01",
                     REGISTRATION.slip_no, "2026-11-2710:15", MASKED_ID, "核验码8F3K2JQ9"):
        assert expected in text
    assert FULL_ID not in text
    assert FULL_ID.encode() not in pdf
    assert "盗窃罪" not in text  # the offence is not printed on a slip a family carries


@pytest.mark.parametrize("chosen", [
    (Section.ASSESSMENT,), (Section.LIVING, Section.REWARDS), ALL,
], ids=lambda c: "+".join(s.value for s in c))
def test_every_chosen_section_and_no_other_is_printed(chosen):
    text = pdfcheck.compact(pdfcheck.all_text(sample.render(sample.content(sections=chosen))))
    for section in Section:
        heading = ZH_CN.sections[section.value]
        assert (heading in text) == (section in chosen), heading


def test_section_contents_are_the_latest_entries_with_exact_amounts():
    text = pdfcheck.compact(pdfcheck.all_text(sample.render(sample.content(), "a4")))
    # assessment: running cycle out of the threshold, newest months first, older ones counted
    assert "245.5/600分" in text
    assert text.index("2026-10100") < text.index("2026-09100")
    assert "另有较早记录1条未打印" in text
    # rewards and sentence changes
    assert "表扬" in text and "警告" in text and "减刑·裁定" in text and "减刑八个月" in text
    # living: balance and amounts exact to the fen, signed
    assert "¥356.20" in text and "-¥0.01" in text and "+¥500.00" in text
    # reform: latest month first; data "as of" times of each section, in Beijing time
    assert "2026-10好良好" in text
    assert "数据截至2026-11-2618:00" in text and "数据截至2026-11-2706:00" in text


def test_a4_pages_carry_page_numbers_and_the_slip_number():
    pdf = sample.render(sample.content(transactions=40), "a4")
    pages = pdfcheck.pages(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert (page.width_mm, page.height_mm) == (210.0, 297.0)
        text = pdfcheck.compact(page.text)
        assert f"第{number}/{len(pages)}页" in text
        assert text.count(REGISTRATION.slip_no) >= 2  # header and footer


def test_forty_transactions_all_print_on_one_receipt():
    content = sample.content(sections=(Section.LIVING,), transactions=40)
    pdf = sample.render(content, "receipt80")
    assert len(pdfcheck.pages(pdf)) == 1
    text = pdfcheck.compact(pdfcheck.all_text(pdf))
    days = [(date(2026, 11, 26) - timedelta(days=2 * i)).isoformat() for i in range(40)]
    positions = [text.index(day) for day in days]
    assert positions == sorted(positions)  # newest first, none missing
    assert "另有较早记录" not in text


@pytest.mark.parametrize("layout", ["receipt80", "a4"])
def test_qr_decodes_at_203_dpi_to_the_verify_url(layout):
    pdf = sample.render(sample.content(), layout)
    [code] = pdfcheck.qr_codes(pdf, 203, mono=True)
    assert code.text == REGISTRATION.verify_url
    assert code.ec_level in ("M", "Q")


def test_qr_is_vector_modules_not_a_bitmap():
    pdf = sample.render(sample.content(sections=(Section.LIVING,)))
    assert b"/Subtype /Image" not in pdf and b"/XObject" not in pdf


def test_same_input_same_bytes_even_in_another_process():
    content = sample.content()
    first = render_slip(content, REGISTRATION, "receipt80")
    assert render_slip(content, REGISTRATION, "receipt80") == first
    script = (
        "import sys, hashlib; sys.path.insert(0, '.');"
        "from tests.unit.slip import sample;"
        "print(hashlib.sha256(sample.render(sample.content())).hexdigest())"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345")
    out = subprocess.run([sys.executable, "-c", script], env=env, check=True,
                         capture_output=True, text=True, cwd=_repo_root()).stdout.strip()
    import hashlib
    assert out == hashlib.sha256(first).hexdigest()


def _repo_root() -> str:
    from kiosk.resources import project_root
    return str(project_root())


def test_pdf_metadata_names_no_person():
    import io

    import pypdf
    pdf = sample.render(sample.content())
    meta = pypdf.PdfReader(io.BytesIO(pdf)).metadata
    assert meta.title == f"{ZH_CN.title} {REGISTRATION.slip_no}"
    assert "李某某" not in str(dict(meta))


def test_english_slip_uses_the_english_labels():
    text = pdfcheck.compact(pdfcheck.all_text(sample.render(sample.content(language="en"))))
    for label in (EN.title, EN.sections["living"], EN.verify_code, "Deposit"):
        assert pdfcheck.compact(label) in text
    assert ZH_CN.title not in text


def test_test_slip_has_no_personal_data_and_a_working_qr():
    pdf = render_test_slip("receipt80", sample.FIXED_NOW, terminal_id="DEMO-LOBBY-01")
    text = pdfcheck.compact(pdfcheck.all_text(pdf))
    assert ZH_CN.test_title in text and "𠮷䶮堃赟" in text
    assert MASKED_ID not in text and "李某某" not in text
    assert [c.text for c in pdfcheck.qr_codes(pdf)] == [TEST_URL]


@pytest.mark.parametrize("layout", ["receipt80", "a4"])
def test_enquiry_ticket_carries_ticket_number_and_tracking_qr(layout):
    ticket = EnquiryFiled(ticket_no="E-2026-004512", reply_due=date(2026, 12, 11),
                          track_url="https://127.0.0.1:8443/api/v1/enquiries/E-2026-004512")
    pdf = render_enquiry_ticket(ticket, "呼和浩特第一监狱", "DEMO-LOBBY-01", sample.FIXED_NOW,
                                layout)
    text = pdfcheck.compact(pdfcheck.all_text(pdf))
    assert "E-2026-004512" in text and "2026-12-11" in text and ZH_CN.enquiry_title in text
    assert [c.text for c in pdfcheck.qr_codes(pdf)] == [ticket.track_url]


def test_a_full_id_number_is_refused_as_the_masked_id():
    with pytest.raises(ValueError, match="masked"):
        sample.SlipContent(
            prison_name="p", terminal_id="t", issued_at=sample.FIXED_NOW,
            visitor_masked_id=FULL_ID, profile=sample.content().profile,
            sections=sample.content().sections,
        )


def test_qr_modules_are_5_dots_with_a_clear_4_module_quiet_zone():
    from kiosk.slip.qr import QUIET_MODULES, qr_matrix

    pdf = sample.render(sample.content())
    image = pdfcheck.render_png(pdf, 203, mono=True)[0]
    [code] = pdfcheck.qr_codes(pdf, 203, mono=True)
    pos = code.position
    px = image.load()
    box = [(x, y) for y in range(pos.top_left.y - 3, pos.bottom_right.y + 4)
           for x in range(pos.top_left.x - 3, pos.bottom_right.x + 4) if px[x, y] < 128]
    x0, x1 = min(x for x, _ in box), max(x for x, _ in box)
    y0, y1 = min(y for _, y in box), max(y for _, y in box)
    expected = qr_matrix(REGISTRATION.verify_url).modules * 5  # 5 dots of a 203 dpi head
    assert abs((x1 - x0 + 1) - expected) <= 3 and abs((y1 - y0 + 1) - expected) <= 3
    quiet = QUIET_MODULES * 5
    ink_in_quiet_zone = [
        (x, y) for y in range(y0 - quiet, y1 + quiet + 1)
        for x in range(x0 - quiet, x1 + quiet + 1)
        if not (x0 <= x <= x1 and y0 <= y <= y1) and px[x, y] < 128
    ]
    assert ink_in_quiet_zone == []
