"""Hypothesis strategies shared by the hostile tests: JSON trees, nasty values, mutations."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from tests.hostile.corpus import CORPUS, field_names

Json = Any

# Values that have broken parsers before: precision and range edges, look-alike digits,
# naive and out-of-range times, control and invisible characters, huge strings.
NASTY: list[Json] = [
    None, True, False, 0, -1, 2**31, 2**63, -(2**63), 10**30, 1e30, -1e30, 1e308, 1e-30, 0.1,
    0.05, 1.0000000001, 245.55, "", " ", "0", "1e30", "NaN", "Infinity", "-0", "-0.00",
    "356.205", "356.2", " 356.20", "356.20\n", "1,000.00", "１２３.４５", "١٢٣.٤٥", "1_000.00",
    "9" * 13 + ".00", "2026-11-27", "2026-11-27T10:15:00", "2026-11-27T10:15:00Z",
    "2026-11-27T10:15:00+08:00", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
    "2026-02-30", "2026-13", "2026-1", "9999-12", "0000-01", "\x00", "\u202e", "\ufeff",
    "a\u2028b", "\U0001f600", "𠮷", "x" * 4001, [], {}, [None], {"": None},
]


# Copied on every draw: a mutation that grows a drawn [] or {} must not change NASTY itself.
nasty = st.sampled_from(NASTY).map(copy.deepcopy)


def json_leaves() -> st.SearchStrategy[Json]:
    return st.one_of(
        st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
        st.text(max_size=40), nasty,
    )


def json_trees(max_leaves: int = 40) -> st.SearchStrategy[Json]:
    keys = st.one_of(st.sampled_from(field_names()), st.text(max_size=10))
    return st.recursive(
        json_leaves(),
        lambda children: st.one_of(
            st.lists(children, max_size=6), st.dictionaries(keys, children, max_size=8)
        ),
        max_leaves=max_leaves,
    )


def _slots(doc: Json) -> list[tuple[Json, Any]]:
    """Every (container, key) in a JSON document, containers first."""
    out: list[tuple[Json, Any]] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            out.append((node, key))
            if isinstance(value, dict | list) and value:
                stack.append(value)
    return out


@st.composite
def mutate(draw: st.DrawFn, doc: Json, max_mutations: int = 4) -> Json:
    """``doc`` with 1..max_mutations random edits: replace, delete, retype, add, grow."""
    doc = copy.deepcopy(doc)
    for _ in range(draw(st.integers(1, max_mutations))):
        slots = _slots(doc)
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        value = container[key]
        op = draw(st.sampled_from(["nasty", "tree", "delete", "retype", "add", "grow"]))
        if op == "nasty":
            container[key] = draw(nasty)
        elif op == "tree":
            container[key] = draw(json_trees(8))
        elif op == "delete":
            del container[key]
        elif op == "retype":
            container[key] = _retype(value)
        elif op == "add" and isinstance(container, dict):
            container[draw(st.text(max_size=10))] = draw(json_leaves())
        elif op == "grow" and isinstance(value, list):
            value.extend(value[:1] * draw(st.integers(1, 600)))
    return doc


def _retype(value: Json) -> Json:
    """The same information in another JSON type (what a sloppy server would send)."""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return [value]
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    if isinstance(value, dict):
        return list(value.values())
    return value


corpus_entries = st.sampled_from(CORPUS)


@st.composite
def mutated_answers(draw: st.DrawFn) -> tuple[type, Json]:
    model, doc = draw(corpus_entries)
    return model, draw(mutate(doc))
