"""The one outcome policy: every failure maps to an action and a sentence for the desk."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.api.errors import (
    AlreadyRegisteredError,
    AmbiguousResultError,
    ApiError,
    AuthError,
    EventFullError,
    InDoubtError,
    InsecureUrlError,
    NotFoundError,
    OfflineError,
    PermissionDeniedError,
    RateLimitedError,
    RequestCancelledError,
    ServerError,
    SlotTakenError,
    TlsError,
    ValidationError,
)
from desktop.outbox.model import OperationKind
from desktop.outcomes import Action, outcome_of

K = OperationKind


@pytest.mark.parametrize(("error", "kind", "action"), [
    (OfflineError("down"), K.CREATE_BOOKING, Action.RETRY_LATER),
    (RateLimitedError("slow", retry_after=12), K.CANCEL, Action.RETRY_LATER),
    (TlsError("bad certificate"), K.CANCEL, Action.RETRY_LATER),
    (InsecureUrlError("http"), None, Action.RETRY_LATER),
    (InDoubtError("lost"), K.CREATE_BOOKING, Action.LOOK_UP_FIRST),
    (AmbiguousResultError("lost"), K.MOVE, Action.LOOK_UP_FIRST),
    (ServerError("502", status=502), K.COMPLETE, Action.LOOK_UP_FIRST),
    (ServerError("502", status=502), None, Action.RETRY_LATER),  # a read changes nothing
    (RequestCancelledError(), K.CREATE_BOOKING, Action.LOOK_UP_FIRST),
    (AuthError(), K.RESCHEDULE, Action.SIGN_IN_AGAIN),
    (PermissionDeniedError("Forbidden"), K.CANCEL, Action.NOT_ALLOWED),
    (ValidationError("Email is invalid", field="q_email"), K.CREATE_BOOKING,
     Action.FIX_FIELDS),
    (SlotTakenError("taken"), K.RESCHEDULE, Action.PICK_ANOTHER_TIME),
    (SlotTakenError("taken"), None, Action.PICK_ANOTHER_TIME),
    (AlreadyRegisteredError("already"), K.CREATE_BOOKING, Action.SET_ASIDE),
    (EventFullError("full"), K.CREATE_BOOKING, Action.SET_ASIDE),
    (ValidationError("Invalid event instance"), K.JOIN_WAITLIST, Action.SET_ASIDE),
    (NotFoundError("Booking not found"), K.CANCEL, Action.SET_ASIDE),
    (ApiError("teapot", status=418), K.CANCEL, Action.SET_ASIDE),
    (RuntimeError("bug"), K.CANCEL, Action.SET_ASIDE),
])
def test_each_failure_has_one_action_and_a_sentence(error: BaseException,
                                                    kind: OperationKind | None,
                                                    action: Action) -> None:
    outcome = outcome_of(error, kind)
    assert outcome.action is action
    assert outcome.sentence[0].isupper()
    assert outcome.sentence.rstrip().endswith((".", "!"))
    assert "Error(" not in outcome.sentence


def test_only_a_refused_connection_counts_as_offline() -> None:
    assert outcome_of(OfflineError("down"), K.CANCEL).offline
    assert not outcome_of(InDoubtError("lost"), K.CANCEL).offline
    assert not outcome_of(TlsError("cert"), K.CANCEL).offline


def test_403_names_the_refused_action_and_never_asks_to_sign_in() -> None:
    named = outcome_of(PermissionDeniedError("Forbidden", action="search clients"))
    assert "not allowed to search clients" in named.sentence
    assert "sign in" not in named.sentence.lower()
    by_kind = outcome_of(PermissionDeniedError("Forbidden"), K.CANCEL)
    assert "not allowed to cancel bookings" in by_kind.sentence


def test_field_errors_and_retry_after_are_handed_on() -> None:
    error = ValidationError("First name can't be blank", field="q_first")
    error.field_errors = {"q_first": "First name can't be blank",  # type: ignore[attr-defined]
                          "q_email": "Email is invalid"}
    outcome = outcome_of(error, K.CREATE_BOOKING)
    assert outcome.field_errors == {"q_first": "First name can't be blank",
                                    "q_email": "Email is invalid"}
    assert "First name can't be blank" in outcome.sentence  # the server's words, quoted
    assert outcome_of(RateLimitedError("slow", retry_after=7)).retry_after == 7


def test_sentences_go_through_the_translator() -> None:
    seen: list[tuple[str, str]] = []

    def marked(context: str, text: str) -> str:
        seen.append((context, text))
        return "»" + text

    i18n.install(marked)
    try:
        outcome = outcome_of(OfflineError("down"), K.CANCEL)
    finally:
        i18n.install(None)
    assert outcome.sentence.startswith("»The booking service cannot be reached")
    assert ("Outcome", "The cancellation") in seen
