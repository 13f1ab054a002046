"""Visitor rules as pure functions: ID numbers, reference numbers, the local lockout."""

from kiosk.visitor.idnumber import (
    IdCheck,
    check_partial_id,
    mask_id_number,
    normalize_id_number,
    validate_id_number,
)
from kiosk.visitor.lockout import LockoutPolicy, LockoutState, lockout_state
from kiosk.visitor.reference import (
    InvalidReference,
    ReferenceCheck,
    check_reference,
    normalize_reference,
)

__all__ = [
    "IdCheck",
    "InvalidReference",
    "LockoutPolicy",
    "LockoutState",
    "ReferenceCheck",
    "check_partial_id",
    "check_reference",
    "lockout_state",
    "mask_id_number",
    "normalize_id_number",
    "normalize_reference",
    "validate_id_number",
]
