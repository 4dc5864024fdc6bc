"""Frontdesk: a reception-desk booking app for vcita's Platform API."""

from __future__ import annotations

from functools import cache

__all__ = ["__version__"]


@cache
def _version() -> str:
    # Imported on first use: importlib.metadata costs ~25 ms, a sixth of the window's start.
    from importlib.metadata import PackageNotFoundError, version

    try:
        # pyproject.toml is the one place the version is written; frozen builds copy the
        # metadata.
        return version("frontdesk")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module 'desktop' has no attribute {name!r}")
