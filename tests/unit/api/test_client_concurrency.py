"""One client shared by the UI's worker threads: the records screen fetches the profile and four
sections at once. Answers must be the same as fetched one by one, and the connection pool must
be large enough that no connection is thrown away."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

import pytest

from kiosk.api.client import POOL_SIZE, CentralClient
from kiosk.api.errors import SessionExpired
from kiosk.api.models import Section
from tests.unit.api.conftest import sign_in


def _record_calls(client: CentralClient, token: str, inmate_id: str) -> list[partial[Any]]:
    return [partial(client.profile, token, inmate_id),
            *(partial(client.section, token, inmate_id, s) for s in Section)]


def test_five_record_calls_in_parallel_equal_sequential(
    client: CentralClient, session: Any, family: Any, caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG, logger="urllib3")
    calls = _record_calls(client, session.session_token, family.inmate_ids[0])
    sequential = [call() for call in calls]
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        for _ in range(5):
            parallel = [f.result() for f in [pool.submit(call) for call in calls]]
            assert parallel == sequential
    assert not [r for r in caplog.records if "pool is full" in r.getMessage()]
    assert len(calls) <= POOL_SIZE


def test_many_threads_many_families_do_not_mix(
    client: CentralClient, demo_credentials: list[Any],
) -> None:
    families = [c for c in demo_credentials if c.note == "one inmate"][:4]
    sessions = [sign_in(client, f) for f in families]

    def read(index: int) -> str:
        family, created = families[index % 4], sessions[index % 4]
        profile = client.profile(created.session_token, family.inmate_ids[0])
        return profile.inmate_id

    with ThreadPoolExecutor(max_workers=POOL_SIZE) as pool:
        got = list(pool.map(read, range(40)))
    assert got == [families[i % 4].inmate_ids[0] for i in range(40)]
    for created in sessions:
        client.end_session(created.session_token)


def test_parallel_calls_on_an_ended_session_each_raise_session_expired(
    client: CentralClient, family: Any,
) -> None:
    created = sign_in(client, family)
    calls = _record_calls(client, created.session_token, family.inmate_ids[0])
    client.end_session(created.session_token)
    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        futures = [pool.submit(call) for call in calls]
    for future in futures:
        assert isinstance(future.exception(), SessionExpired)
