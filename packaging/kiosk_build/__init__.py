"""Build rules of the one-folder kiosk, as data and small functions: read by ``kiosk.spec``
(which puts ``packaging/`` on ``sys.path``) and by ``tests/unit/test_packaging.py``.

Not part of the installed program: nothing under ``kiosk/`` or ``ui/`` imports it.
"""
