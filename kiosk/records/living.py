"""Money and contacts in the living section: spending this month against the monthly limit,
deposits and spending told apart, visits and calls counted per month."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

from kiosk.api.models import Contact, ContactType, Transaction, TransactionType
from kiosk.records.months import month_of, months_back

INCOMING = frozenset({TransactionType.DEPOSIT, TransactionType.REMITTANCE})


def is_incoming(transaction: Transaction) -> bool:
    """Money in (deposits, remittances) rather than out (spending, deductions)."""
    if transaction.type in INCOMING:
        return True
    return transaction.amount > 0 and transaction.type is not TransactionType.SPENDING


def spent_in_month(transactions: Iterable[Transaction], month: str) -> Decimal:
    """What was spent (消费) in ``month``: the amount the monthly limit applies to."""
    return sum((-t.amount for t in transactions
                if t.type is TransactionType.SPENDING and month_of(t.date) == month),
               Decimal("0.00"))


def contacts_by_month(contacts: Iterable[Contact], newest: str,
                      count: int = 6) -> list[tuple[str, dict[ContactType, int]]]:
    """Visits and calls of the ``count`` months ending with ``newest``, newest first."""
    counts: dict[str, Counter[ContactType]] = {}
    for contact in contacts:
        counts.setdefault(month_of(contact.date), Counter())[contact.type] += 1
    return [(month, {kind: counts.get(month, Counter())[kind] for kind in ContactType})
            for month in months_back(newest, count)]
