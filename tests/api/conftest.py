"""Fixtures of the booking-client tests: a client on the real sandbox, a recording sleep, the
stub server, and a port where nothing listens."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator

import pytest

from desktop.api.client import BookingClient
from desktop.sandbox.server import SandboxServer
from tests.api.helpers import RequestLog, SleepRecorder, StubServer


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def client(sandbox: SandboxServer, sleeps: SleepRecorder) -> Iterator[BookingClient]:
    with BookingClient(sandbox.url, sandbox.staff_token(), sleep=sleeps) as booking_client:
        yield booking_client


@pytest.fixture
def sent() -> Iterator[RequestLog]:
    """Every request the client made during the test (from its own log lines)."""
    logger = logging.getLogger("desktop.api")
    handler = RequestLog()
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(old_level)


@pytest.fixture(scope="session")
def stub_server() -> Iterator[StubServer]:
    server = StubServer()
    yield server
    server.close()


@pytest.fixture
def stub(stub_server: StubServer) -> Iterator[StubServer]:
    stub_server.reset()
    yield stub_server
    stub_server.reset()


@pytest.fixture
def closed_port_url() -> str:
    """A loopback URL where nothing listens: bind a free port, then let it go."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"
