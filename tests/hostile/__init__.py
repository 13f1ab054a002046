"""Hostile input at scale: Hypothesis, schemathesis and TLS refusals (see docs/reliability.md)."""
