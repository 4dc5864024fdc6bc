"""The version, read from pyproject.toml (the one place it is written), for the build scripts.

    python packaging/project_version.py           → 0.1.0
    python packaging/project_version.py --debian  → 0.1.0 (pre-releases: 0.2.0~rc1)
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def project_version(pyproject: Path = PYPROJECT) -> str:
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def debian_version(version: str) -> str:
    """PEP 440 → Debian: a pre-release sorts before its release with ``~``
    (``1.0rc1`` → ``1.0~rc1``), ``.devN`` likewise; a local part becomes ``+``."""
    version = version.replace("+", "+local.", 1) if "+" in version else version
    version = re.sub(r"\.?(a|b|rc|alpha|beta|c)(\d+)", r"~\1\2", version)
    version = re.sub(r"\.?dev(\d+)", r"~dev\1", version)
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", version):
        raise ValueError(f"cannot make a Debian version of {version!r}")
    return version


def main(argv: list[str]) -> int:
    version = project_version()
    print(debian_version(version) if "--debian" in argv else version)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
