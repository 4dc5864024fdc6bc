"""What each call asks the platform to do, in the receptionist's words.

A 403 means the token is genuine but this account lacks a right; the sentence then says which
one ("This account is not allowed to search clients."), so the receptionist can ask the
business owner for exactly that right, and the rest of the window keeps working.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import translate


class Action(StrEnum):
    """One right of a staff account, as a call needs it."""

    OPEN_BUSINESS = "open_business"
    SEE_SERVICES = "see_services"
    SEE_STAFF = "see_staff"
    SEE_OPEN_TIMES = "see_open_times"
    SEE_EVENTS = "see_events"
    SEE_APPOINTMENTS = "see_appointments"
    SEARCH_CLIENTS = "search_clients"
    READ_FORMS = "read_forms"
    MAKE_BOOKINGS = "make_bookings"
    CANCEL_BOOKINGS = "cancel_bookings"
    COMPLETE_BOOKINGS = "complete_bookings"
    MARK_NO_SHOWS = "mark_no_shows"
    RESCHEDULE_BOOKINGS = "reschedule_bookings"
    ACCEPT_REQUESTS = "accept_requests"
    JOIN_WAITLISTS = "join_waitlists"
    LEAVE_WAITLISTS = "leave_waitlists"


def action_words(action: Action) -> str:
    """The action as the end of "This account is not allowed to …" (translated)."""
    # Spelled out call by call so that lupdate finds every sentence.
    words = {
        Action.OPEN_BUSINESS: translate("BookingClient", "open this business"),
        Action.SEE_SERVICES: translate("BookingClient", "see the services"),
        Action.SEE_STAFF: translate("BookingClient", "see the staff list"),
        Action.SEE_OPEN_TIMES: translate("BookingClient", "see open times"),
        Action.SEE_EVENTS: translate("BookingClient", "see event sessions"),
        Action.SEE_APPOINTMENTS: translate("BookingClient", "see the appointments"),
        Action.SEARCH_CLIENTS: translate("BookingClient", "search clients"),
        Action.READ_FORMS: translate("BookingClient", "read the booking forms"),
        Action.MAKE_BOOKINGS: translate("BookingClient", "make bookings"),
        Action.CANCEL_BOOKINGS: translate("BookingClient", "cancel bookings"),
        Action.COMPLETE_BOOKINGS: translate("BookingClient", "mark bookings as completed"),
        Action.MARK_NO_SHOWS: translate("BookingClient", "mark no-shows"),
        Action.RESCHEDULE_BOOKINGS: translate("BookingClient", "reschedule bookings"),
        Action.ACCEPT_REQUESTS: translate("BookingClient", "accept booking requests"),
        Action.JOIN_WAITLISTS: translate("BookingClient", "put clients on a waitlist"),
        Action.LEAVE_WAITLISTS: translate("BookingClient", "take clients off a waitlist"),
    }
    return words[action]


def not_allowed(action: Action | None) -> str:
    """The sentence for a 403 on ``action`` (a general one when the call is not known)."""
    if action is None:
        return translate("BookingClient", "This account is not allowed to do that. Ask the "
                                          "business owner to give it that right.")
    return translate("BookingClient", "This account is not allowed to {action}. Ask the "
                                      "business owner to give it that right.").format(
        action=action_words(action))
