"""The sandbox's sample business (resources/sample_data), as the tests name its parts."""

from __future__ import annotations

CLINIC_ZONE = "America/New_York"
#: An appointment service, a staff member who offers it, an event service.
MASSAGE = "sv-massage"
MASSAGE_STAFF = "st-ramirez"
YOGA = "sv-yoga"
KNOWN_CLIENT = "cl-658ef30d"
#: Every staff member of the sample business (the API requires staff ids for open times).
SAMPLE_STAFF = ["st-chen", "st-okafor", "st-ramirez", "st-nair", "st-walsh"]
