"""Render the drafts panel offscreen with operations of several kinds in every state.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/drafts/screenshot_panel.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop.api.models import BookingRequest, Client, Slot
from desktop.booking.saved_booking import SavedBooking
from desktop.outbox import (
    BookingLabel,
    CancelBooking,
    CompleteBooking,
    MoveBooking,
    OutboxStore,
    RescheduleBooking,
)
from desktop.outbox.engine import SyncEngine
from desktop.outbox.ledger import SendLedger
from desktop.outbox.model import Problem
from desktop.ui.drafts.panel import DraftsPanel
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2031, 11, 27, 14, tzinfo=UTC)
ZONE = "America/New_York"
PEOPLE = [("Olivia", "Silva", "Initial consultation", "Dr. Maya Chen"),
          ("Ingrid", "Mwangi", "Physiotherapy session", "Jonas Okafor, PT"),
          ("Piotr", "Chen", "Therapeutic massage", "Lena Ramirez")]


def label(n: int) -> BookingLabel:
    first, last, service, staff = PEOPLE[n % len(PEOPLE)]
    return BookingLabel(client_name=f"{first} {last}", start_time=START + timedelta(hours=n),
                        time_zone=ZONE, service_name=service, staff_name=staff)


def fill(store: OutboxStore) -> None:
    ledger = SendLedger(store.db, "screenshot", lease=timedelta(seconds=30))
    now = store.clock.now
    for n, (first, last, service, staff) in enumerate(PEOPLE):
        slot = Slot(staff_id=f"st-{n}", start_time=START + timedelta(hours=n))
        request = BookingRequest(business_id="hwc", service_id=f"sv-{n}", staff_id=f"st-{n}",
                                 start_time=slot.start_time, time_zone=ZONE,
                                 client_id=f"cl-{n}")
        form = SavedBooking(service_id=f"sv-{n}", time_zone=ZONE, slot=slot,
                            client=Client(id=f"cl-{n}", first_name=first, last_name=last),
                            client_name=f"{first} {last}", service_name=service,
                            staff_name=staff)
        op = store.save_draft(request, form, queue=n > 0)
        if n == 1:
            claimed = ledger.claim(op, now())
            assert claimed is not None
            ledger.done(claimed[0], "bk-1", now())
    store.enqueue(CancelBooking(business_id="hwc", booking_id="bk-7",
                                message="Dr. Chen is ill today"), label=label(3))
    store.enqueue(CompleteBooking(business_id="hwc", booking_id="bk-8", no_show=True),
                  label=label(4))
    moved = store.enqueue(MoveBooking(business_id="hwc", booking_id="bk-9",
                                      new_booking=BookingRequest(
                                          business_id="hwc", service_id="sv-2",
                                          staff_id="st-4", start_time=START + timedelta(
                                              hours=6), time_zone=ZONE, client_id="cl-2"),
                                      new_staff_name="Dr. Priya Nair"), label=label(5))
    claimed = ledger.claim(moved, now())
    assert claimed is not None
    ledger.set_aside(claimed[0], problem=Problem.TIME_TAKEN, now=now(),
                     sentence="That time was taken by someone else. Pick another time, or "
                              "drop this.")
    store.enqueue(RescheduleBooking(business_id="hwc", booking_id="bk-10",
                                    start_time=START + timedelta(hours=8)), label=label(6))


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots/drafts-panel.png"
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp, OutboxStore(Path(tmp) / "d.sqlite3") as store:
        fill(store)
        runner = TaskRunner()
        # Signed out (no client): enough for the buttons; nothing is sent from here.
        service = SyncService(SyncEngine(store, None, "hwc"))
        panel = DraftsPanel(store, runner, service)
        panel.resize(1100, 360)
        panel.show()
        panel.refresh()
        deadline = time.monotonic() + 5
        while panel.table.rowCount() < 8 and time.monotonic() < deadline:
            app.processEvents()
        panel.table.selectRow(1)
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        panel.grab().save(str(out))
        runner.shutdown()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
