"""Trim ICU's data library to what Qt needs for a Chinese/English kiosk (Linux builds only).

PySide6's Linux wheels link Qt against ICU 73, whose ``libicudata.so.73`` is one 32 MB table of
every locale, converter, transliterator and dictionary: a fifth of the whole build. Qt reads ICU
data only for collation, locale-aware case mapping, non-UTF codecs and time-zone names, so the
build keeps the root, English and Simplified Chinese data plus the shared tables and rebuilds the
library around that (about 8 MB). ``icupkg`` refuses to drop an item another kept item needs,
so a trim that would break a dependency fails the build instead of failing at run time. Windows
wheels use the system's ICU and are left alone.

Tools needed at build time: ``icupkg`` (Debian: icu-devtools) and a C compiler driver (``cc``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from kiosk_build.elf import dynamic_symbol

KEEP_LOCALES = frozenset({
    "root", "en", "en_US", "en_US_POSIX", "en_001", "en_CN",
    "zh", "zh_CN", "zh_Hans", "zh_Hans_CN",
})
# Legacy Chinese encodings (GB 18030, GBK and the IBM table GBK is built on): the only non-UTF
# codecs a Chinese site might meet.
KEEP_CONVERTERS = frozenset({"gb18030.cnv", "windows-936-2000.cnv", "ibm-1386_P100-2001.cnv"})
# Trees Qt never opens: transliteration and spelled-out numbers.
DROPPED_TREES = frozenset({"translit", "rbnf"})
# Top-level item kinds Qt never opens: StringPrep profiles, spoof-check confusables.
DROPPED_SUFFIXES = frozenset({".spp", ".cfu"})

# Locale data is named after the locale: zh_Hans_CN.res, en_US_POSIX.res, de_.res (a variant).
_LOCALE_ITEM = re.compile(r"^(?P<locale>[a-z]{2,3}(_[A-Za-z0-9]*)*)\.res$")


def keep_item(item: str) -> bool:
    """Whether an ICU package item (``tree/name`` or ``name``, without the package prefix) stays."""
    tree, _, name = item.rpartition("/")
    if tree in DROPPED_TREES:
        return False
    suffix = name[name.rfind("."):]
    if suffix in DROPPED_SUFFIXES:
        return False
    if suffix == ".cnv":
        return name in KEEP_CONVERTERS
    match = _LOCALE_ITEM.match(name)
    if match is not None:
        return match["locale"] in KEEP_LOCALES
    return True  # shared tables: pool.res, res_index.res, supplementalData.res, *.icu, *.nrm ...


def build_trimmed_library(library: Path, workdir: Path) -> Path:
    """Write a trimmed copy of ``libicudata.so.NN`` under ``workdir`` and return its path."""
    icupkg, cc = shutil.which("icupkg"), shutil.which("cc")
    if icupkg is None or cc is None:
        raise FileNotFoundError("icupkg (icu-devtools) and cc are needed to trim ICU data")
    symbol, offset, size = dynamic_symbol(library, re.compile(r"icudt\d+_dat"))
    package = symbol[: -len("_dat")] + "l"  # icudt73l: the name icupkg expects for the file
    workdir.mkdir(parents=True, exist_ok=True)
    full, trimmed = workdir / f"{package}.dat", workdir / "trimmed" / f"{package}.dat"
    trimmed.parent.mkdir(exist_ok=True)
    with library.open("rb") as fh:
        fh.seek(offset)
        full.write_bytes(fh.read(size))

    listing = subprocess.run(
        [icupkg, "-l", str(full)], check=True, capture_output=True, text=True
    ).stdout.split()
    removed = [item for item in listing if not keep_item(item)]
    (workdir / "removed.txt").write_text("\n".join(removed) + "\n", encoding="ascii")
    trimmed.unlink(missing_ok=True)
    subprocess.run(
        [icupkg, "-r", str(workdir / "removed.txt"), str(full), str(trimmed)],
        check=True, capture_output=True,
    )

    # The library is nothing but the data under the symbol ICU's common library links to.
    source = workdir / "icudata.S"
    source.write_text(
        f"\t.section .rodata\n\t.globl {symbol}\n\t.type {symbol}, @object\n\t.balign 16\n"
        f"{symbol}:\n\t.incbin \"{trimmed}\"\n\t.size {symbol}, . - {symbol}\n"
        "\t.section .note.GNU-stack,\"\",@progbits\n",
        encoding="ascii",
    )
    output = workdir / library.name
    subprocess.run(
        [cc, "-shared", "-nostdlib", f"-Wl,-soname,{library.name}", "-o", str(output),
         str(source)],
        check=True, capture_output=True,
    )
    return output
