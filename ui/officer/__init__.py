"""Duty officer mode: the PIN pad, the officer pages and the host that wires them to the kiosk."""
