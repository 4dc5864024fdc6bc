"""The installer end to end: build the onedir and the .deb with packaging/build.sh, unpack the
.deb into a temporary root (``dpkg-deb -x``), and run the installed program's --self-test.

Slow (≈45 s) and needs binutils, icu-devtools and dpkg-deb: it runs only with
FRONTDESK_PACKAGING_TEST=1 (CI sets it; see .ci/run).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "packaging" / "out"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("FRONTDESK_PACKAGING_TEST") != "1",
                       reason="builds the installer (≈45 s): set FRONTDESK_PACKAGING_TEST=1"),
    pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb (Debian/Ubuntu)"),
]


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


@pytest.fixture(scope="module")
def built() -> subprocess.CompletedProcess[str]:
    """One build for the module: build.sh without the start-up timing (sizes are checked)."""
    return subprocess.run(["bash", "packaging/build.sh", "--no-measure"], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", timeout=600,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))


@pytest.fixture(scope="module")
def deb(built: subprocess.CompletedProcess[str]) -> Path:
    assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-4000:]
    debs = sorted(OUT.glob(f"frontdesk_{project_version()}_*.deb"))
    assert len(debs) == 1, debs
    return debs[0]


def test_build_meets_the_size_budgets(built: subprocess.CompletedProcess[str]) -> None:
    assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-4000:]
    assert "PASS  onedir size" in built.stdout
    assert "PASS  .deb size" in built.stdout
    assert "FAIL" not in built.stdout
    assert list(OUT.glob(f"frontdesk-{project_version()}-linux-*.tar.gz"))


def test_package_fields(deb: Path) -> None:
    def field(name: str) -> str:
        return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True,
                              text=True, check=True).stdout.strip()

    assert field("Package") == "frontdesk"
    assert field("Version") == project_version()
    assert "libxcb-cursor0" in field("Depends")
    assert "gnome-keyring" in field("Recommends")


def test_installed_layout_and_self_test(deb: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    program = root / "opt" / "frontdesk" / "frontdesk"
    assert program.is_file()
    assert os.access(program, os.X_OK)
    link = root / "usr" / "bin" / "frontdesk"
    assert link.is_symlink()
    assert os.readlink(link) == "/opt/frontdesk/frontdesk"
    desktop = (root / "usr" / "share" / "applications" / "frontdesk.desktop").read_text()
    assert "Exec=frontdesk" in desktop
    assert "Icon=frontdesk" in desktop
    icons = root / "usr" / "share" / "icons" / "hicolor"
    for size in (16, 32, 48, 128, 256, 512):
        assert (icons / f"{size}x{size}" / "apps" / "frontdesk.png").is_file()
    assert (icons / "scalable" / "apps" / "frontdesk.svg").is_file()

    # The translations: our catalogues and Qt's own strings, for each language spoken.
    resources = next((root / "opt" / "frontdesk").rglob("resources/i18n")).parent
    assert sorted(p.name for p in (resources / "i18n").glob("*.qm")) == \
        ["frontdesk_en.qm", "frontdesk_es.qm"]
    assert not list((resources / "i18n").glob("*.ts"))  # sources stay behind
    assert (resources / "qt_translations" / "qtbase_es.qm").is_file()
    spanish = QTranslator()
    assert spanish.load("frontdesk_es", str(resources / "i18n"))
    assert spanish.translate("MainWindow", "&File") == "&Archivo"
    qt_spanish = QTranslator()
    assert qt_spanish.load("qtbase_es", str(resources / "qt_translations"))
    assert qt_spanish.translate("QPlatformTheme", "Cancel") == "Cancelar"

    result = subprocess.run([str(program), "--self-test"], capture_output=True, text=True,
                            encoding="utf-8", timeout=90, cwd=tmp_path,
                            env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    report = result.stdout
    assert result.returncode == 0, report + result.stderr
    assert "self-test (frozen build" in report
    assert f"Frontdesk {project_version()}" in report
    assert str(root / "opt" / "frontdesk") in report  # resources from the installed copy
    assert "✔ sandbox has it" in report
    assert report.splitlines()[-1].startswith("Self-test passed")
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        # Under tests/with_keyring.sh the frozen keyring must find the Secret Service.
        assert "✔ keyring" in report, report
        assert "SecretService" in report
