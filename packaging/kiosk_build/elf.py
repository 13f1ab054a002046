"""Just enough of the ELF format (64-bit little-endian, i.e. x86-64 and arm64 Linux) to read a
shared library's direct dependencies and find a dynamic symbol, without ldd.

``ldd`` lists *every* library a file ends up loading, through the whole chain, as resolved on
the build machine; pruning needs the direct ``DT_NEEDED`` entries only, so that a library left
to the system (libcups) does not keep its own dependencies in the bundle.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

_SHT_DYNAMIC, _SHT_DYNSYM, _DT_NEEDED, _DT_NULL = 6, 11, 1, 0


@dataclass(frozen=True)
class Section:
    type: int
    addr: int
    offset: int
    size: int
    link: int
    entsize: int


def _sections(blob: bytes, path: Path) -> list[Section]:
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        raise ValueError(f"{path}: not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    out = []
    for i in range(shnum):
        _, kind, _, addr, offset, size, link, _, _, entsize = struct.unpack_from(
            "<IIQQQQIIQQ", blob, shoff + i * shentsize
        )
        out.append(Section(kind, addr, offset, size, link, entsize))
    return out


def _string(blob: bytes, table: Section, index: int) -> str:
    start = table.offset + index
    return blob[start:blob.index(b"\0", start)].decode()


def needed(path: Path) -> list[str]:
    """The sonames ``path`` links directly (its DT_NEEDED entries), in order."""
    blob = path.read_bytes()
    sections = _sections(blob, path)
    names = []
    for section in sections:
        if section.type != _SHT_DYNAMIC:
            continue
        strings = sections[section.link]
        for pos in range(section.offset, section.offset + section.size, 16):
            tag, value = struct.unpack_from("<qQ", blob, pos)
            if tag == _DT_NULL:
                break
            if tag == _DT_NEEDED:
                names.append(_string(blob, strings, value))
    return names


def dynamic_symbol(path: Path, pattern: re.Pattern[str]) -> tuple[str, int, int]:
    """(name, file offset, size) of the first defined dynamic symbol matching ``pattern``."""
    blob = path.read_bytes()
    sections = _sections(blob, path)
    for section in sections:
        if section.type != _SHT_DYNSYM:
            continue
        strings = sections[section.link]
        for pos in range(section.offset, section.offset + section.size, section.entsize):
            st_name, _, _, st_shndx, st_value, st_size = struct.unpack_from("<IBBHQQ", blob, pos)
            name = _string(blob, strings, st_name)
            if st_shndx and pattern.fullmatch(name):
                home = sections[st_shndx]
                return name, st_value - home.addr + home.offset, st_size
    raise ValueError(f"{path}: no symbol matching {pattern.pattern}")
