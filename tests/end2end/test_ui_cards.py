"""ID cards on the real kiosk: a card on the (simulated) serial reader starts a visit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.flow.state import FlowConfig
from kiosk.reader.serial_driver import SerialReader, Timeouts
from kiosk.reader.simulator import ReaderSimulator, resident_card, sample_cards

FAST = Timeouts(reply_s=0.3, read_card_s=0.6, probe_s=0.2)


@pytest.fixture
def sim() -> Iterator[ReaderSimulator]:
    with ReaderSimulator() as simulator:
        yield simulator


def test_a_card_on_the_reader_fills_the_id_and_the_visit_goes_on(make_kiosk, sim,
                                                                   demo_credentials):
    visitor = [c for c in demo_credentials if c.note == "one inmate"][9]
    reader = SerialReader(sim.path, timeouts=FAST, backoff_s=(0.0,))
    kiosk = make_kiosk(reader=reader, reader__backend="serial")
    kiosk.wait_screen("attract")
    assert kiosk.is_visible("attractCardHint")
    sim.place(resident_card(visitor.id_number, "王某"))
    kiosk.wait_screen("identify")
    kiosk.qtbot.waitUntil(
        lambda: kiosk.text("idEntryText").replace(" ", "") == visitor.id_number, timeout=10_000)
    sim.remove()
    kiosk.type_keys("reference", visitor.reference_number)  # the focus moved there by itself
    kiosk.tap("submitButton")
    kiosk.wait_screen("records")
    assert kiosk.window.controller.state.visit.session.method.value == "card"


def test_an_unsupported_card_says_so(make_kiosk, sim):
    reader = SerialReader(sim.path, timeouts=FAST, backoff_s=(0.0,))
    kiosk = make_kiosk(reader=reader, reader__backend="serial")
    sim.place(sample_cards()["foreign2017"])
    kiosk.wait_screen("identify")
    kiosk.wait_text("identifyNotice", "不能在本机查询")


def test_a_card_visit_left_alone_ends_by_the_idle_countdown(make_kiosk, sim, demo_credentials):
    """No finger ever touched the screen: the card itself must start the idle wait, or the ID
    number would stay on the identify screen for the next person (found by bench/soak.py)."""
    visitor = [c for c in demo_credentials if c.note == "one inmate"][8]
    reader = SerialReader(sim.path, timeouts=FAST, backoff_s=(0.0,))
    kiosk = make_kiosk(reader=reader, reader__backend="serial", kiosk__idle_timeout_s=1,
                       config=FlowConfig(countdown_s=1))
    kiosk.wait_screen("attract")
    kiosk.qtbot.wait(1500)  # the idle wait runs out on the attract screen, with nobody there
    sim.place(resident_card(visitor.id_number, "王某"))
    kiosk.wait_screen("identify")
    sim.remove()
    kiosk.qtbot.waitUntil(lambda: kiosk.is_visible("countdownOverlay"), timeout=5000)
    kiosk.wait_screen("attract", timeout=5000)
