"""Find files under ``resources/`` from a source tree and from a PyInstaller bundle.

A frozen build unpacks its data next to the program and sets ``sys._MEIPASS``; the spec file
must copy ``resources/`` there under the same name (``datas=[("resources", "resources")]``).
"""

from __future__ import annotations

import sys
from pathlib import Path

#: ``desktop/`` lives in the project root, and ``resources/`` beside it.
_SOURCE_ROOT = Path(__file__).resolve().parent.parent


def resources_root() -> Path:
    """The folder that holds ``sample_data/`` and the app's other shipped files."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return _SOURCE_ROOT / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a shipped file, e.g. ``resource_path("sample_data", "services.json")``."""
    return resources_root().joinpath(*parts)
