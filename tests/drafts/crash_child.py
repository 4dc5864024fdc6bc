"""A desk process for the crash drill: recover, draft, send — and get killed at any moment.

    python crash_child.py DB_PATH URL BUSINESS_ID PLAN_JSON FIRST COUNT
    (the staff token comes in the environment as FRONTDESK_TOKEN, never on the command line)

Prints ``ready`` once imported, ``saved <id>`` after each save returned (so the parent knows
which drafts must survive), ``done`` at the end. The parent SIGKILLs it at a random moment.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from desktop.api.client import BookingClient
from desktop.api.constants import Timeouts
from desktop.drafts.store import DraftStore
from desktop.drafts.sync import Backoff, SyncEngine


def main(argv: list[str]) -> int:
    db_path, url, business_id, plan_path, first, count = argv
    plan = json.loads(Path(plan_path).read_text())
    client = BookingClient(url, os.environ["FRONTDESK_TOKEN"],
                           timeouts=Timeouts(connect=1, read=3, write=3, pool=1))
    store = DraftStore(db_path)
    engine = SyncEngine(store, client, business_id, backoff=Backoff(first=0, limit=0))
    print("ready", flush=True)
    engine.recover()  # the start-up step of the real app: settle what was caught mid-send
    have = {d.values.get("plan") for d in store.list_drafts()}
    for index in range(int(first), int(first) + int(count)):
        if index < len(plan) and index not in have:
            request, values = plan[index]
            draft = store.save(request, values, queue=True)
            print(f"saved {draft.id}", flush=True)
    engine.run_once()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
