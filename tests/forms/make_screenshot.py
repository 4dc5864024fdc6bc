"""Save docs/screenshots/form-generated.png: the API.md example extended with every type.

    .venv/bin/python -m tests.forms.make_screenshot
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from desktop.forms import parse_definition
from desktop.ui.form import GeneratedForm
from tests.forms.samples import every_type

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "form-generated.png"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    form = GeneratedForm(parse_definition(every_type()), meeting_kind="address")
    form.set_values({"f1": "ann@example", "f2": "Ann", "f3": "Lee", "f5": "Ms",
                     "f8": date(1990, 5, 17), "f10": "friend", "f13": True,
                     "notes": "Prefers morning appointments.",
                     "meeting-details": "12 Main St, Springfield"})
    form.show_field_error("f1", "Email does not look like an email address "
                                "(for example ann@example.com).")
    form.resize(760, 960)
    form.show()
    app.processEvents()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    ok = form.grab().save(str(OUT))
    print(OUT if ok else "could not save the screenshot")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
