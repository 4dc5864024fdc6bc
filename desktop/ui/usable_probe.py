"""The start-up probe's later points: when the main window is *usable*, for the benchmarks.

Imported only when ``FRONTDESK_STARTUP_PROBE`` is on (see :mod:`desktop.ui.startup`). After
the main window is on screen (``ready``) it prints:

* ``day-shown`` — the first paint of the Day view's schedule after both today's appointments
  and the catalogue (staff columns, service names) have been drawn into it: the day as the
  receptionist reads it, not "Loading the day…" nor one column of unnamed entries;
* ``services-listed`` — in the modes ``usable`` and ``book`` only: the window switches to the
  Book tab as soon as the day is shown (the earliest a receptionist could), and this is the
  first paint of the service picker once it lists the catalogue's services.

Mode ``usable`` exits right after ``services-listed``; mode ``book`` stays open (the memory
figure with the Book page built); any other mode stays open on the Day view.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.startup import probe, probe_mode

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


class _PaintInside(QObject):
    """Hears the first Paint event of ``root`` or any widget inside it, once ``ready()``
    says the content is there (an application-wide filter: the list views paint on their
    viewports, which are created and replaced as columns come and go)."""

    def __init__(self, root: QWidget, ready: Callable[[], bool],
                 then: Callable[[], None]) -> None:
        super().__init__(root)
        self._root = root
        self._ready = ready
        self._then: Callable[[], None] | None = then
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._then is not None and event.type() == QEvent.Type.Paint \
                and isinstance(watched, QWidget) \
                and (watched is self._root or self._root.isAncestorOf(watched)) \
                and self._ready():
            then, self._then = self._then, None
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            then()
        return False


def watch(window: MainWindow) -> None:
    """Print ``day-shown`` (and, by mode, ``services-listed``) for ``window``."""
    mode = probe_mode()
    seen: set[str] = set()
    day = window.day

    def day_loaded(loaded_day: object, _appointments: object) -> None:
        if loaded_day == day.day():
            seen.add("day")

    def catalogue_loaded() -> None:
        seen.add("catalogue")

    # Connected after the window's own slots: when these run, the day has been redrawn.
    day.loader.sig_day_loaded.connect(day_loaded)
    catalogue = getattr(window, "catalogue", None)
    if catalogue is None:  # the window before the catalogue moved out of the Book page
        catalogue = window.page.catalogue
    catalogue.sig_loaded.connect(catalogue_loaded)

    def day_shown() -> None:
        probe("day-shown")
        if mode in ("usable", "book"):
            _open_book(window, exit_after=mode == "usable")

    _PaintInside(day.schedule, lambda: {"day", "catalogue"} <= seen, day_shown)


def _open_book(window: MainWindow, *, exit_after: bool) -> None:
    def listed() -> None:
        probe("services-listed")
        if exit_after:
            sys.stdout.flush()
            os._exit(0)

    window.show_booking()
    picker = window.page.service_picker
    _PaintInside(picker, lambda: picker.count() > 0, listed)
