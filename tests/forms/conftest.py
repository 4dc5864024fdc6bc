"""Fixtures of the form tests: generated forms shown offscreen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop.forms import MeetingKind, parse_definition
from desktop.ui.form import GeneratedForm
from desktop.ui.form.date_edit import Today
from tests.forms.samples import every_type

MakeForm = Callable[..., GeneratedForm]


@pytest.fixture
def make_form(qtbot: QtBot) -> MakeForm:
    """Build a GeneratedForm from a raw definition, shown and sized like the booking pane."""

    def make(raw: dict[str, Any] | None = None, meeting_kind: MeetingKind | None = None,
             *, today: Today | None = None) -> GeneratedForm:
        form = GeneratedForm(parse_definition(raw or every_type()), meeting_kind, today=today)
        qtbot.addWidget(form)
        form.resize(720, 900)
        form.show()
        # Focus (and so leaving a field) needs an active window; offscreen Qt activates
        # it only once events are processed.
        form.activateWindow()
        qtbot.waitUntil(form.isActiveWindow, timeout=2000)
        return form

    return make
