"""The new-client form: loads a service's scheduling form definition (once per service), shows
the form generated from it (or a plain account of why it cannot be used), and keeps what was
typed when the service changes and the form has to be rebuilt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from desktop.api.errors import ValidationError
from desktop.api.models import FormData, Service
from desktop.forms import FormDefinitionError, meeting_kind_for
from desktop.ui.booking.client_picker import ClientPicker
from desktop.ui.booking.definitions import Definition, FormDefinitions
from desktop.ui.form import FormErrorView, GeneratedForm
from desktop.ui.form.date_edit import Today
from desktop.ui.messages import plain_words


class NewClientFormHost(QObject):
    """Owns the generated form shown in the client picker's "New client" page.

    ``sig_changed``: the receptionist edited the form, or a new form replaced the old one.
    ``sig_form_shown``: a usable form is on screen (a reopened draft's values go in then).
    """

    sig_changed = Signal()
    sig_form_shown = Signal()

    def __init__(self, definitions: FormDefinitions, picker: ClientPicker,
                 parent: QObject | None = None, *,
                 today: Today | None = None) -> None:
        super().__init__(parent)
        #: Today on the app's clock, for the forms' date fields.
        self._today = today
        self._definitions = definitions
        self._picker = picker
        self._form: GeneratedForm | None = None
        self._carried: dict[str, Any] = {}
        #: The service whose form is wanted on screen (answers for others are only cached).
        self._wanted: str | None = None

    @property
    def form(self) -> GeneratedForm | None:
        """The form on screen, once its definition has loaded and parsed."""
        return self._form

    def has_definition(self, service_id: str) -> bool:
        """The service's form definition is loaded (shown at once next time)."""
        return self._definitions.known(service_id) is not None

    def show_for(self, service: Service | None) -> None:
        """Show the new-client form of ``service`` (loading its definition if needed)."""
        if self._form is not None:
            # The widget is about to be replaced: keep what was typed for the next form.
            self._carried = self._form.values()
            self._form = None
        if service is None:
            self._picker.set_form_widget(_note(self.tr(
                "Choose a service first: the new-client form depends on it.")))
            self.sig_changed.emit()
            return
        self._wanted = service.id

        def loaded(result: Definition) -> None:
            if self._picker.is_new_client and self._wanted == service.id:
                self._present(service, result)

        if self._definitions.known(service.id) is None:
            self._picker.set_form_widget(_note(self.tr("Loading the new-client form…")))
        self._definitions.load(
            service, "form", loaded, retry=lambda: self.show_for(service),
            on_error=lambda e: self._picker.set_form_widget(_note(plain_words(e))))

    def _present(self, service: Service, definition: Definition) -> None:
        if isinstance(definition, FormDefinitionError):
            self._form = None
            self._picker.set_form_widget(FormErrorView(definition))
            self.sig_changed.emit()
            return
        form = GeneratedForm(definition, meeting_kind=meeting_kind_for(service.interaction_type),
                             today=self._today)
        if self._carried:
            form.set_values(self._carried)  # a service change keeps what was typed
            self._carried = {}
        form.sig_changed.connect(self.sig_changed)
        self._form = form
        self._picker.set_form_widget(form)
        self.sig_form_shown.emit()
        self.sig_changed.emit()

    # ------------------------------------------------------------------ values

    def values(self) -> dict[str, Any]:
        return dict(self._form.values()) if self._form is not None else {}

    def meeting_details(self) -> str | None:
        return self._form.meeting_details() if self._form is not None else None

    def set_values(self, values: dict[str, Any]) -> None:
        if self._form is not None:
            self._form.set_values(values)

    def build_form_data(self) -> FormData:
        if self._form is None:
            raise ValueError(self.tr("The new-client form is not available."))
        return self._form.build_form_data()

    def first_problem(self) -> str | None:
        """The first thing wrong with what was typed, checked before booking."""
        if self._form is None:
            return None
        problems = self._form.validate()
        return problems[0].message if problems else None

    def show_refusal(self, error: ValidationError) -> bool:
        """Put each of the API's complaints next to the field it names (the ones naming no
        field of this form go to the form's top); True if any landed on a field."""
        return place_refusal(self._form, error)

    def client_name(self) -> str:
        """The name typed into the form, for summaries and drafts ('' when none yet)."""
        if self._form is None:
            return ""
        values = self._form.values()
        fields = list(self._form.definition.fields())
        # First and last name when the form has them; a single "name" field otherwise.
        kinds = ({"firstname", "lastname"} if any(f.kind == "firstname" for f in fields)
                 else {"name"})
        parts = [str(values.get(f.id) or "").strip() for f in fields if f.kind in kinds]
        return " ".join(part for part in parts if part)

    def reset(self) -> None:
        """After a booking: an empty form for the next client."""
        self._carried = {}
        if self._form is not None:
            self._form.reset()


def place_refusal(form: GeneratedForm | None, error: ValidationError) -> bool:
    """See :meth:`NewClientFormHost.show_refusal` (shared with the existing-client details)."""
    if form is None:
        return False
    complaints = error.field_errors or {error.field or error.message: error.message}
    placed = False
    elsewhere: list[str] = []
    for key, message in complaints.items():
        if form.show_field_error(key, message):
            placed = True
        else:
            elsewhere.append(message)
    form.show_form_error(" ".join(elsewhere))
    return placed


def _note(text: str) -> QWidget:
    label = QLabel(text)
    label.setObjectName("form-note")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    return label
