"""Visitor rules as pure functions: ID numbers (``idnumber``), reference numbers
(``reference``), the local lockout (``lockout``).

Import from the submodules. This file imports none of them: ``kiosk.log`` needs only
``idnumber`` before the first frame, and the lockout's dataclasses cost start-up time.
"""
