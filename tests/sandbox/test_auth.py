"""Every /platform path wants a valid HS256 staff token of this business."""

from __future__ import annotations

import httpx
import jwt
import pytest

from desktop.sandbox.server import SandboxServer

SERVICES = "/platform/v1/services"
SHAPES = {
    "failure": lambda body: body == {"status": "Failure", "message": "401 Unauthorized"},
    "error": lambda body: body == {"error": "Unauthorized"},
    "errors": lambda body: body.get("success") is False and body["errors"][0]["code"]
    == "unauthorized",
}


def shape_of(body: dict[str, object]) -> str:
    return next(name for name, matches in SHAPES.items() if matches(body))


def test_token_claims(sandbox: SandboxServer) -> None:
    token = sandbox.staff_token(expires_in=600)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert jwt.get_unverified_header(token)["alg"] == "HS256"
    assert claims["business_id"] == sandbox.business_id
    assert claims["sub"]
    assert claims["exp"] - claims["iat"] == 600


def test_missing_token(sandbox: SandboxServer) -> None:
    answer = httpx.get(sandbox.url + SERVICES)
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer", "Basic dXNlcjpwdw==", "Bearer not-a-jwt"])
def test_malformed_token(sandbox: SandboxServer, header: str) -> None:
    assert httpx.get(sandbox.url + SERVICES, headers={"Authorization": header}).status_code == 401


def test_bad_signature(sandbox: SandboxServer) -> None:
    claims = jwt.decode(sandbox.staff_token(), options={"verify_signature": False})
    forged = jwt.encode(claims, "a-secret-that-is-not-the-sandbox-one!", algorithm="HS256")
    answer = httpx.get(sandbox.url + SERVICES, headers={"Authorization": f"Bearer {forged}"})
    assert answer.status_code == 401


def test_expired_token(sandbox: SandboxServer) -> None:
    token = sandbox.staff_token(expires_in=-5)
    answer = httpx.get(sandbox.url + SERVICES, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 401


def test_all_three_401_shapes_appear(sandbox: SandboxServer) -> None:
    seen = [shape_of(httpx.get(sandbox.url + SERVICES).json()) for _ in range(3)]
    assert sorted(seen) == sorted(SHAPES)


def test_token_of_another_business_is_403(sandbox: SandboxServer) -> None:
    token = sandbox.tokens.mint(600, business_id="some-other-business")
    answer = httpx.get(sandbox.url + SERVICES, headers={"Authorization": f"Bearer {token}"})
    assert answer.status_code == 403
    assert answer.json()["error_code"] == "FORBIDDEN"


def test_expire_tokens_fault(sandbox: SandboxServer, api: httpx.Client) -> None:
    assert api.get(SERVICES).status_code == 200
    sandbox.faults.update(expire_tokens=True)
    assert api.get(SERVICES).status_code == 401
    sandbox.faults.update(expire_tokens=False)
    assert api.get(SERVICES).status_code == 200


def test_control_endpoints_need_no_token(sandbox: SandboxServer) -> None:
    answer = httpx.post(sandbox.url + "/__sandbox/token", json={"expires_in": 60})
    assert answer.status_code == 200
    token = answer.json()["data"]["token"]
    assert httpx.get(sandbox.url + SERVICES,
                     headers={"Authorization": f"Bearer {token}"}).status_code == 200
