"""Sentences about a booking for the receptionist: the summary line, the confirmation, the
service's details. Dates and times through :mod:`desktop.ui.formatting`."""

from __future__ import annotations

from desktop.api.models import Service, Slot
from desktop.i18n import translate
from desktop.ui.formatting import number, when_text


def slot_when(slot: Slot, time_zone: str) -> str:
    """``Wednesday, December 2, 2026, 9:30 AM (America/New_York)``."""
    return translate("BookingText", "{when} ({zone})").format(
        when=when_text(slot.start_time, time_zone), zone=time_zone)


def service_details(service: Service | None) -> str:
    if service is None:
        return ""
    kind = service.interaction_type or ""
    where = ""
    if kind == "client_location":
        where = translate("BookingText", "At the client's address — you will be asked for it.")
    elif kind == "phone_call":
        where = translate("BookingText", "By phone — you will be asked for the number to call.")
    elif kind == "video":
        where = translate("BookingText", "By video call.")
    length = translate("BookingText", "{minutes} minutes.").format(
        minutes=number(service.duration)) if service.duration else ""
    return f"{length} {where}".strip()


def selection_line(service: Service, slot: Slot, staff: str, client: str,
                   time_zone: str) -> str:
    """``Initial consultation with Dr. Maya Chen — <when> — for Ann Lee.``"""
    return translate("BookingText", "{service} with {staff} — {when} — for {client}.").format(
        service=service.name, staff=staff or translate("BookingText", "staff"),
        when=slot_when(slot, time_zone), client=client)


def still_needed(needs: list[str]) -> str:
    return translate("BookingText", "Still needed: {items}.").format(items=", ".join(needs))
