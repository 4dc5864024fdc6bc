"""Frontdesk: a reception-desk booking app for vcita's Platform API."""

from importlib.metadata import PackageNotFoundError, version

try:
    # pyproject.toml is the one place the version is written; frozen builds copy the metadata.
    __version__ = version("frontdesk")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+unknown"

__all__ = ["__version__"]
