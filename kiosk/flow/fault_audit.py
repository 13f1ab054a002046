"""The ``fault`` audit event for a failure the flow sees (the bureau counts faults per terminal).

Recorded once per fault, not once per retry: the flow calls it when the terminal *enters* an
outage, when a print job fails and after an unexpected exception.
"""

from __future__ import annotations

import re

from kiosk.api.models import EventType
from kiosk.flow.effects import Audit
from kiosk.flow.failures import Failure, FailureKind

_CODE = re.compile(r"^[a-z][a-z0-9_.]{0,63}$")


def fault_code(failure: Failure) -> str:
    """The failure's detail when it is a clean machine code, else its kind."""
    return failure.detail if _CODE.fullmatch(failure.detail or "") else failure.kind.value


def fault_audit(failure: Failure | None, *, component: str | None = None,
                code: str | None = None) -> Audit:
    part = component or ("printer" if failure is not None and
                         failure.kind is FailureKind.PRINTER else "api")
    data = {"component": part, "code": code or (fault_code(failure) if failure else "unknown")}
    return Audit(EventType.FAULT, None, tuple(sorted(data.items())))
