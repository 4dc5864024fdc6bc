"""No token survives into a log line, whoever logged it and however."""

from __future__ import annotations

import logging

import pytest

from desktop.api.redaction import RedactingFilter, install_redaction, redact

TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0.abcDEF123_-xyz"


@pytest.mark.parametrize("text", [
    f"token {TOKEN}", f"Authorization: Bearer {TOKEN}", "Authorization: Bearer opaque-api-key-1",
    "{'authorization': b'Bearer opaque-api-key-1'}", "headers=[(b'Authorization', b'opaque-1')]",
])
def test_redact(text: str) -> None:
    scrubbed = redact(text)
    assert TOKEN not in scrubbed
    assert "opaque-api-key-1" not in scrubbed
    assert "opaque-1" not in scrubbed
    assert "[redacted]" in scrubbed


def test_plain_text_is_left_alone() -> None:
    text = "GET /platform/v1/services 200 3.1 ms"
    assert redact(text) == text


def test_filter_scrubs_args_and_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("desktop.api")
    install_redaction()
    assert sum(isinstance(f, RedactingFilter) for f in logger.filters) == 1
    with caplog.at_level(logging.DEBUG, logger="desktop.api"):
        logger.info("sent %s", f"Bearer {TOKEN}")
        try:
            raise RuntimeError(f"boom {TOKEN}")
        except RuntimeError:
            logger.exception("failed")
    assert caplog.records
    assert TOKEN not in caplog.text
    assert "[redacted]" in caplog.text
