"""Shrink the ICU data library in a Linux onedir bundle from ≈32 MB to ≈4 MB.

Qt Core links ICU, and ``libicudata.so.NN`` is one 32 MB blob: every locale's currency,
language, region, time-zone and unit names, collation rules, break-iterator dictionaries,
transliterators and legacy code-page tables. Frontdesk's UI is English and Qt takes its own
locale formats from its built-in CLDR tables, so the blob is rebuilt with root and English
data only, without code-page tables, dictionaries and transliterators. ICU falls back to root
for anything missing, so nothing stops working; it only loses translations of names.

    python packaging/slim_icu.py packaging/out/dist/frontdesk

Needs ``icupkg`` (Debian: icu-devtools) and binutils (``readelf``, ``as``, ``ld``). Without
them it says so and leaves the bundle as it is (exit 0): the size budget then tells.
"""

# Build tooling: it runs binutils, dpkg-deb and our own programs by name, on our own files.
# ruff: noqa: S603, S607

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOOLS = ("icupkg", "readelf", "as", "ld")
#: Locale resource files: ``fr.res``, ``zh_Hant_TW.res``, ``sr_Latn_BA.res``…
LOCALE_FILE = re.compile(r"^[a-z]{2,3}(_[A-Za-z0-9]*)*\.res$")
#: Folders of per-locale data (names of currencies, languages, regions, zones, units…).
LOCALE_FOLDERS = {"coll", "curr", "lang", "region", "zone", "unit", "rbnf", "brkitr"}


def keep_item(name: str) -> bool:
    """Whether an item of the ICU data package (``folder/file`` without the package prefix)
    stays in the slim build."""
    folder, _, file = name.rpartition("/")
    if folder == "translit":
        return file in ("root.res", "res_index.res")
    if file.endswith(".cnv"):
        return False  # legacy code pages; UTF-8/16/32, ASCII and Latin-1 are built in
    if file.endswith(".dict"):
        return False  # Thai/CJK/Khmer/Burmese word-break dictionaries
    if folder and folder not in LOCALE_FOLDERS:
        return True
    if LOCALE_FILE.match(file) and file != "res_index.res":
        return file == "en.res" or file.startswith("en_")
    return True  # root.res, res_index.res, pool.res, ucadata.icu, *.brk, *.nrm, …


def _symbol(lib: Path) -> tuple[str, int, int]:
    """(name, address, size) of the ``icudtNN_dat`` symbol, from ``readelf -s``."""
    out = subprocess.run(["readelf", "-sW", str(lib)], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        fields = line.split()
        if len(fields) >= 8 and re.fullmatch(r"icudt\d+_dat", fields[7]):
            return fields[7], int(fields[1], 16), int(fields[2], 0)
    raise RuntimeError(f"no icudt*_dat symbol in {lib}")


def _file_offset(lib: Path, address: int) -> int:
    """File offset of a virtual address, from the section table."""
    out = subprocess.run(["readelf", "-SW", str(lib)], capture_output=True, text=True,
                         check=True).stdout
    for line in out.splitlines():
        match = re.match(r"\s*\[\s*\d+\]\s+(\S+)\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)\s+"
                         r"([0-9a-f]+)", line)
        if match:
            start, offset, size = (int(match.group(i), 16) for i in (2, 3, 4))
            if start <= address < start + size:
                return offset + (address - start)
    raise RuntimeError(f"address {address:#x} is in no section of {lib}")


def slim(lib: Path) -> tuple[int, int]:
    """Rebuild ``lib`` in place; returns (bytes before, bytes after)."""
    before = lib.stat().st_size
    symbol, address, size = _symbol(lib)
    offset = _file_offset(lib, address)
    soname = lib.name
    with tempfile.TemporaryDirectory(prefix="slim-icu-") as scratch:
        work = Path(scratch)
        # icupkg takes the package name (icudt73l) from the file name: keep it.
        package = symbol.removesuffix("_dat") + ("l" if sys.byteorder == "little" else "b")
        (work / "slim").mkdir()
        full = work / f"{package}.dat"
        with lib.open("rb") as handle:
            handle.seek(offset)
            full.write_bytes(handle.read(size))
        listing = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True,
                                 check=True).stdout.split()
        drop = [name for name in listing if not keep_item(name)]
        (work / "drop.txt").write_text("\n".join(drop) + "\n", encoding="utf-8")
        slim_dat = work / "slim" / f"{package}.dat"
        # --ignore-deps: root's break rules name the dropped dictionaries, and locale
        # aliases (de_ → de) name dropped locales; ICU treats both as missing at run time.
        subprocess.run(["icupkg", "--ignore-deps", "-r", str(work / "drop.txt"), str(full),
                        str(slim_dat)],
                       check=True, capture_output=True)
        # ICU reads the data in place: it must be 16-byte aligned and read-only.
        (work / "data.s").write_text(
            '\t.section .rodata\n\t.balign 16\n'
            f'\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n'
            f'\t.incbin "{slim_dat}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="utf-8")
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        built = work / soname
        subprocess.run(["ld", "-shared", "-soname", soname, "-z", "noexecstack",
                        "-o", str(built), str(work / "data.o")], check=True)
        subprocess.run(["strip", "--strip-unneeded", str(built)], check=False)
        shutil.copyfile(built, lib)
    print(f"slim_icu: {lib.name}: kept {len(listing) - len(drop)} of {len(listing)} items, "
          f"{before / 1e6:.1f} MB → {lib.stat().st_size / 1e6:.1f} MB")
    return before, lib.stat().st_size


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    if not sys.platform.startswith("linux"):
        print("slim_icu: Linux bundles only; nothing done.")
        return 0
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        print(f"slim_icu: skipped, missing {', '.join(missing)} "
              "(apt-get install icu-devtools binutils).")
        return 0
    libs = [path for path in Path(argv[1]).rglob("libicudata.so*")
            if path.is_file() and not path.is_symlink()]
    if not libs:
        print("slim_icu: no libicudata in the bundle; nothing done.")
    for lib in libs:
        slim(lib)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
