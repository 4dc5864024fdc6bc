"""Form definitions used by the form tests, the benchmark and the screenshot."""

from __future__ import annotations

from typing import Any

POLICY_TEXT = ("Please give us at least 24 hours' notice if you need to cancel or move your "
               "appointment. Late cancellations and missed appointments are charged 50% of "
               "the service price.")


def api_example() -> dict[str, Any]:
    """The definition shown in API.md, as the API sends it inside ``data``."""
    return {"type": "scheduling", "title": "Book a visit", "sections": [
        {"type": "fields", "title": "Client info", "fields": [
            [{"id": "f1", "label": "Email", "type": "email", "required": True,
              "default_value": ""}],
            [{"id": "f2", "label": "First name", "type": "firstname", "required": True},
             {"id": "f3", "label": "Last name", "type": "lastname", "required": False}]]},
        {"type": "message_info", "fields": [[{"id": "notes", "label": "Notes",
                                              "type": "multiline"}]]},
        {"type": "policies", "fields": [[{"id": "p1", "label": "Cancellation policy",
                                          "type": "policy", "required": True,
                                          "default_value": POLICY_TEXT}]]}]}


def every_type() -> dict[str, Any]:
    """The API.md example extended with every field type API.md names, plus an unknown one."""
    return {"type": "scheduling", "title": "Book a visit", "sections": [
        {"type": "fields", "title": "Client info", "fields": [
            [{"id": "f1", "label": "Email", "type": "email", "required": True,
              "default_value": ""}],
            [{"id": "f2", "label": "First name", "type": "firstname", "required": True},
             {"id": "f3", "label": "Last name", "type": "lastname", "required": False}],
            [{"id": "f4", "label": "Mobile phone", "type": "phone"},
             {"id": "f5", "label": "Title", "type": "title"},
             {"id": "f6", "label": "Full name on the card", "type": "name"}],
            [{"id": "f7", "label": "Home address", "type": "address"}],
            [{"id": "f8", "label": "Date of birth", "type": "datepicker"},
             {"id": "f9", "label": "Insurance member ID", "type": "identifier"}],
            [{"id": "f10", "label": "How did you hear about us?", "type": "dropdown",
              "options": ["Search engine", {"value": "friend", "label": "Friend or family"},
                          {"id": "doc", "name": "Doctor referral"}]},
             {"id": "f11", "label": "Client status", "type": "status"}],
            [{"id": "f12", "label": "Text me appointment reminders", "type": "checkbox",
              "default_value": True},
             {"id": "f13", "label": "Send me the monthly newsletter", "type": "opt-in"}],
            [{"id": "f14", "label": "Reason for visit", "type": "singleline"}],
            [{"id": "f15", "label": "Signature", "type": "signature"}]]},
        {"type": "message_info", "title": "Anything we should know?", "fields": [
            [{"id": "f16", "label": "Subject", "type": "subject"}],
            [{"id": "notes", "label": "Notes", "type": "multiline"}],
            [{"id": "f17", "label": "Referral letter or test results", "type": "documents"}]]},
        {"type": "policies", "title": "Policies", "fields": [
            [{"id": "p1", "label": "Cancellation policy", "type": "policy", "required": True,
              "default_value": POLICY_TEXT}]]}]}


#: The form_data built from every field of :func:`every_type` filled in.
EVERY_JSON = {
    "fields": [
        {"field_id": "f1", "type": "email", "new_data": "ann@example.com"},
        {"field_id": "f2", "type": "firstname", "new_data": "Ann"},
        {"field_id": "f3", "type": "lastname", "new_data": "Lee"},
        {"field_id": "f4", "type": "phone", "new_data": "+1 (555) 123-4567"},
        {"field_id": "f5", "type": "title", "new_data": "Dr"},
        {"field_id": "f6", "type": "name", "new_data": "Ann B. Lee"},
        {"field_id": "f7", "type": "address", "new_data": "12 Main St, Springfield"},
        {"field_id": "f8", "type": "datepicker", "new_data": "1990-05-17"},
        {"field_id": "f9", "type": "identifier", "new_data": "INS-0042"},
        {"field_id": "f10", "type": "dropdown", "new_data": "friend"},
        {"field_id": "f11", "type": "status", "new_data": "New client"},
        {"field_id": "f12", "type": "checkbox", "new_data": False},
        {"field_id": "f13", "type": "opt-in", "new_data": True},
        {"field_id": "f14", "type": "singleline", "new_data": "Back pain"},
        {"field_id": "f15", "type": "signature", "new_data": "A. Lee"},
        {"field_id": "f16", "type": "subject", "new_data": "First visit"},
        {"field_id": "f17", "type": "documents", "new_data": "Will bring the referral letter"},
    ],
    "service_fields": [],
    "others": {"notes": "Prefers mornings."},
    "policies": {"p1": True},
}
