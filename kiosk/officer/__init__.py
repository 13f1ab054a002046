"""Duty officer mode, Qt-free: PIN hashing, the PIN lockout rule, the officer overrides file."""
