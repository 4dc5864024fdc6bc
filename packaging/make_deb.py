"""Build the Debian package from the PyInstaller onedir.

    python packaging/make_deb.py packaging/out/dist/frontdesk packaging/out

Layout: the program under ``/opt/frontdesk``, ``/usr/bin/frontdesk`` a symlink to it, the
desktop entry in ``/usr/share/applications`` and the icon in the hicolor theme (PNG sizes plus
the scalable SVG). Desktop-file and icon caches are refreshed by the dpkg triggers of
desktop-file-utils and hicolor-icon-theme, so no maintainer scripts are needed.
"""

# Build tooling: it runs binutils, dpkg-deb and our own programs by name, on our own files.
# ruff: noqa: S603, S607

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from project_version import debian_version, project_version

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "frontdesk"
MAINTAINER = "Frontdesk maintainers <frontdesk@example.com>"
#: What the bundle takes from the system (Debian 12 and Ubuntu 22.04 names): the libraries the
#: spec leaves out (SYSTEM_LIBS) and those Qt never bundles. Python, Qt, ICU, OpenSSL ship inside.
DEPENDS = [
    "libc6 (>= 2.28)",
    # The Qt xcb platform plugin.
    "libx11-6",
    "libx11-xcb1",
    "libxcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-shm0",
    "libxcb-sync1",
    "libxcb-util1",
    "libxcb-xfixes0",
    "libxcb-xkb1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libegl1",
    "libgl1",
    # Fonts, D-Bus (keyring, portals), GLib (Qt's event loop integration).
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "tzdata",
]
#: The password store the token is kept in; without it sign-in offers session-only use.
RECOMMENDS = ["gnome-keyring | kwalletmanager"]
DESCRIPTION = """\
Reception-desk bookings for vcita's Platform API
 Frontdesk books appointments and event registrations for a clinic or salon
 reception desk: pick the service, the staff member, an open time and the client,
 then book. Bookings made while offline are kept as drafts on this computer and
 sent exactly once when the connection is back. The staff token is kept in the
 system keyring.
 .
 Run "frontdesk --demo" to try it on built-in sample data."""


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def installed_size_kib(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*")) // 1024 + 1


def control_text(version: str, arch: str, size_kib: int) -> str:
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {MAINTAINER}\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(DEPENDS)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DESCRIPTION}\n"
    )


def stage(bundle: Path, root: Path, version: str, arch: str) -> None:
    """Lay out the package's files under ``root`` (a fresh folder)."""
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copyfile(ROOT / "packaging" / "linux" / "frontdesk.desktop", apps / "frontdesk.desktop")
    icons = ROOT / "resources" / "icons"
    theme = root / "usr" / "share" / "icons" / "hicolor"
    for png in sorted((icons / "hicolor").glob("*/frontdesk.png")):
        target = theme / png.parent.name / "apps" / "frontdesk.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(png, target)
    (theme / "scalable" / "apps").mkdir(parents=True)
    shutil.copyfile(icons / "frontdesk.svg", theme / "scalable" / "apps" / "frontdesk.svg")
    doc = root / "usr" / "share" / "doc" / PACKAGE
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Frontdesk\nLicense: Proprietary\n\nThe bundled Qt (LGPL-3.0), Python (PSF) and other "
        "libraries keep their own licences; see /opt/frontdesk/_internal.\n", encoding="utf-8")
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control_text(version, arch, installed_size_kib(root)),
                                    encoding="utf-8")
    # Directories 0755 and files 0644/0755 whatever the umask was.
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            executable = path.stat().st_mode & 0o111
            path.chmod(0o755 if executable else 0o644)


def build(bundle: Path, out: Path, *, compression: str = "xz") -> Path:
    version = debian_version(project_version())
    arch = architecture()
    root = out / "deb-root"
    stage(bundle, root, version, arch)
    deb = out / f"{PACKAGE}_{version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build",
                    str(root), str(deb)], check=True, stdout=subprocess.DEVNULL)
    shutil.rmtree(root)
    return deb


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the onedir (…/dist/frontdesk)")
    parser.add_argument("out", type=Path, help="where the .deb goes")
    parser.add_argument("--compression", default="xz", choices=["gzip", "xz", "zstd"])
    args = parser.parse_args(argv)
    if not (args.bundle / PACKAGE).is_file():
        print(f"make_deb: no {PACKAGE} program in {args.bundle}", file=sys.stderr)
        return 1
    deb = build(args.bundle, args.out, compression=args.compression)
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
