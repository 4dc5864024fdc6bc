"""Opening the outbox file: old files migrate with every draft kept; only real damage moves a
file aside; a locked, unopenable, read-only or newer file is left alone with a clear reason."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from desktop.clock import ManualClock
from desktop.outbox import OpenProblem, OperationStatus, OutboxStorageError, OutboxStore
from desktop.outbox.errors import OutboxUnavailableError, disk_full_sentence
from desktop.outbox.schema import MIGRATIONS, SCHEMA_VERSION
from tests.drafts.conftest import BASE_TIME, booking_request, form

S = OperationStatus
V2_FILE = Path(__file__).with_name("fixtures") / "drafts-v2.sqlite3"


def _bytes_of(path: Path) -> bytes:
    return path.read_bytes()


# --------------------------------------------------------------------------- migrations


def test_a_v2_file_written_by_the_v2_outbox_keeps_every_draft(tmp_path: Path) -> None:
    """The fixture was written by the v2 code itself (fixtures/make_v2_file.py)."""
    path = tmp_path / "drafts.sqlite3"
    shutil.copy(V2_FILE, path)
    raw = sqlite3.connect(path)
    before = raw.execute("SELECT id, status, request_json, values_json, needs_lookup, "
                         "booking_id, idempotency_key FROM drafts ORDER BY seq").fetchall()
    raw.close()
    assert len(before) == 9
    clock = ManualClock(BASE_TIME + timedelta(hours=1))
    with OutboxStore(path, clock=clock) as store:
        ops = store.list_operations()
        assert [op.id for op in ops] == [row[0] for row in before]
        assert [str(op.status) for op in ops] == [row[1] for row in before]
        assert [op.needs_lookup for op in ops] == [bool(row[4]) for row in before]
        assert [op.result_id for op in ops] == [row[5] for row in before]
        assert [op.idempotency_key for op in ops] == [row[6] for row in before]
        for op, row in zip(ops, before, strict=True):
            request = op.booking_request()
            if row[2] == "{}":
                assert request is None  # the unfinished draft: kept, not sendable yet
            else:
                assert request is not None
                assert request.to_json() == __import__("json").loads(row[2])
            assert op.form is not None
            assert op.form.client_name == __import__("json").loads(row[3]).get("client_name")
        # The draft the v2 app left "sending" is looked up before anything is re-sent.
        caught = next(op for op in ops if op.status is S.SENDING)
        assert caught.needs_lookup
        assert caught.lease_owner is None
        in_doubt = ops[7]
        assert in_doubt.lookup_after == in_doubt.next_attempt_at
        recovered = store.recover_autosave()
        assert recovered is not None
        assert recovered.form.client_name == "ivy Lee"
        store.save_draft(booking_request(1), form(1))  # and it works as a v3 file
        assert store.db.read("PRAGMA user_version")[0][0] == SCHEMA_VERSION
        assert [op.seq for op in store.list_operations()][-1] == 10  # creation order goes on


def test_a_v1_file_is_migrated_twice_in_a_row(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    raw = sqlite3.connect(db_path, isolation_level=None)
    MIGRATIONS[0](raw)
    raw.execute("PRAGMA user_version = 1")
    raw.execute(
        "INSERT INTO drafts (id, created_at, updated_at, request_json, values_json, status, "
        "attempts, idempotency_key) VALUES ('old-1', '2030-01-01T00:00:00.000000+00:00', "
        "'2030-01-01T00:00:00.000000+00:00', ?, '{}', 'sending', 1, 'key-1')",
        (booking_request(1).model_dump_json(),),
    )
    raw.close()
    with OutboxStore(db_path) as store:
        old = store.get("old-1")
        assert old is not None
        assert old.status is S.SENDING
        assert old.needs_lookup  # caught mid-send by the old app: look it up first
        assert old.booking_request() == booking_request(1)


def test_a_migration_that_fails_leaves_the_old_file(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "drafts.sqlite3"
    shutil.copy(V2_FILE, path)

    def broken(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE operations (x)")
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr("desktop.outbox.db.MIGRATIONS", [*MIGRATIONS[:2], broken])
    with pytest.raises(OutboxUnavailableError):
        OutboxStore(path)
    raw = sqlite3.connect(path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    assert raw.execute("SELECT count(*) FROM drafts").fetchone()[0] == 9
    raw.close()


# --------------------------------------------------------------------------- left alone


def test_a_file_from_a_newer_app_is_left_alone(db_path: Path) -> None:
    with OutboxStore(db_path) as store:
        store.save_draft(booking_request(1), form(1))
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    before = _bytes_of(db_path)
    with pytest.raises(OutboxUnavailableError, match="newer Frontdesk") as caught:
        OutboxStore(db_path)
    assert caught.value.reason is OpenProblem.NEWER_SCHEMA
    assert _bytes_of(db_path) == before
    assert [p.name for p in db_path.parent.iterdir() if ".corrupt-" in p.name] == []


def test_a_newer_file_in_rollback_mode_keeps_its_header(db_path: Path) -> None:
    """Switching to WAL rewrites the header: a newer app's file is refused before that."""
    db_path.parent.mkdir(parents=True)
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE from_the_future (x)")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.commit()
    raw.close()
    before = _bytes_of(db_path)
    with pytest.raises(OutboxUnavailableError, match="newer Frontdesk"):
        OutboxStore(db_path)
    assert _bytes_of(db_path) == before


def test_a_locked_file_is_not_set_aside(tmp_path: Path) -> None:
    """Another program holds the file (here: an exclusive lock while it needs migrating)."""
    path = tmp_path / "drafts.sqlite3"
    shutil.copy(V2_FILE, path)  # journal_mode=DELETE, schema v2: opening must write
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(OutboxUnavailableError, match="locked") as caught:
            OutboxStore(path, busy_timeout_ms=200)
        assert caught.value.reason is OpenProblem.LOCKED
        assert str(path) in caught.value.message
        assert "untouched" in caught.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert [p.name for p in tmp_path.iterdir() if ".corrupt-" in p.name] == []
    with OutboxStore(path) as store:  # once the other program let go: all drafts there
        assert len(store.list_operations()) == 9


def test_a_file_the_system_will_not_open_is_not_set_aside(db_path: Path) -> None:
    """'unable to open database file' (here a folder where the file should be; the same
    SQLite error as missing permissions, and it works when the tests run as root)."""
    db_path.mkdir(parents=True)
    (db_path / "keep.txt").write_text("not ours")
    with pytest.raises(OutboxUnavailableError, match="refused access") as caught:
        OutboxStore(db_path)
    assert caught.value.reason is OpenProblem.NO_ACCESS
    assert (db_path / "keep.txt").read_text() == "not ours"
    assert [p.name for p in db_path.parent.iterdir() if ".corrupt-" in p.name] == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads and writes any file")
def test_a_file_without_permissions_is_not_set_aside(db_path: Path) -> None:
    with OutboxStore(db_path) as store:
        store.save_draft(booking_request(1), form(1))
    db_path.chmod(0)
    try:
        with pytest.raises(OutboxUnavailableError) as caught:
            OutboxStore(db_path)
        assert caught.value.reason in (OpenProblem.NO_ACCESS, OpenProblem.READ_ONLY)
    finally:
        db_path.chmod(0o600)
    with OutboxStore(db_path) as store:
        assert len(store.list_operations()) == 1


# --------------------------------------------------------------------------- real damage


def test_a_corrupt_file_is_moved_aside_and_the_app_starts_empty(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"this is not sqlite at all \x00\xff" * 200)
    with OutboxStore(db_path) as store:
        assert store.list_operations() == []
        aside = [p for p in db_path.parent.iterdir() if ".corrupt-" in p.name]
        assert len(aside) == 1
        assert aside[0].name.startswith("drafts.sqlite3.corrupt-")
        assert aside[0].read_bytes().startswith(b"this is not sqlite")
        assert store.recovery_notice is not None
        assert str(aside[0]) in store.recovery_notice
        store.save_draft(booking_request(1), form(1))  # fully usable
    with OutboxStore(db_path) as store:
        assert store.recovery_notice is None
        assert len(store.list_operations()) == 1


def test_a_damaged_page_inside_a_real_file_is_detected(db_path: Path) -> None:
    with OutboxStore(db_path) as store:
        for n in range(300):
            store.save_draft(booking_request(n), form(n))
    raw = sqlite3.connect(db_path)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    data = bytearray(db_path.read_bytes())
    for offset in range(4096 * 3, min(len(data), 4096 * 8)):
        data[offset] = 0x5A
    db_path.write_bytes(bytes(data))
    with OutboxStore(db_path) as store:
        assert store.recovery_notice is not None
        assert store.list_operations() == []


# --------------------------------------------------------------------------- full, read-only


def _mount_tmpfs(target: Path, options: str) -> bool:
    target.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)],
                            capture_output=True, check=False)
    return result.returncode == 0


@pytest.fixture
def read_only_dir(tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "ro"
    if _mount_tmpfs(target, "ro,size=64k"):
        yield target
        subprocess.run(["umount", str(target)], check=False)
    elif os.geteuid() != 0:
        target.mkdir(exist_ok=True)
        target.chmod(0o555)
        yield target
        target.chmod(0o755)
    else:
        pytest.skip("root without mount: no way to make a read-only folder here")


def test_a_read_only_folder_is_a_clear_error_at_open(read_only_dir: Path) -> None:
    with pytest.raises(OutboxUnavailableError, match="read-only") as caught:
        OutboxStore(read_only_dir / "drafts.sqlite3")
    assert str(read_only_dir) in str(caught.value)
    assert caught.value.reason is OpenProblem.FOLDER_NOT_WRITABLE


def test_disk_full_on_save_is_a_plain_sentence_and_loses_nothing(db_path: Path) -> None:
    full = {"on": False}

    def disk(op: str) -> None:
        if full["on"]:
            raise sqlite3.OperationalError("database or disk is full")

    with OutboxStore(db_path, before_commit=disk) as store:
        kept = [store.save_draft(booking_request(n), form(n)) for n in range(3)]
        full["on"] = True
        with pytest.raises(OutboxStorageError) as caught:
            store.save_draft(booking_request(9), form(9))
        assert str(caught.value) == disk_full_sentence()
        with pytest.raises(OutboxStorageError, match="disk is full"):
            store.autosave(form(1))
        full["on"] = False
        store.save_draft(booking_request(10), form(10))
    with OutboxStore(db_path) as store:
        assert [d.id for d in store.list_operations()][:3] == [d.id for d in kept]
        assert len(store.list_operations()) == 4


def test_disk_full_oserror_is_the_same_sentence(db_path: Path) -> None:
    def disk(op: str) -> None:
        raise OSError(28, "No space left on device")

    with OutboxStore(db_path, before_commit=disk) as store, \
            pytest.raises(OutboxStorageError) as caught:
        store.save_draft(booking_request(1), form(1))
    assert str(caught.value) == disk_full_sentence()


def test_a_really_full_disk(tmp_path: Path) -> None:
    target = tmp_path / "tiny"
    if not _mount_tmpfs(target, "size=160k"):
        pytest.skip("mount not permitted here; the fault-hook variant covers the behaviour")
    try:
        path = target / "drafts.sqlite3"
        saved: list[str] = []
        with OutboxStore(path) as store:
            big = form(1)
            big.form_values = {"notes": "x" * 3000}

            def fill_the_disk() -> None:
                for n in range(500):
                    saved.append(store.save_draft(booking_request(n), big).id)

            with pytest.raises(OutboxStorageError) as caught:
                fill_the_disk()
            assert str(caught.value) == disk_full_sentence()
            assert saved
            assert [d.id for d in store.list_operations()] == saved
        with OutboxStore(path) as store:
            assert [d.id for d in store.list_operations()] == saved
    finally:
        subprocess.run(["umount", str(target)], check=False)
