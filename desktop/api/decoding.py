"""From an answer's ``data`` to models: liberal in shape, strict in what counts as readable.

A value that does not fit its model is an unreadable answer (ServerError), never a crash.
"""

from __future__ import annotations

import logging
from typing import Any, TypeVar

from pydantic import BaseModel
from pydantic import ValidationError as ModelError

from desktop.api.constants import MAX_PER_PAGE
from desktop.api.errors import ServerError
from desktop.api.responses import UNREADABLE
from desktop.i18n import translate

log = logging.getLogger("desktop.api")

M = TypeVar("M", bound=BaseModel)


def model(cls: type[M], value: Any) -> M:
    try:
        return cls.model_validate(value)
    except (ModelError, ValueError, TypeError):
        log.info("answer did not fit %s", cls.__name__)
        raise ServerError(translate("BookingClient", UNREADABLE)) from None


def model_list(cls: type[M], value: Any) -> list[M]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ServerError(translate("BookingClient", UNREADABLE))
    return [model(cls, item) for item in value]


def models(cls: type[M], data: dict[str, Any], key: str) -> list[M]:
    if key not in data:
        raise ServerError(translate("BookingClient", UNREADABLE))
    return model_list(cls, data[key])


def item(data: dict[str, Any], key: str) -> Any:
    """``data[key]``, or ``data`` itself when the object came unwrapped."""
    value = data.get(key)
    return value if isinstance(value, dict) or key in data else data


def nulls_as_empty(data: dict[str, Any], key: str) -> dict[str, Any]:
    if key in data and data[key] is None:
        return {**data, key: []}
    if key not in data:
        raise ServerError(translate("BookingClient", UNREADABLE))
    return data


def next_page(data: dict[str, Any], page: int, count: int, per_page: int) -> int | None:
    """The page to fetch after ``page``: ``next_page`` if given, else guessed from a full page."""
    if "next_page" not in data:
        return page + 1 if count >= per_page else None
    value = data["next_page"]
    if isinstance(value, bool) or value is None:
        return None
    try:
        following = int(value)
    except (TypeError, ValueError):
        return None
    return following if following > page else None


def page_size(per_page: int) -> int:
    return min(max(1, per_page), MAX_PER_PAGE)
