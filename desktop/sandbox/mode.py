"""How faithfully the sandbox imitates the platform's harder edges (issue 13).

``strict`` off (the demo's default) keeps the friendlier behaviour that helps a first look;
on (``SandboxServer(strict=True)``, ``--strict``, ``sandbox.mode.update(strict=True)`` or
``POST /__sandbox/mode {"strict": true}``) it follows the vendor's verified workflows and its
OpenAPI files (vcita/developers-hub). Each rule names its source where it is enforced:

=====================================  =====================================================
rule (strict)                          where
=====================================  =====================================================
``client_id`` still needs the form's   validation.build_plan / form_rules
required fields (422 FORM_VALIDATION)
``staff_ids_array`` required on        api_routes.get_availability
availability, events too (400)
starts on a 10-minute grid, duration   availability.slot_starts(grid=True)
not checked; booking checks it (422)
FORM_VALIDATION_ERROR ``error`` is an  form_rules.FormProblems
object keyed by field id
=====================================  =====================================================

``form_shape`` (``array`` | ``object`` | ``both``, any mode): which shape of
``form_data.fields`` is accepted; the other gets 422 FORM_VALIDATION_ERROR saying the fields
are malformed and which shape was expected. Default ``array`` (API.md: "Send the array
form"). A limited token (``sandbox.limited_token()``) is refused client search with 403 in
any mode; only the tests that ask for one get one.

``sandbox.reset()`` puts the mode back to what the sandbox was started with.

Known from the vendor's files but not imitated (yet): availability's ``time_zone`` defaults to
UTC there (here to the business's zone); a staff token joining a waitlist must send the
form's required fields too (``legacy_v1_scheduling.json``, ``/scheduling/waitlist``). Not
confirmed from public sources: the 403 body for a token without a right (the sandbox answers
``FORBIDDEN`` "This token may not search clients"), and whether the object-shaped form is
refused or accepted where the array shape is expected (the setting lets tests choose).
"""

from __future__ import annotations

import threading
from typing import Any

FORM_SHAPES = ("array", "object", "both")


class Mode:
    def __init__(self, strict: bool = False, form_shape: str = "array") -> None:
        self._lock = threading.Lock()
        self._start = {"strict": _check("strict", strict), "form_shape":
                       _check("form_shape", form_shape)}
        self._values = dict(self._start)

    @property
    def strict(self) -> bool:
        with self._lock:
            return bool(self._values["strict"])

    @property
    def form_shape(self) -> str:
        with self._lock:
            return str(self._values["form_shape"])

    def update(self, **values: Any) -> None:
        """Set ``strict`` and/or ``form_shape``; a bad name or value raises ValueError and
        changes nothing."""
        clean = {name: _check(name, value) for name, value in values.items()}
        with self._lock:
            self._values.update(clean)

    def reset(self) -> None:
        with self._lock:
            self._values = dict(self._start)

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return dict(self._values)


def _check(name: str, value: Any) -> Any:
    if name == "strict":
        if not isinstance(value, bool):
            raise ValueError("strict must be true or false")
        return value
    if name == "form_shape":
        if value not in FORM_SHAPES:
            raise ValueError(f"form_shape must be one of {', '.join(FORM_SHAPES)}")
        return value
    raise ValueError(f"Unknown mode setting {name!r}; known: form_shape, strict")
