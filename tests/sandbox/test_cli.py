"""``python -m desktop.sandbox`` runs alone, prints what a person needs, stops on Ctrl+C."""

from __future__ import annotations

import signal
import subprocess
import sys

import httpx


def test_module_prints_url_business_and_token() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "desktop.sandbox", "--port", "0", "--seed", "7"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline().strip() for _ in range(3)]
        url = lines[0].rsplit(" ", 1)[-1]
        business = lines[1].rsplit(" ", 1)[-1]
        token = lines[2].rsplit(" ", 1)[-1]
        assert url.startswith("http://127.0.0.1:")
        assert business == "hwc-3f9a2b71"
        assert "12 h" in lines[2]
        answer = httpx.get(f"{url}/platform/v1/businesses/{business}",
                           headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, err
    assert f"GET /platform/v1/businesses/{business} 200" in out
    assert token not in out.split(lines[2], 1)[-1]  # never in a log line
    assert "Sandbox stopped." in out
