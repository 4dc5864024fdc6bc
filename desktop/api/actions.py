"""What each call asks the platform to do, in the receptionist's words.

A 403 means the token is genuine but this account lacks a right; the sentence then says which
one ("This account is not allowed to search clients."), so the receptionist can ask the
business owner for exactly that right, and the rest of the window keeps working.
"""

from __future__ import annotations

from enum import StrEnum

from desktop.i18n import translate

_CONTEXT = "BookingClient"


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
        Action.OPEN_BUSINESS: translate(_CONTEXT, "open this business"),
        Action.SEE_SERVICES: translate(_CONTEXT, "see the services"),
        Action.SEE_STAFF: translate(_CONTEXT, "see the staff list"),
        Action.SEE_OPEN_TIMES: translate(_CONTEXT, "see open times"),
        Action.SEE_EVENTS: translate(_CONTEXT, "see event sessions"),
        Action.SEE_APPOINTMENTS: translate(_CONTEXT, "see the appointments"),
        Action.SEARCH_CLIENTS: translate(_CONTEXT, "search clients"),
        Action.READ_FORMS: translate(_CONTEXT, "read the booking forms"),
        Action.MAKE_BOOKINGS: translate(_CONTEXT, "make bookings"),
        Action.CANCEL_BOOKINGS: translate(_CONTEXT, "cancel bookings"),
        Action.COMPLETE_BOOKINGS: translate(_CONTEXT, "mark bookings as completed"),
        Action.MARK_NO_SHOWS: translate(_CONTEXT, "mark no-shows"),
        Action.RESCHEDULE_BOOKINGS: translate(_CONTEXT, "reschedule bookings"),
        Action.ACCEPT_REQUESTS: translate(_CONTEXT, "accept booking requests"),
        Action.JOIN_WAITLISTS: translate(_CONTEXT, "put clients on a waitlist"),
        Action.LEAVE_WAITLISTS: translate(_CONTEXT, "take clients off a waitlist"),
    }
    return words[action]


def not_allowed(action: Action | None) -> str:
    """The sentence for a 403 on ``action`` (a general one when the call is not known)."""
    if action is None:
        return translate(_CONTEXT, "This account is not allowed to do that. Ask the business "
                                   "owner to give it that right.")
    return translate(_CONTEXT, "This account is not allowed to {action}. Ask the business "
                               "owner to give it that right.").format(action=action_words(action))
