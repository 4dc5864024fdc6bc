"""Render the drafts panel offscreen with drafts in every state (docs/screenshots/).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/drafts/screenshot_panel.py [OUT.png]
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.drafts.store import DraftStore
from desktop.drafts.sync import SyncEngine
from PySide6.QtWidgets import QApplication

from desktop.api.models import BookingRequest
from desktop.ui.drafts.panel import DraftsPanel
from desktop.ui.drafts.sync_service import SyncService
from desktop.ui.tasks import TaskRunner

ROOT = Path(__file__).resolve().parents[2]
PEOPLE = [
    ("Olivia Silva", "Initial consultation", "Dr. Maya Chen", "Thu 27 Nov, 09:00"),
    ("Ingrid Mwangi", "Physiotherapy session", "Jonas Okafor, PT", "Thu 27 Nov, 10:15"),
    ("Piotr Chen", "Therapeutic massage", "Lena Ramirez", "Fri 28 Nov, 14:00"),
    ("Lars Sharma", "Phone consultation", "Dr. Priya Nair", "Fri 28 Nov, 16:45"),
    ("Amara Okoye", "Mindful movement (group)", "Dr. Maya Chen", "Sat 29 Nov, 18:30"),
]


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs/screenshots/drafts-panel.png"
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp, DraftStore(Path(tmp) / "d.sqlite3") as store:
        ids = []
        for n, (client, service, staff, local) in enumerate(PEOPLE):
            request = BookingRequest(
                business_id="hwc", service_id=f"sv-{n}", staff_id=f"st-{n}",
                start_time=datetime(2031, 11, 27, 14, tzinfo=UTC) + timedelta(hours=n),
                time_zone="America/New_York", client_id=f"cl-{n}")
            ids.append(store.save(request, {"client_name": client, "service_name": service,
                                            "staff_name": staff, "local_time": local}).id)
        store.queue(ids[0])
        store.mark_sending(ids[0])
        store.mark_sent(ids[0], "bk-1")
        store.queue(ids[1])
        store.mark_sending(ids[1])
        store.mark_needs_attention(
            ids[1], "That time is no longer free: someone else booked it. Pick another time.")
        store.queue(ids[2])
        store.mark_sending(ids[2])
        store.requeue(ids[2], next_attempt_at=datetime.now(UTC) + timedelta(seconds=20),
                      error="The booking service cannot be reached. Check the network "
                            "connection.", lookup_needed=False)
        store.queue(ids[3])

        runner = TaskRunner()
        # Signed out (no client): enough for the buttons; nothing is sent from here.
        service = SyncService(SyncEngine(store, None, "hwc"))
        panel = DraftsPanel(store, runner, service)
        panel.resize(980, 330)
        panel.show()
        panel.refresh()
        deadline = datetime.now() + timedelta(seconds=5)
        while panel.table.rowCount() < len(PEOPLE) and datetime.now() < deadline:
            app.processEvents()
        panel.select_draft(ids[3])
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        panel.grab().save(str(out))
        runner.shutdown()
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
