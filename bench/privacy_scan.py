"""Privacy scan: is any personal data the central service handed out lying on the terminal's disk?

The needles are every ID number, reference number and name (full and masked) the reference
server's synthetic world holds for a seed, and every string of the inmates' records (crimes,
wards, terms, remarks, notes, reasons, details, descriptions, document numbers, health items,
results, enquiry replies). Each is looked for in the raw bytes of every file under the given
folders (SQLite databases with their ``-wal``/``-shm``/``-journal`` files included, read as bytes,
never through SQLite) and in the file names, in UTF-8, UTF-16 (both byte orders), GB 18030, as a
JSON ``\\uXXXX`` escape and percent-encoded.

Left out, because they are public and belong in settings and logs: prison names and the courts
and prisons that decide sentence changes (``authority``). Left out as too short to search
without false hits: one-character grades (``好``/``中``), months and amounts.

    python bench/privacy_scan.py [--seed 1] FOLDER_OR_FILE ...

prints each hit (file, byte offset, encoding, what the needle is) and exits 1 if there is one.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kiosk.reference_server.data import Dataset, generate

RECORD_FIELDS = frozenset({
    "name", "crime", "ward", "term", "treatment_level", "remark", "note", "reason", "detail",
    "description", "document_no", "item", "result", "inmate_id",
})
"""String fields of the records models that are personal (or identify a person)."""
MIN_CJK_CHARS = 2
MIN_ASCII_CHARS = 6

ENCODINGS: dict[str, Callable[[str], bytes | None]] = {
    "utf-8": lambda s: s.encode("utf-8"),
    "utf-16-le": lambda s: s.encode("utf-16-le"),
    "utf-16-be": lambda s: s.encode("utf-16-be"),
    "gb18030": lambda s: None if s.isascii() else s.encode("gb18030"),
    "json-escape": lambda s: None if s.isascii() else json.dumps(s)[1:-1].encode("ascii"),
    "percent": lambda s: None if s.isascii() else urllib.parse.quote(s).encode("ascii"),
}


@dataclass(frozen=True)
class Needle:
    text: str
    kind: str
    """Where it comes from, e.g. ``visitor.id_number`` or ``rewards.reason``."""


@dataclass(frozen=True)
class Hit:
    path: Path
    offset: int
    """Byte offset in the file, or -1 for a hit in the file's name."""
    encoding: str
    needle: Needle

    def __str__(self) -> str:
        where = "file name" if self.offset < 0 else f"offset {self.offset}"
        return (f"{self.path}: {where}: {self.needle.kind} {self.needle.text!r} "
                f"({self.encoding})")


@dataclass(frozen=True)
class ScanResult:
    hits: tuple[Hit, ...]
    files: int
    bytes: int
    needles: int


def _searchable(text: str) -> bool:
    if text.isascii():
        return len(text) >= MIN_ASCII_CHARS
    return sum(not ch.isascii() and ch != "*" for ch in text) >= MIN_CJK_CHARS


def _walk(obj: Any, section: str, field: str) -> Iterator[Needle]:
    if isinstance(obj, Enum):
        return
    if isinstance(obj, str):
        if field in RECORD_FIELDS:
            yield Needle(obj, f"{section}.{field}")
    elif isinstance(obj, BaseModel):
        for name in type(obj).model_fields:
            yield from _walk(getattr(obj, name), section, name)
    elif isinstance(obj, list | tuple):
        for item in obj:
            yield from _walk(item, section, field)


def dataset_needles(dataset: Dataset) -> list[Needle]:
    """Every searchable personal string of the dataset, once each."""
    found: list[Needle] = []
    for visitor in dataset.visitors:
        found += [Needle(visitor.id_number, "visitor.id_number"),
                  Needle(visitor.reference_number, "visitor.reference_number"),
                  Needle(visitor.name, "visitor.name"),
                  Needle(visitor.display_name, "visitor.masked_name")]
    for inmate in dataset.inmates:
        for section in ("profile", "reform", "assessment", "rewards", "living"):
            found += _walk(getattr(inmate, section), section, "")
    found += [Needle(e.reply, "enquiry.reply") for e in dataset.enquiries if e.reply]
    unique: dict[str, Needle] = {}
    for needle in found:
        if _searchable(needle.text):
            unique.setdefault(needle.text, needle)
    return list(unique.values())


def needles_for_seed(seed: int) -> list[Needle]:
    return dataset_needles(generate(seed))


def _trie_pattern(words: Iterable[bytes]) -> re.Pattern[bytes]:
    """One regex for many byte strings, shaped as a trie so ``re`` scans in near-linear time."""
    trie: dict[int, Any] = {}
    for word in words:
        node = trie
        for byte in word:
            node = node.setdefault(byte, {})
        node[-1] = {}

    def build(node: dict[int, Any]) -> bytes:
        ends = -1 in node
        branches = [re.escape(bytes([b])) + build(child)
                    for b, child in sorted(node.items()) if b != -1]
        if not branches:
            return b""
        body = branches[0] if len(branches) == 1 else b"(?:" + b"|".join(branches) + b")"
        return b"(?:" + body + b")?" if ends else body

    return re.compile(build(trie), re.DOTALL)


class Scanner:
    """Compiled once for a set of needles; scans files and names."""

    def __init__(self, needles: list[Needle]) -> None:
        self.needles = needles
        self._by_bytes: dict[bytes, list[tuple[str, Needle]]] = {}
        for needle in needles:
            for encoding, encode in ENCODINGS.items():
                data = encode(needle.text)
                if data:
                    self._by_bytes.setdefault(data, []).append((encoding, needle))
        self._pattern = _trie_pattern(self._by_bytes)
        # The trie stops at the shortest needle that matches; a longer one sharing its start is
        # checked by prefix below, so "王某" inside "王某某" still names both.
        self._longest = max(map(len, self._by_bytes)) if self._by_bytes else 0

    def find(self, data: bytes) -> Iterator[tuple[int, str, Needle]]:
        position = 0
        while (match := self._pattern.search(data, position)) is not None:
            start = match.start()
            window = data[start:start + self._longest]
            for candidate, owners in self._by_bytes.items():
                if window.startswith(candidate):
                    for encoding, needle in owners:
                        yield start, encoding, needle
            position = start + 1

    def scan(self, roots: Iterable[Path]) -> ScanResult:
        hits: list[Hit] = []
        files = size = 0
        for path in _files(roots):
            name_hits = {(e, n) for _, e, n in self.find(path.name.encode("utf-8", "replace"))}
            hits += [Hit(path, -1, e, n) for e, n in name_hits]
            try:
                data = path.read_bytes()
            except OSError:
                continue  # gone while scanning (a rotated log, a deleted spool file)
            files += 1
            size += len(data)
            hits += [Hit(path, offset, e, n) for offset, e, n in self.find(data)]
        return ScanResult(tuple(hits), files, size, len(self.needles))


def _files(roots: Iterable[Path]) -> Iterator[Path]:
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


def scan(roots: Iterable[Path], seed: int = 1) -> ScanResult:
    return Scanner(needles_for_seed(seed)).scan(roots)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="the reference server's data seed")
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args()
    result = scan(args.paths, args.seed)
    print(f"privacy scan: {result.needles} needles x {len(ENCODINGS)} encodings, "
          f"{result.files} files, {result.bytes / 2**20:.1f} MiB: {len(result.hits)} hits")
    for hit in result.hits:
        print(f"  HIT {hit}")
    return 1 if result.hits else 0


if __name__ == "__main__":
    sys.exit(main())
