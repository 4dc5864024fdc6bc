"""The sign-in dialog's widgets and their layout, in Tab order (its behaviour is in dialog.py).

A base class of :class:`~desktop.ui.sign_in.dialog.SignInDialog`: ``self.tr`` finds these
texts under this class's name (PySide's ``tr`` walks the class hierarchy).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.auth.urls import DEFAULT_API_URL
from desktop.ui.plain_text import plain_label
from desktop.ui.style import Tone, tone_style


class SignInForm(QDialog):
    """The widgets; the dialog sets ``_reauth`` before building and wires the behaviour."""

    _reauth: bool

    # The dialog's behaviour, connected to the widgets made here.
    def submit(self) -> None:
        raise NotImplementedError

    def _set_token_visible(self, visible: bool) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------------ building
    def _build(self, api_url: str, business_id: str, session_only: bool) -> None:
        heading = QLabel(self.tr("Sign in with your staff token") if not self._reauth
                         else self.tr("Sign in again to carry on"))
        heading.setObjectName("heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr("Paste the staff API token from the business's settings. "
                               "Frontdesk checks it by reading the business."))
        intro.setWordWrap(True)

        self.api_url_edit = QLineEdit(api_url)
        self.api_url_edit.setObjectName("api-url")
        self.api_url_edit.setAccessibleName(self.tr("API URL"))
        self.api_url_edit.setPlaceholderText(DEFAULT_API_URL)
        self.business_id_edit = QLineEdit(business_id)
        self.business_id_edit.setObjectName("business-id")
        self.business_id_edit.setAccessibleName(self.tr("Business id"))
        self.business_id_edit.setPlaceholderText(
            self.tr("e.g. the id shown in the business settings"))
        if self._reauth:
            for edit in (self.api_url_edit, self.business_id_edit):
                edit.setReadOnly(True)
                edit.setToolTip(self.tr("Fixed while work for this business waits for the new "
                                       "token."))

        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("token")
        self.token_edit.setAccessibleName(self.tr("Staff token"))
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_edit.setPlaceholderText(self.tr("Paste the token here"))
        # Width comes from the fields (the layout fixes the dialog's size to its contents).
        for line in (self.api_url_edit, self.business_id_edit, self.token_edit):
            line.setMinimumWidth(340)
        self.token_toggle = QPushButton(self.tr("Show"))
        self.token_toggle.setObjectName("token-visibility")
        self.token_toggle.setAccessibleName(self.tr("Show the token"))
        self.token_toggle.setCheckable(True)
        self.token_toggle.setAutoDefault(False)
        self.token_toggle.toggled.connect(self._set_token_visible)
        token_row = QHBoxLayout()
        token_row.setSpacing(6)
        token_row.addWidget(self.token_edit, 1)
        token_row.addWidget(self.token_toggle)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(10)
        form.setVerticalSpacing(8)
        for text, widget in ((self.tr("&API URL"), self.api_url_edit),
                             (self.tr("&Business id"), self.business_id_edit)):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
        token_label = QLabel(self.tr("Staff &token"))
        token_label.setBuddy(self.token_edit)
        form.addRow(token_label, token_row)

        self.keyring_notice = QLabel()
        self.keyring_notice.setObjectName("keyring-notice")
        self.keyring_notice.setWordWrap(True)
        self.keyring_notice.setStyleSheet(tone_style("keyring-notice", Tone.WARNING, radius=4,
                                                     padding=6))
        self.keyring_notice.setAccessibleName(self.tr("Keyring problem"))

        self.session_only_box = QCheckBox(
            self.tr("Use for this session only (don't save the token)"))
        self.session_only_box.setObjectName("session-only")
        self.session_only_box.setAccessibleName(self.tr("Use for this session only"))
        self.session_only_box.setChecked(session_only)

        self.busy_bar = QProgressBar()
        self.busy_bar.setObjectName("busy")
        self.busy_bar.setAccessibleName(self.tr("Checking the token"))
        self.busy_bar.setRange(0, 0)  # indeterminate: a moving bar while the check runs
        self.busy_bar.setTextVisible(False)
        self.busy_bar.setMaximumHeight(8)
        self.busy_label = QLabel(self.tr("Checking the token…"))
        busy_row = QHBoxLayout()
        busy_row.addWidget(self.busy_label)
        busy_row.addWidget(self.busy_bar, 1)
        self.busy_widget = QWidget()
        self.busy_widget.setLayout(busy_row)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_widget.setVisible(False)

        self.message_label = plain_label(None, "message")
        self.message_label.setAccessibleName(self.tr("Message"))
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setVisible(False)

        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setObjectName("sign-in")
        self.sign_in_button.setAccessibleName(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.submit)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel")
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.sign_in_button)

        layout = QVBoxLayout(self)
        # The dialog takes the size its contents need, growing when a message appears
        # instead of squashing the fields.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)
        layout.setContentsMargins(18, 16, 18, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.session_only_box)
        layout.addWidget(self.keyring_notice)
        layout.addWidget(self.busy_widget)
        layout.addWidget(self.message_label)
        layout.addSpacing(4)
        layout.addLayout(buttons)

