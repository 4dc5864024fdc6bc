"""The settings file (atomic, forgiving) and where the connection settings come from."""

from __future__ import annotations

import argparse
import json
import logging
import os
from pathlib import Path

import pytest

from desktop.auth.settings import (
    SettingsFile,
    StoredSettings,
    default_settings_path,
    resolve_connection_settings,
)
from desktop.auth.urls import DEFAULT_API_URL


def test_settings_live_under_the_user_config_dir() -> None:
    path = default_settings_path()
    assert path.parent.name == "frontdesk"
    assert str(path).startswith(os.environ["XDG_CONFIG_HOME"])


def test_round_trip_and_no_temp_files_left(tmp_path: Path) -> None:
    settings = SettingsFile(tmp_path / "deep" / "settings.json")
    assert settings.load() == StoredSettings()
    saved = StoredSettings(api_url="https://api.vcita.biz", business_id="b1",
                           business_name="Bella", business_time_zone="Europe/Paris")
    settings.save(saved)
    assert settings.load() == saved
    settings.update(business_id="b2")
    assert settings.load().business_id == "b2"
    assert settings.load().business_name == "Bella"
    assert [p.name for p in settings.path.parent.iterdir()] == ["settings.json"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    settings = SettingsFile(tmp_path / "settings.json")
    settings.save(StoredSettings(api_url="https://old.example", business_id="b1"))

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        settings.save(StoredSettings(api_url="https://new.example", business_id="b2"))
    monkeypatch.undo()
    assert settings.load().api_url == "https://old.example"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2]", b"\xff\xfe\x00garbage", b""])
def test_corrupt_settings_give_defaults_and_a_warning(tmp_path: Path, content: bytes,
                                                     caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING, logger="desktop.auth.settings"):
        assert SettingsFile(path).load() == StoredSettings()
    assert any(r.levelno == logging.WARNING for r in caplog.records)


def test_unreadable_settings_give_defaults(tmp_path: Path,
                                           caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "settings.json"
    path.mkdir()  # a folder where the file should be: reading it fails with an OSError
    with caplog.at_level(logging.WARNING, logger="desktop.auth.settings"):
        assert SettingsFile(path).load() == StoredSettings()
    assert "using defaults" in caplog.text


def test_wrong_types_in_the_file_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"api_url": 5.5, "business_id": 42, "extra": True}))
    assert SettingsFile(path).load() == StoredSettings(api_url=None, business_id="42")


def _file(tmp_path: Path, **values: str) -> SettingsFile:
    settings = SettingsFile(tmp_path / "settings.json")
    settings.save(StoredSettings(**values))
    return settings


def test_command_line_beats_environment_beats_file_beats_default(tmp_path: Path) -> None:
    file = _file(tmp_path, api_url="https://file.example", business_id="file-biz")
    env = {"FRONTDESK_API_URL": "https://env.example", "FRONTDESK_BUSINESS_ID": "env-biz"}
    cli = argparse.Namespace(api_url="https://cli.example", business_id="cli-biz")

    both = resolve_connection_settings(cli, env, file)
    assert (both.api_url, both.business_id) == ("https://cli.example", "cli-biz")
    assert (both.api_url_source, both.business_id_source) == ("command line", "command line")

    no_cli = resolve_connection_settings({"api_url": None, "business_id": ""}, env, file)
    assert (no_cli.api_url, no_cli.business_id) == ("https://env.example", "env-biz")
    assert no_cli.api_url_source == "environment"

    file_only = resolve_connection_settings({}, {}, file)
    assert (file_only.api_url, file_only.business_id) == ("https://file.example", "file-biz")
    assert file_only.business_id_source == "settings file"

    nothing = resolve_connection_settings({}, {}, SettingsFile(tmp_path / "absent.json"))
    assert (nothing.api_url, nothing.business_id) == (DEFAULT_API_URL, None)
    assert (nothing.api_url_source, nothing.business_id_source) == ("default", None)


def test_sources_mix_per_value(tmp_path: Path) -> None:
    file = _file(tmp_path, api_url="https://file.example", business_id="file-biz")
    mixed = resolve_connection_settings({"business_id": "cli-biz"},
                                        {"FRONTDESK_API_URL": "  "}, file)
    assert (mixed.api_url, mixed.business_id) == ("https://file.example", "cli-biz")


def test_a_corrupt_file_does_not_stop_resolution(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text("{{{")
    resolved = resolve_connection_settings({}, {"FRONTDESK_BUSINESS_ID": "b"}, path)
    assert (resolved.api_url, resolved.business_id) == (DEFAULT_API_URL, "b")
