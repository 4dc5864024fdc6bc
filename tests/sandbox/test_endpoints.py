"""Every read endpoint answers the API's envelope and shapes (../shared/API.md)."""

from __future__ import annotations

import httpx

from desktop.sandbox.server import SandboxServer
from tests.sandbox.conftest import event_slots

KNOWN_TYPES = {"singleline", "multiline", "dropdown", "datepicker", "checkbox", "address",
               "identifier", "email", "firstname", "lastname", "phone", "opt-in", "name",
               "policy", "status", "title", "subject", "documents"}


def test_business(sandbox: SandboxServer, api: httpx.Client) -> None:
    answer = api.get(f"/platform/v1/businesses/{sandbox.business_id}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "OK"
    business = body["data"]["business"]
    assert business["id"] == sandbox.business_id
    assert business["name"] == "Harbor Wellness Clinic"
    assert business["time_zone"] == "America/New_York"


def test_unknown_business_is_404(api: httpx.Client) -> None:
    answer = api.get("/platform/v1/businesses/nope")
    assert answer.status_code == 404
    assert answer.json() == {"status": "Error", "error": "Business not found",
                             "error_code": "NOT_FOUND"}


def test_services_are_paged(sandbox: SandboxServer, api: httpx.Client) -> None:
    everything = api.get("/platform/v1/services", params={"business_id": sandbox.business_id})
    data = everything.json()["data"]
    assert data["next_page"] is None
    services = data["services"]
    assert len(services) >= 6
    kinds = {s["interaction_type"] for s in services}
    assert {"client_location", "phone_call", "business_location", "video"} <= kinds
    assert any(s["type"] == "EventService" for s in services)
    assert all({"id", "name", "type", "duration", "price", "currency"} <= s.keys()
               for s in services)

    seen, page = [], 1
    while page is not None:
        data = api.get("/platform/v1/services", params={"page": page, "per_page": 4}).json()["data"]
        assert len(data["services"]) <= 4
        seen += [s["id"] for s in data["services"]]
        page = data["next_page"]
    assert seen == [s["id"] for s in services]


def test_bad_paging_is_400(api: httpx.Client) -> None:
    answer = api.get("/platform/v1/services", params={"page": "zero"})
    assert answer.status_code == 400
    assert answer.json()["error_code"] == "INVALID_PARAMETER"


def test_staff_with_status_filter(sandbox: SandboxServer, api: httpx.Client) -> None:
    path = f"/platform/v1/businesses/{sandbox.business_id}/staffs"
    everyone = api.get(path).json()["data"]["staff"]
    active = api.get(path, params={"status": "active"}).json()["data"]["staff"]
    assert len(active) >= 4
    assert all(member["active"] for member in active)
    assert len(everyone) > len(active)
    chen = next(member for member in active if member["id"] == "st-chen")
    assert chen["display_name"] == "Dr. Maya Chen"
    assert "sv-initial-consult" in chen["service_ids"]


def test_event_instance(api: httpx.Client) -> None:
    slot = event_slots(api)[0]
    answer = api.get(f"/platform/v1/scheduling/event_instance/{slot['event_instance_id']}")
    assert answer.status_code == 200
    instance = answer.json()["data"]["event_instance"]
    assert instance["id"] == slot["event_instance_id"]
    assert instance["service_id"] == "sv-yoga"
    assert instance["start_time"] == slot["start_time"]
    assert instance["spots_open"] == slot["spots_open"]
    assert {"staff_id", "title", "duration", "time_zone", "spots_total"} <= instance.keys()
    assert api.get("/platform/v1/scheduling/event_instance/ei-none").status_code == 404


def test_appointments_by_state_and_client(api: httpx.Client) -> None:
    path = "/platform/v1/scheduling/appointments"
    upcoming = api.get(path, params={"state": "upcoming", "per_page": 100}).json()["data"]
    past = api.get(path, params={"state": "past", "per_page": 100}).json()["data"]
    cancelled = api.get(path, params={"state": "cancelled", "per_page": 100}).json()["data"]
    assert upcoming["appointments"]
    assert past["appointments"]
    assert cancelled["appointments"]
    assert {b["state"] for b in upcoming["appointments"]} <= {"scheduled", "pending"}
    assert all(b["status"] == "cancelled" for b in cancelled["appointments"])
    assert upcoming["next_page"] == 2  # a lived-in calendar has more than a page

    client_id = upcoming["appointments"][0]["client_id"]
    mine = api.get(path, params={"client_id": client_id}).json()["data"]["appointments"]
    assert mine
    assert {b["client_id"] for b in mine} == {client_id}
    assert api.get(path, params={"state": "soon"}).status_code == 400


def test_client_search(api: httpx.Client) -> None:
    path = "/platform/v1/clients"
    everyone = []
    page = 1
    while page:
        data = api.get(path, params={"page": page, "per_page": 100}).json()["data"]
        everyone += data["clients"]
        page = data["next_page"]
    assert len(everyone) >= 150
    someone = next(c for c in everyone if c["email"] and c["phone"])

    by_name = api.get(path, params={"search_term": someone["last_name"].upper()}).json()
    assert someone["id"] in [c["id"] for c in by_name["data"]["clients"]]

    by_email = api.get(path, params={"search_term": someone["email"].upper(),
                                     "search_by": "email"}).json()["data"]["clients"]
    assert [c["id"] for c in by_email] == [someone["id"]]
    partial = api.get(path, params={"search_term": someone["email"][:3],
                                    "search_by": "email"}).json()["data"]["clients"]
    assert someone["id"] not in [c["id"] for c in partial]  # search_by=email is exact

    digits = "".join(ch for ch in someone["phone"] if ch.isdigit())
    by_phone = api.get(path, params={"search_term": f"({digits[1:4]}) {digits[4:7]}-{digits[7:]}",
                                     "search_by": "phone"}).json()["data"]["clients"]
    assert someone["id"] in [c["id"] for c in by_phone]

    by_uid = api.get(path, params={"search_term": someone["id"], "search_by": "uid"}).json()
    assert by_uid["data"]["clients"] == [someone]
    assert api.get(path, params={"search_term": "zzzz-nobody"}).json()["data"]["clients"] == []


def test_scheduling_form_on_both_paths(sandbox: SandboxServer, api: httpx.Client) -> None:
    seed_path = api.get("/platform/v1/forms", params={
        "business_id": sandbox.business_id, "form_type": "scheduling",
        "service_uid": "sv-massage"}).json()
    vendor_path = api.get("/platform/v1/scheduling/scheduling_forms/get_form", params={
        "business_id": sandbox.business_id, "service_uid": "sv-massage"}).json()
    assert seed_path == vendor_path
    form = seed_path["data"]
    assert form["type"] == "scheduling"
    sections = form["sections"]
    assert {s["type"] for s in sections} == {"fields", "message_info", "policies"}
    fields = [f for s in sections for row in s["fields"] for f in row]
    types = {f["type"] for f in fields}
    assert types >= KNOWN_TYPES
    assert types - KNOWN_TYPES == {"signature"}  # one type the app has never seen
    by_id = {f["id"]: f for f in fields}
    assert by_id["q_email"]["required"]
    assert by_id["q_first"]["required"]
    assert by_id["q_referral"]["options"]
    assert by_id["p_cancel"]["required"]
    assert by_id["p_cancel"]["default_value"]
    notes_section = next(s for s in sections if s["type"] == "message_info")
    assert "notes" in [f["id"] for row in notes_section["fields"] for f in row]


def test_form_differs_per_service(api: httpx.Client) -> None:
    def field_ids(service: str) -> set[str]:
        form = api.get("/platform/v1/forms", params={"service_uid": service}).json()["data"]
        return {f["id"] for s in form["sections"] for row in s["fields"] for f in row}

    physio, massage = field_ids("sv-physio"), field_ids("sv-massage")
    assert physio - massage == {"q_concern_area"}
    assert {"q_email", "q_first", "q_last", "q_phone"} <= physio & massage
    assert api.get("/platform/v1/forms", params={"service_uid": "sv-nope"}).status_code == 404


def test_unknown_path_and_wrong_method(api: httpx.Client) -> None:
    missing = api.get("/platform/v1/nothing-here")
    assert missing.status_code == 404
    assert missing.json()["status"] == "Error"
    outside = api.get("/robots.txt")
    assert outside.status_code == 404
    assert outside.json()["error_code"] == "NOT_FOUND"
    wrong = api.delete("/platform/v1/services")
    assert wrong.status_code == 405
    assert wrong.json()["error_code"] == "METHOD_NOT_ALLOWED"
    assert wrong.headers["Allow"] == "GET"


def test_connections_are_kept_alive(sandbox: SandboxServer, api: httpx.Client) -> None:
    ports = set()
    for _ in range(5):
        answer = api.get("/platform/v1/services", extensions={})
        assert answer.status_code == 200
        assert answer.http_version == "HTTP/1.1"
        stream = answer.extensions["network_stream"]
        ports.add(stream.get_extra_info("client_addr"))
    assert len(ports) == 1  # one connection reused for every request
