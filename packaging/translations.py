"""Qt Linguist steps for Frontdesk's translations (``./dev translations`` runs ``update``).

    python packaging/translations.py update   # pyside6-lupdate: sources -> resources/i18n/*.ts
    python packaging/translations.py build    # pyside6-lrelease: *.ts -> *.qm (setup, package)
    python packaging/translations.py check    # CI: .ts up to date with the sources, no gaps

English is the source language; ``frontdesk_en.ts`` holds only its plural forms
(``-pluralonly``: "%n hour(s)" → "1 hour" / "2 hours"; a form written by hand, such as
"%n need attention", is kept). Every other language holds every string. The ``.ts`` files are
sources kept in git; the ``.qm`` files are built (``./dev setup``/``test``/``demo``, and
``packaging/build.sh`` before PyInstaller).

A new string in the code: ``./dev translations`` (update + build) adds it to
``frontdesk_es.ts`` as unfinished; translate it in Qt Linguist (``pyside6-linguist
resources/i18n/frontdesk_es.ts``) or in the XML, keeping its ``{placeholders}`` and one ``&``
if the source has one. ``check`` (run by the test suite, so by CI) fails until every string is
translated, and also on a lost placeholder or shortcut letter, and on a message lupdate could
file under no class (a ``tr`` outside a class: use ``translate("Context", "…")``).
Spanish is Latin American (es-419): turno, reserva, profesional, borrador, recepción.
"""

# Build tooling: it runs Qt's own lupdate/lrelease on our own .ts files.
# ruff: noqa: S603, S314

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
SOURCES = ROOT / "desktop"
#: Languages with a full translation (English, the source, only needs its plurals).
LANGUAGES = ("es",)


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) \
        or shutil.which(f"pyside6-{name}")
    if found is None:
        sys.exit(f"translations.py: pyside6-{name} not found (it comes with PySide6)")
    return found


def _python_sources() -> list[str]:
    return sorted(str(path) for path in SOURCES.rglob("*.py")
                  if "sandbox" not in path.parts and "__pycache__" not in path.parts)


def _lupdate(ts: Path, language: str, *, plurals_only: bool) -> None:
    # A list file keeps the command line short on Windows.
    with tempfile.NamedTemporaryFile("w", suffix=".lst", delete=False) as listing:
        listing.write("\n".join(_python_sources()))
    args = [_tool("lupdate"), f"@{listing.name}", "-locations", "relative", "-no-obsolete",
            "-source-language", "en", "-target-language", language, "-ts", str(ts)]
    if plurals_only:
        args.insert(1, "-pluralonly")
    try:
        subprocess.run(args, check=True, capture_output=True, text=True)
    finally:
        Path(listing.name).unlink(missing_ok=True)


def fill_english_plurals(ts: Path) -> int:
    """English plural forms follow from the source text: "%n hour(s)" gives "%n hour" and
    "%n hours"; a source without "(s)" ("%n booked") is both forms. Fills the forms still
    empty (forms written by hand, e.g. "%n needs attention" / "%n need attention", stay);
    returns how many messages it filled."""
    tree = ET.parse(ts)
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if message.get("numerus") != "yes" or translation is None:
            continue
        forms = list(translation.iter("numerusform"))
        if forms and all((form.text or "").strip() for form in forms):
            continue
        for form in forms:
            translation.remove(form)
        for text in (source.replace("(s)", ""), source.replace("(s)", "s")):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        filled += 1
    if filled:
        tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def update() -> None:
    I18N.mkdir(parents=True, exist_ok=True)
    _lupdate(I18N / "frontdesk_en.ts", "en", plurals_only=True)
    fill_english_plurals(I18N / "frontdesk_en.ts")
    for language in LANGUAGES:
        _lupdate(I18N / f"frontdesk_{language}.ts", language, plurals_only=False)


def build(target: Path | None = None) -> list[Path]:
    """Compile every .ts into a .qm next to it (or into ``target``)."""
    built: list[Path] = []
    out_dir = target or I18N
    out_dir.mkdir(parents=True, exist_ok=True)
    for ts in sorted(I18N.glob("frontdesk_*.ts")):
        qm = out_dir / ts.with_suffix(".qm").name
        subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def unfinished(ts: Path) -> list[str]:
    """Source texts of ``ts`` that still lack a translation."""
    missing: list[str] = []
    for message in ET.parse(ts).getroot().iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [(form.text or "").strip() for form in translation.iter("numerusform")]
        empty_plural = message.get("numerus") == "yes" and not all(forms)
        if translation.get("type") == "unfinished" or empty_plural:
            missing.append(message.findtext("source") or "")
    return missing


_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")
_MNEMONIC = re.compile(r"&(?!&)\S")


def mismatches(ts: Path) -> list[str]:
    """Translations that would break at run time or at the keyboard: a ``{name}`` the source
    has and the translation lacks (or invents) raises KeyError in ``.format``; a shortcut
    letter (``&Book``) lost or doubled. Also messages lupdate put in no context (a ``tr``
    outside a class, a ``translate`` whose context is not a literal): never found at run
    time."""
    found: list[str] = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if not name:
                found.append(f"no context (lupdate could not tell the class): {source!r}")
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "vanished",
                                                                    "obsolete"):
                continue
            forms = [form.text or "" for form in translation.iter("numerusform")] \
                if message.get("numerus") == "yes" else [translation.text or ""]
            wanted = sorted(_PLACEHOLDER.findall(source))
            for form in forms:
                if sorted(_PLACEHOLDER.findall(form)) != wanted:
                    found.append(f"placeholders differ: {source!r} -> {form!r}")
                if len(_MNEMONIC.findall(source)) != len(_MNEMONIC.findall(form)):
                    found.append(f"shortcut letter (&) differs: {source!r} -> {form!r}")
    return found


def check() -> int:
    """Fail when a source string is missing from a .ts, left untranslated, or translated with
    other placeholders or shortcut letters than its source."""
    with tempfile.TemporaryDirectory() as scratch:
        problems = 0
        for ts in sorted(I18N.glob("frontdesk_*.ts")):
            copy = Path(scratch) / ts.name
            shutil.copy(ts, copy)
            language = ts.stem.split("_", 1)[1]
            _lupdate(copy, language, plurals_only=language == "en")
            if language == "en":
                fill_english_plurals(copy)
            gaps = unfinished(copy)
            for source in gaps:
                print(f"{ts.name}: not translated: {source!r}", file=sys.stderr)
            wrong = mismatches(copy)
            for problem in wrong:
                print(f"{ts.name}: {problem}", file=sys.stderr)
            problems += len(gaps) + len(wrong)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("update", "build", "check"))
    args = parser.parse_args(argv)
    if args.step == "update":
        update()
        return 0
    if args.step == "build":
        for qm in build():
            print(qm.relative_to(ROOT))
        return 0
    return check()


if __name__ == "__main__":
    sys.exit(main())
