"""The sign-in expiry warning as the receptionist reads it (status bar)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from pytestqt.qtbot import QtBot

from desktop.ui.sign_in.expiry import expiry_text

NOW = datetime(2027, 3, 13, 21, 0, tzinfo=UTC)


def test_hours_left_are_said_with_the_time_and_day(qtbot: QtBot) -> None:
    text = expiry_text(NOW + timedelta(hours=12), NOW)
    assert text.startswith("Your sign-in expires in about 12 hour")
    assert "Get a new staff token" in text


def test_minutes_left_never_say_zero(qtbot: QtBot) -> None:
    assert "in 1 minute" in expiry_text(NOW + timedelta(seconds=20), NOW)


def test_an_expired_token_gets_its_own_sentence(qtbot: QtBot) -> None:
    assert expiry_text(NOW - timedelta(minutes=1), NOW) == (
        "Your sign-in has expired. Sign in again with a new staff token.")
