"""The canonical JSON a slip is printed from, and its hash registered with POST /slips."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, timedelta
from decimal import Decimal

from kiosk.api.models import Living, Section
from kiosk.slip import canonical_json, content_sha256
from kiosk.slip.content import LIMITS
from tests.unit.slip import sample
from tests.unit.slip.sample import FULL_ID


def test_same_input_same_hash():
    assert content_sha256(sample.content()) == content_sha256(sample.content())
    assert len(content_sha256(sample.content())) == 64


def test_canonical_form_sorted_compact_decimals_as_strings():
    raw = canonical_json(sample.content())
    doc = json.loads(raw)
    assert raw == json.dumps(doc, sort_keys=True, separators=(",", ":"),
                             ensure_ascii=False).encode()
    assert doc["v"] == 1
    living = doc["sections"]["living"]
    assert living["account"]["balance"] == "356.2"
    assert living["transactions"][0]["amount"] == "500"
    assessment = doc["sections"]["assessment"]
    assert assessment["cycle_points"] == "245.5" and assessment["threshold"] == "600"
    assert doc["profile"]["as_of"] == "2026-11-27T08:00:00+08:00"


def test_hash_covers_what_is_printed_and_nothing_else():
    base = sample.content()
    # Presentation and the print time do not change the hash...
    assert content_sha256(replace(base, language="en")) == content_sha256(base)
    assert content_sha256(replace(base, issued_at=base.issued_at + timedelta(hours=3))) == \
        content_sha256(base)
    # ...nor the offset a time came with, nor fields the slip does not print.
    living = base.sections[Section.LIVING]
    assert isinstance(living, Living)
    utc_as_of = living.model_copy(update={"as_of": living.as_of.astimezone(UTC),
                                          "contacts": []})
    same = replace(base, sections={**base.sections, Section.LIVING: utc_as_of})
    assert content_sha256(same) == content_sha256(base)
    crime = replace(base, profile=base.profile.model_copy(update={"crime": "另一罪名"}))
    assert content_sha256(crime) == content_sha256(base)


def test_one_fen_changes_the_hash():
    base = sample.content()
    living = base.sections[Section.LIVING]
    assert isinstance(living, Living)
    first = living.transactions[0]
    changed = living.model_copy(update={"transactions": [
        first.model_copy(update={"amount": first.amount + Decimal("0.01")}),
        *living.transactions[1:],
    ]})
    other = replace(base, sections={**base.sections, Section.LIVING: changed})
    assert content_sha256(other) != content_sha256(base)


def test_entries_past_the_limit_are_not_hashed():
    # An entry older than the printed ones is not on paper, so it does not change the hash.
    many = sample.content(sections=(Section.LIVING,), transactions=LIMITS["living.transactions"])
    more = sample.content(sections=(Section.LIVING,),
                          transactions=LIMITS["living.transactions"] + 5)
    assert content_sha256(many) == content_sha256(more)


def test_chosen_section_order_does_not_matter():
    a = sample.content(sections=(Section.LIVING, Section.REFORM))
    b = sample.content(sections=(Section.REFORM, Section.LIVING))
    assert canonical_json(a) == canonical_json(b)


def test_canonical_json_holds_no_full_id_and_no_offence():
    raw = canonical_json(sample.content()).decode()
    assert FULL_ID not in raw and "盗窃罪" not in raw and "contacts" not in raw


def test_transactions_older_than_three_months_are_left_off():
    from kiosk.slip.content import TRANSACTION_DAYS, omitted_counts, printed_records

    slip = sample.content(sections=(Section.LIVING,), transactions=30)
    living = slip.sections[Section.LIVING]
    assert isinstance(living, Living)
    later = living.model_copy(update={"as_of": living.as_of + timedelta(days=60)})
    shown = printed_records(later)
    assert isinstance(shown, Living)
    since = later.as_of.date() - timedelta(days=TRANSACTION_DAYS)
    expected = [t for t in living.transactions if t.date >= since]
    assert shown.transactions == expected and 0 < len(expected) < 30
    later_slip = replace(slip, sections={Section.LIVING: later})
    assert omitted_counts(later_slip) == {"living.transactions": 30 - len(expected)}
