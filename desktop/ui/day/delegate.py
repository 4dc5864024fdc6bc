"""Paints an entry of the day as a card: time and state on top, the client, the service (and
staff in the one-list layout), then notes or what is pending. Colours come from the palette
(dark and high-contrast themes stay readable); the state also has a word, never colour alone.
Right-to-left (Hebrew, Arabic): the card is mirrored — strip on the right, text from the right
(every rectangle goes through ``QStyle.visualRect``, every alignment ``visualAlignment``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop.day.summary import DeskState
from desktop.ui.day.entries import DayEntry, state_words
from desktop.ui.day.model import ENTRY_ROLE, NOW_LINE_ROLE
from desktop.ui.style import high_contrast, is_dark

#: The strip on the left of a card, by state (paired with the state's word on the card).
STATE_COLOURS = {
    DeskState.SCHEDULED: QColor("#2f6fde"),
    DeskState.PENDING: QColor("#8250df"),
    DeskState.DONE: QColor("#1a7f37"),
    DeskState.NO_SHOW: QColor("#c2410c"),
    DeskState.CANCELLED: QColor("#8c959f"),
}
NOW_LINE = QColor("#d1242f")


def state_colour(state: DeskState, palette: QPalette) -> QColor:
    """The state's colour as text on a card: lighter on a dark palette, the text colour
    itself in high contrast (where the word, in bold, carries the state)."""
    if high_contrast():
        return palette.color(QPalette.ColorRole.Text)
    colour = STATE_COLOURS[state]
    return colour.lighter(165) if is_dark(palette) else colour
PADDING = 6
STRIP = 4


class EntryDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None, *, show_staff: bool = False) -> None:
        super().__init__(parent)
        self.show_staff = show_staff

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        entry = index.data(ENTRY_ROLE)
        metrics = QFontMetrics(option.font)  # type: ignore[attr-defined]
        lines = 3 + (1 if isinstance(entry, DayEntry) and self._fourth_line(entry) else 0)
        return QSize(180, lines * metrics.lineSpacing() + 2 * PADDING + 6)

    @staticmethod
    def _fourth_line(entry: DayEntry) -> str:
        if entry.pending is not None:
            return entry.pending.text
        return (entry.appointment.notes or "").replace("\n", " ")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        entry = index.data(ENTRY_ROLE)
        if not isinstance(entry, DayEntry):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect.adjusted(2, 3, -2, -3)  # type: ignore[attr-defined]
        palette: QPalette = option.palette  # type: ignore[attr-defined]
        state_flags = option.state  # type: ignore[attr-defined]
        selected = bool(state_flags & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        base = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        border = palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 1))
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 4, 4)
        colour = STATE_COLOURS[entry.state]
        direction = option.direction  # type: ignore[attr-defined]
        strip = QRect(rect.left(), rect.top(), STRIP, rect.height())
        painter.fillRect(QStyle.visualRect(direction, rect, strip), colour)
        if bool(state_flags & QStyle.StateFlag.State_HasFocus):
            focus = QPen(palette.color(QPalette.ColorRole.Highlight).darker(140), 2)
            painter.setPen(focus)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 4, 4)
        text_colour = palette.color(QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        quiet = palette.color(QPalette.ColorRole.HighlightedText if selected
                              else QPalette.ColorRole.PlaceholderText)
        self._paint_text(painter, option, rect, entry, text_colour, quiet)
        if index.data(NOW_LINE_ROLE):
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight) if high_contrast()
                                else NOW_LINE, 2))
            painter.drawLine(option.rect.left(), option.rect.top() + 1,  # type: ignore[attr-defined]
                             option.rect.right(), option.rect.top() + 1)  # type: ignore[attr-defined]
        painter.restore()

    def _paint_text(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect,
                    entry: DayEntry, text_colour: QColor, quiet: QColor) -> None:
        font: QFont = QFont(option.font)  # type: ignore[attr-defined]
        metrics = QFontMetrics(font)
        line = metrics.lineSpacing()
        left = rect.left() + STRIP + PADDING
        width = rect.width() - STRIP - 2 * PADDING
        top = rect.top() + PADDING
        bold = QFont(font)
        bold.setBold(True)
        cancelled = entry.state is DeskState.CANCELLED

        direction = option.direction  # type: ignore[attr-defined]
        start = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        end = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        palette: QPalette = option.palette  # type: ignore[attr-defined]

        def draw(box: QRect, align: Qt.AlignmentFlag, text: str) -> None:
            # Logical (left-to-right) geometry, mirrored for a right-to-left layout.
            painter.drawText(QStyle.visualRect(direction, rect, box),
                             QStyle.visualAlignment(direction, align), text)

        state = state_words(entry.state)
        state_font = bold if high_contrast() else font
        state_width = QFontMetrics(state_font).horizontalAdvance(state) + 4
        painter.setFont(bold)
        painter.setPen(text_colour)
        time_rect = QRect(left, top, width - state_width, line)
        draw(time_rect, start, QFontMetrics(bold).elidedText(
            entry.time_text(), Qt.TextElideMode.ElideRight, time_rect.width()))
        painter.setFont(state_font)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        # On the selection's colour only the highlighted-text colour is sure to read.
        painter.setPen(text_colour if selected else
                       state_colour(entry.state, palette) if not cancelled else quiet)
        draw(QRect(left, top, width, line), end, state)

        client_font = QFont(font)
        client_font.setStrikeOut(cancelled)
        painter.setFont(client_font)
        painter.setPen(quiet if cancelled else text_colour)
        lines = [entry.client_text()]
        service = entry.service_text()
        if self.show_staff and entry.staff_name:
            service = f"{service} · {entry.staff_name}" if service else entry.staff_name
        lines.append(service)
        fourth = self._fourth_line(entry)
        if fourth:
            lines.append(fourth)
        for number, text in enumerate(lines, start=1):
            if number == 2:
                painter.setFont(font)
                painter.setPen(quiet)
            if number == 3:
                italic = QFont(font)
                italic.setItalic(True)
                painter.setFont(italic)
                attention = entry.pending is not None and entry.pending.needs_attention
                painter.setPen(state_colour(DeskState.NO_SHOW, palette)
                               if attention and not selected else quiet)
            box = QRect(left, top + number * line, width, line)
            draw(box, start, QFontMetrics(painter.font()).elidedText(
                text, Qt.TextElideMode.ElideRight, width))
