"""Save docs/screenshots/about.png: the About dialog, offscreen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshot_about.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop.ui.about import AboutDialog
from desktop.ui.application import create_application

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    app = create_application(sys.argv[:1])
    dialog = AboutDialog("https://api.vcita.biz")
    dialog.show()
    dialog.adjustSize()
    app.processEvents()
    out = ROOT / "docs" / "screenshots" / "about.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(out))
    print(out.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
