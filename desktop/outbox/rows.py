"""Rows in and out: one fixed time format (so text comparison in SQL is time comparison),
compact JSON, and reading a row back into an :class:`Operation`.

Reading is liberal where old files need it: a create whose stored request no longer builds
(an unfinished v1/v2 draft kept ``{}``) reads as a draft without a request, never an error.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from desktop.booking.saved_booking import SavedBooking
from desktop.outbox.model import (
    PAYLOAD,
    BookingLabel,
    CreateBooking,
    Operation,
    OperationKind,
    OperationStatus,
    Payload,
    Problem,
)

log = logging.getLogger(__name__)


def iso(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def from_iso(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def dumps(value: Mapping[str, Any]) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_json(payload: Payload) -> str:
    return payload.model_dump_json()


def _payload(kind: str, text: str) -> Payload:
    try:
        return PAYLOAD.validate_json(text)
    except ValidationError:
        if kind != OperationKind.CREATE_BOOKING:
            raise
        log.info("A stored draft has no sendable request yet; read as unfinished")
        return CreateBooking(request=None)


def _field_errors(text: str | None) -> dict[str, str]:
    if not text:
        return {}
    data = json.loads(text)
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def operation_of(row: Sequence[Any]) -> Operation:
    (op_id, seq, kind, subject, batch_id, created, updated, payload_text, label_text,
     values_text, status, attempts, next_at, needs_lookup, lookup_after, last_error, problem,
     field_errors, result_id, key, lease_owner, lease_expires) = row
    payload = _payload(kind, payload_text)
    form = SavedBooking.from_json(json.loads(values_text)) if values_text else None
    if form is not None and payload.kind is OperationKind.CREATE_BOOKING:
        label = BookingLabel.of_form(form)
    else:
        label = BookingLabel.model_validate_json(label_text or "{}")
    created_at = from_iso(created)
    updated_at = from_iso(updated)
    assert created_at is not None
    assert updated_at is not None
    return Operation(
        id=op_id, seq=int(seq), payload=payload, status=OperationStatus(status),
        created_at=created_at, updated_at=updated_at, label=label, form=form,
        subject=subject, batch_id=batch_id, attempts=int(attempts),
        next_attempt_at=from_iso(next_at), needs_lookup=bool(needs_lookup),
        lookup_after=from_iso(lookup_after), last_error=last_error,
        problem=Problem(problem) if problem else None,
        field_errors=_field_errors(field_errors), result_id=result_id, idempotency_key=key,
        lease_owner=lease_owner, lease_expires=from_iso(lease_expires),
    )
