"""The API client against a hostile server on loopback: whatever bytes come back — a wrong
status line, broken framing, garbage or gzip bombs in miniature, error bodies with unknown
codes, Retry-After in any spelling, answers of the wrong shape — every call ends in a valid
model or in exactly one ``kiosk.api.errors`` exception, never anything else."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from pydantic import BaseModel

from kiosk.api import models
from kiosk.api.client import CentralClient
from kiosk.api.errors import ApiError, BadResponse
from tests.hostile.corpus import CORPUS
from tests.hostile.profiles import fuzz
from tests.hostile.rawserver import RawServer, raw_server
from tests.hostile.strategies import json_trees, mutate, nasty

SESSION = "s3ss10n-t0ken-0001"
INMATE = "NM150001"


@dataclass(frozen=True)
class Call:
    name: str
    run: Callable[[CentralClient], object]
    model: type[BaseModel] | None  # None: the call returns nothing


def _slip_request() -> models.SlipRequest:
    return models.SlipRequest(inmate_id=INMATE, sections=[models.Section.REFORM],
                              content_sha256="0" * 64)


CALLS = [
    Call("health", lambda c: c.health(), models.Health),
    Call("announcements", lambda c: c.announcements("NM-HHHT1"), models.Announcements),
    Call("create_session", lambda c: c.create_session(models.SessionRequest(
        id_number="15010219800101123X", reference_number="NM24-7K3P-9Q",
        method=models.AuthMethod.CARD)), models.SessionCreated),
    Call("end_session", lambda c: c.end_session(SESSION), None),
    Call("profile", lambda c: c.profile(SESSION, INMATE), models.Profile),
    Call("reform", lambda c: c.reform(SESSION, INMATE), models.Reform),
    Call("assessment", lambda c: c.assessment(SESSION, INMATE), models.Assessment),
    Call("rewards", lambda c: c.rewards(SESSION, INMATE), models.Rewards),
    Call("living", lambda c: c.living(SESSION, INMATE), models.Living),
    Call("register_slip", lambda c: c.register_slip(SESSION, _slip_request()),
         models.SlipRegistered),
    Call("verify_slip", lambda c: c.verify_slip("NM-2026-0001234", "8F3K2JQ9"),
         models.SlipVerification),
    Call("file_enquiry", lambda c: c.file_enquiry(SESSION, models.EnquiryRequest(
        inmate_id=INMATE, section=models.EnquirySection.LIVING,
        reason=models.EnquiryReason.UNCLEAR)), models.EnquiryFiled),
    Call("enquiry", lambda c: c.enquiry("E-2026-004512"), models.EnquiryState),
    Call("heartbeat", lambda c: c.heartbeat(models.Heartbeat(
        version="1.0.0", uptime_s=5, state=models.TerminalState.READY,
        printer=models.PrinterState.READY, reader=models.ReaderState.READY,
        queued_events=0)), None),
    Call("send_events", lambda c: c.send_events(models.EventBatch(events=[models.AuditEvent(
        event_id="7d0e5c9a-0000-4000-8000-000000000001", type=models.EventType.RATING,
        at="2026-11-27T10:15:00+08:00", data={"score": 3})])), models.EventsAccepted),
]
_DOCS: dict[type[BaseModel], list[Any]] = {}
for _model, _doc in CORPUS:
    _DOCS.setdefault(_model, []).append(_doc)
_DOCS[models.SlipVerification].append({**_DOCS[models.SlipVerification][0], "valid": False})

STATUSES = st.one_of(
    st.sampled_from([200, 201, 204, 206, 301, 302, 304, 307, 400, 401, 403, 404, 409, 413, 422,
                     423, 429, 451, 500, 502, 503, 504]),
    st.integers(100, 999),
)
RETRY_AFTER = st.one_of(
    st.integers(-5, 10**6).map(str),
    st.sampled_from(["0", "1.5", " 3 ", "²", "١٢", "1" * 5000, "Wed, 21 Oct 2015 07:28:00 GMT",
                     "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 +2359", "now"]),
    st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=30),
)
CONTENT_TYPES = st.sampled_from(["application/json", "application/json; charset=utf-8",
                                 "text/html", "application/problem+json", "", "x/x; charset=zz"])


@st.composite
def bodies(draw: st.DrawFn, call: Call) -> bytes:
    kind = draw(st.sampled_from(["valid", "mutated", "error", "tree", "bytes", "nasty"]))
    docs = _DOCS.get(call.model, []) if call.model else []
    if kind in ("valid", "mutated") and docs:
        doc = draw(st.sampled_from(docs))
        return json.dumps(draw(mutate(doc)) if kind == "mutated" else doc).encode()
    if kind == "error":
        detail: dict[str, Any] = {
            "code": draw(st.one_of(st.sampled_from([c.value for c in models.ErrorCode]),
                                   st.text(max_size=12))),
            "message": draw(st.text(max_size=40)),
        }
        for key in ("attempts_left", "retry_after"):
            if draw(st.booleans()):
                detail[key] = draw(st.one_of(st.integers(-10, 10**9), nasty))
        return json.dumps({"error": detail}).encode()
    if kind == "tree":
        return json.dumps(draw(json_trees(20))).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    return draw(st.sampled_from([b"", b"null", b"[" * 5000, b"{" * 100000, b'"\\ud800"',
                                 b"\xef\xbb\xbf{}", b"\x00" * 64, b'{"a":' * 3000]))


def _header_bytes(text: str) -> bytes:
    """Latin-1 where possible (what http.client decodes headers as), else UTF-8."""
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


@dataclass(frozen=True)
class Answer:
    call: Call
    status: int | None  # None: the status line is not well formed
    wire: bytes


@st.composite
def answers(draw: st.DrawFn) -> Answer:
    call = draw(st.sampled_from(CALLS))
    body = draw(bodies(call))
    status: int | None = draw(STATUSES)
    if draw(st.integers(0, 9)) == 0:
        status_line = draw(st.sampled_from([b"HTTP/1.1 abc OK", b"HTTP/1.1 0 Zero",
                                            b"HTTP/1.1 1000 Big", b"HTTP/9.9 200 OK",
                                            b"ICY 200 OK", b"", b"HTTP/1.1 -200 Neg"]))
        status = None
    else:
        status_line = f"HTTP/1.1 {status} {draw(st.sampled_from(['OK', 'X', '']))}".encode()
    headers: list[bytes] = []
    if draw(st.booleans()):
        headers.append(b"Content-Type: " + draw(CONTENT_TYPES).encode())
    if draw(st.booleans()):
        headers.append(b"Retry-After: " + _header_bytes(draw(RETRY_AFTER)))
    encoding = draw(st.sampled_from(["identity", "identity", "gzip", "bad-gzip", "deflate",
                                     "br"]))
    if encoding == "gzip":
        body = gzip.compress(body)
    elif encoding == "deflate":
        body = zlib.compress(body)
    elif encoding == "bad-gzip":
        body = b"\x1f\x8b" + body
    if encoding != "identity":
        headers.append(b"Content-Encoding: " + encoding.removeprefix("bad-").encode())
    framing = draw(st.sampled_from(["length", "length", "short", "long", "odd-length",
                                    "two-lengths", "chunked", "bad-chunked", "close"]))
    if framing == "length":
        headers.append(b"Content-Length: %d" % len(body))
    elif framing == "short":
        headers.append(b"Content-Length: %d" % max(0, len(body) - 1))
    elif framing == "long":
        headers.append(b"Content-Length: %d" % (len(body) + draw(st.integers(1, 10**12))))
    elif framing == "odd-length":
        odd = draw(st.sampled_from(["²", "-1", "abc", "1" * 40, " 5", "0x10", "١"]))
        headers.append(b"Content-Length: " + _header_bytes(odd))
    elif framing == "two-lengths":
        headers += [b"Content-Length: %d" % len(body), b"Content-Length: %d" % (len(body) + 1)]
    elif framing in ("chunked", "bad-chunked"):
        headers.append(b"Transfer-Encoding: chunked")
        size = b"%x" % len(body) if framing == "chunked" else draw(
            st.sampled_from([b"zz", b"-1", b"ffffffffffffffffffff", b""]))
        body = size + b"\r\n" + body + b"\r\n0\r\n\r\n"
    for _ in range(draw(st.integers(0, 2))):
        headers.append(draw(st.binary(max_size=40)).replace(b"\r", b"").replace(b"\n", b""))
    wire = status_line + b"\r\n" + b"".join(h + b"\r\n" for h in headers) + b"\r\n" + body
    return Answer(call, status, wire)


@pytest.fixture(scope="module")
def hostile() -> Iterator[RawServer]:
    with raw_server() as server:
        yield server


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


# Words of the contract itself (enum values) may appear in an error; record text may not.
_CONTRACT_WORDS = {member.value for value in vars(models).values()
                   if isinstance(value, type) and issubclass(value, StrEnum)
                   for member in value}


def _private_strings(answer: Answer) -> list[str]:
    """Names and record text of the corpus that this answer might carry."""
    if answer.call.model is None:
        return []
    return [s for doc in _DOCS.get(answer.call.model, []) for s in _strings(doc)
            if len(s) >= 2 and not s.isascii() and s not in _CONTRACT_WORDS]


@fuzz(4)
@given(answers())
# Headers that made the client raise ValueError: Retry-After "²" or 5000 digits (fixed in
# 213c607) and Content-Length "²", byte B2, which str.isdigit() let through (fixed in 14e2a34).
@example(Answer(CALLS[0], 429, b"HTTP/1.1 429 X\r\nRetry-After: \xb2\r\nContent-Length: 0\r\n\r\n"))
@example(Answer(CALLS[0], 503, b"HTTP/1.1 503 X\r\nRetry-After: " + b"1" * 5000
                + b"\r\nContent-Length: 0\r\n\r\n"))
@example(Answer(CALLS[0], 200, b"HTTP/1.1 200 OK\r\nContent-Length: \xb2\r\n\r\n{}"))
def test_every_answer_is_a_model_or_a_typed_error(hostile: RawServer, answer: Answer) -> None:
    hostile.answer = answer.wire
    with CentralClient(hostile.base_url, "DEMO-LOBBY-01", "demo-token", get_retries=0,
                       connect_timeout_s=2.0, read_timeout_s=2.0) as client:
        try:
            result = answer.call.run(client)
        except ApiError as error:
            assert error.request_id, "the failing attempt's request id is on the exception"
            if isinstance(error, BadResponse) and error.status and 200 <= error.status < 300:
                # A rejected 2xx answer names the field and the rule, never what it held.
                for text in _private_strings(answer):
                    assert text not in str(error)
            return
    if answer.call.model is None:
        assert result is None
    else:
        assert isinstance(result, answer.call.model)
    assert answer.status is not None and 200 <= answer.status < 300
