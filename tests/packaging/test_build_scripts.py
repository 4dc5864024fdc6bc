"""The pure parts of the build scripts: ICU data selection, versions, the Debian control."""

from __future__ import annotations

import importlib.util
import sys
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(name: str) -> ModuleType:
    """packaging/ is a folder of scripts, not a package: load one by path."""
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "packaging"))


slim_icu = load("slim_icu")
project_version = load("project_version")
make_deb = load("make_deb")


@pytest.mark.parametrize("item", [
    "root.res", "res_index.res", "pool.res", "en.res", "en_US.res", "en_GB.res",
    "likelySubtags.res", "supplementalData.res", "zoneinfo64.res", "metaZones.res",
    "cnvalias.icu", "uts46.nrm", "nfkc.nrm", "coll/root.res", "coll/ucadata.icu",
    "coll/en.res", "brkitr/root.res", "brkitr/word.brk", "curr/en.res", "zone/root.res",
    "translit/root.res",
])
def test_slim_icu_keeps_root_english_and_shared_data(item: str) -> None:
    assert slim_icu.keep_item(item)


@pytest.mark.parametrize("item", [
    "fr.res", "de_.res", "zh_Hant_TW.res", "sr_Latn_BA.res", "agq.res", "coll/de.res",
    "curr/ja.res", "zone/fr_CA.res", "brkitr/cjdict.dict", "brkitr/thaidict.dict",
    "ibm-1390_P110-2003.cnv", "gb18030.cnv", "translit/Latin_ASCII.res", "unit/de.res",
])
def test_slim_icu_drops_other_locales_codepages_and_dictionaries(item: str) -> None:
    assert not slim_icu.keep_item(item)


def test_version_comes_from_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        expected = tomllib.load(handle)["project"]["version"]
    assert project_version.project_version() == expected


@pytest.mark.parametrize(("pep440", "debian"), [
    ("0.1.0", "0.1.0"), ("1.2rc1", "1.2~rc1"), ("1.2.0b3", "1.2.0~b3"),
    ("2.0.dev4", "2.0~dev4"), ("1.0+abc", "1.0+local.abc"),
])
def test_debian_versions_sort_pre_releases_first(pep440: str, debian: str) -> None:
    assert project_version.debian_version(pep440) == debian


def test_control_file_names_the_system_libraries_and_the_keyring() -> None:
    control = make_deb.control_text("0.1.0", "amd64", 12345)
    fields = dict(line.split(": ", 1) for line in control.splitlines()
                  if ": " in line and not line.startswith(" "))
    assert fields["Package"] == "frontdesk"
    assert fields["Version"] == "0.1.0"
    assert fields["Installed-Size"] == "12345"
    for library in ("libxcb-cursor0", "libxkbcommon-x11-0", "libegl1", "libfontconfig1",
                    "libdbus-1-3"):
        assert library in fields["Depends"].split(", ")
    assert "gnome-keyring" in fields["Recommends"]
    assert fields["Maintainer"]
    # Every continuation line of the description starts with a space (Debian policy 5.6.13).
    description = control.split("Description: ", 1)[1].splitlines()
    assert all(line.startswith(" ") for line in description[1:])
