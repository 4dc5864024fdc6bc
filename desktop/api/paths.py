"""Every path of ../shared/API.md the client calls, in one place."""

from __future__ import annotations

from desktop.api.urls import path_segment

BOOKINGS_PATH = "/platform/v1/scheduling/bookings"
#: The Platform API's single cancel (``{business_id, booking_id}``).
CANCEL_PATH = "/platform/v1/scheduling/bookings/cancel"
SERVICES_PATH = "/platform/v1/services"
AVAILABILITY_PATH = "/platform/v1/staff/availability"
APPOINTMENTS_PATH = "/platform/v1/scheduling/appointments"
CLIENTS_PATH = "/platform/v1/clients"
FORMS_PATH = "/platform/v1/forms"
#: The vendor's own tests used this one; tried when the seed page's path is not found.
FORMS_FALLBACK_PATH = "/platform/v1/scheduling/scheduling_forms/get_form"
WAITLIST_PATH = "/platform/v1/scheduling/waitlist"
WAITLIST_CANCEL_PATH = "/platform/v1/scheduling/waitlist/cancel"

# The Business API: same host, same bearer token.
BUSINESS_CANCEL_PATH = "/business/scheduling/v1/bookings/cancel"
BUSINESS_COMPLETE_PATH = "/business/scheduling/v1/bookings/complete"
BUSINESS_ACCEPT_PATH = "/business/scheduling/v1/bookings/accept"


def business_path(business_id: str) -> str:
    return f"/platform/v1/businesses/{path_segment(business_id)}"


def staff_path(business_id: str) -> str:
    return f"{business_path(business_id)}/staffs"


def event_instance_path(event_instance_id: str) -> str:
    return f"/platform/v1/scheduling/event_instance/{path_segment(event_instance_id)}"


def appointment_path(appointment_id: str) -> str:
    return f"{APPOINTMENTS_PATH}/{path_segment(appointment_id)}"


def reschedule_path(booking_id: str) -> str:
    return f"/business/scheduling/v1/bookings/{path_segment(booking_id)}"
