"""Where Frontdesk keeps its files on this computer: one answer, asked in one place.

platformdirs gives each OS's own folders (XDG on Linux, ``AppData`` on Windows,
``Library/Application Support`` on macOS). The demo and the tests use :meth:`AppPaths.under`
so nothing they do touches the real folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "frontdesk"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        return cls(config_dir=Path(platformdirs.user_config_dir(APP_NAME)),
                   data_dir=Path(platformdirs.user_data_dir(APP_NAME)),
                   log_dir=Path(platformdirs.user_log_dir(APP_NAME)))

    @classmethod
    def under(cls, root: Path) -> AppPaths:
        """Everything inside ``root`` (the demo's temporary folder, a test's tmp_path)."""
        return cls(config_dir=root, data_dir=root, log_dir=root / "logs")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def drafts_file(self) -> Path:
        return self.data_dir / "drafts.sqlite3"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "frontdesk.log"

    @property
    def instance_lock(self) -> Path:
        """Held by the one Frontdesk working on ``data_dir`` (see desktop.ui.single_instance)."""
        return self.data_dir / "frontdesk.lock"
