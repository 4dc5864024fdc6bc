"""Sentences about a booking for the receptionist: the summary line, the confirmation, the
service's details. Dates and times through :mod:`desktop.ui.formatting`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.api.models import Service, Slot
from desktop.ui.formatting import when_text


def tr(text: str) -> str:
    return QCoreApplication.translate("BookingText", text)


def slot_when(slot: Slot, time_zone: str) -> str:
    """``Wednesday, December 2, 2026, 9:30 AM (America/New_York)``."""
    return tr("{when} ({zone})").format(when=when_text(slot.start_time, time_zone),
                                        zone=time_zone)


def service_details(service: Service | None) -> str:
    if service is None:
        return ""
    where = {
        "client_location": tr("At the client's address — you will be asked for it."),
        "phone_call": tr("By phone — you will be asked for the number to call."),
        "video": tr("By video call."),
    }.get(service.interaction_type or "", "")
    length = tr("{minutes} minutes.").format(minutes=service.duration) \
        if service.duration else ""
    return f"{length} {where}".strip()


def selection_line(service: Service, slot: Slot, staff: str, client: str,
                   time_zone: str) -> str:
    """``Initial consultation with Dr. Maya Chen — <when> — for Ann Lee.``"""
    return tr("{service} with {staff} — {when} — for {client}.").format(
        service=service.name, staff=staff or tr("staff"), when=slot_when(slot, time_zone),
        client=client)


def still_needed(needs: list[str]) -> str:
    return tr("Still needed: {items}.").format(items=", ".join(needs))
