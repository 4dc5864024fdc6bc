"""An existing client's details that the service's form requires and the record lacks.

The platform refuses a staff-token booking that names only ``client_id`` when the form has
required fields (the vendor's verified workflow): the booking sends those fields filled from
the client's record (see :mod:`desktop.booking.client_details`). What the record cannot give
— a policy to accept, a required question, the address of a home visit — is asked here, in a
form generated from just those fields, under the chosen client.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.api.errors import ValidationError
from desktop.api.models import Client, FormData, Service
from desktop.booking.client_details import details_from_record, existing_client_form_data
from desktop.booking.client_details import only_fields as definition_with_only
from desktop.forms import (
    MEETING_DETAILS_ID,
    FormDefinition,
    FormDefinitionError,
    FormSection,
    meeting_kind_for,
)
from desktop.ui.booking.definitions import Definition, FormDefinitions
from desktop.ui.booking.form_host import place_refusal
from desktop.ui.form import FormErrorView, GeneratedForm
from desktop.ui.form.date_edit import Today
from desktop.ui.messages import plain_words
from desktop.ui.plain_text import plain_label


class DetailsArea(Protocol):
    """Where the details form goes (the client picker; the reschedule dialog for a move)."""

    def set_details_widget(self, widget: QWidget | None) -> None: ...


class ClientDetailsHost(QObject):
    """``sig_changed``: the details form appeared, went, or was edited."""

    sig_changed = Signal()
    #: A details form is on screen (a reopened draft's answers go in then).
    sig_form_shown = Signal()

    def __init__(self, definitions: FormDefinitions, picker: DetailsArea,
                 parent: QObject | None = None, *,
                 today: Today | None = None) -> None:
        super().__init__(parent)
        #: Today on the app's clock, for the forms' date fields.
        self._today = today
        self._definitions = definitions
        self._picker = picker
        self._definition: FormDefinition | None = None
        self._form: GeneratedForm | None = None
        self._problem: str | None = None
        self._wanted: tuple[str, str] | None = None

    @property
    def form(self) -> GeneratedForm | None:
        return self._form

    @property
    def ready(self) -> bool:
        """The definition is known, so the booking's form data can be built."""
        return self._definition is not None

    @property
    def problem(self) -> str | None:
        """Why this client cannot be booked for this service now (a broken definition)."""
        return self._problem

    def show_for(self, service: Service | None, client: Client | None, *,
                 meeting_details: str | None = None) -> None:
        """Ask what ``service``'s form needs for ``client``. ``meeting_details``: the address
        or number already known (a moved booking's own), put in the meeting line; for a
        phone call the client's phone number is the default."""
        self._definition, self._problem = None, None
        self._drop_form()
        if service is None or client is None:
            self._wanted = None
            self.sig_changed.emit()
            return
        self._wanted = (service.id, client.id)

        def loaded(result: Definition) -> None:
            if self._wanted == (service.id, client.id):
                self._present(service, client, result, meeting_details)

        self._definitions.load(
            service, "client-details", loaded,
            retry=lambda: self.show_for(service, client, meeting_details=meeting_details),
            on_error=lambda e: self._failed(plain_words(e)))

    def _failed(self, text: str) -> None:
        self._problem = text
        self._picker.set_details_widget(_note(text))
        self.sig_changed.emit()

    def _present(self, service: Service, client: Client, definition: Definition,
                 meeting_details: str | None) -> None:
        if isinstance(definition, FormDefinitionError):
            self._problem = str(definition)
            self._picker.set_details_widget(FormErrorView(definition))
            self.sig_changed.emit()
            return
        self._definition = definition
        kind = meeting_kind_for(service.interaction_type)
        missing = details_from_record(definition, client).missing
        if not missing and kind is None:
            self._picker.set_details_widget(None)
            self.sig_changed.emit()
            return
        asked = definition_with_only(definition, {field.id for field in missing})
        if not asked.sections:  # only the meeting line to ask: it goes in the first section
            asked = FormDefinition(definition.title, (FormSection("fields", "", ()),))
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(_note(self.tr("This service also needs, for {name}:").format(
            name=client.full_name)))
        form = GeneratedForm(asked, meeting_kind=kind, parent=box, today=self._today)
        form.setObjectName("client-details-form")
        known = meeting_details or (client.phone if kind == "phone" else None)
        if kind is not None and known:
            form.set_values({MEETING_DETAILS_ID: known})
        form.sig_changed.connect(self.sig_changed)
        layout.addWidget(form, 1)
        self._form = form
        self._picker.set_details_widget(box)
        self.sig_form_shown.emit()
        self.sig_changed.emit()

    def _drop_form(self) -> None:
        self._form = None
        self._picker.set_details_widget(None)

    # ------------------------------------------------------------------ booking

    def first_problem(self) -> str | None:
        if self._problem:
            return self._problem
        if self._form is None:
            return None
        problems = self._form.validate()
        return problems[0].message if problems else None

    def form_data(self, client: Client) -> FormData:
        """The booking's ``form_data`` for ``client`` (raises MissingClientDetails while a
        required field has no value)."""
        if self._definition is None:
            raise ValueError(self.tr("The service's booking form is not loaded yet."))
        answers = self._form.values() if self._form is not None else None
        meeting = self._form.meeting_details() if self._form is not None else None
        return existing_client_form_data(self._definition, client, answers, meeting)

    def show_refusal(self, error: ValidationError) -> bool:
        return place_refusal(self._form, error)

    def values(self) -> dict[str, object]:
        return dict(self._form.values()) if self._form is not None else {}

    def meeting_details(self) -> str | None:
        return self._form.meeting_details() if self._form is not None else None

    def set_values(self, values: dict[str, object]) -> None:
        if self._form is not None:
            self._form.set_values(values)


def _note(text: str) -> QLabel:
    label = plain_label(None, "client-details-note", text)
    label.setWordWrap(True)
    return label
