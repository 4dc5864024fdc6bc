"""Shared fixtures. Qt runs offscreen; every test gets throwaway config/data/cache dirs."""

from __future__ import annotations

import os

# Must happen before anything imports Qt (pytest-qt ignores qt_qpa_platform in ini files here).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from desktop.sandbox.server import SandboxServer

# The default run is reproducible: the same examples on every machine and every day, so a
# red CI always means a real change. `HYPOTHESIS_PROFILE=explore` (used by `./dev drill`)
# draws fresh examples each run to keep finding new cases.
settings.register_profile("reproducible", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "reproducible"))


@pytest.fixture(scope="session", autouse=True)
def _desk_language() -> None:
    """Tests read the English texts with English dates, whatever the machine's LANG: the
    same catalogues the app loads (English plurals included), in en_US."""
    from desktop.ui.translations import install
    from tests.helpers.qt import application

    install(application(), "en_US")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory,
                        monkeypatch: pytest.MonkeyPatch) -> Path:
    """platformdirs honours XDG_* on Linux: point them into a temp dir per test."""
    root = tmp_path_factory.mktemp("userdirs")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        path = root / name.lower()
        path.mkdir()
        monkeypatch.setenv(name, str(path))
    return root


@pytest.fixture(scope="session")
def sandbox_session() -> Iterator[SandboxServer]:
    """One sandbox for the whole run; use the function-scoped ``sandbox`` fixture instead."""
    with SandboxServer(port=0) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_session: SandboxServer) -> Iterator[SandboxServer]:
    """The shared sandbox with fresh sample data and no faults for each test."""
    sandbox_session.reset()
    yield sandbox_session
    sandbox_session.faults.reset()
